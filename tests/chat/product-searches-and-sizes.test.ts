/**
 * A phrase the lexicon knows ("hiking shoes", "chaussures de randonnée") also reaches the products
 * its words name one by one (a hiking boot is footwear for hiking); a one-digit size of the product
 * under discussion ("do they come in a 9?", "and a 10?") is that product's option. Expectations are
 * read from the Northwind snapshot, not written out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import type { ChatContext, DialogueState } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";
import { devStorePath } from "../../demo/dev-stores";

let ctx: ChatContext;
let products: any[];
beforeAll(async () => {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  products = snapshot.products.filter((p: any) => p.status === "ACTIVE");
  ctx = await demoChatContext(createDemoStore(snapshot));
});

const ask = (text: string, state: DialogueState = {}) => respond({ text, state, shopper: { customerId: null } }, ctx);

/** Footwear the shop tags waterproof and whose title says hiking. */
const waterproofHikingFootwear = () =>
  products
    .filter((p) => p.tags.includes("footwear") && p.tags.includes("waterproof") && /hiking/i.test(p.title))
    .map((p) => p.title);

describe("a known phrase also reaches what its words name", () => {
  it("finds waterproof hiking boots for 'waterproof hiking shoes', in English and French", async () => {
    const expected = waterproofHikingFootwear();
    expect(expected.length).toBeGreaterThan(0);
    for (const text of [
      "looking for waterproof hiking shoes",
      "Avez-vous des chaussures de randonnée imperméables ?",
    ]) {
      const titles = ((await ask(text)).products ?? []).map((c) => c.title);
      expect(titles, text).toEqual(expect.arrayContaining(expected));
      // Nothing that isn't waterproof comes first.
      expect(expected, text).toContain(titles[0]);
    }
  });
});

describe("a one-digit size of the product under discussion", () => {
  // A product with one-digit sizes where one is sold out and another is in stock.
  const pick = () => {
    for (const p of products) {
      const digit = p.variants.filter((v: any) => /^\d$/.test(v.title));
      const out = digit.find((v: any) => !v.availableForSale);
      const inStock = p.variants.find((v: any) => /^\d{1,2}$/.test(v.title) && v.availableForSale);
      if (out && inStock) return { product: p, out: out.title as string, inStock: inStock.title as string };
    }
    throw new Error("no product with a sold-out one-digit size");
  };

  it("answers the stock of that size, and a bare 'and a N?' stays on the product", async () => {
    const { product, out, inStock } = pick();
    const first = await ask(`Is the ${product.title} in stock?`);
    expect(first.state.productHandle).toBe(product.handle);
    const sized = await ask(`do they come in a ${out}?`, first.state);
    expect(sized.intent).toBe("product_info");
    expect(sized.text).toMatch(/out of stock|sold out|not available|unavailable/i);
    const next = await ask(`and a ${inStock}?`, sized.state);
    expect(next.intent).toBe("product_info");
    expect(next.text).toContain(inStock);
    expect(next.text).not.toMatch(/out of stock|sold out|unavailable/i);
  });

  it("doesn't read a count as a size", async () => {
    const { product } = pick();
    const first = await ask(`Is the ${product.title} in stock?`);
    const counted = await ask("I need 2 pairs", first.state);
    expect(counted.text).not.toMatch(new RegExp(`\\b${product.variants[0].title}\\b.*(?:in stock|out of stock)`));
  });
});

describe("two values of one option compared", () => {
  /** A product with two or more values of one option at different prices. */
  const pricedApart = () => {
    for (const p of products) {
      for (const option of p.options) {
        const priceFor = (value: string) =>
          p.variants.find((v: any) => v.selectedOptions.some((o: any) => o.name === option.name && o.value === value))
            ?.price;
        const values = option.values.filter((v: string) => v.length >= 2);
        if (values.length >= 2 && Number(priceFor(values[0])) !== Number(priceFor(values[1])))
          return { product: p, values: values.slice(0, 2), prices: values.slice(0, 2).map(priceFor) };
      }
    }
    throw new Error("no product whose option values differ in price");
  };

  it("gives each value's price and the description's sentences that name them", async () => {
    const { product, values, prices } = pricedApart();
    const out = await ask(`What's the difference between the ${values[0]} and the ${values[1]} ${product.title}?`);
    expect(out.intent).toBe("product_info");
    for (const [i, value] of values.entries()) {
      expect(out.text).toContain(value);
      expect(out.text).toContain(Number(prices[i]).toFixed(2));
    }
    const naming = product.description
      .split(/(?<=[.!?])\s+/)
      .filter((s: string) => values.some((v: string) => s.includes(v)));
    for (const sentence of naming) expect(out.text).toContain(sentence.trim());
  });

  it("reads a value's word apart from its measure ('le grand' for 'Grand (28 cm)')", async () => {
    const coquelicot = loadDemoSnapshot(devStorePath("maison-coquelicot")) as any;
    const shopCtx = await demoChatContext(createDemoStore(coquelicot));
    const product = coquelicot.products.find(
      (p: any) => p.status === "ACTIVE" && p.options.some((o: any) => o.values.every((v: string) => /\(.+\)$/.test(v))),
    );
    const option = product.options.find((o: any) => o.values.every((v: string) => /\(.+\)$/.test(v)));
    const last = option.values[option.values.length - 1] as string;
    const word = last.replace(/\s*\(.+\)$/, "").toLowerCase();
    const price = product.variants.find((v: any) => v.title === last || v.title.includes(last)).price;
    const first = await respond({ text: product.title, state: {}, shopper: { customerId: null } }, shopCtx);
    const out = await respond(
      { text: `combien le ${word} ?`, state: first.state, shopper: { customerId: null } },
      shopCtx,
    );
    expect(out.text).toContain(Number(price).toFixed(2).replace(".", ","));
  });
});

describe("a product filed under a kind its title doesn't say", () => {
  it("shows in a search for that kind (a coffee whose title isn't 'Café …')", async () => {
    const colibri = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
    const shopCtx = await demoChatContext(createDemoStore(colibri));
    const active = colibri.products.filter((p: any) => p.status === "ACTIVE" && !p.isGiftCard);
    const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const filed = active.find(
      (p: any) =>
        !fold(p.title).includes(fold(p.productType)) &&
        active.some((q: any) => q.productType === p.productType && fold(q.title).startsWith(fold(p.productType))),
    );
    expect(filed).toBeDefined();
    const out = await respond(
      { text: `¿Tienen ${filed.productType.toLowerCase()}?`, state: {}, shopper: { customerId: null } },
      shopCtx,
    );
    expect((out.products ?? []).map((c) => c.title)).toContain(filed.title);
  });
});

describe("a search-worded question that only one of the products it names answers", () => {
  it("answers the one that comes in the colour named", async () => {
    const { demoConversation } = await import("../helpers/chat-context");
    const say = await demoConversation();
    const plum = await say("got the merino crew in plum?");
    expect(plum.intent).toBe("product_info");
    expect(plum.text).toMatch(/^Women's Merino 200 Crew: Plum is in stock/);
  });
});

describe("a variant asked for in the shopper's own writing", () => {
  const store = async (name?: string) => {
    const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
    const { devStorePath } = await import("../../demo/dev-stores");
    const { demoConversation } = await import("../helpers/chat-context");
    return demoConversation(name ? { store: createDemoStore(loadDemoSnapshot(devStorePath(name))) } : {});
  };

  it("reads '160 x 200' as the '160 × 200 cm' option and '1kg' as '1 kg'", async () => {
    const fr = await store("maison-coquelicot");
    const sheet = await fr("je cherche le drap housse en lin 160 x 200 blanc");
    expect(sheet.text).toMatch(/160 × 200 cm \/ Blanc est en stock/);
    expect(sheet.text).not.toMatch(/n'existe pas|ne le précise pas/);
    const es = await store("cafe-colibri");
    const coffee = await es("do you sell the chiapas coffee in 1kg whole bean?");
    expect(coffee.text).toMatch(/1 kg is in stock/);
  });

  it("answers a variant's stock without saying the description is silent", async () => {
    const say = await store();
    const shell = await say("looking for the alpine shell in juniper, women's M");
    expect(shell.text).toMatch(/M \/ Juniper is out of stock/);
    expect(shell.text).not.toMatch(/doesn't say/);
    const lamp = await (await store())("do you carry the headlamp 400?");
    expect(lamp.replyKind).toBe("answer");
    expect(lamp.text).toMatch(/in stock/);
  });
});
