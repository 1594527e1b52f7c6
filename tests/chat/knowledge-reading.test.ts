/**
 * Reading the shop's text: stemming per language, the bilingual vocabulary, WordNet synonyms,
 * pages and product descriptions as sources, and the threshold below which the bot abstains.
 * Made-up shop texts, so no dev store's wording is assumed.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer, terms } from "../../app/chat/knowledge";
import { pivotOf } from "../../app/chat/knowledge/lexicon";
import { stemIn } from "../../app/chat/knowledge/stemming";
import { synonymsOf } from "../../app/chat/knowledge/synonyms";

const shop = {
  policies: [
    {
      type: "REFUND_POLICY",
      title: "Refund policy",
      url: "https://shop.test/policies/refund-policy",
      body: "You can return unused items within 21 days of delivery. Refunds go back to the original card.",
    },
  ],
  faqs: [{ question: "¿Hacen envíos internacionales?", answer: "Sólo enviamos dentro de Chile." }],
  pages: [
    {
      title: "Guide d'entretien",
      handle: "entretien",
      url: "https://shop.test/pages/entretien",
      body: "Le lin se lave en machine à 30 °C. Ne passe pas au sèche-linge.",
    },
  ],
};

describe("stemming and the bilingual vocabulary", () => {
  it("gives inflections of a word one stem in each language", () => {
    expect(stemIn("washing", "en")).toBe(stemIn("washes", "en"));
    expect(stemIn("pedidos", "es")).toBe(stemIn("pedido", "es"));
    expect(stemIn("remboursements", "fr")).toBe(stemIn("remboursement", "fr"));
  });

  it("maps Spanish and French support words, and their inflections, onto one English word", () => {
    expect(pivotOf("lavable", "fr")).toBe("wash");
    expect(pivotOf("devolver", "es")).toBe("return");
    expect(pivotOf("debitee", "fr")).toBe("charge");
    // "¿cómo entro a mi curso?" meets "Entrar al curso" ("entro" and "entrar" stem apart).
    expect(pivotOf("entro", "es")).toBe(pivotOf("entrar", "es"));
    // A form counts only in its own language: "four" is an oven in French, a number in English.
    expect(pivotOf("four", "fr")).toBe("oven");
    expect(pivotOf("four", "en")).toBeNull();
    expect(terms("lave-vaisselle", "fr")).toEqual(terms("dishwasher", "en"));
  });

  it("has WordNet synonyms for words a shop may not use", () => {
    expect(synonymsOf(terms("guarantee", "en")[0])).toContain(terms("warrant", "en")[0]);
  });
});

describe("shopAnswer", () => {
  it("says nothing when nothing in the shop's text answers", () => {
    expect(shopAnswer(shop, "Do you have a loyalty points programme?")).toEqual([]);
    expect(shopAnswer(shop, "¿Tienen wifi en la tienda?")).toEqual([]);
  });
});
