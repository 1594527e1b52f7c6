/**
 * Ordinary messages this session's follow-up rules must leave alone (found by a review of the change):
 * shipping and product questions after the return policy, "larger"/"mayor" that picks no product,
 * a count of something other than the stock, and a code asked of a gift card or of a name shared by
 * several products.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { codeCoversProduct } from "../../app/chat/policy/discounts";
import { asksStockCount } from "../../app/chat/answers/product/render";
import { demoConversation } from "../helpers/chat-context";

const colibri = () => demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))) });

describe("after the return policy, another topic's question is that topic", () => {
  it.each([
    ["how many days does shipping take?", "shipping_options"],
    ["do you ship within 2 days?", "shipping_options"],
  ])("%j reads as %s", async (text, intent) => {
    const say = await demoConversation();
    await say("what's your return policy?");
    expect((await say(text)).intent).toBe(intent);
  });

  it("a product question that says 'used' is a product question", async () => {
    const say = await demoConversation();
    await say("what's your return policy?");
    const reply = await say("is the headlamp waterproof if used in rain?");
    expect(reply.intent).not.toBe("return_policy");
    expect(reply.text).toMatch(/IPX7|waterproof/i);
  });

  it.each(["what are the exceptions?", "who pays?", "from delivery?"])("%j stays on the return rule", async (text) => {
    const say = await demoConversation();
    await say("what's your return policy?");
    expect((await say(text)).intent).toBe("return_policy");
  });
});

describe("'larger' or 'mayor' after a list picks a product only when it asks for one", () => {
  it("larger orders are shipping, not the biggest pack", async () => {
    const say = await demoConversation();
    await say("show me daypacks");
    const reply = await say("do you ship larger orders for free?");
    expect((reply.products ?? []).map((p) => p.title)).not.toContain("Expedition 65 Backpack");
  });

  it("a larger size in the jackets is not the biggest pack's sizes", async () => {
    const say = await demoConversation();
    await say("show me daypacks");
    const reply = await say("do you have a larger size in the jackets?");
    expect(reply.text).not.toMatch(/Expedition 65/);
  });

  it("'al por mayor' (wholesale) is not the biggest thermos", async () => {
    const say = await colibri();
    await say("¿tienen termos?");
    const reply = await say("¿venden al por mayor?");
    expect(reply.text).not.toMatch(/500 ml/);
  });

  it("'is there a bigger one?' with a listed product in focus does not repeat that product", async () => {
    const say = await demoConversation();
    await say("show me daypacks");
    await say("tell me about the Summit 30 Daypack");
    const reply = await say("is there a bigger one?");
    expect(reply.products ?? []).toHaveLength(0);
    expect(reply.text).not.toMatch(/^Summit 30 Daypack:/);
  });

  it("'the bigger one' after a list still picks the biggest", async () => {
    const say = await demoConversation();
    await say("show me daypacks");
    const reply = await say("how much is the bigger one?");
    expect((reply.products ?? []).map((p) => p.title)).toEqual(["Expedition 65 Backpack"]);
  });
});

describe("a count of something else is no stock count", () => {
  it.each(["how many colors are available?", "¿cuántas piezas hay en el kit?", "¿cuánto tiempo le queda de garantía?"])(
    "%j",
    (text) => expect(asksStockCount(text, { title: "Kit navideño", productType: "Kits", variants: [] })).toBe(false),
  );
  const headlamp = { title: "Headlamp 400", productType: "Lighting", variants: [] };
  it.each(["how many are left?", "how many headlamps are available?", "¿cuántos quedan?", "combien il en reste ?"])(
    "%j still asks the stock",
    (text) => expect(asksStockCount(text, headlamp)).toBe(true),
  );
});

describe("a code and a gift card, or a name several products share", () => {
  it("a gift card is never covered, whatever the summary says", () => {
    const giftCard = { productType: "Gift card", tags: [], description: "", isGiftCard: true };
    expect(codeCoversProduct("10% off entire order • For first-time customers", giftCard).covers).toBe("no");
  });

  it("a name four products share gets no single product's verdict", async () => {
    const say = await demoConversation();
    await say("tell me about the WELCOME10 code");
    const reply = await say("what about on the ridgeline?");
    for (const title of ["Ridgeline Down Jacket", "Ridgeline 2 Backpacking Tent", "Ridgeline 1 Solo Tent"])
      expect(reply.text).toContain(title);
  });
});
