/**
 * What we never keep in stored text: payment card numbers and phone numbers. Order numbers and
 * emails stay (they are how a guest proves an order), and so do street addresses, which address
 * changes and reships need.
 *
 * Text is NFKC-normalised first, so digits written full-width ("４１１１"), as mathematical
 * symbols or circled are found too. Everything stored that is derived from a shopper's message
 * (the message, entities, dialogue state, ticket summaries, CSAT comments) goes through here; the
 * bot itself reads the message without card numbers (it never needs one) but with phone numbers,
 * which an address change may carry.
 */
const SEPARATOR = "[\\s.\\-\\u2010-\\u2015]";
const CARD_CANDIDATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d${SEPARATOR}?){12,18}\\d(?![\\p{L}\\p{N}])`, "gu");
const PHONE =
  /(?<![\w#])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)|(?<![\w#])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,4}(?!\d)/g;

export const CARD_PLACEHOLDER = "[card number removed]";
export const PHONE_PLACEHOLDER = "[phone number removed]";

/** The text without card numbers (for the bot, and for text the shop may have written). */
export function withoutCardNumbers(text: string): string {
  // ASCII text is its own NFKC form: no normalisation (an ICU call and a copy) for it.
  const normalized = isAscii(text) ? text : text.normalize("NFKC");
  // Most texts hold too few digits for any card number: no pattern run for them.
  if (!hasDigits(normalized, CARD_MIN_DIGITS)) return normalized;
  return normalized.replace(CARD_CANDIDATE, (match) =>
    luhnValid(match.replace(/\D/g, "")) ? CARD_PLACEHOLDER : match,
  );
}

/** The text as it may be stored: without card numbers and phone numbers. */
export function redactSensitive(text: string): string {
  const withoutCards = withoutCardNumbers(text);
  if (!hasDigits(withoutCards, PHONE_MIN_DIGITS)) return withoutCards;
  return withoutCards.replace(PHONE, (match) =>
    match.replace(/\D/g, "").length >= PHONE_MIN_DIGITS ? PHONE_PLACEHOLDER : match,
  );
}

/** The fewest digits a card number (luhnValid) and a phone number taken out have. */
const CARD_MIN_DIGITS = 13;
const PHONE_MIN_DIGITS = 10;

/** Whether the text holds at least `count` ASCII digits (what the patterns read after NFKC). */
function hasDigits(text: string, count: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++found >= count) return true;
  }
  return false;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether the shopper wrote a card number (or it was already taken out of this text). */
export function mentionsCardNumber(text: string): boolean {
  return text.includes(CARD_PLACEHOLDER) || withoutCardNumbers(text).includes(CARD_PLACEHOLDER);
}

/**
 * A stored JSON value (entities, dialogue state, lookups) with every string in it redacted. Where nothing
 * was taken out, the value itself comes back (not a copy): serialise it, don't change it.
 */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redactSensitive(value) as T;
  if (Array.isArray(value)) {
    // Copied only when something in it changed: most values hold nothing to take out.
    const redacted = value.map(redactDeep);
    return (redacted.every((inner, i) => inner === value[i]) ? value : redacted) as T;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const entries = Object.entries(value).map(([key, inner]) => {
      const redacted = redactDeep(inner);
      if (redacted !== inner) changed = true;
      return [key, redacted];
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

export function luhnValid(digits: string): boolean {
  if (digits.length < CARD_MIN_DIGITS || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
