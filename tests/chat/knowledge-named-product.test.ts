/**
 * A question that names one product (a word of its name no other product's name has) is answered
 * by a sentence of that product's description that says some of the rest of the question, even
 * where the shopper's other words are ones the shop never writes. A word shared by several
 * products' names ("kayak") names a kind, not a product, and a description that says nothing
 * else of the question still answers nothing. Made-up shop and catalog.
 */
import { describe, expect, it } from "vitest";
import { bestPassages, shopAnswer, termOf, tracedShopAnswer } from "../../app/chat/knowledge";
import { queryWords } from "../../app/chat/knowledge/text";
import { madeUpProduct } from "../helpers/made-up-product";

const products = new Map(
  [
    madeUpProduct(
      "Lumo Touring Kayak",
      "A stable touring kayak with two dry hatches. Cockpit length 92 cm, so most adults can sit in it with their knees bent. Hull in recycled polyethylene.",
    ),
    madeUpProduct("Brisa Kayak", "A light sit-on-top kayak for calm water. Weighs 18 kg with its seat."),
    madeUpProduct("Orca Paddle", "A carbon paddle in two pieces, 220 cm long."),
  ].map((p) => [p.handle, p]),
);
const shop = {
  policies: [
    {
      type: "REFUND_POLICY",
      title: "Refund policy",
      url: "https://shop.test/policies/refund-policy",
      body: "You can return unused items within 20 days of delivery. Refunds go to the original payment method.",
    },
  ],
  faqs: [],
  pages: [],
};
const first = (question: string) => shopAnswer(shop, question, { products })[0]?.passage.text;

describe("a question that names one product", () => {
  it("is answered by that product's sentence that says more of it than the name", () => {
    expect(first("lumo - can a grown up fit inside it?")).toMatch(/^Cockpit length 92 cm/);
    expect(first("is the Brisa kayak heavy to carry to the water?")).toMatch(/^A light sit-on-top kayak/);
  });

  it("still gets nothing when the description says nothing else of it", () => {
    const { hits, gate } = tracedShopAnswer(shop, "does the lumo come with a spray skirt?", { products });
    expect(hits).toEqual([]);
    expect(gate).toBe("below-relevance");
  });

  it("is not a question about a kind of product several names share", () => {
    expect(first("are your kayaks made in Canada?")).toBeUndefined();
  });
});

describe("a question that names one product of a line", () => {
  const line = new Map(
    [
      madeUpProduct("Vela 12 Tote", "A small canvas tote for errands. No zip pocket. Holds 12 L."),
      madeUpProduct("Vela 24 Tote", "A roomy canvas tote for the beach, with leather handles. Holds 24 L."),
    ].map((p) => [p.handle, p]),
  );

  it("is not answered by another product's sentence, however many of its words that sentence says", () => {
    // "No zip pocket" is the Vela 12's: it says nothing of the Vela 24 the shopper named.
    const quoted = shopAnswer(shop, "does the vela 24 have a zip pocket", { products: line }).map(
      (h) => h.passage.text,
    );
    expect(quoted.some((text) => /No zip pocket/.test(text))).toBe(false);
  });

  it("keeps the sentences of every product it names by half its name or more (a tent and its footprint)", () => {
    const pair = new Map(
      [
        madeUpProduct("Vela 2 Tent", "A two-person tent with two doors. Footprint sold separately."),
        madeUpProduct("Vela 2 Footprint", "A ground sheet cut to fit the Vela 2 Tent."),
      ].map((p) => [p.handle, p]),
    );
    // Both are named in full: neither product's sentences are dropped for the other's.
    const kept = bestPassages(shop, "does the vela 2 tent come with a footprint", { products: pair, max: 5 });
    expect(kept.map((h) => h.passage.text)).toContain("Footprint sold separately.");
  });

  it("is answered from the one it names by most of its name, even where no word of it is unique", () => {
    expect(
      shopAnswer(shop, "is the vela 12 tote big enough for groceries", { products: line })[0]?.passage.sourceKey,
    ).not.toBe([...line.values()][1].handle);
  });
});

describe("the support word a question is about", () => {
  it("is marked as what the question asks, unlike the words of its story or its subject", () => {
    const aspects = (text: string) =>
      queryWords(text, "en")
        .filter((w) => w.aspect)
        .map((w) => w.key);
    expect(aspects("how do I clean my puffy jacket after a trip")).toEqual([termOf("wash", "en")]);
    expect(aspects("my order was made for a client, can I return it")).toEqual([termOf("return", "en")]);
  });
});
