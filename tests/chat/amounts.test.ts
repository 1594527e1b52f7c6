/** An amount of money in any currency, in a shop's text or a shopper's message. */
import { describe, expect, it } from "vitest";
import { AMOUNTS, STATES_AN_AMOUNT } from "../../app/chat/amounts";

describe("an amount of money", () => {
  it.each(["$6.95", "13,90 €", "$119 MXN", "¥800", "₹2,000", "CHF 9.50", "9.50 CHF", "MX$250"])("%j is one", (text) =>
    expect(STATES_AN_AMOUNT.test(`Standard delivery ${text}.`)).toBe(true),
  );

  it.each(["UPS 2-day", "3–5 business days", "size 42", "order #1042", "ALL 3 sizes ship free", "TOP 5 picks"])(
    "%j is none",
    (text) => expect(STATES_AN_AMOUNT.test(text)).toBe(false),
  );

  it("comes out of a search, whatever its currency", () => {
    expect("boots under €120 or ¥5000".replace(AMOUNTS, " ").trim().split(/\s+/)).toEqual(["boots", "under", "or"]);
  });
});
