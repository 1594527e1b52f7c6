/**
 * Writes app/chat/knowledge/world-cities.json: the world's large cities by name, each with its
 * country's ISO code, so a shopper who asks "do you ship to Berlin?" is asked about Germany
 * (knowledge/places.ts). Source: the city-timezones package (MIT; Natural Earth's populated
 * places, public domain), not a dependency of the app: install it for this script only,
 *   npm install --no-save city-timezones && npx tsx scripts/build-world-cities.ts
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
    "austin orlando sofia santiago hamilton kingston columbus richmond medina salem victoria"
  ).split(" "),
);
const everyday = (name: string) =>
  !name.includes(" ") &&
  (ALSO_WORDS.has(name) ||
    (["en", "es", "fr"] as const).some((l) => !isContentWord(name, l) || pivotOf(name, l) !== null) ||
    name in wordnet);

const largest = new Map<string, City>();
for (const city of cities) {
  const name = normalize(city.city_ascii)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
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
kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
fs.writeFileSync(OUT, JSON.stringify(Object.fromEntries(kept)) + "\n");
console.log(`${OUT}: ${kept.length} cities; left out as everyday words: ${left.sort().join(", ")}`);
