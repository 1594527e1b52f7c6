/**
 * Retrieval families (issue #13, retr15): made-up shop texts, so no dev store's wording is assumed.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer } from "../../app/chat/knowledge";

const first = (shop: Parameters<typeof shopAnswer>[0], question: string) => shopAnswer(shop, question)[0]?.passage.text;

describe("words that ask about money", () => {
  const shop = {
    policies: [],
    faqs: [
      { question: "Do you sell gift vouchers?", answer: "Yes, vouchers come in $20, $40 and $80 and never lapse." },
      { question: "Do you price match?", answer: "We don't match other retailers' prices." },
      { question: "Do you have a store?", answer: "We're online only." },
      {
        question: "Can I return an item?",
        answer: "You can return unworn items within 30 days. Return shipping costs $6.",
      },
    ],
  };

  it("are one concept: a list of prices is not a price match for 'the price … cheaper'", () => {
    expect(first(shop, "Will you match the price if another shop sells it cheaper?")).toBe(
      "We don't match other retailers' prices.",
    );
  });
});
