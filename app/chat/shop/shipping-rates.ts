/**
 * The delivery options the shop's shipping policy states, read from its own sentences: each line
 * that gives a price or a delivery time for a destination the shop ships to ("Canada: … 5–10
 * business days … $14.95", "Belgique et Luxembourg : DPD, 3 à 5 jours ouvrés, 8,90 €"). Nothing
 * here knows a carrier, a price or a country: the shop's text and its ship-to list say them.
 */
import { STATES_AN_AMOUNT } from "../amounts";
import { knowledgeFor, namesOfRegion, type Passage, type ShopTexts } from "../knowledge";
import { normalize } from "../preprocess";

/**
 * How long the shop takes to send an order ("Every order ships within 1 business day", "Préparation :
 * … sous 2 jours ouvrés"): the policy's sentences with a time and no destination, before its first
 * delivery option, in the policy's order.
 */
export function dispatchLines(shop: ShopTexts & { shipsToCountries: string[] }): Passage[] {
  const rates = shippingRateLines(shop);
  const firstRate = (language: string) =>
    Math.min(...rates.filter((r) => r.passage.language === language).map((r) => r.passage.order));
  return knowledgeFor(shop).passages.filter(
    (p) =>
      p.sourceKey === "SHIPPING_POLICY" &&
      TIME.test(normalize(p.text)) &&
      !STATES_AN_AMOUNT.test(p.text) &&
      p.order < firstRate(p.language) &&
      !rates.some((r) => r.passage.id === p.id),
  );
}

export interface RateLine {
  passage: Passage;
  /** The countries (ISO codes, among those the shop ships to) the line is for. */
  regions: string[];
  price: boolean;
  time: boolean;
  express: boolean;
  pickup: boolean;
}

const FREE = /\b(?:free|gratis|gratuit[e]?|offerte?)\b/;
/** A number of days or hours, or the next day: how long delivery takes. */
const TIME =
  /\b\d+(?:\s*(?:[–-]|to|a|à|au)\s*\d+)?\s+(?:(?:business|working|calendar)\s+)?(?:days?|hours?|weeks?|jours?|heures?|semaines?|dias?|horas?|semanas?)\b|\b(?:next day|same day|lendemain|dia siguiente)\b/;
export const EXPRESS = /\b(?:express|expres|exprés|overnight|next day|lendemain|urgente?s?|rapides?|rapid[oa]s?)\b/;
export const PICKUP =
  /\b(?:pick ?up|in store|in-store|collect|click (?:and|&) collect|retrait|retirer|recoger|recogida|en tienda|en boutique)\b/;

/** The countries the shop ships to that a text names ("Belgique et Luxembourg" → BE, LU). */
function servedRegionsIn(codes: string[]): (text: string) => string[] {
  const names = codes.map((code) => ({
    code,
    names: namesOfRegion(code)
      .map(normalize)
      .filter((n) => n.length >= 4),
  }));
  return (text: string) => {
    const lower = normalize(text);
    return names.filter(({ names: n }) => n.some((name) => new RegExp(`\\b${name}\\b`).test(lower))).map((r) => r.code);
  };
}

/**
 * What the policy says under a destination's heading besides its prices and times ("Only coffee and
 * non-electric accessories…", "Duties … may be collected on delivery").
 */
export function destinationNotes(shop: ShopTexts & { shipsToCountries: string[] }, region: string): Passage[] {
  return rememberedFor(shop, `notes:${region}`, () => readDestinationNotes(shop, region));
}

function readDestinationNotes(shop: ShopTexts & { shipsToCountries: string[] }, region: string): Passage[] {
  const regionsIn = servedRegionsIn(shop.shipsToCountries);
  const rates = new Set(shippingRateLines(shop).map((r) => r.passage.id));
  return knowledgeFor(shop).passages.filter((p) => {
    if (
      p.sourceKey !== "SHIPPING_POLICY" ||
      rates.has(p.id) ||
      STATES_AN_AMOUNT.test(p.text) ||
      TIME.test(normalize(p.text))
    )
      return false;
    // Under a heading, a sentence is about that destination even when it names another ("…not outside Mexico").
    const under = regionsIn(p.section);
    return (under.length > 0 ? under : regionsIn(p.text)).includes(region);
  });
}

/** A sentence this short that only says "free" or "never free" remarks on the option before it. */
const REMARK_LENGTH = 40;

const follows = (line: RateLine, passage: Passage) =>
  line.passage.sourceKey === passage.sourceKey && line.passage.order + 1 === passage.order;

/** The shop's delivery options, one line each, in the policy's order (its home destination first). */
export function shippingRateLines(shop: ShopTexts & { shipsToCountries: string[] }): RateLine[] {
  return rememberedFor(shop, "rates", () => readShippingRateLines(shop));
}

/**
 * What is read from the shop's shipping policy depends on its texts (one knowledge index per
 * texts) and its ship-to list alone, and is asked on every shipping question: read once per both.
 * Callers only read the arrays returned.
 */
function rememberedFor<T>(shop: ShopTexts & { shipsToCountries: string[] }, what: string, read: () => T): T {
  const knowledge = knowledgeFor(shop);
  let byCountries = remembered.get(knowledge);
  if (!byCountries) remembered.set(knowledge, (byCountries = new WeakMap()));
  let readings = byCountries.get(shop.shipsToCountries);
  if (!readings) byCountries.set(shop.shipsToCountries, (readings = new Map()));
  if (!readings.has(what)) readings.set(what, read());
  return readings.get(what) as T;
}
const remembered = new WeakMap<object, WeakMap<string[], Map<string, unknown>>>();

function readShippingRateLines(shop: ShopTexts & { shipsToCountries: string[] }): RateLine[] {
  const regionsIn = servedRegionsIn(shop.shipsToCountries);
  const lines: RateLine[] = [];
  for (const passage of knowledgeFor(shop).passages) {
    if (passage.sourceKey !== "SHIPPING_POLICY") continue;
    const text = normalize(passage.text);
    const price = STATES_AN_AMOUNT.test(passage.text) || FREE.test(text);
    const time = TIME.test(text);
    if (!price && !time) continue;
    // The line's own label names its countries; otherwise the heading it sits under does.
    const own = regionsIn(passage.text);
    const regions = own.length > 0 ? own : regionsIn(passage.section);
    if (regions.length === 0) continue;
    const previous = lines[lines.length - 1];
    // "Jamais offerte.", "No aplica el envío gratis.": a short remark on the option just before it.
    if (
      previous &&
      !time &&
      !STATES_AN_AMOUNT.test(passage.text) &&
      passage.text.length <= REMARK_LENGTH &&
      follows(previous, passage)
    ) {
      previous.passage = { ...previous.passage, quote: `${previous.passage.quote} ${passage.text}` };
      continue;
    }
    lines.push({ passage, regions, price, time, express: EXPRESS.test(text), pickup: PICKUP.test(text) });
  }
  return lines;
}
