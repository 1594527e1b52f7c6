/**
 * What we never keep in stored text: payment card numbers and phone numbers. Order numbers and
 * emails stay (they are how a guest proves an order), and so do street addresses, which address
 * changes and reships need. The bot still reads the original message in memory.
 */
const CARD_CANDIDATE = /\b(?:\d[ -]?){12,18}\d\b/g;
const PHONE = /(?<![\w#])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)|(?<![\w#])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,4}(?!\d)/g;

export const CARD_PLACEHOLDER = "[card number removed]";
export const PHONE_PLACEHOLDER = "[phone number removed]";

export function redactSensitive(text: string): string {
  return text
    .replace(CARD_CANDIDATE, (match) => (luhnValid(match.replace(/\D/g, "")) ? CARD_PLACEHOLDER : match))
    .replace(PHONE, (match) => (match.replace(/\D/g, "").length >= 10 ? PHONE_PLACEHOLDER : match));
}

export function luhnValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
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
