/** Every module's sentences share one catalog: a key defined twice must not change another module's sentence. */
import { describe, expect, it } from "vitest";
import { defineMessages, t } from "../../app/chat/i18n";
import "../../app/chat/pipeline";

describe("the message catalog", () => {
  it("refuses a key another module already defines with other sentences", () => {
    defineMessages({ test_only_key: { en: "One.", es: "Uno.", fr: "Un." } });
    expect(() => defineMessages({ test_only_key: { en: "Two.", es: "Dos.", fr: "Deux." } })).toThrow(/test_only_key/);
    expect(t("en", "test_only_key")).toBe("One.");
  });

  it("accepts the same definition again (a module loaded twice)", () => {
    defineMessages({ test_same_key: { en: "Same.", es: "Igual.", fr: "Pareil." } });
    expect(() => defineMessages({ test_same_key: { en: "Same.", es: "Igual.", fr: "Pareil." } })).not.toThrow();
  });
});
