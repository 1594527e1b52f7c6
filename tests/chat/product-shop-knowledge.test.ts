/**
 * A product question its description doesn't answer is asked of the shop's FAQs and pages: the
 * product's name the shopper wrote is part of what is asked ("which grind for the Kalita?" is
 * answered by the sentence naming it, not the FAQ's opening). Made-up shop and product.
 */
import { describe, expect, it } from "vitest";
import { shopKnowledge } from "../../app/chat/answers/product/facts";
import { withoutName } from "../../app/chat/answers/product/asked";
import { preprocess } from "../../app/chat/preprocess";
import type { Turn } from "../../app/chat/types";
import type { Product } from "../../app/commerce/types";

const dripper: Product = {
  id: "gid://shopify/Product/1",
  title: "Kalita Wave dripper",
  handle: "kalita-wave-dripper",
  status: "ACTIVE",
  productType: "",
  vendor: "",
  tags: [],
  description: "A flat-bottomed steel dripper for one to two cups. Dishwasher safe.",
  onlineStoreUrl: "https://shop.test/products/kalita-wave-dripper",
  imageUrl: null,
  isGiftCard: false,
  options: [],
  totalInventory: 3,
  priceRange: { min: "30.00", max: "30.00" },
  variants: [],
};

const shop = {
  policies: [],
  faqs: [
    {
      question: "Which grind should I choose?",
      answer:
        "Whole beans if you own a grinder: they keep their aroma longest. Espresso grind: fine, for espresso machines. " +
        "Filter grind: medium, for the Kalita, pour-over cones and drip machines. French press grind: coarse.",
    },
  ],
  pages: [],
};

function turnFor(question: string): Turn {
  const pre = preprocess(question);
  return {
    pre,
    language: pre.language,
    entities: { product: "Kalita" },
    productHandle: dripper.handle,
    intent: {
      intent: "product_info",
      confidence: 0.9,
      predicted: "product_info",
      lowConfidence: false,
      alternatives: [],
    },
    state: {},
    shopper: { customerId: null },
    ctx: { shop } as unknown as Turn["ctx"],
  } as Turn;
}

describe("a product question the shop's FAQ answers", () => {
  it("quotes the FAQ's sentence that names the product the shopper asked about", () => {
    const question = "What grind do I use for the Kalita?";
    const turn = turnFor(question);
    const found = shopKnowledge(turn, withoutName(question, dripper, "Kalita", false), dripper);
    expect(found?.quote).toContain("medium, for the Kalita");
  });
});
