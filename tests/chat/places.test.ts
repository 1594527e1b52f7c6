import { describe, expect, it } from "vitest";
import { mentionedCity, mentionedCountry, namesOfRegion } from "../../app/chat/knowledge/places";

describe("places a shopper names", () => {
  it("finds a country by a name in the text, the longest name first", () => {
    expect(mentionedCountry("do you ship to New Mexico?")).toEqual({ code: "US", place: "new mexico" });
    expect(mentionedCountry("do you ship to Mexico?")).toEqual({ code: "MX", place: "mexico" });
  });

  it("reads the Spanish initials of the United States", () => {
    expect(mentionedCountry("¿Cuánto cuesta el envío en EE.UU.?")).toMatchObject({ code: "US" });
    expect(mentionedCountry("¿envían a EE. UU.?")).toMatchObject({ code: "US" });
    expect(mentionedCountry("envío a EEUU")).toMatchObject({ code: "US" });
    expect(mentionedCountry("fee uu.")).toBeNull();
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

  it("finds a large city's country where the shopper names it as a place", () => {
    expect(mentionedCity("do you ship to london?")).toEqual({ code: "GB", place: "london" });
    expect(mentionedCity("¿Cuánto cuesta el envío a Berlín?")).toMatchObject({ code: "DE" });
    expect(mentionedCity("J'habite à Zurich, vous livrez ?")).toMatchObject({ code: "CH" });
    expect(mentionedCity("shipping to Los Angeles")).toMatchObject({ code: "US" });
  });

  it("finds a large city by the name Spanish or French give it", () => {
    expect(mentionedCity("¿Hacen envíos a Londres?")).toMatchObject({ code: "GB" });
    expect(mentionedCity("¿Cuánto tarda el envío a Nueva York?")).toMatchObject({ code: "US" });
    expect(mentionedCity("Vous livrez à Bruxelles ?")).toMatchObject({ code: "BE" });
    expect(mentionedCity("¿Envían a Viena?")).toMatchObject({ code: "AT" });
    expect(mentionedCity("Je suis à Varsovie, vous livrez ?")).toMatchObject({ code: "PL" });
  });

  it("takes no city for its country where its name is a word, a first name or not said as a place", () => {
    expect(mentionedCity("a nice gift for my mother")).toBeNull();
    expect(mentionedCity("is the final sale item returnable in store?")).toBeNull();
    expect(mentionedCity("a candle that smells of cologne, shipped to my sister")).toBeNull();
    expect(mentionedCity("London fog is the colour I want")).toBeNull();
  });

  it("leaves a city the shop writes about to the shop's own sentences", () => {
    expect(mentionedCity("can I pick up in Lyon?", (name) => name === "lyon")).toBeNull();
    expect(mentionedCity("can I pick up in Lyon?")).toMatchObject({ code: "FR" });
  });
});
