/**
 * "la plus grosse ?", "the smaller one" right after a list: the listed product the shop's own
 * measures (capacity, or the weight its title states) make biggest or smallest, answered about.
 */
import { describe, expect, it } from "vitest";
import { productMeasure } from "../../app/chat/catalog/measure";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

describe("productMeasure", () => {
  it("reads capacity first, then a weight in the title", () => {
    expect(productMeasure({ title: "Summit 30 Daypack", description: "A 30-liter pack. Weight: 1.1 kg." })).toEqual({
      kind: "volume",
      amount: 30000,
    });
    expect(productMeasure({ title: "Mug (35 cl)", description: "" })).toEqual({ kind: "volume", amount: 350 });
    expect(productMeasure({ title: "Bougie (300 g)", description: "" })).toEqual({ kind: "weight", amount: 300 });
    expect(productMeasure({ title: "Beanie", description: "One size." })).toBeNull();
  });
});

describe("a size choice after a list", () => {
  it("picks the biggest candle and describes it (Coquelicot)", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("je cherche une bougie");
    const biggest = await say("la plus grosse ?");
    expect(biggest.intent).toBe("product_info");
    expect(biggest.text).toMatch(/Bois d'hiver/);
    expect(biggest.text).not.toMatch(/ne le précise pas/);
  });
});
