/**
 * The shortest card and phone numbers are still taken out, whatever digits they are written in,
 * now that texts with too few digits skip the patterns.
 */
import { describe, expect, it } from "vitest";
import { CARD_PLACEHOLDER, PHONE_PLACEHOLDER, redactSensitive, withoutCardNumbers } from "../../app/privacy/redact";

describe("the fewest digits a number taken out has", () => {
  it("a 13-digit card number (Luhn-valid) goes; 12 digits stay", () => {
    expect(withoutCardNumbers("card 4222222222222 ok")).toBe(`card ${CARD_PLACEHOLDER} ok`);
    expect(withoutCardNumbers("ref 422222222222")).toBe("ref 422222222222");
  });

  it("full-width digits count as digits", () => {
    expect(withoutCardNumbers("カード ４２２２２２２２２２２２２")).toContain(CARD_PLACEHOLDER);
  });

  it("a 10-digit phone number goes; a short number stays, normalised", () => {
    expect(redactSensitive("call me 503 555 0142")).toBe(`call me ${PHONE_PLACEHOLDER}`);
    expect(redactSensitive("order #1042 ＃")).toBe("order #1042 #");
  });
});
