/**
 * A question without its question mark is still a question ("was it actually sent", "pourquoi mon
 * retour a été refusé", "¿ya salió el kit"), and a shop's code typed in lower case is still that code.
 */
import { describe, expect, it } from "vitest";
import { asksAQuestion } from "../../app/chat/intent/asks";
import { normalize } from "../../app/chat/preprocess";
import { discountCodesIn } from "../../app/chat/answers/discounts";

const asks = (text: string) => asksAQuestion(normalize(text));

describe("asksAQuestion", () => {
  it("reads a question with or without its mark, in any of the three languages", () => {
    expect(asks("I bought a gift card for a friend. Was it actually sent")).toBe(true);
    expect(asks("i ordered tuesday, has it shipped yet")).toBe(true);
    expect(asks("Pourquoi mon retour de la planche a été refusé")).toBe(true);
    expect(asks("bonjour, est-ce que le colis est parti")).toBe(true);
    expect(asks("Compré anoche un kit, ¿ya salió el kit")).toBe(true);
    expect(asks("cuando llega mi pedido")).toBe(true);
  });

  it("does not read a statement as a question", () => {
    expect(asks("I bought a gift card for a friend")).toBe(false);
    expect(asks("je pense que le colis est perdu")).toBe(false);
    expect(asks("como siempre, el pedido llegó tarde")).toBe(false);
    expect(asks("my order was cancelled")).toBe(false);
  });
});

describe("a shop's code typed in lower case", () => {
  const options = { knownCodes: new Set(["LIVRAISONOFFERTE", "SUMMER"]) };
  it("is found right after the word code, or as one of the shop's codes", () => {
    expect(discountCodesIn("le code livraisonofferte est valable jusqu'à quand")).toEqual(["LIVRAISONOFFERTE"]);
    expect(discountCodesIn("livraisonofferte marche encore ?", options)).toEqual(["LIVRAISONOFFERTE"]);
    expect(discountCodesIn("le code lyon5ans ne marche pas")).toEqual(["LYON5ANS"]);
  });

  it("is not a word of the language, nor a shop's code that is also a word", () => {
    expect(discountCodesIn("le code est invalide")).toEqual([]);
    expect(discountCodesIn("el código es incorrecto")).toEqual([]);
    expect(discountCodesIn("is the summer sale still on?", options)).toEqual([]);
  });
});
