/**
 * Places a shopper names, so "I'm in Texas" finds the US rules and "the UK" the countries rule:
 * US states and Canadian places by hand, every country by its name in English, Spanish and French
 * (Intl's region names), and the world's large cities ("do you ship to Berlin?", "¿envían a
 * Londres?", "à Bruxelles") from the table scripts/build-world-cities.ts writes: English names,
 * and the Spanish and French ones CLDR gives its time zones' cities.
 */
import { escapeRegExp, LANGUAGES, normalize } from "../preprocess";
import worldCities from "./world-cities.json";

const US_STATES = (
  "alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,georgia,hawaii,idaho,illinois,indiana," +
  "iowa,kansas,kentucky,louisiana,maine,maryland,massachusetts,michigan,minnesota,mississippi,missouri,montana,nebraska," +
  "nevada,new hampshire,new jersey,new mexico,new york,north carolina,north dakota,ohio,oklahoma,oregon,pennsylvania," +
  "rhode island,south carolina,south dakota,tennessee,texas,utah,vermont,virginia,washington,west virginia,wisconsin," +
  "wyoming,puerto rico"
).split(",");
const CA_PLACES = (
  "canada,canadian,alberta,british columbia,manitoba,new brunswick,newfoundland,nova scotia,ontario,quebec,saskatchewan," +
  "yukon,nunavut,toronto,montreal,vancouver,calgary,ottawa,edmonton,winnipeg,halifax"
).split(",");
const COUNTRIES: Record<string, string> = {
  "united states": "US",
  usa: "US",
  "u.s.": "US",
  "u.s.a.": "US",
  "estados unidos": "US",
  // Spanish writes the United States' initials doubled, for the plural: EE. UU.
  "ee.uu.": "US",
  "ee. uu.": "US",
  eeuu: "US",
  "etats unis": "US",
  uk: "GB",
  "u.k.": "GB",
  "united kingdom": "GB",
  britain: "GB",
  "great britain": "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "reino unido": "GB",
  "royaume uni": "GB",
  ireland: "IE",
  irlanda: "IE",
  irlande: "IE",
  mexico: "MX",
  australia: "AU",
  australie: "AU",
  "new zealand": "NZ",
  germany: "DE",
  alemania: "DE",
  allemagne: "DE",
  france: "FR",
  francia: "FR",
  spain: "ES",
  espana: "ES",
  espagne: "ES",
  italy: "IT",
  italia: "IT",
  italie: "IT",
  netherlands: "NL",
  holland: "NL",
  belgium: "BE",
  belgique: "BE",
  switzerland: "CH",
  suisse: "CH",
  austria: "AT",
  sweden: "SE",
  norway: "NO",
  denmark: "DK",
  finland: "FI",
  iceland: "IS",
  portugal: "PT",
  poland: "PL",
  greece: "GR",
  japan: "JP",
  japon: "JP",
  china: "CN",
  chine: "CN",
  korea: "KR",
  india: "IN",
  inde: "IN",
  singapore: "SG",
  brazil: "BR",
  brasil: "BR",
  bresil: "BR",
  argentina: "AR",
  argentine: "AR",
  chile: "CL",
  colombia: "CO",
  colombie: "CO",
  peru: "PE",
  "south africa": "ZA",
  israel: "IL",
  uae: "AE",
  "hong kong": "HK",
  philippines: "PH",
  europe: "EU",
  europa: "EU",
};

/** Country names that are also everyday words in a shop ("china" plates, "chile" peppers, a "jersey"). */
const AMBIGUOUS_NAMES = new Set([
  "china",
  "turkey",
  "chile",
  "jersey",
  "chad",
  "jordan",
  "guernsey",
  "man",
  "georgia",
  "inde",
  "oman",
]);
const placeName = (name: string) =>
  normalize(name)
    .replace(/[^a-z0-9. ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Every region's name in the languages the shop answers in (Intl's region names), by ISO code. */
function regionNames(): { name: string; code: string }[] {
  const names: { name: string; code: string }[] = [];
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const displays = LANGUAGES.map((l) => new Intl.DisplayNames([l], { type: "region" }));
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      for (const display of displays) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code) continue;
        const normalized = placeName(name);
        if (normalized.length >= 4 && !AMBIGUOUS_NAMES.has(normalized)) names.push({ name: normalized, code });
      }
    }
  }
  return names;
}

/** The names of a region in every language the shop may write in ("Germany", "Alemania", "Allemagne"). */
export function namesOfRegion(code: string): string[] {
  let names = regionNamesByCode.get(code);
  if (!names) {
    displays ??= LANGUAGES.map((l) => new Intl.DisplayNames([l], { type: "region" }));
    names = [...new Set(displays.map((display) => display.of(code) ?? code))];
    regionNamesByCode.set(code, names);
  }
  // A copy: callers may add to the list.
  return [...names];
}

// Built once: a formatter costs far more than a lookup, and codes are few (at most 26 × 26).
let displays: Intl.DisplayNames[] | undefined;
const regionNamesByCode = new Map<string, string[]>();

// Longest names first, each with its pattern compiled once; the hand-written names win over Intl's.
const PLACES: { name: string; code: string; pattern: RegExp }[] = [
  ...US_STATES.map((name) => ({ name, code: "US" })),
  ...CA_PLACES.map((name) => ({ name, code: "CA" })),
  ...Object.entries(COUNTRIES).map(([name, code]) => ({ name, code })),
  ...regionNames(),
]
  .filter((place, i, all) => all.findIndex((p) => p.name === place.name) === i)
  .sort((a, b) => b.name.length - a.name.length)
  .map((place) => ({ ...place, pattern: new RegExp(`(?<![a-z.])${escapeRegExp(place.name)}(?![a-z])`) }));

/** Places whose name is also an everyday word of a shop's language once accents are folded ("montaña", a mountain). */
const WORD_LIKE_PLACES = new Set(["montana"]);
/** The name is written as a name: capitalised, with no accent or tilde ("Montana", not "montaña"). */
const writtenAsName = (text: string, name: string) =>
  new RegExp(`(?<![\\p{L}])${name.charAt(0).toUpperCase()}${name.slice(1)}(?![\\p{L}])`, "u").test(text);

/** The country (ISO code) a message names or implies ("Texas" → US, "the UK" → GB), or null. */
export function mentionedCountry(text: string): { code: string; place: string } | null {
  // One message asks this several times (once per search of its text): answered once.
  if (recent.has(text)) return recent.get(text)!;
  const lower = ` ${normalize(text).replace(/[^a-z0-9. ]+/g, " ")} `;
  let found: { code: string; place: string } | null = null;
  for (const { name, code, pattern } of PLACES) {
    // A plain substring test first: the word-boundary pattern runs only for the few names present.
    if (lower.includes(name) && pattern.test(lower) && (!WORD_LIKE_PLACES.has(name) || writtenAsName(text, name))) {
      found = { code, place: name };
      break;
    }
  }
  // "the US", written in capitals: the country, not the pronoun "us" (a message all in capitals says nothing).
  if (!found && text !== text.toUpperCase() && /(?<![\p{L}.])US(?![\p{L}])/u.test(text))
    found = { code: "US", place: "usa" };
  if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  recent.set(text, found);
  return found;
}

/**
 * A city is a place only where the shopper says it is one, after "to", "in", "à", "a", "en", …
 * ("ship to Berlin", "j'habite à Montréal"), not where its name is a word or a person's name.
 */
const PLACE_WORDS = "to|in|into|from|near|at|a|au|aux|en|de|desde|hacia|hasta|para|pour|vers|dans|sur";
const CITIES: { name: string; code: string; pattern: RegExp }[] = Object.entries(worldCities as Record<string, string>)
  .sort(([a], [b]) => b.length - a.length)
  .map(([name, code]) => ({
    name,
    code,
    pattern: new RegExp(`(?<![a-z])(?:${PLACE_WORDS}) (?:the |la |le |el )?${escapeRegExp(name)}(?![a-z])`),
  }));

/**
 * The country of a large city the message names as a place ("ship to London" → GB), or null. A
 * city the shop itself writes about (`written`: where it has its shop or warehouse) is not taken
 * for its country: the shop's sentences about it answer better than its rules for the country.
 */
export function mentionedCity(
  text: string,
  written: (name: string) => boolean = () => false,
): { code: string; place: string } | null {
  // One message asks this several times (once per search of its text): its cities are found once.
  let named = recentCities.get(text);
  if (!named) {
    const lower = ` ${normalize(text)
      .replace(/[^a-z0-9 ]+/g, " ")
      .replace(/\s+/g, " ")} `;
    named = CITIES.filter(({ name, pattern }) => lower.includes(name) && pattern.test(lower));
    if (recentCities.size >= RECENT_TEXTS) recentCities.delete(recentCities.keys().next().value!);
    recentCities.set(text, named);
  }
  const city = named.find(({ name }) => !written(name));
  return city ? { code: city.code, place: city.name } : null;
}
const recentCities = new Map<string, typeof CITIES>();

const RECENT_TEXTS = 256;
const recent = new Map<string, { code: string; place: string } | null>();
