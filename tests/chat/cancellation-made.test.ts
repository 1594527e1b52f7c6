/** One reading of "a cancellation already made" for which order is meant and what the words ask. */
import { describe, expect, it } from "vitest";
import { CANCELLATION_MADE } from "../../app/chat/intent/cancellation-made";
import { normalize } from "../../app/chat/preprocess";

const made = (text: string) => CANCELLATION_MADE.test(normalize(text));

describe("a cancellation already made", () => {
  it("is read in past or status words, whoever made it, en/es/fr", () => {
    for (const text of [
      "why was my order cancelled?",
      "is my order #1042 cancelled",
      "you cancelled it without asking",
      "I already cancelled, where is my money",
      "my cancelled order",
      "fue cancelado mi pedido",
      "se canceló",
      "me la anularon",
      "elle a été annulée",
      "vous avez annulé ma commande",
      "j'ai déjà annulé",
    ])
      expect(made(text), text).toBe(true);
  });

  it("is not a request to cancel, nor a cancellation denied", () => {
    for (const text of [
      "I want it cancelled",
      "can it be cancelled?",
      "que sea cancelado",
      "qu'elle soit annulée",
      "il ne l'a pas annulé",
      "they never cancelled anything",
    ])
      expect(made(text), text).toBe(false);
  });
});
