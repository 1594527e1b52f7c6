/**
 * "Do you sell …?" asks whether the shop sells a thing: a sentence that only mentions the thing (a part
 * of another product, a use) doesn't answer it; one that says it is sold does. Made-up shop and catalog.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer, tracedShopAnswer } from "../../app/chat/knowledge";
import { madeUpProduct } from "../helpers/made-up-product";

const products = new Map(
  [
    madeUpProduct(
      "Orca Carbon Paddle",
      "A carbon paddle in two pieces, 220 cm long, with rubber drip rings and a feathering ferrule. Spare blades are sold separately.",
    ),
    madeUpProduct("Brisa Kayak", "A light sit-on-top kayak for calm water. Weighs 18 kg with its seat."),
  ].map((p) => [p.handle, p]),
);
const shop = {
  policies: [],
  faqs: [{ question: "Do you sell gift cards?", answer: "Yes: digital gift cards of €20 and €50, sent by email." }],
  pages: [],
};
const first = (question: string) => shopAnswer(shop, question, { products })[0]?.passage.text;

describe("a question whether the shop sells something", () => {
  it("is not answered by a sentence that only mentions the thing", () => {
    const { hits, gate } = tracedShopAnswer(shop, "do you sell replacement drip rings for the carbon paddle?", {
      products,
    });
    expect(hits).toEqual([]);
    expect(gate).toBe("not-what-the-shop-sells");
  });

  it("is answered by a sentence that says it is sold, or an FAQ that asks it", () => {
    expect(first("do you sell spare blades for the orca paddle?")).toMatch(/^Spare blades are sold separately/);
    expect(first("¿venden tarjetas de regalo?")).toMatch(/^Yes: digital gift cards/);
  });
});
