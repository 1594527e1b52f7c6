/**
 * The money of a return already made, asked in words that never say "refund": how much the shop gave
 * back, the amount put back on a card, "when do I get it back?" after sending an item back, "je récupère
 * la somme". The model files such a message under the return (or a product, or shipping) its nouns name;
 * the money asked for makes it the refund's status. Words are languages', never a shop's.
 */
import { describe, expect, it } from "vitest";
import { moneyBackIntent, orderQuestionIntent } from "../../app/chat/intent/order-questions";
import { normalize } from "../../app/chat/preprocess";

const read = (intent: Parameters<typeof moneyBackIntent>[0], text: string) => moneyBackIntent(intent, normalize(text));

describe("how much the shop gave back", () => {
  it("is the refund, in en/fr/es", () => {
    expect(read("out_of_scope", "what amount did you give me back for the lamp?")).toBe("refund_status");
    expect(read("return_item", "how much did you pay me back for the boots")).toBe("refund_status");
    expect(read("shipping_options", "combien vous m'avez rendu pour le plaid ?")).toBe("refund_status");
    expect(read("product_info", "vous m'avez remboursé combien pour la nappe ?")).toBe("refund_status");
    expect(read("product_info", "¿cuánto me regresaron por la cafetera?")).toBe("refund_status");
  });

  it("leaves a charge and a price alone", () => {
    expect(read("payment_issue", "how much did you charge me for the lamp?")).toBeNull();
    expect(read("product_info", "how much is the lamp?")).toBeNull();
    expect(read("payment_issue", "combien vous m'avez débité ?")).toBeNull();
  });
});

describe("the money put back on a card", () => {
  it("is the refund, not a new return", () => {
    expect(read("return_item", "is the jacket return processed? has the amount been put back on my visa")).toBe(
      "refund_status",
    );
    expect(read("return_item", "has the money gone back onto my card yet?")).toBe("refund_status");
    expect(read("payment_issue", "the return shows complete but the amount isn't on my card")).toBe("refund_status");
  });

  it("leaves a charge gone wrong alone", () => {
    expect(read("payment_issue", "I was charged twice and the amount isn't on my card statement correctly")).toBeNull();
  });
});

describe("an item sent back, then when it comes back", () => {
  it("is the refund", () => {
    expect(read("return_item", "I returned an item from order 1047. When do I get it back?")).toBe("refund_status");
    expect(read("product_info", "quand est-ce que je récupère la somme du plaid renvoyé ?")).toBe("refund_status");
    expect(read("product_info", "¿cuándo puedo recuperar mi dinero de la olla?")).toBe("refund_status");
  });

  it("leaves wanting to make a return alone", () => {
    expect(read("return_item", "I want to return the jacket, when do I get it back?")).toBeNull();
    expect(read("return_item", "can I return the boots?")).toBeNull();
  });
});

describe("told as a story, or in shorthand", () => {
  it("is the refund", () => {
    expect(
      read(
        "complaint",
        "So I bought a fleece and a top. The fleece was too dark so I sent it back. What I can't figure out is whether I've been paid back.",
      ),
    ).toBe("refund_status");
    expect(read("return_item", "quick q. returned a fleece. did the $ come back yet?")).toBe("refund_status");
    expect(read("return_item", "My fleece return went through, but how much exactly am I getting for it?")).toBe(
      "refund_status",
    );
  });

  it("leaves a grievance and a return to make alone", () => {
    expect(read("complaint", "I sent it back and was never paid back, what a scam")).toBeNull();
    expect(read("return_item", "returned items must be unworn? can I still return my boots")).toBeNull();
  });
});

describe("right after a refund, how long until it shows", () => {
  const after = (intent: Parameters<typeof orderQuestionIntent>[0], text: string) =>
    orderQuestionIntent(intent, text, { lastIntent: "refund_status" });

  it("is that refund, without naming the bank", () => {
    expect(after("account_help", "D'accord, et il faut compter combien de jours pour le voir ?")).toBe("refund_status");
    expect(after("shipping_options", "ok and how many days until I see it?")).toBe("refund_status");
    expect(after("out_of_scope", "¿y cuántos días tarda en verse?")).toBe("refund_status");
  });

  it("leaves the same words without a refund before alone", () => {
    expect(orderQuestionIntent("shipping_options", "how many days until I see it?", {})).toBeNull();
  });
});

describe("a return done, how long for the money", () => {
  it("is the refund", () => {
    expect(read("return_item", "I did a return on order 1047. How long for the money?")).toBe("refund_status");
    expect(read("return_item", "made my return last week, how long until the money comes?")).toBe("refund_status");
  });
});
