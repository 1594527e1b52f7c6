import { describe, expect, it } from "vitest";
import { mentionedCountry, namesOfRegion } from "../../app/chat/knowledge/places";

describe("places a shopper names", () => {
  it("finds a country by a name in the text, the longest name first", () => {
    expect(mentionedCountry("do you ship to New Mexico?")).toEqual({ code: "US", place: "new mexico" });
    expect(mentionedCountry("do you ship to Mexico?")).toEqual({ code: "MX", place: "mexico" });
  });

  it("needs the whole word, not a name inside another word", () => {
    expect(mentionedCountry("I am a superuser of your app")).toBeNull();
  });

  it("answers the same text the same way when asked again", () => {
    const first = mentionedCountry("shipping to Alemania?");
    expect(first).toEqual({ code: "DE", place: "alemania" });
    expect(mentionedCountry("shipping to Alemania?")).toEqual(first);
    expect(mentionedCountry("shipping to nowhere")).toBeNull();
    expect(mentionedCountry("shipping to nowhere")).toBeNull();
  });

  it("gives each caller its own list of a region's names", () => {
    const names = namesOfRegion("DE");
    expect(names).toEqual(expect.arrayContaining(["Germany", "Alemania", "Allemagne"]));
    names.push("somewhere else");
    expect(namesOfRegion("DE")).not.toContain("somewhere else");
  });
});
