/**
 * An amount of money written in a shop's text or a shopper's message, in any currency: a currency
 * sign (Unicode's, so "¥", "₹", "₩" as well as "$ € £") or an ISO code Intl knows, before or after
 * the number ("$6.95", "13,90 €", "$119 MXN", "¥800", "CHF 9.50"). Only codes Intl knows count, so
 * "UPS 2-day" is no price.
 */
// Codes that are also English words written in capitals ("ALL 3 sizes", "TOP 5", "CUP 2") are left out.
const WORD_LIKE_CODES = new Set(["ALL", "TOP", "CUP", "MOP", "PEN"]);
const CURRENCY_CODE = `(?:${Intl.supportedValuesOf("currency")
  .filter((code) => !WORD_LIKE_CODES.has(code))
  .join("|")})`;
const NUMBER = "\\d(?:[\\d.,]*\\d)?";

/** Whether a text states an amount of money. */
export const STATES_AN_AMOUNT = new RegExp(
  `\\p{Sc}\\s?\\d|${NUMBER}\\s?(?:\\p{Sc}|${CURRENCY_CODE}\\b)|\\b${CURRENCY_CODE}\\s?\\d`,
  "u",
);

/** Every amount with its currency, for taking them out of a text ("boots under €120" → "boots under "). */
export const AMOUNTS = new RegExp(
  `\\p{Sc}\\s?${NUMBER}|${NUMBER}\\s?(?:\\p{Sc}|${CURRENCY_CODE}\\b|\\w{0,3}\\$)|\\b${CURRENCY_CODE}\\s?${NUMBER}`,
  "gu",
);
