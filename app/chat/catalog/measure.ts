/**
 * How big a product is, for "the bigger one", "la plus grosse", "el más pequeño" among products just
 * shown: the capacity its title or description states (litres, centilitres, millilitres), else the
 * weight its title states ("(300 g)"). Read from the shop's own words; null when it states neither.
 */
import type { Product } from "../../commerce/types";
import { normalize } from "../preprocess";

export interface Measure {
  kind: "volume" | "weight";
  /** In millilitres or grams. */
  amount: number;
}

const VOLUME = /(\d+(?:[.,]\d+)?)[\s-]*(l|liters?|litres?|litros?|cl|ml)\b/;
const WEIGHT = /(\d+(?:[.,]\d+)?)\s*(kg|g)\b/;
const IN_ML: Record<string, number> = { cl: 10, ml: 1 };

export function productMeasure(product: Pick<Product, "title" | "description">): Measure | null {
  const title = normalize(product.title);
  const volume = VOLUME.exec(title) ?? VOLUME.exec(normalize(product.description));
  if (volume) return { kind: "volume", amount: amountOf(volume[1]) * (IN_ML[volume[2]] ?? 1000) };
  const weight = WEIGHT.exec(title);
  if (weight) return { kind: "weight", amount: amountOf(weight[1]) * (weight[2] === "kg" ? 1000 : 1) };
  return null;
}

function amountOf(text: string): number {
  return Number(text.replace(",", "."));
}
