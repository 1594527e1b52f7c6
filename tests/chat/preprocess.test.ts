import { describe, expect, it } from "vitest";
import { detectLanguage, editDistance, fuzzyEquals, normalize, preprocess, tokenize } from "../../app/chat/preprocess";

describe("preprocess", () => {
  it("normalises case, accents, quotes and whitespace", () => {
    expect(normalize("  ¿Dónde   está MI Pedido? ")).toBe("¿donde esta mi pedido?");
    expect(normalize("Where’s my ﬁle")).toBe("where's my file");
  });

  it("tokenises, folding apostrophes and splitting French elisions", () => {
    expect(tokenize("where's my order #1042?")).toEqual(["wheres", "my", "order", "1042"]);
    expect(tokenize(normalize("l'article qu'il a commandé"))).toEqual(["l", "article", "qu", "il", "a", "commande"]);
  });

  it("removes stop words but keeps the words that carry intent", () => {
    const { contentTokens } = preprocess("Where is my order? I want to cancel it please");
    expect(contentTokens).toEqual(["where", "order", "want", "cancel"]);
  });

  it("detects English, Spanish and French", () => {
    expect(preprocess("Where is my order?").language).toBe("en");
    expect(preprocess("¿Dónde está mi pedido? Quiero devolverlo").language).toBe("es");
    expect(preprocess("Bonjour, où est ma commande ? Je veux la retourner").language).toBe("fr");
    expect(detectLanguage("ok", ["ok"])).toBe("en");
  });

  it("does not let a word Spanish and French share decide between them", () => {
    // "un" is a Spanish and a French article; "pour" and "combien" are French only.
    expect(preprocess("Combien de temps pour recevoir un colis").language).toBe("fr");
    expect(preprocess("Cuánto tiempo tarda en llegar un paquete").language).toBe("es");
    expect(preprocess("Quel est le prix d'une tasse").language).toBe("fr");
    expect(preprocess("Qué precio tiene una taza").language).toBe("es");
    expect(preprocess("How long does it take to receive a parcel").language).toBe("en");
    // "un" and "en" are French as much as Spanish: "vous avez" decides.
    expect(preprocess("Vous avez un catalogue en ligne ?").language).toBe("fr");
    expect(preprocess("¿Tienen un catálogo en línea?").language).toBe("es");
  });

  it("counts a cue shared by languages as a fraction for each", () => {
    const { languageScores } = preprocess("que la");
    expect(languageScores.es).toBe(languageScores.fr);
    expect(languageScores.es).toBeLessThan(2);
  });

  it("measures typos with transpositions and bounds the work", () => {
    expect(editDistance("refund", "refnud")).toBe(1);
    expect(editDistance("shipping", "shiping")).toBe(1);
    expect(editDistance("jacket", "tent", 1)).toBe(2);
    expect(fuzzyEquals("waterprof", "waterproof")).toBe(true);
    expect(fuzzyEquals("tent", "rent")).toBe(false);
  });
});
