/**
 * The wrong option picked, and one more of an item, read in general words: any option a shop's
 * products have (a scent, a roast, a length, a finish), not a list of one shop's option names.
 */
import { describe, expect, it } from "vitest";
import { normalize } from "../../app/chat/preprocess";
import { saysWrongOption, statedChange } from "../../app/chat/intent/stated-changes";

const n = (text: string) => normalize(text);

describe("the wrong option picked, whatever the option", () => {
  for (const text of [
    "I chose the wrong scent on my order",
    "oops, wrong roast on my order, can you fix it?",
    "I think I ordered the wrong length",
    "je me suis trompée de parfum sur ma commande",
    "je me suis trompé de finition",
    "me equivoqué de tueste en mi pedido",
    "me equivoqué de sabor",
    "pedí el tueste equivocado",
  ])
    it(`"${text}" is a wrong option (a swap)`, () => {
      expect(saysWrongOption(n(text))).toBe(true);
      expect(statedChange(n(text))).toBe("swap");
    });

  for (const text of [
    "I put the wrong address on my order",
    "je me suis trompée d'adresse",
    "me equivoqué de dirección en mi pedido",
    "la dirección equivocada",
    "wrong email on my order",
  ])
    it(`"${text}" is not an option`, () => expect(saysWrongOption(n(text))).toBe(false));
});

describe("one more of an item", () => {
  for (const text of ["je voudrais un autre savon avec ma commande", "quiero otra taza en mi pedido"])
    it(`"${text}" adds an item`, () => expect(statedChange(n(text))).toBe("add"));
});
