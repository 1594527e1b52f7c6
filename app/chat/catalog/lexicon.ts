/**
 * Language, not shop facts: the words of English, Spanish and French that any shop's catalog and
 * any shopper use the same way (articles, "men's", numbers, units, generic retail words, colour
 * names, option names, currencies). What a shop sells and how it names it comes from its catalog
 * (see vocabulary.ts); kinds of goods across languages come from retail-lexicon.json.
 * Words are written accent-free and lower case, as normalize() leaves them.
 */
import type { Language } from "../preprocess";
import retailLexicon from "./retail-lexicon.json";
import attributeLexicon from "./attribute-lexicon.json";

const words = (text: string) => text.trim().split(/\s+/);

/** Articles, prepositions, pronouns and conjunctions: never part of what a product is. */
export const FUNCTION_WORDS: Record<Language, string[]> = {
  en: words("a an the and or of for with in on at to from by my your our its this that these those it one ones"),
  es: words(
    "el la los las un una unos unas y o de del al a en con para por sin mi mis tu su sus este esta ese esa uno",
  ),
  fr: words(
    "le la les l un une des du de d et ou a au aux en avec pour par sans mon ma mes ton ta son sa ses ce cet cette",
  ),
};

/** Who a product is for: shoppers drop these ("the Steppe jacket" for "Men's Steppe Shell Jacket"). */
export const AUDIENCE_WORDS = words(
  "men mens man women womens woman ladies kids kid boys girls unisex adult adults " +
    "hombre hombres caballero mujer mujeres dama damas nino nina ninos ninas unisex adulto " +
    "homme hommes femme femmes enfant enfants garcon fille mixte adulte",
);

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
};

/** Units in titles ("200 g", "32 oz", "1 L"): they measure a product, they don't name it. */
export const UNIT_WORDS = words(
  "oz fl g gr kg mg lb lbs ml cl dl l lt litre liter litro cm mm m in inch ft pcs pc pz pza pieza piezas piece pieces",
).filter((w) => w.length > 0);

/** Generic retail words: how products are sold or presented, not what they are. */
export const RETAIL_WORDS = words(
  "gift set pack kit bundle size edition limited special new classic original collection piece pieces assorted " +
    "regalo set paquete lote pieza edicion limitada especial nuevo nueva clasico coleccion " +
    "cadeau lot coffret piece edition limitee speciale nouveau nouvelle classique collection seconde choix",
);

/** Option names that hold a size or a colour, in the languages shops write them. */
export const SIZE_OPTION =
  /^(?:size|sizes|length|fit|talla|tallas|tama[nñ]o|medida|largo|taille|tailles|pointure|longueur|dimensions?|format)$/i;
export const COLOR_OPTION =
  /^(?:colou?rs?|colores|colour way|colorway|couleurs?|coloris|teinte|finish|acabado|finition)$/i;

/** Colour names: each group is one colour in en, es (both genders), fr (both genders). */
export const COLOR_GROUPS: string[][] = [
  words("black negro negra noir noire"),
  words("white blanco blanca blanc blanche"),
  words("red rojo roja rouge"),
  words("blue azul bleu bleue"),
  words("green verde vert verte"),
  words("grey gray gris grise"),
  words("navy marino marine"),
  words("brown marron cafe brun brune"),
  words("beige beige"),
  words("tan camel"),
  words("olive oliva olive"),
  words("orange naranja"),
  words("yellow amarillo amarilla jaune"),
  words("pink rosa rose"),
  words("purple morado morada violeta violet violette"),
  words("charcoal carbon anthracite"),
  words("khaki caqui kaki"),
  words("teal turquesa turquoise"),
  words("burgundy burdeos granate bordeaux"),
  words("cream crema creme ecru"),
  words("silver plata plateado argent argente"),
  words("gold oro dorado or dore"),
  words("natural natural naturel"),
  words("sage salvia sauge"),
  words("terracotta terracota"),
  words("mustard mostaza moutarde"),
  words("ivory marfil ivoire"),
  words("cobalt cobalto"),
];
/** Colour words that also mean something else, so they count only next to a product or as an option value. */
export const AMBIGUOUS_COLOR_WORDS = new Set(
  words("cafe or rose olive marine natural naturel crema creme violet camel tan"),
);

/** "medium" → M: size words shoppers write for letter sizes. */
export const SIZE_WORDS: Record<string, string[]> = {
  "extra small": ["XS"],
  "x-small": ["XS"],
  small: ["S"],
  medium: ["M"],
  large: ["L"],
  "x-large": ["XL"],
  "extra large": ["XL"],
  "xx-large": ["XXL"],
  chica: ["S"],
  chico: ["S"],
  mediano: ["M"],
  mediana: ["M"],
  pequeno: ["S"],
  pequena: ["S"],
  grande: ["L", "G"],
  moyen: ["M"],
  moyenne: ["M"],
  petit: ["S", "P"],
  petite: ["S", "P"],
};

/** How shoppers write each currency's amounts: symbols before or after, and words. */
export const CURRENCY_WORDS: Record<string, { symbols: string[]; words: string[] }> = {
  USD: { symbols: ["$", "us$", "usd"], words: words("dollar dollars bucks usd dolar dolares dollars") },
  CAD: { symbols: ["$", "ca$", "cad"], words: words("dollar dollars cad") },
  AUD: { symbols: ["$", "a$", "aud"], words: words("dollar dollars aud") },
  MXN: { symbols: ["$", "mx$", "mxn"], words: words("peso pesos mxn varos") },
  EUR: { symbols: ["€", "eur"], words: words("euro euros eur") },
  GBP: { symbols: ["£", "gbp"], words: words("pound pounds quid gbp livre livres libra libras") },
};
/** The languages shoppers write a currency's names in (the bot's own). */
const NAMING_LANGUAGES = ["en", "es", "fr"];
const currencyWordsCache = new Map<string, { symbols: string[]; words: string[] }>();

/**
 * How shoppers write the shop's own currency, whatever it is: its symbols and its name's head noun,
 * singular and plural, as CLDR (through Intl) writes them in each language ("¥", "yen", "yenes";
 * "CHF", "francs", "francos"), with the colloquial words of CURRENCY_WORDS ("bucks", "varos").
 */
export function currencyWordsOf(code: string): { symbols: string[]; words: string[] } {
  const upper = code.toUpperCase();
  let known = currencyWordsCache.get(upper);
  if (known) return known;
  const table = CURRENCY_WORDS[upper] ?? { symbols: [], words: [] };
  const symbols = new Set([...table.symbols, upper.toLowerCase()]);
  const names = new Set(table.words);
  for (const language of NAMING_LANGUAGES) {
    try {
      for (const display of ["symbol", "narrowSymbol"] as const) {
        const parts = new Intl.NumberFormat(language, { style: "currency", currency: upper, currencyDisplay: display });
        const symbol = parts.formatToParts(1).find((p) => p.type === "currency")?.value;
        if (symbol) symbols.add(symbol.toLowerCase());
      }
      const singular = new Intl.DisplayNames(language, { type: "currency" }).of(upper);
      const plural = new Intl.NumberFormat(language, { style: "currency", currency: upper, currencyDisplay: "name" })
        .formatToParts(2)
        .find((p) => p.type === "currency")?.value;
      // The head noun: English puts it last ("Swiss franc"), Spanish and French first ("franco suizo").
      for (const name of [singular, plural]) {
        const words = name?.toLowerCase().split(/\s+/) ?? [];
        const head = language === "en" ? words.at(-1) : words[0];
        if (head && head !== upper.toLowerCase()) names.add(head);
      }
    } catch {
      // Not a currency Intl knows: the table's words only.
    }
  }
  known = { symbols: [...symbols], words: [...names] };
  currencyWordsCache.set(upper, known);
  return known;
}

/** Every currency's marks that are no word ("$", "€", "£", "mx$"), for patterns reading any currency. */
export const ALL_CURRENCY_MARKS: string[] = [
  ...new Set(Object.values(CURRENCY_WORDS).flatMap((c) => c.symbols.filter((s) => /\W/.test(s)))),
];
/** Every currency's words and codes ("dollars", "pesos", "eur"). */
export const ALL_CURRENCY_WORDS: string[] = [
  ...new Set(Object.values(CURRENCY_WORDS).flatMap((c) => [...c.words, ...c.symbols.filter((s) => /^\w+$/.test(s))])),
];

/**
 * Capitalised words that are not product names: question words, greetings, days, months,
 * countries and payment brands, in en/es/fr ("When", "Hola", "Lundi", "Mercado Pago").
 */
export const NOT_NAME_WORDS = new Set(
  words(
    "i im ive is are do does can could what when where which how why hi hello hey thanks please the a an and or my your it its any " +
      "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december " +
      "hola buenas buenos dias gracias por favor que cuando donde cual como el la los las mi su un una " +
      "lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre " +
      "bonjour bonsoir salut merci quand ou quel quelle comment pourquoi le la les mon ma un une est " +
      "lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre " +
      "us usa uk canada mexico france espana spain belgique suisse " +
      "paypal visa mastercard amex american express apple google shop pay klarna afterpay oxxo mercado pago carte bancaire black",
  ),
);

export interface RetailConcept {
  id: number;
  /** The words for the concept in each language, normalized; multi-word entries keep their spaces. */
  words: Record<Language, string[]>;
}

/** The bilingual retail lexicon (retail-lexicon.json), parsed once. */
export const RETAIL_CONCEPTS: RetailConcept[] = (retailLexicon.concepts as string[]).map((line, id) => {
  const [en, es, fr] = line.split("|").map((part) =>
    part
      .split(",")
      .map((w) => fold(w))
      .filter(Boolean),
  );
  return { id, words: { en, es, fr } };
});

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, " ")
    .replace(/-/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Concepts of the retail and attribute lexicons, each word as its accent-free single tokens. */
const MEANING_GROUPS: string[][] = [
  ...(retailLexicon.concepts as string[]),
  ...(attributeLexicon.concepts as string[]),
].map((line) =>
  line
    .split(/[|,]/)
    .map((w) => fold(w))
    .filter((w) => w.length > 0 && !w.includes(" ")),
);

/** The groups of words that mean the same across the lexicons, for callers that index them their own way. */
export function meaningGroups(): readonly string[][] {
  return MEANING_GROUPS;
}
