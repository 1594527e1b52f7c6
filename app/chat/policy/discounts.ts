/**
 * Which discount codes the bot may talk about, and what it may say about them. Both engines ask
 * here: the local answer renders the verdict in the shopper's language, the model's tool returns
 * it as data. A code is called usable only when Shopify says ACTIVE and its usage limit isn't
 * reached; a code the merchant lists as internal is neither confirmed nor denied.
 */
import type { Discount } from "../../commerce/types";

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
