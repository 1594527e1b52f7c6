/**
 * Whether stored text belongs to one customer, for the privacy webhooks. An email counts only as
 * a whole address: "emma@x.com" is not in "gemma@x.com" nor in "emma@x.com.au".
 */

/** Characters that can continue an address's local part to the left of the match. */
const BEFORE = "(?<![\\p{L}\\p{N}._%+\\-])";
/** After the domain: no further domain character, and no "." that starts another label. */
const AFTER = "(?![\\p{L}\\p{N}_\\-]|\\.[\\p{L}\\p{N}])";

export function mentionsEmail(text: string, email: string): boolean {
  const address = email.trim();
  if (!address) return false;
  return new RegExp(`${BEFORE}${escapeRegExp(address)}${AFTER}`, "iu").test(text.normalize("NFKC"));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface StoredLookup {
  kind?: unknown;
  ref?: unknown;
  outcome?: unknown;
}

/** Whether a bot reply's stored lookups show one of these orders was verified and read. */
export function verifiedOrderIn(lookupsJson: string | null, orderNames: ReadonlySet<string>): boolean {
  if (!lookupsJson) return false;
  let lookups: unknown;
  try {
    lookups = JSON.parse(lookupsJson);
  } catch {
    return false;
  }
  return (
    Array.isArray(lookups) &&
    lookups.some(
      (l: StoredLookup) =>
        l?.kind === "order" &&
        typeof l.ref === "string" &&
        orderNames.has(l.ref) &&
        typeof l.outcome === "string" &&
        l.outcome.startsWith("verified"),
    )
  );
}
