/**
 * Words that open a question, read where shoppers write them with accents ("qué", "cuál", "où"):
 * a regex word boundary ends at an accented letter, so these openers were never seen.
 */
import { describe, expect, it } from "vitest";
import { askedPart } from "../../app/chat/knowledge";
import { questionAfterOpening } from "../../app/chat/intent/opening-words";
import { opensAQuestion } from "../../app/chat/question-words";

describe("question openers in every language, accents included", () => {
  it.each([
    ["Qué tallas tienen", true],
    ["¿Cuál es el plazo?", true],
    ["où est ma commande", true],
    ["Où puis-je retourner", true],
    ["what's the return window", true],
    ["ou bien la bleue", false], // "ou" is "or" in French
    ["quelqu'un peut m'aider", false],
    ["my email is a@b.co", false],
  ])("%j opens a question: %s", (text, expected) => {
    expect(opensAQuestion(text)).toBe(expected);
  });

  it("finds the question after a thanks when it opens with an accented word", () => {
    expect(questionAfterOpening("merci ! et où est ma commande maintenant")).toBe("où est ma commande maintenant");
    expect(questionAfterOpening("gracias, qué métodos de pago aceptan")).toBe("qué métodos de pago aceptan");
  });

  it("separates what the shopper has from what they ask when the question opens with an accent", () => {
    expect(askedPart("Ya tengo el correo del curso, pero qué pasa con la taza")).toEqual({
      said: "Ya tengo el correo del curso,",
      asked: "qué pasa con la taza",
    });
  });
});

describe("French 'ou' written without its accent", () => {
  it("opens a question before a verb, and is 'or' elsewhere", () => {
    expect(opensAQuestion("ou est mon colis")).toBe(true);
    expect(opensAQuestion("ou en est ma commande")).toBe(true);
    expect(opensAQuestion("ou la verte")).toBe(false);
  });
});
