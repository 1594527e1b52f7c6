/**
 * A shop's text is cut into sentences the same way wherever it is read (retrieval passages, product
 * descriptions, order notes): after . ! ? before the next sentence's start in any language, so a
 * Spanish question opening with "¿", a French sentence opening with "É" or a price are their own sentences.
 */
import { describe, expect, it } from "vitest";
import { knowledgeFor, splitSentences } from "../../app/chat/knowledge";
import { exchangeRule } from "../../app/chat/policy/shop-sentences";

describe("splitting a shop's text into sentences", () => {
  it("starts a sentence at an accented capital, ¿ ¡ « and a currency sign", () => {
    expect(splitSentences("Enviamos en 48 horas. ¿Necesitas factura? Escríbenos.")).toEqual([
      "Enviamos en 48 horas.",
      "¿Necesitas factura?",
      "Escríbenos.",
    ]);
    expect(splitSentences("Retour sous 30 jours. Échange gratuit. « Satisfait ou remboursé »")).toHaveLength(3);
    expect(splitSentences("Ships in 2 days. €5 flat rate. Él lo envía.")).toHaveLength(3);
  });

  it("doesn't cut inside an abbreviation or a number", () => {
    expect(splitSentences("Order by Nov. 18 for delivery. Weighs 3.5 kg.")).toEqual([
      "Order by Nov. 18 for delivery.",
      "Weighs 3.5 kg.",
    ]);
    expect(splitSentences("approx. two weeks")).toEqual(["approx. two weeks"]);
  });
});

/** The passages of a refund policy with this body. */
const policy = (body: string) =>
  knowledgeFor({
    policies: [{ type: "REFUND_POLICY", title: "Retours", url: "u", body }],
    faqs: [],
    pages: [],
  } as never).passages;

describe("a shop's exchange rule, cut into sentences", () => {
  it("carries on into its shop's sentence on exchanging in person ('À notre atelier…')", () => {
    const rule = exchangeRule(
      policy(
        "Vous avez 21 jours.\n\nÉchanges : pas d'échange par la poste. Renvoyez l'article et recommandez. À notre atelier d'Annecy, nous échangeons sur place.\n\nArticles abîmés : écrivez-nous.",
      ),
      "fr",
    );
    expect(rule.map((p) => p.text)).toEqual([
      "Échanges : pas d'échange par la poste.",
      "Renvoyez l'article et recommandez.",
      "À notre atelier d'Annecy, nous échangeons sur place.",
    ]);
  });

  it("doesn't carry on into a sentence about something else", () => {
    const rule = exchangeRule(
      policy(
        "Exchanges: we exchange sizes while stock lasts. Ask for one like a return. If your size is gone, we refund you.",
      ),
      "en",
    );
    expect(rule.map((p) => p.text)).toEqual(["We exchange sizes while stock lasts.", "Ask for one like a return."]);
  });
});

describe("a labelled line of a policy", () => {
  it("is quoted as the shop wrote it, label included", () => {
    const passages = policy("Frais de retour : ils sont à votre charge. Utilisez un service suivi.");
    expect(passages[0].section).toBe("Frais de retour");
    expect(passages[0].text).toBe("Ils sont à votre charge.");
    expect(passages[0].quote).toBe("Frais de retour : ils sont à votre charge.");
    expect(passages[1].quote).toBe("Utilisez un service suivi.");
  });

  it("is no label when it says the rule itself ('No tienen devolución:'): the sentences after it are not under it", () => {
    const passages = policy(
      "No tienen devolución: el café molido y las tarjetas de regalo. Los kits de regalo se devuelven completos.",
    );
    expect(passages[0].text).toBe("No tienen devolución: el café molido y las tarjetas de regalo.");
    expect(passages[1].section).toBe("");
  });
});
