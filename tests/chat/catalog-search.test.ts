/** Product search on the three dev stores, in the shop's words and currency; expectations read from each snapshot. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { productSearch } from "../../app/chat/answers/products";
import { parsePriceLimits } from "../../app/chat/catalog/price";
import { parseSearch, searchCatalog } from "../../app/chat/catalog/search";
import { buildCatalog, extractEntities } from "../../app/chat/entities";
import { formatMoney } from "../../app/chat/format";
import { preprocess } from "../../app/chat/preprocess";
import type { ChatContext, Turn } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext } from "../helpers/chat-context";

const STORES = {
  northwind: "demo/demo-store.json",
  coquelicot: "demo/stores/maison-coquelicot.json",
  colibri: "demo/stores/cafe-colibri.json",
} as const;
type Store = keyof typeof STORES;

const snapshots = Object.fromEntries(
  Object.entries(STORES).map(([name, file]) => [name, loadDemoSnapshot(path.resolve(file)) as any]),
) as Record<Store, any>;
const contexts = {} as Record<Store, ChatContext>;
beforeAll(async () => {
  for (const name of Object.keys(STORES) as Store[])
    contexts[name] = await demoChatContext(createDemoStore(loadDemoSnapshot(path.resolve(STORES[name]))));
});

const active = (store: Store) => snapshots[store].products.filter((p: any) => p.status === "ACTIVE");
const lowest = (p: any) => Math.min(...p.variants.map((v: any) => Number(v.price)));
const titlesWhere = (store: Store, test: (p: any) => boolean) =>
  active(store)
    .filter(test)
    .map((p: any) => p.title);

/** productSearch on one store, whatever the intent classifier would say. */
async function search(store: Store, text: string) {
  const ctx = contexts[store];
  const pre = preprocess(text);
  const { entities, productHandle } = extractEntities(pre, ctx.catalog, ctx.shop.orderNameFormat);
  const turn: Turn = {
    pre,
    language: pre.language,
    entities,
    productHandle,
    intent: ctx.classifier.classify(text),
    state: {},
    shopper: { customerId: null },
    ctx,
  };
  const answer = await productSearch(turn);
  return { answer, titles: (answer.products ?? []).map((c) => c.title) };
}

describe("price limits in the shop's currency", () => {
  it("reads under / over / between / around, with symbols and currency words in en, es and fr", () => {
    expect(parsePriceLimits("Any hiking boots under $100?", "USD")).toEqual({ maxPrice: 100, minPrice: null });
    expect(parsePriceLimits("Vous avez des idées cadeaux à moins de 40 € ?", "EUR")).toEqual({
      maxPrice: 40,
      minPrice: null,
    });
    expect(parsePriceLimits("molinos de menos de 300 pesos", "MXN")).toEqual({ maxPrice: 300, minPrice: null });
    expect(parsePriceLimits("algo de menos de $1,000", "MXN")).toEqual({ maxPrice: 1000, minPrice: null });
    expect(parsePriceLimits("moins de 12,50 €", "EUR")).toEqual({ maxPrice: 12.5, minPrice: null });
    expect(parsePriceLimits("entre 20 y 50 euros", "EUR")).toEqual({ minPrice: 20, maxPrice: 50 });
    expect(parsePriceLimits("plus de 100 €", "EUR")).toEqual({ minPrice: 100, maxPrice: null });
    const around = parsePriceLimits("a gift around $50", "USD");
    expect(around.minPrice!).toBeLessThan(50);
    expect(around.maxPrice!).toBeGreaterThan(50);
  });

  it("reads any shop currency's own symbols and names, as the shop's languages write them (from Intl, not a table)", () => {
    expect(parsePriceLimits("anything under ¥5000?", "JPY")).toEqual({ maxPrice: 5000, minPrice: null });
    expect(parsePriceLimits("gifts under 5000 yen", "JPY")).toEqual({ maxPrice: 5000, minPrice: null });
    expect(parsePriceLimits("moins de 80 francs", "CHF")).toEqual({ maxPrice: 80, minPrice: null });
    expect(parsePriceLimits("menos de 80 francos", "CHF")).toEqual({ maxPrice: 80, minPrice: null });
    expect(parsePriceLimits("under CHF 80", "CHF")).toEqual({ maxPrice: 80, minPrice: null });
    expect(parsePriceLimits("below ₹2,000", "INR")).toEqual({ maxPrice: 2000, minPrice: null });
    expect(parsePriceLimits("under 2000 rupees", "INR")).toEqual({ maxPrice: 2000, minPrice: null });
    expect(parsePriceLimits("under 500 kronor", "SEK")).toEqual({ maxPrice: 500, minPrice: null });
    expect(parsePriceLimits("menos de R$ 200", "BRL")).toEqual({ maxPrice: 200, minPrice: null });
    // A symbol that is a letter ("R" for rand, "kr") is a symbol only as a word of its own.
    expect(parsePriceLimits("I need a jacket for 3 rainy days", "ZAR")).toEqual({ maxPrice: null, minPrice: null });
    expect(parsePriceLimits("a tent for 2 rather tall people", "ZAR")).toEqual({ maxPrice: null, minPrice: null });
    expect(parsePriceLimits("under R500", "ZAR")).toEqual({ maxPrice: 500, minPrice: null });
    expect(parsePriceLimits("under 500 kr", "SEK")).toEqual({ maxPrice: 500, minPrice: null });
    // Another shop's currency name is not this shop's: a bare "500" with no price word stays no price.
    expect(parsePriceLimits("a 500 kronor thing", "JPY")).toEqual({ maxPrice: null, minPrice: null });
  });

  it("does not take sizes, weights or head counts for prices", () => {
    expect(parsePriceLimits("un termo de 500 ml", "MXN")).toEqual({ maxPrice: null, minPrice: null });
    expect(parsePriceLimits("a tent for 4 people", "USD")).toEqual({ maxPrice: null, minPrice: null });
    expect(parsePriceLimits("une housse de 200 x 200", "EUR")).toEqual({ maxPrice: null, minPrice: null });
  });
});

describe("product search across shops", () => {
  it("finds gift ideas under a budget in euros, within the budget", async () => {
    const { answer, titles } = await search("coquelicot", "Vous avez des idées cadeaux à moins de 40 € ?");
    const affordable = titlesWhere("coquelicot", (p) => lowest(p) <= 40);
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) expect(affordable).toContain(title);
    expect(answer.text).toContain(formatMoney(40, "EUR", "fr"));
  });

  it("reads 'menos de 2000 pesos' in a shop priced in MXN", async () => {
    const { answer, titles } = await search("colibri", "¿tienen molinos de menos de 2000 pesos?");
    const expected = titlesWhere("colibri", (p) => /molino/i.test(p.title) && lowest(p) <= 2000);
    expect(expected.length).toBeGreaterThan(0);
    expect(titles.sort()).toEqual(expected.sort());
    expect(answer.text).toContain(formatMoney(2000, "MXN", "es"));
  });

  it("finds a French catalog's products from English and Spanish words", async () => {
    const candles = titlesWhere("coquelicot", (p) => /^bougie/i.test(p.title));
    for (const question of ["do you sell candles?", "¿tienen velas?", "Vous avez des bougies ?"]) {
      const { titles } = await search("coquelicot", question);
      // The candles first, before anything that is only in the same product type.
      expect(titles.slice(0, candles.length).sort()).toEqual([...candles].sort().slice(0, Math.min(candles.length, 4)));
    }
    const tablecloth = await search("coquelicot", "a linen tablecloth");
    expect(tablecloth.titles).toEqual(titlesWhere("coquelicot", (p) => /^nappe/i.test(p.title)));
  });

  it("finds a Spanish catalog's products from English and French words", async () => {
    const grinders = titlesWhere("colibri", (p) => /^molino/i.test(p.title));
    expect((await search("colibri", "do you have a coffee grinder?")).titles.sort()).toEqual([...grinders].sort());
    const press = await search("colibri", "une cafetière à piston ?");
    expect(press.titles[0]).toMatch(/^Prensa/);
  });

  it("finds an English catalog's products from a Spanish phrase, and only the whole thing", async () => {
    const { titles } = await search("northwind", "¿tienen sacos de dormir?");
    expect(titles.sort()).toEqual(titlesWhere("northwind", (p) => /sleeping bag/i.test(p.title)).sort());
  });

  it("forgives a misspelt kind of thing", async () => {
    const candles = titlesWhere("coquelicot", (p) => /^bougie/i.test(p.title));
    expect((await search("coquelicot", "vous avez des bougis ?")).titles.slice(0, candles.length).sort()).toEqual(
      [...candles].sort(),
    );
    const grinders = titlesWhere("colibri", (p) => /^molino/i.test(p.title));
    expect((await search("colibri", "¿tienen molinnos?")).titles.sort()).toEqual([...grinders].sort());
  });

  it("answers from the shop's FAQ a question sent to search that names nothing the shop sells", async () => {
    const faq = snapshots.northwind.faqs.find((f: any) => /price match/i.test(f.question));
    const { answer } = await search("northwind", faq.question);
    expect(answer.text).toContain(faq.answer.split(/(?<=\.)\s/)[0]);
    expect(answer.lookups?.some((l) => l.kind === "faq")).toBe(true);
    expect(answer.products ?? []).toEqual([]);
  });

  it("still says so when the shop doesn't sell the thing", async () => {
    for (const store of Object.keys(STORES) as Store[]) {
      const { answer } = await search(store, "do you sell kayaks?");
      expect(answer.products ?? []).toEqual([]);
    }
  });
});

describe("colours across languages", () => {
  it("answers an English colour with the Spanish option value that means it", async () => {
    const dripper = active("colibri").find((p: any) => /^gotero/i.test(p.title));
    const colours = dripper.options.find((o: any) => /color/i.test(o.name)).values as string[];
    const black = colours.find((c) => /^negro$/i.test(c))!;
    expect(black).toBeDefined();
    const out = await (
      await import("../helpers/chat-context")
    ).demoConversation({ store: createDemoStore(loadDemoSnapshot(path.resolve(STORES.colibri))) });
    const reply = await out("Do you have the V60 dripper in black?");
    expect(reply.intent).toBe("product_info");
    expect(reply.products?.[0].title).toBe(dripper.title);
    expect(reply.text).toContain(black);
    expect(reply.text).not.toMatch(/doesn't come in|no viene en|n'existe pas en/);
  });
});

describe("names and sales in other languages", () => {
  it("reads Spanish 'sale' (comes out) as no sale filter, and says a product line the shop doesn't sell isn't sold", async () => {
    const draft = snapshots.colibri.products.find((p: any) => p.status === "DRAFT" && /^Caf/.test(p.title));
    const line = draft.title.split(/\s+[—–-]\s+/)[0].replace(/^Caf[ée]\s+/, "");
    const { answer } = await search("colibri", `¿Cuándo sale el Café ${line}?`);
    expect(answer.text).toContain(line);
    expect(answer.text).toMatch(/No encuentro/);
    for (const card of answer.products ?? []) expect(card.title).not.toBe(draft.title);
  });

  it("still reads 'en oferta' and 'soldes' as on sale", async () => {
    const saleTitles = (store: Store) =>
      titlesWhere(store, (p) =>
        p.variants.some((v: any) => v.compareAtPrice && Number(v.compareAtPrice) > Number(v.price)),
      );
    expect((await search("colibri", "¿Qué tienen en oferta?")).titles.sort()).toEqual(
      saleTitles("colibri").slice(0, 4).sort(),
    );
    expect((await search("coquelicot", "Qu'avez-vous en soldes ?")).titles.sort()).toEqual(
      saleTitles("coquelicot").slice(0, 4).sort(),
    );
  });
});

describe("shops nobody wrote scenarios for", () => {
  const product = (
    title: string,
    productType: string,
    tags: string[],
    price: number,
    description: string,
    options = [{ name: "Title", values: ["Default Title"] }],
  ) => ({
    id: title,
    title,
    handle: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    status: "ACTIVE" as const,
    productType,
    vendor: "Acme",
    tags,
    description,
    onlineStoreUrl: null,
    imageUrl: null,
    options,
    totalInventory: 5,
    priceRange: { min: String(price), max: String(price) },
    variants: [
      {
        id: `v-${title}`,
        title: "Default Title",
        sku: null,
        price: String(price),
        compareAtPrice: null,
        inventoryQuantity: 5,
        availableForSale: true,
        selectedOptions: [],
      },
    ],
  });
  const electronics = [
    product(
      "Pulse Wireless Earbuds",
      "Audio",
      ["earbuds", "bluetooth"],
      79,
      "True wireless earbuds with a charging case.",
    ),
    product(
      "Pulse Over-Ear Headphones",
      "Audio",
      ["headphones", "bluetooth"],
      149,
      "Noise-cancelling headphones with 30 hours of battery.",
    ),
    product(
      "Boom Mini Speaker",
      "Audio",
      ["speaker", "gift"],
      49,
      "A small waterproof speaker for the shower or the beach.",
    ),
    product("USB-C Fast Charger 30W", "Accessories", ["charger"], 25, "A compact charger for phones and tablets."),
    product("Braided USB-C Cable 2 m", "Accessories", ["cable"], 15, "A braided cable that won't tangle."),
  ];
  const fashion = [
    product(
      "Robe portefeuille « Capucine »",
      "Robes",
      ["robe"],
      89,
      "Une robe portefeuille en viscose fluide, idéale pour l'été.",
      [{ name: "Couleur", values: ["Rouge", "Bleu marine"] }],
    ),
    product("Robe longue « Iris »", "Robes", ["robe"], 109, "Une robe longue en lin avec des manches courtes.", [
      { name: "Couleur", values: ["Écru"] },
    ]),
    product("Chemise en lin « Marius »", "Chemises", ["chemise", "lin"], 69, "Une chemise en lin lavé, coupe droite."),
    product("Foulard en soie « Paloma »", "Accessoires", ["foulard", "soie"], 45, "Un foulard en soie imprimé à Lyon."),
  ];
  const find = (products: any[], text: string, language: "en" | "es" | "fr", currency = "USD") =>
    searchCatalog(
      buildCatalog(products),
      new Map(products.map((p) => [p.handle, p])) as any,
      parseSearch(text, currency, language),
      language,
    ).results.map((p) => p.title);

  it("finds an English electronics shop's products from English, Spanish and French words, its own word first", () => {
    expect(find(electronics, "do you have headphones?", "en")[0]).toBe("Pulse Over-Ear Headphones");
    expect(find(electronics, "¿tienen audífonos?", "es")).toContain("Pulse Over-Ear Headphones");
    expect(find(electronics, "des écouteurs sans fil ?", "fr")).toContain("Pulse Wireless Earbuds");
    expect(find(electronics, "a charger", "en")).toEqual(["USB-C Fast Charger 30W"]);
    expect(find(electronics, "speakers under 50 bucks", "en")).toEqual(["Boom Mini Speaker"]);
  });

  it("finds a French fashion shop's products from English and Spanish words, the colour asked for first", () => {
    expect(find(fashion, "a red dress", "en", "EUR")[0]).toBe("Robe portefeuille « Capucine »");
    expect(find(fashion, "¿tienen vestidos?", "es", "EUR").sort()).toEqual([
      "Robe longue « Iris »",
      "Robe portefeuille « Capucine »",
    ]);
    expect(find(fashion, "a silk scarf", "en", "EUR")).toEqual(["Foulard en soie « Paloma »"]);
    expect(find(fashion, "do you sell shoes?", "en", "EUR")).toEqual([]);
    // "une robe": an article, not a quantity.
    expect(extractEntities(preprocess("une robe rouge"), buildCatalog(fashion)).entities.quantity).toBeUndefined();
  });
});
