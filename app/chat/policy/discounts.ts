/**
 * Which discount codes the bot may talk about, and what it may say about them. Both engines ask
 * here: the local answer renders the verdict in the shopper's language, the model's tool returns
 * it as data. A code is called usable only when Shopify says ACTIVE and its usage limit isn't
 * reached; a code the merchant lists as internal is neither confirmed nor denied.
 */
import type { Discount, ListedDiscount } from "../../commerce/types";

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
