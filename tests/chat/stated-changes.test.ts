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

describe("what is no option and no item (a review's examples)", () => {
  for (const text of [
    "j'ai choisi la mauvaise adresse",
    "there is a wrong item in my order 1042",
    "wrong price on my order",
    "je me suis trompé de boutique",
    "me mandaron el artículo equivocado",
  ])
    it(`"${text}" is not a wrong option`, () => expect(saysWrongOption(n(text))).toBe(false));

  for (const text of [
    "tengo otro problema con mi pedido",
    "can I get another update on my order?",
    "un autre souci avec ma commande",
    "hay otro retraso con mi pedido",
    "a second charge on my order",
  ])
    it(`"${text}" adds nothing`, () => expect(statedChange(n(text))).not.toBe("add"));

  it("an option word is still an option: 'wrong cardigan on my order'", () =>
    expect(saysWrongOption(n("wrong cardigan on my order"))).toBe(true));
});
