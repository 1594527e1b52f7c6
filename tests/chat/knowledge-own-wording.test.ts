/**
 * A word the shop never writes is most often the thing it doesn't offer ("a loyalty card?"), and the best
 * sentence must then say half the question. One such word in a long question is the shopper's own wording of
 * something the shop writes about ("…with a nickname"): the usual bar holds. Made-up shop texts.
 */
import { describe, expect, it } from "vitest";
import { tracedShopAnswer } from "../../app/chat/knowledge";

const shop = {
  policies: [
    {
      type: "SHIPPING_POLICY",
      title: "Shipping policy",
      url: "https://shop.test/policies/shipping-policy",
      body: "Orders ship within 2 business days. Engraved boards ship within 5 business days. We ship to France and Belgium. Express delivery costs €9.",
    },
  ],
  faqs: [
    { question: "What wood do you use?", answer: "Walnut and olive wood from France." },
    { question: "Do you have a loyalty programme?", answer: "Not yet, but our newsletter has offers." },
  ],
  pages: [],
};

describe("a word the shop never writes", () => {
  it("in a long question, is the shopper's wording: the best sentence answers", () => {
    const { hits } = tracedShopAnswer(
      shop,
      "how long until an engraved walnut board with a nickname ships to Belgium by express delivery?",
    );
    expect(hits[0]?.passage.text).toBe("Engraved boards ship within 5 business days.");
  });

  it("in a short question, is what the shop doesn't offer: no quote", () => {
    const { hits, gate } = tracedShopAnswer(shop, "do you have a loyalty card?");
    expect(hits).toEqual([]);
    expect(gate).toBe("unknown-word");
  });
});
