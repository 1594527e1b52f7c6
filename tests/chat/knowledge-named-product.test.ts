/**
 * A question that names one product (a word of its name no other product's name has) is answered
 * by a sentence of that product's description that says some of the rest of the question, even
 * where the shopper's other words are ones the shop never writes. A word shared by several
 * products' names ("kayak") names a kind, not a product, and a description that says nothing
 * else of the question still answers nothing. Made-up shop and catalog.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer, tracedShopAnswer } from "../../app/chat/knowledge";
import { madeUpProduct } from "../helpers/made-up-product";

const products = new Map(
  [
    madeUpProduct(
      "Lumo Touring Kayak",
      "A stable touring kayak with two dry hatches. Cockpit length 92 cm, so most adults can sit in it with their knees bent. Hull in recycled polyethylene.",
    ),
    madeUpProduct("Brisa Kayak", "A light sit-on-top kayak for calm water. Weighs 18 kg with its seat."),
    madeUpProduct("Orca Paddle", "A carbon paddle in two pieces, 220 cm long."),
  ].map((p) => [p.handle, p]),
);
const shop = {
  policies: [
    {
      type: "REFUND_POLICY",
      title: "Refund policy",
      url: "https://shop.test/policies/refund-policy",
      body: "You can return unused items within 20 days of delivery. Refunds go to the original payment method.",
    },
  ],
  faqs: [],
  pages: [],
};
const first = (question: string) => shopAnswer(shop, question, { products })[0]?.passage.text;

describe("a question that names one product", () => {
  it("is answered by that product's sentence that says more of it than the name", () => {
    expect(first("lumo - can a grown up fit inside it?")).toMatch(/^Cockpit length 92 cm/);
    expect(first("is the Brisa kayak heavy to carry to the water?")).toMatch(/^A light sit-on-top kayak/);
  });

  it("still gets nothing when the description says nothing else of it", () => {
    const { hits, gate } = tracedShopAnswer(shop, "does the lumo come with a spray skirt?", { products });
    expect(hits).toEqual([]);
    expect(gate).toBe("below-relevance");
  });

  it("is not a question about a kind of product several names share", () => {
    expect(first("are your kayaks made in Canada?")).toBeUndefined();
  });
});
