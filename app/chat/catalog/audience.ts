/** Who a product is for (men's, women's), as titles, tags and shoppers write it in en/es/fr. */
import type { Product } from "../../commerce/types";

export type Gender = "mens" | "womens";

const WANTS_MENS = /\b(?:men'?s|mens|for men|for a man|male|hombre|hombres|caballero|homme|hommes|masculin)\b/i;
const WANTS_WOMENS =
  /\b(?:women'?s|womens|woman'?s|for women|for a woman|ladies|female|mujer|mujeres|dama|femme|femmes|f[ée]minin)\b/i;
const WOMENS_TAG = /^(?:womens?|women's|mujer|mujeres|dama|femme|femmes)$/i;
const MENS_TAG = /^(?:mens?|men's|hombre|hombres|caballero|homme|hommes)$/i;

/** The gender a shopper asks for ("women's boots", "para mujer"), or null for none or both. */
export function wantedGender(text: string): Gender | null {
  const womens = WANTS_WOMENS.test(text);
  const mens = WANTS_MENS.test(text.replace(WANTS_WOMENS, " "));
  return womens === mens ? null : womens ? "womens" : "mens";
}

export function genderOf(product: Product): Gender | null {
  if (/^women'?s\b/i.test(product.title) || product.tags.some((t) => WOMENS_TAG.test(t))) return "womens";
  if (/^men'?s\b/i.test(product.title) || product.tags.some((t) => MENS_TAG.test(t))) return "mens";
  return null;
}
