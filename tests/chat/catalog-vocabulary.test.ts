/** The shop's vocabulary is learned from its own catalog: three dev stores in three languages, and a made-up one. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCatalog, extractEntities } from "../../app/chat/entities";
import {
  buildVocabulary,
  headNoun,
  isGenericWord,
  isKindWord,
  pluralForms,
  shopperTerms,
} from "../../app/chat/catalog/vocabulary";
import { preprocess } from "../../app/chat/preprocess";

const load = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));
const northwind = load("demo/demo-store.json");
const coquelicot = load("demo/stores/maison-coquelicot.json");
const colibri = load("demo/stores/cafe-colibri.json");
const active = (snapshot: any) => snapshot.products.filter((p: any) => p.status === "ACTIVE");
const byHandle = (snapshot: any, pattern: RegExp) => active(snapshot).find((p: any) => pattern.test(p.handle));

function extract(snapshot: any, text: string) {
  return extractEntities(preprocess(text), buildCatalog(snapshot.products));
}

// A shop nobody here wrote scenarios for: a bookshop with stationery, in English.
const bookshop = [
  {
    title: "The Long Winter Paperback",
    handle: "long-winter-paperback",
    productType: "Books",
    vendor: "Quill & Co",
    tags: ["fiction"],
    description: "A novel in paperback, 320 pages.",
    options: [{ name: "Format", values: ["Paperback"] }],
  },
  {
    title: "Harbor Lights Paperback",
    handle: "harbor-lights-paperback",
    productType: "Books",
    vendor: "Quill & Co",
    tags: ["fiction"],
    description: "Stories set by the sea, in paperback.",
    options: [{ name: "Format", values: ["Paperback"] }],
  },
  {
    title: "Dotted Notebook A5",
    handle: "dotted-notebook-a5",
    productType: "Stationery",
    vendor: "Quill & Co",
    tags: ["paper"],
    description: "A dotted notebook with a linen cover.",
    options: [{ name: "Colour", values: ["Sage", "Ink"] }],
  },
  {
    title: "Fountain Pen Starter Set",
    handle: "fountain-pen-starter-set",
    productType: "Stationery",
    vendor: "Quill & Co",
    tags: ["pens", "gift"],
    description: "A fountain pen with three ink cartridges.",
    options: [{ name: "Color", values: ["Black", "Burgundy"] }],
  },
].map((p) => ({ ...p, status: "ACTIVE" }));

describe("catalog vocabulary", () => {
  it("finds each title's head noun where its language puts it", () => {
    expect(headNoun("Men's Alpine Shell Jacket", "en")).toBe("jacket");
    expect(headNoun("Merino Hiking Socks 2-Pack", "en")).toBe("socks");
    expect(headNoun("Insulated Water Bottle 32 oz", "en")).toBe("bottle");
    expect(headNoun("Bougie parfumée « Figuier » (200 g)", "fr")).toBe("bougie");
    expect(headNoun("Taies d'oreiller en lin lavé (lot de 2)", "fr")).toBe("taies");
    expect(headNoun("Café Chiapas — Finca La Esperanza", "es")).toBe("cafe");
    expect(headNoun("Curso en línea: Barismo en casa", "es")).toBe("curso");
  });

  it("reads the catalog's language and its kinds of things from the catalog itself", () => {
    const fr = buildVocabulary(active(coquelicot));
    const es = buildVocabulary(active(colibri));
    const en = buildVocabulary(active(northwind));
    expect([en.language, fr.language, es.language]).toEqual(["en", "fr", "es"]);
    for (const word of ["bougie", "bougies", "plaid", "nappe", "mug"]) expect(isKindWord(fr, word)).toBe(true);
    for (const word of ["molino", "molinos", "taza", "termo", "curso"]) expect(isKindWord(es, word)).toBe(true);
    // Quoted names and place names are product lines, not kinds.
    for (const word of ["figuier", "lune", "vercors"]) expect(isGenericWord(fr, word)).toBe(false);
    for (const word of ["chiapas", "oaxaca", "geisha"]) expect(isGenericWord(es, word)).toBe(false);
    // No outdoor-gear word is a kind in the homeware or coffee shop.
    for (const word of ["jacket", "tent", "boot"]) {
      expect(isKindWord(fr, word)).toBe(false);
      expect(isKindWord(es, word)).toBe(false);
    }
  });

  it("learns a made-up shop's words with no built-in list of them", () => {
    const vocabulary = buildVocabulary(bookshop);
    expect(isKindWord(vocabulary, "paperbacks")).toBe(true);
    expect(isKindWord(vocabulary, "notebook")).toBe(true);
    expect(isGenericWord(vocabulary, "harbor")).toBe(false);
    const catalog = buildCatalog(bookshop);
    expect(extractEntities(preprocess("is Harbor Lights in stock?"), catalog).productHandle).toBe(
      "harbor-lights-paperback",
    );
    // A kind alone is a category, not one product.
    expect(extractEntities(preprocess("do you sell paperbacks?"), catalog).productHandle).toBeNull();
    expect(extractEntities(preprocess("the notebook in sage please"), catalog).entities.color?.toLowerCase()).toBe(
      "sage",
    );
  });

  it("folds plurals the way en, es and fr write them", () => {
    expect(pluralForms("bougies")).toContain("bougie");
    expect(pluralForms("boxes")).toContain("box");
    expect(pluralForms("tazas")).toContain("taza");
    expect(pluralForms("colores")).toContain("color");
    expect(pluralForms("gateaux")).toContain("gateau");
    expect(pluralForms("glass")).toEqual(["glass"]);
  });

  it("maps a shopper's words in another language onto the catalog's words", () => {
    const related = (snapshot: any, text: string) =>
      shopperTerms(buildVocabulary(active(snapshot)), text).flatMap((t) => [...t.same, ...t.related]);
    expect(related(coquelicot, "do you sell candles?")).toContain("bougie");
    expect(related(coquelicot, "¿tienen velas?")).toContain("bougie");
    expect(related(coquelicot, "tablecloth")).toContain("nappe");
    expect(related(colibri, "a coffee grinder")).toContain("molino");
    expect(related(colibri, "une cafetière à piston")).toContain("prensa");
    expect(related(northwind, "¿tienen sacos de dormir?")).toEqual(expect.arrayContaining(["sleeping", "bag"]));
  });
});

describe("entities on shops in other languages", () => {
  it("reads colours from a 'Couleur' or 'Color' option", () => {
    const plaid = byHandle(coquelicot, /plaid/);
    const colour = plaid.options.find((o: any) => /couleur/i.test(o.name)).values[1];
    const found = extract(coquelicot, `Le plaid Vercors en ${colour.toLowerCase()} est dispo ?`);
    expect(found.productHandle).toBe(plaid.handle);
    expect(found.entities.color?.toLowerCase()).toBe(colour.toLowerCase());
  });

  it("reads the catalog's measured sizes however they are spaced, and the one wanted", () => {
    const cover = byHandle(coquelicot, /housse-de-couette/);
    const sizes = cover.options.find((o: any) => /taille/i.test(o.name)).values as string[];
    const [from, to] = [sizes[0], sizes[1]].map((s) => s.replace(/\s*cm$/, "").replace(/\s*×\s*/, "x"));
    expect(
      extract(coquelicot, `Je voudrais échanger ma housse ${from} contre une ${to}, comment faire ?`).entities.size,
    ).toBe(to);
    const press = byHandle(colibri, /prensa/);
    const small = press.options[0].values[0] as string;
    expect(extract(colibri, `¿La prensa de ${small.replace(" ", "")} sirve para dos tazas?`).entities.size).toBe(
      small.replace(" ", ""),
    );
  });

  it("counts only things that can be bought, and keeps plain colour words", () => {
    expect(extract(northwind, "Can I exchange my rain jacket for one size smaller?").entities.quantity).toBeUndefined();
    expect(extract(northwind, "it pilled after one wash").entities.quantity).toBeUndefined();
    expect(extract(northwind, "Can you recommend a backpack for a 3-day trip?").entities.quantity).toBeUndefined();
    expect(extract(northwind, "can I add two more headlamps?").entities.quantity).toBe("2");
    expect(extract(coquelicot, "je voudrais 3 bougies Figuier").entities.quantity).toBe("3");
    expect(extract(northwind, "Do you have anything in orange?").entities.color).toBe("orange");
  });

  it("does not read 'olive' in 'huile d'olive' as a colour", () => {
    expect(extract(coquelicot, "Le savon de Marseille à l'huile d'olive sent quoi ?").entities.color).toBeUndefined();
  });

  it("names a product by its line name after its kind, as Spanish and French write it", () => {
    expect(extract(coquelicot, "Les bols Lune passent au lave-vaisselle ?").productHandle).toBe(
      byHandle(coquelicot, /^bol/).handle,
    );
    expect(extract(coquelicot, "How long does the Figuier candle burn?").productHandle).toBe(
      byHandle(coquelicot, /figuier/).handle,
    );
    expect(extract(colibri, "¿A qué sabe el café Chiapas?").productHandle).toBe(byHandle(colibri, /chiapas/).handle);
  });

  it("takes a kind of thing alone for a category, not a product", () => {
    expect(extract(colibri, "¿tienen molinos?").productHandle).toBeNull();
    expect(extract(coquelicot, "Vous avez des bougies ?").productHandle).toBeNull();
    expect(extract(colibri, "¿Tienen tazas de cerámica?").productHandle).toBeNull();
  });
});
