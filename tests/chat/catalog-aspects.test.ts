/**
 * Which fact a product question asks for (catalog/aspects.ts, over aspect-lexicon.json), in any of
 * the shop's languages, and how clearly a sentence of a product's own text states it.
 */
import { describe, expect, it } from "vitest";
import { askedFacts, saysSoldSeparately, statesAspect, type Aspect } from "../../app/chat/catalog/aspects";
import lexicon from "../../app/chat/catalog/aspect-lexicon.json";

const aspectsOf = (text: string, language: "en" | "es" | "fr") => [...askedFacts(text, language).aspects].sort();

describe("aspects a question asks for", () => {
  it("reads the same aspect in English, Spanish and French", () => {
    expect(aspectsOf("What is it made of?", "en")).toEqual(["material"]);
    expect(aspectsOf("¿De qué material es?", "es")).toEqual(["material"]);
    expect(aspectsOf("C'est en quelle matière ?", "fr")).toEqual(["material"]);
    expect(aspectsOf("Can it go in the dishwasher?", "en")).toEqual(["care"]);
    expect(aspectsOf("¿Se puede lavar en lavavajillas?", "es")).toEqual(["care"]);
    expect(aspectsOf("Il passe au lave-vaisselle ?", "fr")).toEqual(["care"]);
  });

  it("lets a phrase win over its words, and keeps the aspects a phrase may mean as alternatives", () => {
    // "long" alone is a length; "how long" a length or a duration, which the product's text decides.
    expect(aspectsOf("Is it long?", "en")).toEqual(["dimensions"]);
    const lasts = askedFacts("How long does the battery last?", "en");
    expect(lasts.groups).toHaveLength(1);
    expect([...lasts.groups[0]].sort()).toEqual(["dimensions", "duration"]);
  });

  it("takes 'how much' for the price only when no other amount is named", () => {
    const weigh = askedFacts("How much does it weigh?", "en");
    expect([...weigh.aspects]).toEqual(["weight"]);
    expect(weigh.price).toBe(false);
    expect(askedFacts("How much is it?", "en").price).toBe(true);
    expect(askedFacts("¿Cuánto cuesta?", "es").price).toBe(true);
  });

  it("keeps the aspects one word may name together, as alternatives", () => {
    const asked = askedFacts("Quelle est la taille des serviettes ?", "fr");
    expect(asked.groups).toHaveLength(1);
    expect([...asked.groups[0]].sort()).toEqual(["dimensions", "fit"]);
  });

  it("tells 'do you have it?' from 'does it have…?' in Spanish, which share a stem", () => {
    expect(askedFacts("¿Tienen el café de olla?", "es").stock).toBe(true);
    expect(askedFacts("¿El jabón tiene perfume?", "es").stock).toBe(false);
  });

  it("marks the words that asked, so they aren't looked for in the description", () => {
    expect([...askedFacts("Is it waterproof?", "en").aspectTokens]).toEqual(["waterproof"]);
  });
});

describe("how clearly a sentence states an aspect", () => {
  it("counts a number with the aspect's unit and a word of it", () => {
    expect(statesAspect("Comfort-rated to -25°F (-32°C).", "temperature")).toBe(2);
    expect(statesAspect("Made with 200 g of synthetic insulation.", "temperature")).toBe(1);
    expect(statesAspect("Two zip hand pockets.", "weight")).toBe(0);
    expect(statesAspect("Poids : 850 g.", "weight")).toBe(2);
    expect(statesAspect("Une lampe de 400 lumens.", "power")).toBe(2);
    expect(statesAspect("Une grande puissance.", "power")).toBe(1);
  });

  it("reads an option with its values like a sentence", () => {
    expect(statesAspect("Presentación: 250 g, 1 kg", "weight")).toBeGreaterThan(0);
    expect(statesAspect("Color: Black, Sage", "weight")).toBe(0);
  });
});

describe("what a product's text says is sold on its own", () => {
  it("reads it in each language", () => {
    expect(saysSoldSeparately("Footprint sold separately.")).toBe(true);
    expect(saysSoldSeparately("Coussin de garnissage non fourni.")).toBe(true);
    expect(saysSoldSeparately("La jarra se vende aparte.")).toBe(true);
    expect(saysSoldSeparately("Pump sack and repair kit included.")).toBe(false);
  });
});

describe("the aspect lexicon", () => {
  it("gives every aspect question words and answer words in each language", () => {
    for (const [name, aspect] of Object.entries(lexicon.aspects)) {
      for (const language of ["en", "es", "fr"] as const) {
        expect(aspect.asked[language].trim().length, `${name}.asked.${language}`).toBeGreaterThan(0);
        expect(aspect.answered[language].trim().length, `${name}.answered.${language}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("a question read again", () => {
  it("reads the same, whatever a caller did with the first reading", () => {
    const first = askedFacts("Is it waterproof and how much does it weigh?", "en");
    const fresh = {
      aspects: [...first.aspects],
      groups: first.groups.map((g) => [...g]),
      aspectTokens: [...first.aspectTokens],
    };
    expect(fresh.aspects.length).toBeGreaterThan(1);
    // An answer adds the product's own aspects to its reading.
    first.aspects.clear();
    first.groups.push(["load" as Aspect]);
    first.groups[0].push("load" as Aspect);
    first.aspectTokens.clear();
    const again = askedFacts("Is it waterproof and how much does it weigh?", "en");
    expect({
      aspects: [...again.aspects],
      groups: again.groups,
      aspectTokens: [...again.aspectTokens],
    }).toEqual(fresh);
  });
});
