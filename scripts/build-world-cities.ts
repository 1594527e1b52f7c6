/**
 * Writes app/chat/knowledge/world-cities.json: the world's large cities by name, each with its
 * country's ISO code, so a shopper who asks "do you ship to Berlin?" is asked about Germany
 * (knowledge/places.ts). Sources, neither a dependency of the app: install them for this script only,
 *   npm install --no-save city-timezones cldr-dates-full && npx tsx scripts/build-world-cities.ts
 * (or install them in another folder and run the script with NODE_PATH=that/node_modules).
 * - city-timezones (MIT; Natural Earth's populated places, public domain): the cities, English names;
 * - cldr-dates-full (Unicode License v3; CLDR): each time zone's city as Spanish and French write it,
 *   so "Londres", "Nueva York", "Bruxelles" are the same cities. Only cities kept from the first.
 * Kept: cities of at least MIN_POPULATION, a name shared by several taken by the largest, and only
 * names that are not also a word of the languages the shop answers in ("Nice", "Salé" as "sale",
 * "Mesa", "Porto"): a one-word name that is a stop word, a word of the support vocabulary or of the
 * WordNet synonym table is left out. A name of several words ("New York", "La Paz") is a name.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { normalize } from "../app/chat/preprocess";
import { isContentWord } from "../app/chat/knowledge/text";
import { pivotOf } from "../app/chat/knowledge/lexicon";
import wordnet from "../app/chat/knowledge/wordnet-synonyms.json";

const MIN_POPULATION = 500_000;
const OUT = path.resolve("app/chat/knowledge/world-cities.json");

interface City {
  city_ascii: string;
  iso2: string;
  pop: number;
}
const cities = createRequire(import.meta.url)("city-timezones/data/cityMap.json") as City[];
/** Names that are also a colour, a scent, an animal, a word or a first name in a shop's languages. */
const ALSO_WORDS = new Set(
  (
    "bordeaux cologne buffalo phoenix perm natal santos soledad leon concepcion salvador charlotte florence " +
    "austin orlando sofia santiago hamilton kingston columbus richmond medina salem victoria belen damasco"
  ).split(" "),
);
const everyday = (name: string) =>
  !name.includes(" ") &&
  (ALSO_WORDS.has(name) ||
    (["en", "es", "fr"] as const).some((l) => !isContentWord(name, l) || pivotOf(name, l) !== null) ||
    name in wordnet);

/** A city's name as a key: folded accents, no punctuation ("Zúrich" → "zurich"). */
const key = (name: string) =>
  normalize(name)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const largest = new Map<string, City>();
for (const city of cities) {
  const name = key(city.city_ascii);
  if (name.length < 4 || !/^[A-Z]{2}$/.test(city.iso2)) continue;
  const known = largest.get(name);
  if (!known || known.pop < city.pop) largest.set(name, city);
}
const kept: [string, string][] = [];
const left: string[] = [];
for (const [name, city] of largest) {
  if (city.pop < MIN_POPULATION) continue;
  if (everyday(name)) left.push(name);
  else kept.push([name, city.iso2]);
}

/** Each time zone's city in `language`, by zone id ("Europe/London" → "Londres"); CLDR leaves out the names root derives from the id. */
function exemplarCities(language: string): Map<string, string> {
  const file = createRequire(import.meta.url)(`cldr-dates-full/main/${language}/timeZoneNames.json`);
  const zones = file.main[language].dates.timeZoneNames.zone;
  const found = new Map<string, string>();
  const walk = (node: Record<string, unknown>, id: string) => {
    for (const [part, value] of Object.entries(node)) {
      if (!value || typeof value !== "object") continue;
      const zone = value as Record<string, unknown>;
      const leaf = Object.values(zone).every(
        (v) =>
          typeof v === "string" ||
          (v &&
            typeof v === "object" &&
            !("exemplarCity" in v) &&
            Object.values(v).every((x) => typeof x === "string")),
      );
      if (leaf)
        found.set(
          `${id}${part}`,
          typeof zone.exemplarCity === "string"
            ? zone.exemplarCity
            : `${id}${part}`.split("/").pop()!.replace(/_/g, " "),
        );
      else walk(zone, `${id}${part}/`);
    }
  };
  walk(zones, "");
  return found;
}
const english = exemplarCities("en");
const byName = new Map(kept);
const localised: string[] = [];
for (const language of ["es", "fr"]) {
  for (const [zone, name] of exemplarCities(language)) {
    const code = byName.get(key(english.get(zone) ?? zone.split("/").pop()!.replace(/_/g, " ")));
    const local = key(name);
    // Only the cities kept above, under a name that is not also a word ("Mexico" is the country's).
    if (!code || local.length < 4 || byName.has(local) || everyday(local) || kept.some(([n]) => n === local)) continue;
    kept.push([local, code]);
    localised.push(`${name} (${language})`);
  }
}
kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
fs.writeFileSync(OUT, JSON.stringify(Object.fromEntries(kept)) + "\n");
console.log(`${OUT}: ${kept.length} names; Spanish and French names: ${localised.join(", ")}`);
console.log(`left out as everyday words: ${left.sort().join(", ")}`);
