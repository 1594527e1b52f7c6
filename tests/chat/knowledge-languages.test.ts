/**
 * Reading a shop that writes in two languages, places named by the shopper, an FAQ's direct answer
 * and words that must not meet the wrong sentence. Made-up shop texts only.
 */
import { describe, expect, it } from "vitest";
import { bestPassages, mentionedCountry, searchKnowledge, shopAnswer, terms } from "../../app/chat/knowledge";
import { thresholdSweep } from "../../app/eval/retrieval";

// A bilingual shop: each rule in French, then in English.
const shop = {
  policies: [
    {
      type: "REFUND_POLICY",
      title: "Retours / Returns",
      url: "https://shop.test/policies/refund-policy",
      body:
        "Vous avez 21 jours à compter de la date de commande pour retourner un article. Les frais de retour sont à votre charge.\n\n" +
        "English version\n\nYou have 21 days from the order date to return an item. Return postage is paid by you.",
    },
    {
      type: "SHIPPING_POLICY",
      title: "Livraison / Shipping",
      url: "https://shop.test/policies/shipping-policy",
      body:
        "Nous livrons en Norvège et en Finlande. Nous ne livrons pas en dehors de ces pays.\n\n" +
        "English version\n\nWe ship to Norway and Finland. We don't ship anywhere else.",
    },
  ],
  faqs: [
    {
      question: "Which cards do you take?",
      answer: "We accept Visa and Mastercard. We don't accept Diners Club. Cards are charged when the order ships.",
    },
  ],
  pages: [
    {
      title: "Care",
      handle: "care",
      url: "https://shop.test/pages/care",
      body: "Une bougie se laisse brûler 3 heures au premier allumage.",
    },
  ],
};

describe("a shop that writes in two languages", () => {
  it("quotes the version in the shopper's language", () => {
    expect(searchKnowledge(shop, "Who pays the postage to send an item back?")[0]?.passage.text).toBe(
      "Return postage is paid by you.",
    );
    expect(searchKnowledge(shop, "Qui paie les frais de retour ?")[0]?.passage.text).toBe(
      "Les frais de retour sont à votre charge.",
    );
  });

  it("reads 'à votre charge' as who pays", () => {
    expect(terms("Les frais de retour sont à votre charge.", "fr")).toContain(terms("pay", "en")[0]);
  });
});

describe("places the shopper names", () => {
  it("knows any country by its name in English, Spanish or French", () => {
    expect(mentionedCountry("¿Envían a Noruega?")).toMatchObject({ code: "NO" });
    expect(mentionedCountry("Livrez-vous en Finlande ?")).toMatchObject({ code: "FI" });
    expect(mentionedCountry("Do you ship to Guatemala?")).toMatchObject({ code: "GT" });
    // Everyday words that are also country names are not places.
    expect(mentionedCountry("Is the jersey machine washable?")).toBeNull();
  });

  it("asks about a country the texts never name as 'other countries'", () => {
    const [top] = shopAnswer(shop, "Can you deliver to Guatemala?");
    expect(top?.passage.text).toMatch(/anywhere else|en dehors de ces pays/);
  });

  it("asks about a named country in the words the shop uses for it", () => {
    const [top] = shopAnswer(shop, "¿Envían a Noruega?");
    expect(top?.passage.text).toMatch(/Norvège|Norway/);
  });
});

describe("an FAQ's direct answer", () => {
  it("comes with a later sentence of the FAQ that matched better, even when it shares no word with the question", () => {
    const texts = bestPassages(shop, "Diners Club?").map((h) => h.passage.text);
    expect(texts).toContain("We don't accept Diners Club.");
    expect(texts).toContain("We accept Visa and Mastercard.");
  });
});

describe("words that must not meet the wrong sentence", () => {
  it("does not read French articles as the number one, nor 'bougie' (candle) as 'move'", () => {
    const candle = terms("Une bougie", "fr");
    expect(candle).not.toContain(terms("one", "en")[0]);
    expect(candle).not.toContain(terms("move", "en")[0]);
  });

  it("does not let another language's short stem of a word prefix-match unrelated words", () => {
    const local = {
      policies: [
        {
          type: "SHIPPING_POLICY",
          title: "Shipping",
          url: "https://shop.test/policies/shipping-policy",
          body: "Free-shipping thresholds apply to the goods total.",
        },
      ],
      faqs: [],
    };
    expect(shopAnswer(local, "Can I return it three weeks later?")).toEqual([]);
  });
});

describe("a word the shop never writes", () => {
  it("needs a stronger match: 'parking near the shop' isn't answered by the shop's address", () => {
    const local = {
      policies: [],
      faqs: [{ question: "Do you have a shop?", answer: "Our shop is at 5 Elm Street, open Monday to Friday." }],
    };
    // The shop's sentence covers most of the question (its rarer words counting more), but not the word it is about.
    expect(searchKnowledge(local, "Is there parking at your shop?")[0]?.relevance).toBeGreaterThan(0.35);
    expect(shopAnswer(local, "Is there parking at your shop?")).toEqual([]);
    expect(shopAnswer(local, "When is the shop open?")[0]?.passage.text).toContain("open Monday to Friday");
  });
});

describe("calibrating the threshold", () => {
  it("counts, at each threshold, the answers kept and the abstentions", () => {
    const results = [
      {
        id: "a",
        question: "",
        expected: ["yes"],
        quoted: [{ text: "yes", source: "FAQ", relevance: 0.5 }],
        correct: true,
      },
      {
        id: "b",
        question: "",
        expected: ["yes"],
        quoted: [{ text: "no", source: "FAQ", relevance: 0.6 }],
        correct: false,
      },
      {
        id: "c",
        question: "",
        expected: null,
        quoted: [{ text: "maybe", source: "FAQ", relevance: 0.3 }],
        correct: false,
      },
    ];
    expect(thresholdSweep(results, [0.2, 0.4, 0.55])).toEqual([
      { threshold: 0.2, recallAt1: 0.5, abstention: 0 },
      { threshold: 0.4, recallAt1: 0.5, abstention: 1 },
      { threshold: 0.55, recallAt1: 0, abstention: 1 },
    ]);
  });
});
