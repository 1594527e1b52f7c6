/**
 * Retrieval recall (issue #13): folded accents still stem like the written word, a question without
 * cue words takes its language from the vocabulary, run-together words, English words found in their
 * Spanish/French spelling, and the FAQ whose own question the shopper asks answers with its opening.
 * Made-up shop texts, so no dev store's wording is assumed.
 */
import { describe, expect, it } from "vitest";
import { languageOf, shopAnswer, terms } from "../../app/chat/knowledge";
import { foldedStemIn, stemIn } from "../../app/chat/knowledge/stemming";

describe("stems of accent-folded words", () => {
  it("stems a folded French '-ée' and Spanish '-ción' as the accented word", () => {
    expect(stemIn("livree", "fr")).toBe(stemIn("livrer", "fr"));
    expect(stemIn("annulees", "fr")).toBe(stemIn("annuler", "fr"));
    expect(stemIn("devolucion", "es")).toBe(stemIn("devoluciones", "es"));
    expect(stemIn("cancelacion", "es")).toBe(stemIn("cancelar", "es"));
    // English is untouched: "agree" and "fees" are not French participles.
    expect(stemIn("agree", "en")).toBe("agre");
  });

  it("keeps the folded stem for comparisons that must not merge a participle with its noun", () => {
    expect(foldedStemIn("parfumee", "fr")).not.toBe(foldedStemIn("parfum", "fr"));
  });
});

describe("the language of a question with no cue word", () => {
  it("is the one its support words are only in", () => {
    expect(languageOf("aceptan paypal")).toBe("es");
    expect(languageOf("colis perdu")).toBe("fr");
    expect(languageOf("parcel lost")).toBe("en");
  });
});

const shop = {
  policies: [
    {
      type: "SHIPPING_POLICY",
      title: "Shipping policy",
      url: "https://shop.test/policies/shipping-policy",
      body: "Orders leave our workshop within 2 business days. Parcels go by post.",
    },
  ],
  faqs: [
    {
      question: "Do gift cards expire?",
      answer: "No, gift cards are valid forever. A lost gift card can be replaced once.",
    },
    {
      question: "Puis-je annuler ma commande ?",
      answer:
        "Oui, tant qu'elle n'a pas été expédiée : écrivez-nous vite. Une commande en retrait peut être annulée tant qu'elle n'a pas été retirée.",
    },
  ],
  pages: [
    {
      title: "Personnalisation",
      handle: "personnalisation",
      url: "https://shop.test/pages/personnalisation",
      body: "La gravure accepte 12 caractères au plus.",
    },
  ],
};
const first = (question: string) => shopAnswer(shop, question)[0]?.passage.text ?? "";

describe("finding the sentence in other words", () => {
  it("splits two words typed as one where the shop writes both", () => {
    expect(first("do giftcards expire")).toMatch(/gift cards are valid forever/);
  });

  it("finds an English word in its French spelling", () => {
    expect(terms("characters", "en")).toEqual(["charact"]);
    expect(first("how many characters can the engraving have?")).toMatch(/12 caractères/);
  });

  it("answers with the FAQ's opening when the shopper asks its question", () => {
    expect(first("Can I cancel my order?")).toMatch(/^Oui, tant qu'elle n'a pas été expédiée/);
  });
});
