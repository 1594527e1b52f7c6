/**
 * The colour a message names, found among the product's, the catalog's and the basic colour names
 * (listed once per catalog and product, each looked for only where the text contains it): the
 * same in any case and with accents, and a second catalog's colours are its own.
 */
import { describe, expect, it } from "vitest";
import { buildCatalog, extractEntities } from "../../app/chat/entities";
import { preprocess } from "../../app/chat/preprocess";

const product = (title: string, colours: string[]) => ({
  title,
  handle: title.toLowerCase().replace(/\W+/g, "-"),
  status: "ACTIVE",
  options: [{ name: "Couleur", values: colours }],
});

const colourIn = (text: string, catalog: ReturnType<typeof buildCatalog>) =>
  extractEntities(preprocess(text), catalog).entities.color;

describe("colour names", () => {
  const linens = buildCatalog([
    product("Nappe Brodée", ["Vert Céladon", "Bleu Nuit"]),
    product("Plaid Laine", ["Ocre"]),
  ]);
  const gear = buildCatalog([product("Trail Pack", ["Glacier Teal"])]);

  it("are found as written, whatever their case and accents", () => {
    expect(colourIn("avez-vous la nappe en vert céladon ?", linens)).toBe("vert céladon");
    expect(colourIn("LA NAPPE EN VERT CÉLADON SVP", linens)).toBe("VERT CÉLADON");
    expect(colourIn("le plaid en bleu nuit", linens)).toBe("bleu nuit");
    expect(colourIn("do you have it in Ocre?", linens)).toBe("Ocre");
  });

  it("are found when they begin or end with an accented letter", () => {
    const accented = buildCatalog([product("Coussin Lin", ["Écru", "Rosé", "Café"])]);
    expect(colourIn("le coussin en écru ?", accented)).toBe("écru");
    expect(colourIn("le coussin lin en rosé, il est dispo ?", accented)).toBe("rosé");
    expect(colourIn("vous l'avez en Café ?", accented)).toBe("Café");
    // A longer word that merely holds the name is not it.
    expect(colourIn("le coussin en écrue", accented)).not.toBe("écru");
  });

  it("are each catalog's own, asked again and again", () => {
    for (let i = 0; i < 3; i++) {
      expect(colourIn("the trail pack in glacier teal", gear)).toBe("glacier teal");
      expect(colourIn("the trail pack in glacier teal", linens)).not.toBe("glacier teal");
      expect(colourIn("la nappe en vert céladon", gear)).toBe("vert");
    }
  });

  it("keep the longest name where two overlap, and the basic colours without a catalog", () => {
    expect(colourIn("le plaid en bleu nuit", linens)).not.toBe("bleu");
    expect(extractEntities(preprocess("do you have it in RED?"), null).entities.color).toBe("RED");
  });
});
