import { describe, expect, it } from "vitest";
import { mentionsEmail } from "../../app/privacy/matching";

describe("finding a customer's email in what a shopper wrote", () => {
  it("matches the whole address, in any case, at a sentence's end or in brackets", () => {
    for (const text of [
      "emma.larsen@example.com",
      "my email is Emma.Larsen@EXAMPLE.com.",
      "(emma.larsen@example.com)",
      "mailto:emma.larsen@example.com, thanks",
      "email:emma.larsen@example.com\\nbye",
    ]) {
      expect([text, mentionsEmail(text, "emma.larsen@example.com")]).toEqual([text, true]);
    }
  });

  it("does not match a longer address that contains it", () => {
    for (const text of [
      "gemma.larsen@example.com",
      "x.emma.larsen@example.com",
      "emma.larsen@example.com.au",
      "emma.larsen@example.company",
      "emma.larsen@example.com-mail.net",
      "emma+larsen@example.com",
    ]) {
      expect([text, mentionsEmail(text, "emma.larsen@example.com")]).toEqual([text, false]);
    }
  });

  it("treats the address literally, not as a pattern", () => {
    expect(mentionsEmail("emmaxlarsen@example.com", "emma.larsen@example.com")).toBe(false);
    expect(mentionsEmail("a+b@example.com", "a+b@example.com")).toBe(true);
  });
});
