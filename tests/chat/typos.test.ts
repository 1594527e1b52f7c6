/**
 * A shopper's typo is fixed before the phrase rules and the shop search read the message, and only a
 * word nobody writes is touched: not a real English, French or Spanish word, not a shop's own word,
 * not a name, an email, a link or a code.
 */
import { describe, expect, it } from "vitest";
import { withTyposFixed, type TypoFixer } from "../../app/chat/typos";
import { isKnownWord } from "../../app/chat/knowledge/known-words";
import { normalize } from "../../app/chat/preprocess";
import { demoConversation } from "../helpers/chat-context";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";

/** A corrector that knows a handful of words, as the intent model's knows its training words. */
const fixer: TypoFixer = {
  correct: (word) => ({ retrun: "return", shippnig: "shipping", jonh: "john", johnsen: "johnson" })[word] ?? word,
  knows: (word) => isKnownWord(word),
};

describe("withTyposFixed", () => {
  it("fixes a word nobody writes, keeping a capital that opens the message", () => {
    expect(withTyposFixed("What's your retrun policy?", fixer)).toBe("What's your return policy?");
    expect(withTyposFixed("Retrun policy please", fixer)).toBe("Return policy please");
    expect(withTyposFixed("how much is shippnig to Canada", fixer)).toBe("how much is shipping to Canada");
  });

  it("leaves names, emails, links and codes as typed", () => {
    expect(withTyposFixed("my name is Jonh and I want to retrun it", fixer)).toBe(
      "my name is Jonh and I want to return it",
    );
    expect(withTyposFixed("order 1042, email ava.johnsen@example.com", fixer)).toBe(
      "order 1042, email ava.johnsen@example.com",
    );
    expect(withTyposFixed("see shop.example/retrun", fixer)).toBe("see shop.example/retrun");
  });

  it("knows real words in any of the three languages, in any form", () => {
    for (const word of ["arrives", "payant", "entregó", "reembolsar", "précédente", "jabón", "pinch"])
      expect(isKnownWord(normalize(word)), word).toBe(true);
    for (const word of ["retrun", "shippnig", "arrievs", "recieve", "cancle"])
      expect(isKnownWord(word), word).toBe(false);
  });
});

describe("a question with a typo gets the answer it would get spelt right", () => {
  it("Northwind: the return policy asked with 'retrun'", async () => {
    const say = await demoConversation({});
    const right = await say("What's your return policy?");
    const typed = await (await demoConversation({}))("What's your retrun policy?");
    expect(typed.intent).toBe("return_policy");
    expect(typed.text).toBe(right.text);
  });

  it("Maison Coquelicot: an option value no training example has, typed with a typo (the shop's own word)", async () => {
    const store = () => createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot")));
    const right = await (await demoConversation({ store: store() }))("Vous avez le plaid Vercors en moutarde ?");
    const typed = await (await demoConversation({ store: store() }))("Vous avez le plaid Vercors en moutarce ?");
    expect(typed.text).toBe(right.text);
  });

  it("Maison Coquelicot: a French question with a dropped letter", async () => {
    const store = () => createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot")));
    const right = await (await demoConversation({ store: store() }))("Combien coûte la livraison en France ?");
    const typed = await (await demoConversation({ store: store() }))("Combien coûte la livrason en France ?");
    expect(typed.text).toBe(right.text);
  });
});
