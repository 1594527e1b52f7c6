/** Product answers on the demo store: every expected fact is read from the snapshot. */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_CARDS, productCard, productInfo, productSearch } from "../../app/chat/answers/products";
import type { Product } from "../../app/commerce/types";
import { extractEntities } from "../../app/chat/entities";
import { formatMoney } from "../../app/chat/format";
import { respond, type TurnOutput } from "../../app/chat/pipeline";
import { preprocess } from "../../app/chat/preprocess";
import type { ChatContext, DialogueState, Turn } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const products: any[] = snapshot.products;
const byHandle = (handle: string) => products.find((p) => p.handle === handle);
const active = products.filter((p) => p.status === "ACTIVE");
const hidden = products.filter((p) => p.status === "DRAFT" || p.status === "ARCHIVED");
const usd = (amount: string | number) => formatMoney(amount, snapshot.currency ?? "USD");
const sentenceWith = (text: string, pattern: RegExp) => text.split(/(?<=[.!?])\s+/).find((s) => pattern.test(s))!;
const onSale = (p: any) => p.variants.some((v: any) => v.compareAtPrice && Number(v.compareAtPrice) > Number(v.price));

let ctx: ChatContext;
beforeAll(async () => {
  ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)));
});

function conversation(initial: DialogueState = {}) {
  let state = initial;
  return async (text: string): Promise<TurnOutput> => {
    const out = await respond({ text, state, shopper: { customerId: null } }, ctx);
    state = out.state;
    return out;
  };
}

/** A turn as the pipeline builds it, for calling an answer directly whatever the classifier says. */
function turnFor(text: string, state: DialogueState = {}): Turn {
  const pre = preprocess(text);
  const { entities, productHandle } = extractEntities(pre, ctx.catalog);
  return {
    pre,
    language: pre.language,
    entities,
    productHandle,
    intent: ctx.classifier.classify(text),
    state,
    shopper: { customerId: null },
    ctx,
  };
}

describe("product_info", () => {
  it("quotes the description sentence that answers the question and remembers the product", async () => {
    const jacket = byHandle("mens-alpine-shell-jacket");
    const out = await conversation()("Is the men's Alpine shell jacket waterproof? What's the rating?");
    expect(out.intent).toBe("product_info");
    expect(out.text).toContain(sentenceWith(jacket.description, /\d[\d,]* mm/));
    expect(out.text.length).toBeLessThan(jacket.description.length + jacket.title.length + 40);
    expect(out.state.productHandle).toBe(jacket.handle);
    expect(out.products?.[0].title).toBe(jacket.title);
    expect(out.lookups).toContainEqual(expect.objectContaining({ kind: "product", ref: jacket.handle }));
  });

  it("answers two facts at once (temperature rating and weight)", async () => {
    const bag = byHandle("aurora-20-down-sleeping-bag");
    const out = await conversation()(`What's the temperature rating on the ${bag.title}, and how much does it weigh?`);
    expect(out.text).toContain(sentenceWith(bag.description, /comfort rating/i));
    expect(out.text).toContain(sentenceWith(bag.description, /^Weight/));
    // "how much does it weigh" is not a price question.
    expect(out.text).not.toMatch(/It's \$/);
  });

  it("gives floor area and weight, then answers a follow-up about the tent with the accessory sold separately", async () => {
    const tent = byHandle("ridgeline-2-backpacking-tent");
    const footprint = active.find((p) => p.handle !== tent.handle && p.description.includes(tent.title));
    const say = conversation();
    const first = await say("How roomy is the Ridgeline 2 tent and what does it weigh?");
    expect(first.text).toContain(sentenceWith(tent.description, /^Floor/));
    expect(first.text).toContain(sentenceWith(tent.description, /weight/i));
    const followUp = await say("Does it come with a footprint?");
    expect(followUp.intent).toBe("product_info");
    expect(followUp.text).toMatch(/sold separately/i);
    expect(followUp.text).toContain(usd(footprint.variants[0].price));
    expect(followUp.products?.map((c) => c.title)).toContain(footprint.title);
    expect(followUp.state.productHandle).toBe(tent.handle);
  });

  it("answers for the exact variant asked, offering what is in stock instead", async () => {
    const jacket = byHandle("mens-alpine-shell-jacket");
    const soldOut = jacket.variants.find((v: any) => v.inventoryQuantity === 0);
    const [size, color] = soldOut.title.split(" / ");
    const sameSize = jacket.variants.find((v: any) => v.title.startsWith(`${size} /`) && v.inventoryQuantity > 0);
    const say = conversation({ productHandle: jacket.handle, lastIntent: "product_info" });
    const out = await say(`Do you have it in ${size}, ${color.toLowerCase()}?`);
    expect(out.text).toContain(`${soldOut.title} is out of stock`);
    expect(out.text).toContain(sameSize.title);
    expect(out.text).toContain(usd(sameSize.price));
  });

  it("keeps discussing the product when a follow-up names one of its colours that is also a product name", async () => {
    const jacket = byHandle("mens-alpine-shell-jacket");
    const variant = jacket.variants.find((v: any) => v.inventoryQuantity > 0 && /Glacier/.test(v.title));
    const [size, color] = variant.title.split(" / ");
    const say = conversation({ productHandle: jacket.handle, lastIntent: "product_info" });
    const out = await say(`What about ${color} in ${size}?`);
    expect(out.intent).toBe("product_info");
    expect(out.state.productHandle).toBe(jacket.handle);
    expect(out.text).toContain(`${variant.title} is in stock at ${usd(variant.price)}`);
  });

  it("switches to the men's or women's version of the product under discussion", async () => {
    const womens = byHandle("womens-alpine-shell-jacket");
    const mens = byHandle("mens-alpine-shell-jacket");
    const answer = await productInfo(
      turnFor("Do you have the men's one in medium, black?", { productHandle: womens.handle }),
    );
    expect(answer.state?.productHandle).toBe(mens.handle);
    expect(answer.text.startsWith(mens.title)).toBe(true);
    const back = await productInfo(turnFor("and the women's one?", { productHandle: mens.handle }));
    expect(back.state?.productHandle).toBe(womens.handle);
  });

  it("states sale prices and says when something isn't on sale", async () => {
    const sale = active.find(
      (p) => onSale(p) && new Set(p.variants.map((v: any) => v.price)).size === 1 && /jacket/i.test(p.title),
    );
    const variant = sale.variants[0];
    const out = await productInfo(turnFor(`How much is the ${sale.title}?`));
    expect(out.text).toContain(`on sale at ${usd(variant.price)}, was ${usd(variant.compareAtPrice)}`);
    const full = active.find((p) => !onSale(p) && /rain jacket/i.test(p.title));
    const notOnSale = await productInfo(turnFor(`Is the ${full.title} on sale?`));
    expect(notOnSale.text).toContain(`isn't on sale`);
    expect(notOnSale.text).toContain(usd(full.variants[0].price));
  });

  it("lists the options a product comes in", async () => {
    const jacket = byHandle("cascade-rain-jacket");
    const colors = jacket.options.find((o: any) => o.name === "Color").values;
    const out = await productInfo(turnFor(`What colors does the ${jacket.title} come in?`));
    for (const color of colors) expect(out.text).toContain(color);
  });

  it("says the description doesn't answer rather than guessing, and offers a person", async () => {
    const fleece = byHandle("trailhead-fleece-jacket");
    expect(fleece.description).not.toMatch(/hood/i);
    const out = await productInfo(turnFor(`Does the ${fleece.title} have a hood?`));
    expect(out.text).toMatch(/doesn't say/);
    expect(out.text).toContain(ctx.shop.email);
    expect(out.quickReplies?.length).toBeGreaterThan(0);
  });

  it("answers in Spanish and French, quoting the product's own English data", async () => {
    const pack = byHandle("summit-20-daypack");
    const soldOut = pack.variants.find((v: any) => v.inventoryQuantity === 0);
    const es = await conversation()("¿Tienen la mochila Summit 20 en negro?");
    expect(es.language).toBe("es");
    expect(es.text).toContain(`${soldOut.title} está agotado`);
    const fr = await conversation()("Avez-vous la veste Alpine pour homme en M noir ?");
    expect(fr.language).toBe("fr");
    expect(fr.text).toMatch(/en rupture de stock/);
  });

  it("never describes DRAFT or ARCHIVED products, even when the shopper names them", async () => {
    expect(hidden.length).toBeGreaterThan(0);
    for (const product of hidden) {
      for (const question of [
        `When is the ${product.title} coming out and how much will it be?`,
        `Is the ${product.title} waterproof?`,
      ]) {
        const out = await productInfo(turnFor(question));
        const shown = [out.text, ...(out.products ?? []).map((c) => `${c.title} ${c.price}`)].join("\n");
        for (const sentence of product.description.split(/(?<=[.!?])\s+/)) expect(shown).not.toContain(sentence);
        for (const variant of product.variants) expect(shown).not.toContain(usd(variant.price));
        for (const spec of product.description.match(/\d[\d,.]*\s?(?:g|kg|oz|lb)\b/g) ?? [])
          expect(shown).not.toContain(spec);
        expect(out.products?.map((c) => c.title) ?? []).not.toContain(product.title);
      }
    }
  });
});

describe("product_search", () => {
  it("finds boots under a price in the ACTIVE catalog only", async () => {
    const out = await conversation()("Any hiking boots under $100?");
    expect(out.intent).toBe("product_search");
    const expected = active.filter(
      (p) =>
        p.tags.includes("boots") && p.tags.includes("hiking") && p.variants.some((v: any) => Number(v.price) <= 100),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(out.products?.map((c) => c.title).sort()).toEqual(expected.map((p) => p.title).sort());
    for (const product of hidden) expect(out.text + JSON.stringify(out.products)).not.toContain(product.title);
    expect(out.lookups[0]).toMatchObject({ kind: "product_search", outcome: `${expected.length} found` });
  });

  it("lists what's on sale, with the was-price on every card", async () => {
    const out = await conversation()("what's on sale?");
    const saleTitles = active.filter(onSale).map((p) => p.title);
    expect(out.products?.length).toBe(Math.min(MAX_CARDS, saleTitles.length));
    for (const card of out.products ?? []) {
      expect(saleTitles).toContain(card.title);
      expect(card.compareAtPrice).toBeTruthy();
    }
    if (saleTitles.length > MAX_CARDS) expect(out.text).toContain(String(saleTitles.length));
  });

  it("sends every match up to ten, so the shopper can see the fifth (the bubble shows four and 'Show more')", async () => {
    const jackets = active.filter((p) => p.productType === "Jackets");
    expect(jackets.length).toBeGreaterThan(4);
    expect(jackets.length).toBeLessThanOrEqual(MAX_CARDS);
    const found = await conversation()("show me your jackets");
    expect(out(found).sort()).toEqual(jackets.map((p) => p.title).sort());
    expect(found.text).not.toMatch(/best \d+ of/);
  });

  it("matches capacity (a tent for 4 people) and explains when nothing fits, with the closest products", async () => {
    const four = await conversation()("do you have a tent for 4 people?");
    const fourPerson = active
      .filter((p) => p.tags.includes("tents") && p.tags.includes("4-person"))
      .map((p) => p.title);
    expect(out(four)).toEqual(fourPerson);
    const eight = await productSearch(turnFor("do you have a tent for 8 people?"));
    expect(eight.text).toMatch(/couldn't find/);
    for (const card of eight.products ?? []) expect(active.find((p) => p.title === card.title).tags).toContain("tents");
  });

  it("says so when the shop doesn't sell the thing, without listing random products", async () => {
    const out = await productSearch(turnFor("do you sell kayaks?"));
    expect(out.text).toMatch(/couldn't find/);
    expect(out.products ?? []).toEqual([]);
  });

  it("understands Spanish and French product words and answers in that language", async () => {
    const es = await conversation()("¿Tienen botas impermeables?");
    expect(es.text).toMatch(/he encontrado/);
    for (const card of es.products ?? [])
      expect(active.find((p) => p.title === card.title).tags).toEqual(expect.arrayContaining(["boots", "waterproof"]));
    const fr = await conversation()("Vous avez des vestes imperméables ?");
    expect(fr.text).toMatch(/j'ai trouvé/);
    expect(fr.products?.length).toBeGreaterThan(0);
  });
});

describe("product cards", () => {
  const card = (handle: string) => productCard(toProduct(byHandle(handle)), "USD", "en");
  it("say 'From' the cheapest price when the variants' prices differ, and the price alone when they don't", () => {
    const varied = active.find((p) => !p.isGiftCard && new Set(p.variants.map((v: any) => Number(v.price))).size > 1);
    const single = active.find((p) => !p.isGiftCard && new Set(p.variants.map((v: any) => Number(v.price))).size === 1);
    const cheapest = Math.min(...varied.variants.map((v: any) => Number(v.price)));
    expect(card(varied.handle).price).toBe(`From ${usd(cheapest)}`);
    expect(card(single.handle).price).toBe(usd(single.variants[0].price));
    expect(productCard(toProduct(varied), "USD", "es").price).toBe(`Desde ${formatMoney(cheapest, "USD", "es")}`);
  });

  it("show a gift card's range of amounts", () => {
    const gift = active.find((p) => p.isGiftCard);
    const amounts = gift.variants.map((v: any) => Number(v.price));
    expect(card(gift.handle).price).toBe(`${usd(Math.min(...amounts))}–${usd(Math.max(...amounts))}`);
  });
});

/** A snapshot product as the commerce layer reads it. */
function toProduct(p: any): Product {
  const prices = p.variants.map((v: any) => Number(v.price));
  return {
    ...p,
    imageUrl: p.imageUrl ?? null,
    isGiftCard: !!p.isGiftCard,
    priceRange: { min: String(Math.min(...prices)), max: String(Math.max(...prices)) },
  };
}

function out(answer: TurnOutput): string[] {
  return (answer.products ?? []).map((c) => c.title);
}
