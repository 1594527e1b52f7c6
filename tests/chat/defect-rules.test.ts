/**
 * The words for a damaged item and the shop's sentence for one, in any of the shop's languages,
 * on a made-up shop: the rule is found by what it says, not by English keywords.
 */
import { describe, expect, it } from "vitest";
import { knowledgeFor } from "../../app/chat/knowledge";
import { tellsOfDefect } from "../../app/chat/policy/defects";
import { defectRule, warrantyRule } from "../../app/chat/policy/shop-sentences";
import { normalize } from "../../app/chat/preprocess";

describe("a defect, told", () => {
  it.each([
    "the mug arrived cracked",
    "it stopped working after a week",
    "la lámpara llegó rota",
    "el termo ya no funciona",
    "le vase est arrivé ébréché",
    "ma bougie est cassée",
    "la théière ne marche plus",
  ])("%j tells of a defect", (text) => expect(tellsOfDefect(normalize(text))).toBe(true));

  it.each(["where is my order", "the torchons in rayé rouge", "¿cuándo llega mi pedido?", "je voudrais le retourner"])(
    "%j does not",
    (text) => expect(tellsOfDefect(normalize(text))).toBe(false),
  );
});

const shop = {
  policies: [
    {
      type: "REFUND_POLICY",
      title: "Politique de remboursement",
      url: "u",
      body:
        "Vous avez 21 jours pour changer d'avis. Exception : un article défectueux voyage à nos frais. " +
        "Articles abîmés ou défectueux : écrivez-nous sous 72 heures avec une photo. " +
        "Après ce délai, la garantie du fabricant de 3 ans s'applique.",
    },
  ],
  faqs: [],
  pages: [],
};

describe("the shop's own rule for a damaged item", () => {
  const passages = knowledgeFor(shop as never).passages;

  it("quotes the sentence that says what to do and by when", () => {
    expect(defectRule(passages, "fr")?.text).toMatch(/sous 72 heures avec une photo/);
  });

  it("quotes the warranty after the window", () => {
    expect(warrantyRule(passages, "fr")?.text).toMatch(/garantie du fabricant de 3 ans/);
  });

  it("finds nothing in a shop that says nothing about it", () => {
    const none = knowledgeFor({ policies: [], faqs: [], pages: [] } as never).passages;
    expect(defectRule(none, "en")).toBeNull();
    expect(warrantyRule(none, "en")).toBeNull();
  });
});
