/**
 * Which discount codes the bot may talk about, and what it may say about them. Both engines ask
 * here: the local answer renders the verdict in the shopper's language, the model's tool returns
 * it as data. A code is called usable only when Shopify says ACTIVE and its usage limit isn't
 * reached; a code the merchant lists as internal is neither confirmed nor denied.
 */
import type { Discount, ListedDiscount } from "../../commerce/types";
import { normalize, tokenize } from "../preprocess";
import { isFinalSale } from "./returns";

export type CodeVerdict =
  /** Internal to the shop's team: never confirmed, denied or described. */
  | { kind: "undisclosed" }
  | { kind: "unknown" }
  /** The lookup failed: the bot can't say either way. */
  | { kind: "check_failed" }
  | { kind: "expired"; endsAt: string | null }
  | { kind: "not_started"; startsAt: string | null }
  | { kind: "used_up" }
  | {
      kind: "usable";
      code: string;
      summary: string;
      startsAt: string | null;
      endsAt: string | null;
      minimumSubtotal: string | null;
      minimumQuantity: number | null;
    };

export function isInternalCode(internalCodes: readonly unknown[], code: string): boolean {
  return internalCodes.some(
    (internal) => typeof internal === "string" && internal.trim().toUpperCase() === code.trim().toUpperCase(),
  );
}

function usedUp(discount: Discount): boolean {
  return discount.usageLimit !== null && discount.usageCount >= discount.usageLimit;
}

/** A code works at checkout only when Shopify says ACTIVE and its usage limit isn't reached. */
export function isUsable(discount: Discount): boolean {
  return discount.status === "ACTIVE" && !usedUp(discount);
}

/**
 * The verdict on one code the shopper named. `lookup` reads the code from Shopify; it is not
 * called for an internal code, so not even the lookup depends on one.
 */
export async function checkCode(
  internalCodes: readonly unknown[],
  code: string,
  lookup: (code: string) => Promise<Discount | null>,
): Promise<CodeVerdict> {
  if (isInternalCode(internalCodes, code)) return { kind: "undisclosed" };
  let discount: Discount | null;
  try {
    discount = await lookup(code);
  } catch {
    return { kind: "check_failed" };
  }
  return codeVerdict(discount);
}

export function codeVerdict(discount: Discount | null): CodeVerdict {
  if (!discount) return { kind: "unknown" };
  switch (discount.status) {
    case "EXPIRED":
      return { kind: "expired", endsAt: discount.endsAt };
    case "SCHEDULED":
      return { kind: "not_started", startsAt: discount.startsAt };
    case "ACTIVE":
      break;
    default:
      return { kind: "unknown" };
  }
  if (usedUp(discount)) return { kind: "used_up" };
  return {
    kind: "usable",
    code: discount.code,
    summary: discount.summary ?? discount.title,
    startsAt: discount.startsAt,
    endsAt: discount.endsAt,
    minimumSubtotal: discount.minimumSubtotal,
    minimumQuantity: discount.minimumQuantity ?? null,
  };
}

export type UsableCode = Extract<CodeVerdict, { kind: "usable" }>;

/** What the bot may say when asked for a code or an offer, without a code of the shopper's to check. */
export interface OffersVerdict {
  /** The shop's public codes (its list and its texts) that Shopify says work now, with what they give. */
  codes: UsableCode[];
  /** Automatic discounts running now for every buyer: they apply at checkout without a code. */
  automatic: { title: string; summary: string; endsAt: string | null }[];
  /**
   * Offers for every buyer that Shopify has scheduled: only when each starts. Its code and terms
   * stay with the shop until then (the merchant may not have announced it; a code wouldn't work
   * yet), even when its code is on the internal list.
   */
  upcoming: { startsAt: string }[];
  /** The shop's discount list couldn't be read: nothing is said about upcoming or automatic offers. */
  listFailed: boolean;
}

/**
 * The offers verdict. `publicCodes` are the codes the shop itself makes public; each is checked
 * with `lookup` (an internal one never is). The list is Shopify's running and scheduled discounts.
 */
export async function offersVerdict(
  internalCodes: readonly unknown[],
  publicCodes: readonly string[],
  lookup: (code: string) => Promise<Discount | null>,
  listDiscounts: () => Promise<ListedDiscount[]>,
): Promise<{ verdict: OffersVerdict; checked: { code: string; verdict: CodeVerdict }[] }> {
  const checked: { code: string; verdict: CodeVerdict }[] = [];
  for (const code of publicCodes) checked.push({ code, verdict: await checkCode(internalCodes, code, lookup) });
  const codes = checked.flatMap(({ verdict }) => (verdict.kind === "usable" ? [verdict] : []));
  let listed: ListedDiscount[] = [];
  let listFailed = false;
  try {
    listed = await listDiscounts();
  } catch {
    listFailed = true;
  }
  // A discount for chosen customers (a team's, a segment's) is nobody else's business, even its date.
  // An internal code of an offer for everyone may still be announced by its start: the code never is.
  const open = listed.filter((d) => d.forEveryone);
  const automatic = open
    .filter((d) => d.code === null && d.status === "ACTIVE")
    .map((d) => ({ title: d.title, summary: d.summary ?? d.title, endsAt: d.endsAt }));
  const starts = open.flatMap((d) => (d.status === "SCHEDULED" && d.startsAt ? [d.startsAt] : []));
  const upcoming = [...new Set(starts)].sort().map((startsAt) => ({ startsAt }));
  return { verdict: { codes, automatic, upcoming, listFailed }, checked };
}

/** Whether a code's terms cover a product: yes, no (and why), or unknown when its terms don't say. */
export type CodeCoverage =
  { covers: "yes" } | { covers: "no"; why: "final_sale" | "gift_card" | "excluded" } | { covers: "unknown" };

/** A clause of a code's terms that takes something out: "Excludes…", "Hors…", "No aplica en…". */
const EXCLUDING =
  /\b(?:exclud\w*|except\w*|not valid|doesn'?t apply|does not apply|not for|hors|sauf|ne s'applique pas|non valable|no aplica|no es valido|excepto|salvo)\b/;
/** "entire order", "toute la commande", "todo el pedido": a code for everything that isn't taken out. */
const ORDER_WIDE =
  /\b(?:entire|whole|any|every) (?:order|purchase|cart)|\b(?:all|any) (?:orders|products|items)|sitewide|site-wide|\btout(?:e)? (?:la commande|le site|le panier)|\btod[oa] (?:el pedido|la tienda|la compra)/;
/** Final sale in the platform's words, in the shop's languages. */
const FINAL_SALE = /\bfinal[- ]sale\b|\bvente finale\b|\bventa final\b/;
/** Gift cards in the shop's languages. */
const GIFT_CARDS = /\bgift ?cards?\b|\bcartes? cadeaux?\b|\btarjetas? de regalo\b/;

/**
 * What a code's summary says of one product, read from the terms Shopify gives: a clause that takes
 * out final-sale items, gift cards or a kind the product is (its type or tags) says no; otherwise a
 * code for the entire order, or one whose terms name the product's kind, says yes. Nothing here knows
 * a shop's products: the product's own type and tags are matched against the terms' words.
 */
export function codeCoversProduct(
  summary: string,
  product: { productType: string; tags: string[]; description: string; isGiftCard: boolean },
): CodeCoverage {
  const clauses = summary
    .split(/\s*[•;]\s*/)
    .map(normalize)
    .filter(Boolean);
  const excluding = clauses.filter((c) => EXCLUDING.test(c));
  const including = clauses.filter((c) => !EXCLUDING.test(c));
  // Shopify never discounts a gift card, whatever the summary says (its generated summary rarely mentions it).
  if (product.isGiftCard) return { covers: "no", why: "gift_card" };
  if (isFinalSale(product) && excluding.some((c) => FINAL_SALE.test(c))) return { covers: "no", why: "final_sale" };
  const kinds = kindWords(product);
  // The words of the gift-card and final-sale exclusions are not kinds ("final-sale items" is not "sale").
  const says = (clause: string) => {
    const words = tokenize(clause.replace(FINAL_SALE, " ").replace(GIFT_CARDS, " "));
    return kinds.some((kind) => kind.every((w) => words.some((word) => sameWord(word, w))));
  };
  if (excluding.some(says)) return { covers: "no", why: "excluded" };
  if (including.some((c) => ORDER_WIDE.test(c)) || including.some(says)) return { covers: "yes" };
  return { covers: "unknown" };
}

/** A product's kinds as word lists: its type and each tag ("seconde-choix" → ["seconde", "choix"]). */
function kindWords(product: { productType: string; tags: string[] }): string[][] {
  const typeWords = tokenize(normalize(product.productType)).filter((w) => w.length > 3);
  const tags = product.tags.map((tag) => tokenize(normalize(tag.replace(/[-_]/g, " "))));
  return [
    ...typeWords.map((w) => [w]),
    ...tags.filter((words) => words.length > 0 && words.every((w) => w.length > 2)),
  ];
}

/** The same word, singular or plural ("molino"/"molinos", "cafe"/"cafes", "carte"/"cartes"). */
function sameWord(a: string, b: string): boolean {
  return a === b || a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;
}
