/** What a product question asks about: which aspects, the price, the stock, the options. */
import type { Product } from "../../../commerce/types";
import { stem } from "../../knowledge";
import { escapeRegExp } from "../../preprocess";

export type Aspect =
  | "weight"
  | "size"
  | "temperature"
  | "waterproof"
  | "material"
  | "included"
  | "capacity"
  | "fit"
  | "care"
  | "restock"
  | "price"
  | "stock";

/** What a question asks, and the words in a description sentence that answer it. */
export const ASPECTS: Record<Exclude<Aspect, "price" | "stock">, { asked: RegExp; answeredBy: RegExp }> = {
  weight: {
    asked:
      /\b(?:weigh|weighs|weight|heavy|light|lightweight|grams?|ounces?|oz|lbs?|pounds?|kilos?|kg|peso|pesa|poids|p[eè]se)\b/i,
    answeredBy: /\b(?:weight|weighs|\d[\d.,]*\s?(?:kg|g|oz|lb))\b/i,
  },
  size: {
    asked:
      /\b(?:roomy|room|big|large|small|dimensions?|floor|area|footprint size|height|tall|long|length|wide|width|space|spacious|sq|square|fit (?:two|2|\d)|grande|tama[nñ]o|dimensiones|taille|dimensions|hauteur)\b/i,
    answeredBy:
      /\b(?:floor|peak height|height|\d+\s?x\s?\d+|sq ft|dimensions|fits (?:people|torsos)|capacity|vestibules?)\b/i,
  },
  temperature: {
    asked:
      /\b(?:temperature|temp|warm|warmth|cold|degrees?|rated|rating|comfort|limit|winter|freezing|r-value|°|temperatura|calor|fr[ií]o|chaud|froid)\b/i,
    answeredBy: /(?:comfort|lower limit|rated to|r-value|°F|°C|insulation|warm enough)/i,
  },
  waterproof: {
    asked: /\b(?:waterproof|water|rain|wet|mm|hydrostatic|dwr|water-resistant|imperme|impermeable|pluie|lluvia)\w*/i,
    answeredBy: /\b(?:waterproof|water-resistant|water|mm|rain|dwr|ipx\d|submersi\w*|taped|seam-sealed)\b/i,
  },
  material: {
    asked:
      /\b(?:made of|made from|material|materials|fabric|what is it made|nylon|polyester|wool|merino|leather|down|fill|recycled|material|tela|tissu|mati[eè]re)\b/i,
    answeredBy:
      /\b(?:nylon|polyester|wool|merino|leather|down|fill|recycled|ripstop|fleece|suede|mesh|steel|aluminum|fabric|\d+d\b)/i,
  },
  included: {
    asked:
      /\b(?:come with|comes with|included|include|includes|including|in the box|separately|extra|footprint|sack|pump|case|incluye|incluido|viene con|inclus|livr[ée] avec)\b/i,
    answeredBy:
      /\b(?:included|includes|sold separately|separately|comes with|with a|pump sack|stuff sack|compression sack)\b/i,
  },
  capacity: {
    asked:
      /\b(?:capacity|liters?|litres?|how much (?:can|does) it (?:hold|carry)|volume|holds?|carry|load|people|persons?|person|capacidad|capacit[ée])\b/i,
    answeredBy: /\b(?:capacity|\d+\s?(?:l|liters?|litres?|ml|oz)\b|\d-person|loads? up to|up to \d)/i,
  },
  fit: {
    asked:
      /\b(?:fit|fits|sizing|size up|size down|true to size|runs? (?:small|large|big)|cut|torso|talla|taille|ajuste)\b/i,
    answeredBy: /\b(?:fit|fits|sizing|sizes?|torsos?|true to size|cut)\b/i,
  },
  care: {
    asked: /\b(?:wash|washing|washable|clean|cleaning|care|dryer|machine|lavar|laver|entretien)\b/i,
    answeredBy: /\b(?:wash\w*|tumble dry|dry clean\w*|lay flat|hang dry|dishwasher)\b/i,
  },
  restock: {
    asked:
      /\b(?:back in stock|restock\w*|be back|come back|available again|in stock again|when will (?:it|they|you)|reponer|repuesto|de nuevo|r[ée]approvisionn\w*|bient[oô]t)\b/i,
    answeredBy: /\b(?:restock\w*|sold out|back in stock|available (?:again|from)|expected|backorder\w*)\b/i,
  },
};

export const ASKS_PRICE =
  /\b(?:price|prices|cost|costs|how much(?!\s+(?:does\s+it\s+|do\s+they\s+|is\s+it\s+)?(?:weigh|hold|carry|room|space))|expensive|cheap|on sale|sale|discount|deal|precio|cuesta|cu[aá]nto cuesta|prix|co[uû]te|combien co[uû]te|en promo|soldes|rebaj)\w*/i;
export const ASKS_STOCK =
  /\b(?:in stock|stock|available|availability|sold out|have (?:it|one|them|any)|do you have|got any|left|back in|restock|disponible|agotad|hay|tienen|rupture|avez-vous|en stock)\w*/i;
export const ASKS_SALE = /\b(?:on sale|sale|discount\w*|deal|rebaj\w*|oferta|en promo\w*|soldes)\b/i;
export const ASKS_OPTIONS =
  /\b(?:what|which|other|more|qu[eé]|cu[aá]les|quels?|quelles?)\s+(?:colou?rs?|sizes?|lengths?|options?|versions?|colores|tallas|couleurs|tailles)\b|\b(?:colou?rs?|sizes?|options?|colores|tallas|couleurs|tailles)\s+(?:does|do|is|are|it|they|come|available|disponibles?|hay|existe)|\bcome in\b(?!\s+(?:a|an|size|\w+\s*\/))/i;
export const GENERIC_QUESTION =
  /^(?:tell me (?:more )?about|what (?:is|about)|info(?:rmation)? (?:on|about)|details (?:on|about)|describe|h[aá]blame de|parle[-\s]moi de)\b/i;

// Words that say nothing about which fact is wanted.
export const QUESTION_FILLER = new Set(
  (
    "what whats which how does do is are it its this that the a an about tell me more info information details detail " +
    "of on for with and or in to you your have has can could would will should there any some good nice really much many " +
    "does it one ones one's them they product item thing please thanks know want like need get got also too just still " +
    "size sizes color colors colour colours option options available availability version versions " +
    "que el la los las es un una del de con para por como cual cuanto quel quelle est il elle les des du avec pour"
  ).split(" "),
);

export function askedAspects(text: string): Set<Aspect> {
  const asked = new Set<Aspect>();
  for (const [aspect, { asked: pattern }] of Object.entries(ASPECTS))
    if (pattern.test(text)) asked.add(aspect as Aspect);
  if (ASKS_PRICE.test(text)) asked.add("price");
  if (ASKS_STOCK.test(text)) asked.add("stock");
  // "how much does it weigh" is weight, not price.
  if (asked.has("weight") && /\bhow much\b/i.test(text) && !/\b(?:cost|price|\$)/i.test(text)) asked.delete("price");
  return asked;
}

const ASPECT_VOCABULARY = new Set(
  (
    "weigh weight heavy light lightweight gram ounc oz lb pound kilo kg roomy room big larg small dimension floor area height tall long " +
    "length wide width spac spacious sq squar temperatur temp warm warmth cold degre rat rating comfort limit winter freez " +
    "waterproof water rain wet mm made material fabric come includ separately extra box capacity liter litr volum hold carry load " +
    "people person fit sizing cut torso wash clean care dry machin price cost expensiv cheap sale discount stock availabl sold " +
    "left restock have back again when wash washabl"
  )
    .split(" ")
    .map(stem),
);

export function aspectWord(word: string): boolean {
  return ASPECT_VOCABULARY.has(word) || ASPECT_VOCABULARY.has(stem(word));
}

export function standsAlone(text: string, value: string): boolean {
  return new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value)}(?![\\p{L}\\d])`, "iu").test(text);
}

export function withoutValues(text: string, values: (string | undefined)[]): string {
  return values
    .filter(Boolean)
    .reduce(
      (rest, value) => rest!.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value!)}(?![\\p{L}\\d])`, "giu"), " "),
      text,
    )!;
}

/**
 * The question without the product's name: the words that named it ("the Cascade rain jacket"),
 * or, when the product was found by the words of its title ("my down jacket"), those words.
 */
export function withoutName(
  text: string,
  product: Product,
  mention: string | undefined,
  byTitleWords: boolean,
): string {
  let result = text;
  if (mention) result = result.replace(new RegExp(escapeRegExp(mention), "i"), " ");
  const title = product.title.replace(/^(?:wo)?men'?s\s+/i, "");
  result = result.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(title)}(?![\\p{L}\\d])`, "iu"), " ");
  if (byTitleWords) {
    for (const word of title.split(/\s+/)) {
      if (word.length > 1)
        result = result.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(word)}s?(?![\\p{L}\\d])`, "giu"), " ");
    }
  }
  return result;
}
