/**
 * Shop facts: what this shop's own data says about the rules the bot states (return window,
 * refund and handling times, what happens when a return arrives, final-sale items, how soon the
 * team replies, the days it sends orders). The only place answers get such facts from: a fact nobody wrote down is absent,
 * never filled from a default, and the answer then quotes what the shop did write or says it
 * doesn't know.
 *
 * Sources, strongest last: the shop's written policies, FAQs and pages (each fact keeps the
 * sentence it came from, so the merchant can check it) and the merchant's own corrections.
 */
import { normalize } from "../preprocess";
import { knowledgeFor, type Passage } from "../knowledge";
import type { ShopProfile } from "../types";
import { findDurations, type DurationRange } from "./durations";
import { asWorkingDays, workingDaysIn, type Weekday } from "./working-days";

export interface FactSource {
  /** "text": read from the shop's writing; "merchant": set or confirmed by the merchant in Settings. */
  kind: "text" | "merchant";
  /** The policy type, FAQ question or page title the sentence came from. */
  where: string;
  /** The shop's own sentence, quoted as written. */
  sentence: string | null;
}

export interface Fact<T> {
  value: T;
  source: FactSource;
}

export interface ReturnWindow {
  days: number;
  /** What the window counts from: each item's delivery, or the order date. */
  from: "delivery" | "order" | "unknown";
}

export interface ShopFacts {
  returnWindow: Fact<ReturnWindow> | null;
  /** How long a refund takes to reach the shopper once issued. */
  refundTiming: Fact<DurationRange> | null;
  /** How soon an order leaves after it is placed. */
  handlingTime: Fact<DurationRange> | null;
  /** How soon the team answers a hand-off. */
  replyTime: Fact<DurationRange> | null;
  /** What happens when a return reaches the shop (a sentence to quote). */
  returnReceipt: Fact<string> | null;
  /** Which items can't be returned (a sentence to quote). */
  finalSale: Fact<string> | null;
  /** How late a parcel (or how long its tracking still) before the shop opens a trace with the carrier. */
  traceAfter: Fact<DurationRange> | null;
  /** The weekdays the shop sends orders: what its business days are. */
  workingDays: Fact<Weekday[]> | null;
}

export type FactKey = keyof ShopFacts;
export const FACT_KEYS: FactKey[] = [
  "returnWindow",
  "refundTiming",
  "handlingTime",
  "replyTime",
  "returnReceipt",
  "finalSale",
  "traceAfter",
  "workingDays",
];

/**
 * When neither the shop's texts nor the merchant say when a parcel counts as late, the bot offers
 * a carrier trace once it is this far past its estimated delivery (shown in Store facts). It
 * decides when to offer, and is never stated to shoppers as the shop's rule.
 */
export const TRACE_AFTER_DEFAULT: DurationRange = { min: 5, max: 5, unit: "business_days" };

/**
 * When neither the shop's texts nor the merchant say which days the shop works, business days are
 * read the conventional way, Monday to Friday (shown in Store facts as assumed). Dates are counted
 * on it; it is never stated to shoppers as the shop's rule.
 */
export const WORKING_DAYS_DEFAULT: readonly Weekday[] = [1, 2, 3, 4, 5];

/** The merchant's word on a fact: a value replaces what was read, null says "don't state this". */
export type FactOverrides = { [K in FactKey]?: NonNullable<ShopFacts[K]>["value"] | null };

const WORDS = {
  // Sentences about sending things back; "retractation" is the EU right of withdrawal.
  returns:
    /\b(return|returns|returned|returning|devolucion|devoluciones|devolver|devuelv\w*|retour|retours|retourner|renvoyer|retractation)\b|\b(send|sent|bring|ship)(?: \w+){0,3} back\b/,
  refund: /\b(refund|refunds|refunded|reembolso|reembolsos|reembols\w*|rembours\w*)\b/,
  // The refund reaching the shopper's bank, as opposed to when it is issued.
  reachesBank:
    /\b(appear|appears|show|statement|bank|account|card|aparec\w*|banco|cuenta|tarjeta|apparai\w*|banque|compte|carte|releve)\b/,
  fromDelivery:
    /\b(deliver\w*|receiv\w*|receipt|arriv\w*|entrega\w*|recib\w*|recepcion|llegad\w*|livraison|livre|recept\w*|recu|reçu)\b/,
  fromOrder: /\b(order|ordered|purchase\w*|bought|placed|pedido|compra|commande|achat)\b/,
  // Order dispatch, not transit ("3–5 business days after dispatch").
  dispatch:
    /\b(ships?|shipped|dispatch\w*|process\w*|leaves?|sent|se envia\w*|enviamos|sale|salen|prepar\w*|expedi\w*|expedie\w*|part(?:ent)?)\b/,
  transit:
    /\b(after dispatch|in transit|delivery time|delivered in|transit|tras el envio|despues del envio|apres expedition|en transit|delai de livraison)\b/,
  arrives:
    /\b(reaches|reach|arrives|arrive|receive|received|receiving|get it back|llega|llegue|recibimos|recibamos|recibirl[oa]s?|recibid[oa]s?|arrive|recevons|reception|recu|reçu)\b/,
  inspect:
    /\b(inspect\w*|check\w*|review\w*|process\w*|refund\w*|revis\w*|reembols\w*|verifi\w*|controle\w*|rembours\w*|trait\w*)\b/,
  finalSale:
    /\b(final[- ]sale|venta final|no (?:admite|acepta)\w* devoluci\w*|vente finale|ni repris ni echange\w*|non (?:repris|echangeable)\w*)\b/,
  // A parcel that is late or lost, or whose tracking stands still, and the trace the shop opens then.
  parcel:
    /\b(parcels?|packages?|shipments?|tracking|carriers?|colis|suivi|transporteur|paquetes?|paqueteria|guia|envios?|rastreo)\b/,
  trace: /\b(trace|investigat\w*|enquete|investigacion|reporte)\b/,
  reply: /\b(reply|replies|respond\w*|answer\w*|get back to you|respond\w*|contest\w*|repond\w*)\b/,
  // A reply-time sentence about the shop's team, not a carrier or a bank.
  team: /\b(we|our team|support|nous|notre equipe|nuestro equipo|le service client|servicio de atencion)\b/,
  // "business days", "días hábiles", "jours ouvrés": a sentence giving them may say which days they are.
  businessDays: /\b(business|working) days?\b|\bdias? (habiles|laborables)\b|\bjours? (ouvres|ouvrables)\b/,
  // Collecting in person and opening hours: the days a counter is open, not the days orders leave.
  pickup:
    /\b(pick ?up|collect|click (?:&|and) collect|retrait|retirer|recoger|recogida|open|opening|ouvert\w*|horaires?|horarios?|abiert[oa]s?)\b/,
  notAboutReturns:
    /\b(warranty|garantia|garantie|difference|diferencia|price|precio|prix|defect\w*|damaged|danad\w*|endommag\w*)\b/,
};

/** Facts read from the shop's policies and FAQs, then the merchant's overrides applied. */
export function shopFacts(shop: Pick<ShopProfile, "policies" | "faqs">, overrides: FactOverrides = {}): ShopFacts {
  const read = readFacts(knowledgeFor(shop).passages);
  return applyOverrides(read, overrides);
}

const cache = new WeakMap<object, ShopFacts>();

/** shopFacts, computed once per shop profile (the profile is rebuilt when the shop's data changes). */
export function factsFor(shop: ShopProfile): ShopFacts {
  let facts = cache.get(shop);
  if (!facts) cache.set(shop, (facts = shopFacts(shop, shop.factOverrides ?? {})));
  return facts;
}

export function readFacts(passages: Passage[]): ShopFacts {
  // Policies before FAQs: the written policy is the rule, the FAQ a summary of it.
  const ordered = [...passages].sort((a, b) => Number(a.kind === "faq") - Number(b.kind === "faq"));
  const sentences = ordered.map((p) => ({ passage: p, text: normalize(p.text) }));
  const first = <T>(pick: (text: string, passage: Passage) => T | null): Fact<T> | null => {
    for (const { passage, text } of sentences) {
      const value = pick(text, passage);
      if (value !== null)
        return { value, source: { kind: "text", where: passage.sourceTitle, sentence: passage.quote } };
    }
    return null;
  };
  return {
    returnWindow: first(returnWindowIn),
    refundTiming: first((text) =>
      WORDS.refund.test(text) && WORDS.reachesBank.test(text)
        ? durationNearest(text, WORDS.reachesBank, ["days", "business_days", "weeks"])
        : null,
    ),
    handlingTime: first((text) =>
      WORDS.dispatch.test(text) && !WORDS.transit.test(text) && !WORDS.returns.test(text) && !WORDS.refund.test(text)
        ? firstDuration(text, ["hours", "days", "business_days"], 5)
        : null,
    ),
    replyTime: first((text) =>
      WORDS.reply.test(text) && WORDS.team.test(text)
        ? firstDuration(text, ["hours", "days", "business_days"], 5)
        : null,
    ),
    // The returns policy's own title counts: its "Refunds:" paragraph needs no return word of its own.
    returnReceipt: first((text, passage) =>
      WORDS.returns.test([text, passage.section, passage.sourceTitle].map(normalize).join(" ")) &&
      WORDS.arrives.test(text) &&
      WORDS.inspect.test(text) &&
      WORDS.refund.test(text)
        ? passage.quote
        : null,
    ),
    finalSale: first((text, passage) => (WORDS.finalSale.test(text) ? passage.quote : null)),
    // "Delays and lost parcels: if your tracking hasn't moved for 5 business days, …": the heading may name the parcel.
    traceAfter: first((text, passage) =>
      WORDS.parcel.test(`${text} ${normalize(passage.section)}`) && WORDS.trace.test(text)
        ? firstDuration(text, ["days", "business_days", "weeks"])
        : null,
    ),
    workingDays: first((text, passage) =>
      (WORDS.dispatch.test(text) || WORDS.businessDays.test(text)) &&
      !WORDS.returns.test(text) &&
      !WORDS.refund.test(text) &&
      !WORDS.pickup.test(`${text} ${normalize(passage.section)} ${normalize(passage.sourceTitle)}`)
        ? workingDaysIn(text)
        : null,
    ),
  };
}

function returnWindowIn(text: string): ReturnWindow | null {
  if (!WORDS.returns.test(text) || WORDS.notAboutReturns.test(text)) return null;
  const duration = findDurations(text).find(
    (d) => d.unit === "days" || d.unit === "business_days" || d.unit === "weeks" || d.unit === "months",
  );
  if (!duration) return null;
  const days =
    duration.unit === "weeks" ? duration.max * 7 : duration.unit === "months" ? duration.max * 30 : duration.max;
  // What the window counts from is named right after the number ("30 days of delivery").
  const after = text.slice(duration.index + duration.text.length, duration.index + duration.text.length + 60);
  const from = WORDS.fromDelivery.test(after) ? "delivery" : WORDS.fromOrder.test(after) ? "order" : "unknown";
  return { days, from };
}

/**
 * The duration closest to a word of `near` ("…inspected within 3 days…; your bank then takes 3–5
 * business days"): a sentence may give several delays, and the one next to the word is the one meant.
 */
function durationNearest(
  text: string,
  near: RegExp,
  units: DurationRange["unit"][],
  maxDays = 60,
): DurationRange | null {
  const anchors = [...text.matchAll(new RegExp(near.source, "g"))].map((m) => m.index ?? 0);
  const candidates = findDurations(text).filter((d) => units.includes(d.unit) && d.max <= maxDays);
  if (candidates.length === 0 || anchors.length === 0) return null;
  const distance = (d: (typeof candidates)[number]) =>
    Math.min(...anchors.map((a) => (a < d.index ? d.index - a : a - (d.index + d.text.length))));
  const found = candidates.reduce((best, d) => (distance(d) < distance(best) ? d : best));
  return { min: found.min, max: found.max, unit: found.unit };
}

function firstDuration(text: string, units: DurationRange["unit"][], maxDays = 60): DurationRange | null {
  const found = findDurations(text).find(
    (d) => units.includes(d.unit) && d.max <= (d.unit === "hours" ? maxDays * 24 : maxDays),
  );
  return found ? { min: found.min, max: found.max, unit: found.unit } : null;
}

function applyOverrides(read: ShopFacts, overrides: FactOverrides): ShopFacts {
  const facts = { ...read } as Record<FactKey, Fact<unknown> | null>;
  for (const key of FACT_KEYS) {
    if (!(key in overrides)) continue;
    const value = overrides[key];
    facts[key] =
      value === null || value === undefined
        ? null
        : { value, source: { kind: "merchant", where: "Settings", sentence: null } };
  }
  return facts as unknown as ShopFacts;
}

/** The merchant's stored overrides (ShopSettings.factOverrides), ignoring keys this version doesn't know. */
export function parseFactOverrides(json: string): FactOverrides {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        ([key, fact]) =>
          (FACT_KEYS as string[]).includes(key) &&
          // A stored calendar that isn't a list of weekdays is dropped rather than counted on.
          (key !== "workingDays" || fact === null || asWorkingDays(fact) !== null),
      ),
    ) as FactOverrides;
  } catch {
    return {};
  }
}
