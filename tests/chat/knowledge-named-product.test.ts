/**
 * A question that names one product (a word of its name no other product's name has) is answered
 * by a sentence of that product's description that says some of the rest of the question, even
 * where the shopper's other words are ones the shop never writes. A word shared by several
 * products' names ("kayak") names a kind, not a product, and a description that says nothing
 * else of the question still answers nothing. Made-up shop and catalog.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer, tracedShopAnswer } from "../../app/chat/knowledge";
import type { Product } from "../../app/commerce/types";

const product = (handle: string, title: string, description: string): Product => ({
  id: handle,
  title,
  handle,
  status: "ACTIVE",
  productType: "",
  vendor: "",
  tags: [],
  description,
  onlineStoreUrl: null,
  imageUrl: null,
  isGiftCard: false,
  options: [],
  totalInventory: 5,
  priceRange: { min: "1", max: "1" },
  variants: [],
});

const products = new Map(
  [
    product(
      "lumo-kayak",
      "Lumo Touring Kayak",
      "A stable touring kayak with two dry hatches. Cockpit length 92 cm, so most adults can sit in it with their knees bent. Hull in recycled polyethylene.",
    ),
    product("brisa-kayak", "Brisa Kayak", "A light sit-on-top kayak for calm water. Weighs 18 kg with its seat."),
    product("orca-paddle", "Orca Paddle", "A carbon paddle in two pieces, 220 cm long."),
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
