/**
 * "Does TRAIL20 work on the tent?": a discount follow-up that names a product is answered with that
 * product and the verdict the code's own terms give (order-wide, excluded kinds, final sale, gift
 * cards), not only the terms again. Facts come from the demo snapshots.
 */
import { describe, expect, it } from "vitest";
import { codeCoversProduct } from "../../app/chat/policy/discounts";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const product = (
  over: Partial<{ title: string; productType: string; tags: string[]; description: string; isGiftCard: boolean }>,
) => ({
  title: "Thing",
  productType: "Gear",
  tags: [],
  description: "",
  isGiftCard: false,
  ...over,
});

describe("codeCoversProduct", () => {
  const orderWide = "$20 off entire order • Minimum purchase of $150.00 • Excludes gift cards and final-sale items";
  it("an order-wide code covers an ordinary product, not a final-sale one or a gift card", () => {
    expect(codeCoversProduct(orderWide, product({ tags: ["tents"] }))).toEqual({ covers: "yes" });
    expect(codeCoversProduct(orderWide, product({ tags: ["sale", "final-sale"] }))).toEqual({
      covers: "no",
      why: "final_sale",
    });
    expect(codeCoversProduct(orderWide, product({ isGiftCard: true }))).toEqual({ covers: "no", why: "gift_card" });
  });
  it("a 'sale' tag is not the final-sale exclusion", () => {
    expect(codeCoversProduct(orderWide, product({ tags: ["jackets", "sale"] }))).toEqual({ covers: "yes" });
  });
  it("a code for some kinds covers them and not the kinds it excludes", () => {
    const scoped =
      "15 % en equipo para preparar café (molinos, prensas) • Compra mínima de $1,000.00 MXN • No aplica en café, cursos ni tarjetas de regalo";
    expect(codeCoversProduct(scoped, product({ productType: "Equipo", tags: ["equipo", "molino"] }))).toEqual({
      covers: "yes",
    });
    expect(codeCoversProduct(scoped, product({ productType: "Café", tags: ["cafe", "chiapas"] }))).toEqual({
      covers: "no",
      why: "excluded",
    });
    expect(codeCoversProduct(scoped, product({ productType: "Accesorios", tags: ["taza"] }))).toEqual({
      covers: "unknown",
    });
  });
  it("reads French terms", () => {
    const fr = "10 % sur toute la commande • Première commande uniquement • Hors cartes cadeaux";
    expect(codeCoversProduct(fr, product({ productType: "Linge de table", tags: ["nappe"] }))).toEqual({
      covers: "yes",
    });
    expect(codeCoversProduct(fr, product({ productType: "Carte cadeau", isGiftCard: true }))).toEqual({
      covers: "no",
      why: "gift_card",
    });
    const summer = "20 % sur toute la commande • Hors cartes cadeaux et articles seconde choix";
    expect(codeCoversProduct(summer, product({ tags: ["seconde-choix", "final-sale"] })).covers).toBe("no");
  });
});

describe("a discount question naming a product", () => {
  it("names the product and says the code works on it", async () => {
    const say = await demoConversation();
    const reply = await say("does trail20 work on the ridgeline 2 tent?");
    expect(reply.text).toMatch(/Ridgeline 2 Backpacking Tent/);
    expect(reply.text).toMatch(/TRAIL20 works on/);
  });
  it("says a follow-up's product is excluded, in Spanish", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))) });
    const first = await say("¿MOLIENDA15 sirve para el Timemore C3?");
    expect(first.text).toMatch(/Timemore C3/);
    const second = await say("¿y para el café Chiapas?");
    expect(second.text).toMatch(/MOLIENDA15 no aplica/);
    expect(second.text).toMatch(/Chiapas/);
  });
  it("reads 'what about on X' after a code as the same question about X", async () => {
    const say = await demoConversation();
    await say("does trail20 work on the ridgeline 2 tent?");
    const other = await say("what about on the switchback trail runners");
    expect(other.intent).toBe("discount_code");
    expect(other.text).toMatch(/TRAIL20 doesn't apply to Switchback Trail Runner/);
    expect((await say("when does it expire")).intent).toBe("discount_code");
  });
});
