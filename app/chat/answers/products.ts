/**
 * Answers about the catalog: facts about one product (quoted from its description, with price,
 * sale price and stock of the exact variant asked for), and searches of the live catalog.
 * ACTIVE products only: DRAFT and ARCHIVED products are never described, only said to be
 * unavailable. Product descriptions are quoted as the shop wrote them; every other sentence is
 * in the shopper's language.
 */
import type { Product, Variant } from "../../commerce/types";
import { defineMessages, t } from "../i18n";
import { formatMoney, joinList } from "../format";
import { bestPassages, splitSentences, stem } from "../knowledge";
import { escapeRegExp, normalize, tokenize, type Language } from "../preprocess";
import type { ProductCard } from "../protocol";
import type { Answer, Lookup, Turn } from "../types";
import { genderOf, wantedGender, type Gender } from "../catalog/audience";
import {
  catalogTokens,
  catalogWordsFor,
  colorAliases,
  isGenericWord,
  isKindWord,
  pluralForms,
  type ShopVocabulary,
} from "../catalog/vocabulary";
import { FUNCTION_WORDS, NOT_NAME_WORDS, SIZE_WORDS, sameMeaningWords } from "../catalog/lexicon";
import { outOfScope } from "./conversation";
import {
  lowestPrice,
  onSale,
  parseSearch,
  searchCatalog as searchShop,
  searchWords as shopSearchWords,
  type SearchRequest,
} from "../catalog/search";

const M = defineMessages({
  card_from: { en: "From {price}", es: "Desde {price}", fr: "À partir de {price}" },
  price_single: { en: "It's {price}.", es: "Cuesta {price}.", fr: "Il coûte {price}." },
  price_range: {
    en: "It's {min}–{max}, depending on the option.",
    es: "Cuesta entre {min} y {max}, según la opción.",
    fr: "Il coûte de {min} à {max} selon l'option.",
  },
  price_sale: {
    en: "It's on sale at {price}, was {was}.",
    es: "Está rebajado a {price}; antes costaba {was}.",
    fr: "Il est en promotion à {price} au lieu de {was}.",
  },
  all_in_stock: {
    en: "All options are in stock.",
    es: "Todas las opciones están disponibles.",
    fr: "Toutes les options sont en stock.",
  },
  in_stock: { en: "It's in stock.", es: "Está disponible.", fr: "Il est en stock." },
  sold_out: {
    en: "It's out of stock right now.",
    es: "Ahora mismo está agotado.",
    fr: "Il est en rupture de stock pour le moment.",
  },
  in_stock_except: {
    en: "It's in stock, except {variants}.",
    es: "Está disponible, salvo {variants}.",
    fr: "Il est en stock, sauf {variants}.",
  },
  variant_in_stock: {
    en: "{variant} is in stock at {price}.",
    es: "{variant} está disponible a {price}.",
    fr: "{variant} est en stock à {price}.",
  },
  variant_sold_out: {
    en: "{variant} is out of stock right now.",
    es: "{variant} está agotado ahora mismo.",
    fr: "{variant} est en rupture de stock pour le moment.",
  },
  variant_alternatives: {
    en: "In stock instead: {variants}.",
    es: "Disponible en su lugar: {variants}.",
    fr: "En stock à la place : {variants}.",
  },
  variant_mixed: {
    en: "{wanted}: in stock in {inStock}; out of stock in {soldOut}.",
    es: "{wanted}: disponible en {inStock}; agotado en {soldOut}.",
    fr: "{wanted} : en stock en {inStock} ; en rupture en {soldOut}.",
  },
  option_not_offered: {
    en: "The {product} doesn't come in {value}; it comes in {values}.",
    es: "{product} no viene en {value}; viene en {values}.",
    fr: "{product} n'existe pas en {value} ; il existe en {values}.",
  },
  not_in_description_rest: {
    en: "The description doesn't say more than that, and I'd rather not guess. A person from our team can check the rest for you: {email}.",
    es: "La descripción no dice nada más y prefiero no adivinar. Una persona de nuestro equipo puede comprobar el resto: {email}.",
    fr: "La description n'en dit pas plus et je préfère ne pas deviner. Une personne de notre équipe peut vérifier le reste : {email}.",
  },
  from_faq: {
    en: "Our general guidance:",
    es: "Nuestras indicaciones generales (en inglés):",
    fr: "Nos indications générales (en anglais) :",
  },
  yes: { en: "Yes.", es: "Sí.", fr: "Oui." },
  no: { en: "No.", es: "No.", fr: "Non." },
  not_in_description: {
    en: "The product description doesn't say, and I'd rather not guess. A person from our team can check for you: {email}.",
    es: "La descripción del producto no lo dice y prefiero no adivinar. Una persona de nuestro equipo puede comprobarlo: {email}.",
    fr: "La description du produit ne le précise pas et je préfère ne pas deviner. Une personne de notre équipe peut vérifier : {email}.",
  },
  accessory: {
    en: "We sell the {title} for {price}.",
    es: "Vendemos {title} por {price}.",
    fr: "Nous vendons {title} à {price}.",
  },
  not_on_sale: {
    en: "It isn't on sale right now: it's {price}.",
    es: "Ahora mismo no está rebajado: cuesta {price}.",
    fr: "Il n'est pas en promotion pour le moment : il coûte {price}.",
  },
  options_list: { en: "{option}: {values}.", es: "{option}: {values}.", fr: "{option} : {values}." },
  product_unavailable: {
    en: "I couldn't find \"{name}\" among the products we sell right now, so I can't tell you about it. If it's something new, our team can tell you more: {email}.",
    es: 'No encuentro "{name}" entre los productos que vendemos ahora mismo, así que no puedo darte información. Si es algo nuevo, nuestro equipo puede contarte más: {email}.',
    fr: "Je ne trouve pas « {name} » parmi les produits que nous vendons actuellement, je ne peux donc pas vous en parler. Si c'est une nouveauté, notre équipe pourra vous en dire plus : {email}.",
  },
  similar_products: {
    en: "Here's what we have in that line:",
    es: "Esto es lo que tenemos de ese tipo:",
    fr: "Voici ce que nous avons dans ce genre :",
  },
  search_found: {
    en: "Here's what I found{filters}:",
    es: "Esto es lo que he encontrado{filters}:",
    fr: "Voici ce que j'ai trouvé{filters} :",
  },
  search_found_more: {
    en: "Here are the best {count} of {total} matches{filters}. Tell me more about what you need and I'll narrow them down:",
    es: "Estos son los {count} mejores de {total} resultados{filters}. Cuéntame más sobre lo que necesitas y los acoto:",
    fr: "Voici les {count} meilleurs résultats sur {total}{filters}. Dites-m'en plus sur ce qu'il vous faut et j'affinerai :",
  },
  search_on_sale: {
    en: "On sale right now{filters}:",
    es: "En oferta ahora mismo{filters}:",
    fr: "En promotion en ce moment{filters} :",
  },
  search_on_sale_more: {
    en: "{total} items are on sale right now{filters}; here are {count}:",
    es: "Hay {total} artículos en oferta ahora mismo{filters}; aquí tienes {count}:",
    fr: "{total} articles sont en promotion en ce moment{filters} ; en voici {count} :",
  },
  filter_under: { en: " under {price}", es: " por menos de {price}", fr: " à moins de {price}" },
  filter_over: { en: " over {price}", es: " por más de {price}", fr: " à plus de {price}" },
  filter_between: { en: " between {min} and {max}", es: " entre {min} y {max}", fr: " entre {min} et {max}" },
  filter_people: { en: " for {count} people", es: " para {count} personas", fr: " pour {count} personnes" },
  search_none: {
    en: "I couldn't find anything matching that{filters}.",
    es: "No he encontrado nada que coincida{filters}.",
    fr: "Je n'ai rien trouvé qui corresponde{filters}.",
  },
  search_closest: {
    en: "The closest we have:",
    es: "Lo más parecido que tenemos:",
    fr: "Ce que nous avons de plus proche :",
  },
  search_rephrase: {
    en: "Could you describe it another way, or tell me what you'll use it for?",
    es: "¿Puedes describirlo de otra forma o decirme para qué lo vas a usar?",
    fr: "Pouvez-vous le décrire autrement, ou me dire à quoi il vous servira ?",
  },
});

// ---------------------------------------------------------------------------------------------
// Cards and the product under discussion

export function productCard(product: Product, currencyCode: string, language: Language = "en"): ProductCard {
  const byPrice = [...product.variants].sort((a, b) => Number(a.price) - Number(b.price));
  const cheapest = byPrice[0];
  const onSale = cheapest?.compareAtPrice && Number(cheapest.compareAtPrice) > Number(cheapest.price);
  const money = (amount: string) => formatMoney(amount, currencyCode, language);
  const low = cheapest?.price ?? product.priceRange.min;
  const high = byPrice[byPrice.length - 1]?.price ?? product.priceRange.max;
  // Prices that differ read "From $X"; a gift card's are its amounts, so it shows them all: "$25–$200".
  const price =
    Number(low) === Number(high)
      ? money(low)
      : product.isGiftCard
        ? `${money(low)}–${money(high)}`
        : t(language, M.card_from, { price: money(low) });
  return {
    title: product.title,
    price,
    compareAtPrice: onSale ? formatMoney(cheapest.compareAtPrice!, currencyCode, language) : null,
    imageUrl: product.imageUrl,
    url: product.onlineStoreUrl ?? `/products/${product.handle}`,
    available: product.variants.some((v) => v.availableForSale),
  };
}

function activeProduct(turn: Turn, handle: string): Product | null {
  const product = turn.ctx.productsByHandle.get(handle);
  return product && product.status === "ACTIVE" ? product : null;
}

function baseTitle(product: Product): string {
  return normalize(product.title.replace(/^(?:wo)?men'?s\s+/i, ""));
}

/** The Men's/Women's version of `product` ("the men's one"), if the shop sells one. */
export function siblingFor(turn: Turn, product: Product, gender: Gender): Product | null {
  if (genderOf(product) === gender) return product;
  const base = baseTitle(product);
  for (const candidate of turn.ctx.productsByHandle.values()) {
    if (
      candidate.status === "ACTIVE" &&
      candidate.handle !== product.handle &&
      baseTitle(candidate) === base &&
      genderOf(candidate) === gender
    ) {
      return candidate;
    }
  }
  return null;
}

interface Resolved {
  product: Product | null;
  /** Variant values the message asks for: `size` and `color` as the shopper wrote them, or by option name. */
  wanted: Record<string, string | undefined>;
  /** A name the shopper used that matches no product we sell (DRAFT, ARCHIVED or unknown). */
  unknownName: string | null;
  lookups: Lookup[];
}

/** Which product the message is about, and which variant values it asks for. */
async function resolveProduct(turn: Turn): Promise<Resolved> {
  const lookups: Lookup[] = [];
  const wanted: Resolved["wanted"] = { size: turn.entities.size, color: turn.entities.color };
  const discussed = turn.state.productHandle ? activeProduct(turn, turn.state.productHandle) : null;
  let product = turn.productHandle ? activeProduct(turn, turn.productHandle) : null;

  // "What about Glacier Blue in M?": a colour of the product under discussion, not the Glacier boot.
  if (product && discussed && product.handle !== discussed.handle) {
    const value = optionValueIn(turn.pre.original, discussed, turn.entities.product ?? "");
    if (value) {
      product = null;
      if (value.option === "color") wanted.color = value.value;
      else wanted.size = value.value;
    }
  }

  // "the Summit Softshell Jacket" is not the Summit 30 Daypack: the mention goes on to name another kind of thing.
  if (product && turn.entities.product) {
    const other = otherKindAfterMention(turn.pre.original, turn.entities.product, product, turn.ctx.catalog.vocabulary);
    if (other) {
      lookups.push({ kind: "product", ref: slugify(other), outcome: "not available" });
      return { product: null, wanted, unknownName: other, lookups };
    }
  }

  let unknownName: string | null = null;
  if (!product) {
    const name = unknownProductName(turn, discussed);
    if (name) {
      // A product published since the catalog was cached is still found by its handle.
      const live = await turn.ctx.commerce.productByHandle(slugify(name)).catch(() => null);
      lookups.push({ kind: "product", ref: slugify(name), outcome: live ? "found" : "not available" });
      if (live && live.status === "ACTIVE") product = live;
      else unknownName = name;
    }
  }
  if (!product && !unknownName) product = discussed;

  const gender = wantedGender(turn.pre.original);
  if (product && gender) product = siblingFor(turn, product, gender) ?? product;
  return { product, wanted, unknownName, lookups };
}

/** An option value of `product` written in the message that contains the (mis)matched mention. */
function optionValueIn(
  text: string,
  product: Product,
  mention: string,
): { option: "size" | "color"; value: string } | null {
  const message = normalize(text);
  const mentioned = normalize(mention);
  for (const option of product.options) {
    for (const value of option.values) {
      const v = normalize(value);
      if (
        v.length > 2 &&
        new RegExp(`\\b${escapeRegExp(v)}\\b`).test(message) &&
        (!mentioned || v.includes(mentioned))
      ) {
        return { option: /colou?r/i.test(option.name) ? "color" : "size", value };
      }
    }
  }
  return null;
}

/** The mention plus the kind-of-product words after it, when the matched product isn't that kind of thing. */
function otherKindAfterMention(
  text: string,
  mention: string,
  product: Product,
  vocabulary: ShopVocabulary,
): string | null {
  // Nouns naming a kind of thing this shop sells (not adjectives like "waterproof" or "winter").
  const isKind = (word: string) => isKindWord(vocabulary, word);
  const at = text.toLowerCase().indexOf(mention.toLowerCase());
  if (at < 0) return null;
  const after = text.slice(at + mention.length).match(/^(?:\s+[A-Za-z][\w'-]*){1,3}/)?.[0] ?? "";
  const words = after.trim().split(/\s+/).filter(Boolean);
  const kinds: string[] = [];
  for (const word of words) {
    const w = normalize(word).replace(/'s$/, "");
    if (!isKind(w)) {
      if (kinds.length === 0 && !/^[A-Z]/.test(word)) return null;
      if (kinds.length > 0) break;
      kinds.push(word);
      continue;
    }
    kinds.push(word);
  }
  const own = productWords(product);
  const foreign = kinds.filter((k) => {
    const w = normalize(k);
    return isKind(w) && !own.has(w) && !own.has(stem(w)) && !pluralForms(w).some((f) => own.has(f));
  });
  return foreign.length > 0 ? `${mention} ${kinds.join(" ")}`.trim().slice(0, 40) : null;
}

// Capitalised names that aren't products: places, brands of payment, days, the shop's own words.
const notProductName = (word: string) => NOT_NAME_WORDS.has(normalize(word).replace(/'/g, ""));

/**
 * A product name the shopper wrote (two or more capitalised words, or one with a model number)
 * that is no active product: "When is the Trail Quilt coming out?". Option values and colours of
 * the products we sell ("Glacier Blue") don't count.
 */
function unknownProductName(turn: Turn, discussed: Product | null): string | null {
  const text = turn.pre.original;
  const knownValues = new Set(
    [...turn.ctx.catalog.colors, ...(discussed?.options.flatMap((o) => o.values) ?? [])].map((v) => normalize(v)),
  );
  const pattern =
    /(?:^|[^.!?¿¡]\s)((?:\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?|\p{Lu}\p{Ll}*\d+°?F?|\d+°?F?)(?:\s+(?:\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?|\d+°?F?|\p{Lu}{1,3}\d*)){1,4})/gu;
  for (const match of text.matchAll(pattern)) {
    // Question words and other capitalised non-names ("Is", "When", "Monday") aren't part of a name.
    const name = match[1]
      .split(/\s+/)
      .filter((w) => !notProductName(w))
      .join(" ")
      .trim();
    if (name.split(" ").length < 2 || !/\p{L}{3}/u.test(name)) continue;
    if (knownValues.has(normalize(name))) continue;
    return name.slice(0, 40);
  }
  return null;
}

/** A name with a word the catalog doesn't use at all ("Guerrero"): a product line we don't sell. */
function namesUnknownLine(turn: Turn, name: string): boolean {
  const vocabulary = turn.ctx.catalog.vocabulary;
  return catalogTokens(name).some(
    (w) => w.length > 2 && catalogWordsFor(vocabulary, w).length === 0 && !isGenericWord(vocabulary, w),
  );
}

function slugify(name: string): string {
  return normalize(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// ---------------------------------------------------------------------------------------------
// product_info

type Aspect =
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
const ASPECTS: Record<Exclude<Aspect, "price" | "stock">, { asked: RegExp; answeredBy: RegExp }> = {
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

const ASKS_PRICE =
  /\b(?:price|prices|cost|costs|how much(?!\s+(?:does\s+it\s+|do\s+they\s+|is\s+it\s+)?(?:weigh|hold|carry|room|space))|expensive|cheap|on sale|sale|discount|deal|precio|cuesta|cu[aá]nto cuesta|prix|co[uû]te|combien co[uû]te|en promo|soldes|rebaj)\w*/i;
const ASKS_STOCK =
  /\b(?:in stock|stock|available|availability|sold out|have (?:it|one|them|any)|do you have|got any|left|back in|restock|disponible|agotad|hay|tienen|rupture|avez-vous|en stock)\w*/i;
const ASKS_SALE = /\b(?:on sale|sale|discount\w*|deal|rebaj\w*|oferta|en promo\w*|soldes)\b/i;
const ASKS_OPTIONS =
  /\b(?:what|which|other|more|qu[eé]|cu[aá]les|quels?|quelles?)\s+(?:colou?rs?|sizes?|lengths?|options?|versions?|colores|tallas|couleurs|tailles)\b|\b(?:colou?rs?|sizes?|options?|colores|tallas|couleurs|tailles)\s+(?:does|do|is|are|it|they|come|available|disponibles?|hay|existe)|\bcome in\b(?!\s+(?:a|an|size|\w+\s*\/))/i;
const GENERIC_QUESTION =
  /^(?:tell me (?:more )?about|what (?:is|about)|info(?:rmation)? (?:on|about)|details (?:on|about)|describe|h[aá]blame de|parle[-\s]moi de)\b/i;

// Words that say nothing about which fact is wanted.
const QUESTION_FILLER = new Set(
  (
    "what whats which how does do is are it its this that the a an about tell me more info information details detail " +
    "of on for with and or in to you your have has can could would will should there any some good nice really much many " +
    "does it one ones one's them they product item thing please thanks know want like need get got also too just still " +
    "size sizes color colors colour colours option options available availability version versions " +
    "que el la los las es un una del de con para por como cual cuanto quel quelle est il elle les des du avec pour"
  ).split(" "),
);

export async function productInfo(turn: Turn): Promise<Answer> {
  const resolved = await resolveProduct(turn);
  const { lookups } = resolved;
  let product = resolved.product;
  let foundBySearch = false;
  if (!product) {
    if (resolved.unknownName) return unavailableAnswer(turn, resolved.unknownName, lookups);
    // "What's the headlamp's battery life?": a kind of product we sell exactly one of.
    const found = searchCatalog(turn, { text: turn.pre.original, requireCategory: true });
    if (!found.single) return productSearch(turn);
    product = found.single;
    foundBySearch = true;
    lookups.push({ kind: "product_search", ref: found.categoryWords.join(" "), outcome: "1 found" });
  }
  const L = turn.language;
  const currency = turn.ctx.shop.currencyCode;
  // The question without the product's name: "Cascade Rain Jacket" doesn't ask about rain.
  const text = withoutName(turn.pre.original, product, turn.entities.product, foundBySearch);
  const wanted: Resolved["wanted"] = { ...namedOptionValues(product, text, resolved.wanted) };
  // Only values the shopper really wrote as a word ("size M"), not a letter of "sizes".
  for (const [key, value] of Object.entries(resolved.wanted))
    if (value && standsAlone(turn.pre.original, value)) wanted[key] = value;
  const wantsVariant = Object.values(wanted).some(Boolean);
  // "How much is it in Long?" asks about the price, not the length.
  const asked = askedAspects(withoutValues(text, Object.values(wanted)));
  const facts = describedFacts(product, turn, asked, text);
  const parts: string[] = [];
  const cards = [productCard(product, currency, L)];
  const quickReplies: string[] = [];

  const verdict =
    facts.quoted.length === 1 ? yesOrNo(turn.pre.original, facts.quoted[0], contentWords(turn, product, text)) : null;
  if (verdict) parts.push(t(L, M[verdict]));
  if (facts.quoted.length > 0) parts.push(facts.quoted.join(" "));
  const accessory = facts.separately ? accessoryFor(turn, product) : null;
  if (accessory) {
    parts.push(t(L, M.accessory, { title: accessory.title, price: formatMoney(lowestPrice(accessory), currency, L) }));
    cards.push(productCard(accessory, currency, L));
  }
  // Not in the description: the shop's FAQs and policies may answer it ("how do I wash it?", "is it refundable?").
  const general = facts.unanswered && !accessory ? shopKnowledge(turn, text, product) : null;
  if (general) {
    parts.push(t(L, M.from_faq), general.quote);
    lookups.push(...general.lookups);
  }
  const unanswered = facts.unanswered && !accessory && !general;
  if (unanswered) {
    parts.push(
      t(L, facts.quoted.length > 0 ? M.not_in_description_rest : M.not_in_description, { email: turn.ctx.shop.email }),
    );
    quickReplies.push(t(L, "talk_to_person"));
  }
  const listsOptions = ASKS_OPTIONS.test(text) && !wantsVariant;
  if (listsOptions) parts.push(...optionLines(product, text, L));
  const generic =
    facts.quoted.length === 0 &&
    !unanswered &&
    !general &&
    !asked.has("price") &&
    !asked.has("stock") &&
    !wantsVariant &&
    !listsOptions;
  if (generic) parts.push(firstSentences(product.description, 2));
  if (asked.has("price") && ASKS_SALE.test(text) && !onSale(product))
    parts.push(t(L, M.not_on_sale, { price: priceOf(product.variants, currency, L) }));
  else if (asked.has("price") || generic || (onSale(product) && !unanswered))
    parts.push(priceLine(product, currency, L));
  if (wantsVariant) parts.push(...variantLines(product, wanted, turn));
  else if (asked.has("stock") || generic) parts.push(stockLine(product, L));

  // The product's name and card alone answer nothing of what was asked.
  const answeredNothing =
    unanswered &&
    facts.quoted.length === 0 &&
    !asked.has("price") &&
    !asked.has("stock") &&
    !wantsVariant &&
    !listsOptions;
  return {
    text: `${product.title}: ${parts.filter(Boolean).join(" ")}`,
    ...(answeredNothing ? { kind: "no_answer" as const } : {}),
    products: cards,
    quickReplies: quickReplies.length > 0 ? quickReplies : undefined,
    lookups: [
      ...lookups,
      {
        kind: "product",
        ref: product.handle,
        outcome: product.variants.some((v) => v.availableForSale) ? "found, in stock" : "found, sold out",
      },
    ],
    state: { productHandle: product.handle },
    ...(unanswered ? { unsure: "unknown" as const } : {}),
  };
}

/** What the shop's FAQs and policies say about a product question its description doesn't answer. */
function shopKnowledge(turn: Turn, text: string, product: Product): { quote: string; lookups: Lookup[] } | null {
  // The kind of product is context for the FAQs ("Waterproof jackets: machine wash cold…").
  const hits = bestPassages(turn.ctx.shop, text, {
    prefer: ["FAQ", "PAGE"],
    contextTerms: [product.productType],
    max: 2,
    language: turn.language,
  });
  if (hits.length === 0 || Math.max(...hits.map((h) => h.relevance)) < 0.5) return null;
  const lookups: Lookup[] = hits.map((h) => ({
    kind: h.passage.kind === "faq" || h.passage.kind === "page" ? "faq" : "policy",
    ref: h.passage.sourceKey,
    outcome: "quoted",
  }));
  return { quote: hits.map((h) => h.passage.quote).join(" "), lookups };
}

function askedAspects(text: string): Set<Aspect> {
  const asked = new Set<Aspect>();
  for (const [aspect, { asked: pattern }] of Object.entries(ASPECTS))
    if (pattern.test(text)) asked.add(aspect as Aspect);
  if (ASKS_PRICE.test(text)) asked.add("price");
  if (ASKS_STOCK.test(text)) asked.add("stock");
  // "how much does it weigh" is weight, not price.
  if (asked.has("weight") && /\bhow much\b/i.test(text) && !/\b(?:cost|price|\$)/i.test(text)) asked.delete("price");
  return asked;
}

/**
 * The description sentences that answer the question: the best one for each fact asked about,
 * plus sentences sharing the question's own words ("footprint", "pit zips"). `unanswered` when
 * some part of the question is about something the description doesn't mention.
 */
function describedFacts(
  product: Product,
  turn: Turn,
  asked: Set<Aspect>,
  text: string,
): { quoted: string[]; unanswered: boolean; separately: boolean } {
  const sentences = splitSentences(product.description);
  const chosen = new Set<number>();
  let unanswered = false;
  const questionWords = contentWords(turn, product, text);

  for (const aspect of asked) {
    if (aspect === "price" || aspect === "stock") continue;
    const { answeredBy } = ASPECTS[aspect];
    const scored = sentences
      .map((sentence, index) => ({
        index,
        score: (answeredBy.test(sentence) ? 2 : 0) + overlap(sentence, questionWords),
      }))
      .filter((s) => s.score >= 2)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    if (scored.length > 0) chosen.add(scored[0].index);
    else unanswered = true;
  }
  // Words of the question that no aspect covers ("pit zips", "hood", "footprint").
  const leftover = questionWords.filter((w) => !aspectWord(w));
  if (leftover.length > 0) {
    const scored = sentences
      .map((sentence, index) => ({ index, score: overlap(sentence, leftover) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    if (scored.length > 0) chosen.add(scored[0].index);
    else if (
      chosen.size === 0 &&
      !asked.has("price") &&
      !asked.has("stock") &&
      !ASKS_OPTIONS.test(text) &&
      !GENERIC_QUESTION.test(turn.pre.original.trim())
    ) {
      // Asked about something specific ("is it machine washable?") that the description doesn't mention.
      unanswered = leftover.some((w) => w.length > 3) || unanswered;
    }
  }
  const quoted = [...chosen]
    .sort((a, b) => a - b)
    .slice(0, 3)
    .map((i) => sentences[i]);
  // "Does it come with a footprint?" answered by "Footprint sold separately."
  const separately = asked.has("included") && quoted.some((s) => /sold separately|not included/i.test(s));
  return { quoted, unanswered, separately };
}

// A question that asks what, how, which…: not answered by yes or no.
const OPEN_QUESTION =
  /(?:^|[\s¿])(?:what|which|how|when|where|why|who|qué|cuál|cuáles|cómo|cuánto|cuánta|cuántos|cuántas|dónde|cuándo|quién|por qué|quel|quelle|quels|quelles|comment|combien|où|quand|pourquoi|qu'est-ce|quoi)(?=$|[\s?,.!])/i;
// Unaccented question words open a question too ("que faut-il…", "¿como se usa?").
const OPEN_START = /^[¿\s]*(?:que|qu'|quoi|como|cuanto|cuanta|cuantos|cuantas|donde|cuando|quien|cual|cuales|ou)\b/;
const YES_NO_START = /^(?:is|are|does|do|did|can|could|will|would|has|have|should|est-ce que|est-ce qu')\b/i;
const ALL_FUNCTION_WORDS = new Set(Object.values(FUNCTION_WORDS).flat());
const NEGATION = /\b(?:no|not|never|without|non|ne|n|pas|sans|jamais|sin|ni|nunca)\b|n't\b/i;

/**
 * "Is it microwave safe?" answered by "Not suitable for the microwave.": yes or no, read from the
 * part of the one quoted sentence that holds the question's words. Null when the question isn't a
 * yes/no one, carries a negation itself, or the parts disagree.
 */
function yesOrNo(question: string, sentence: string, questionWords: string[]): "yes" | "no" | null {
  const asked = question.trim();
  const yesNo = YES_NO_START.test(asked) || /[?？]\s*$/.test(asked);
  if (!yesNo || OPEN_QUESTION.test(asked) || OPEN_START.test(normalize(asked)) || NEGATION.test(normalize(asked)))
    return null;
  // Articles and prepositions ("au", "de") would tie the question to every part.
  const meaningful = questionWords.filter((w) => w.length > 2 && !ALL_FUNCTION_WORDS.has(w));
  const clauses = sentence
    .split(/[;:,()]|\s(?:but|mais|pero)\s/i)
    .filter((c) => meaningful.some((w) => overlap(c, [w]) > 0));
  if (clauses.length === 0) return null;
  const negative = clauses.map((c) => NEGATION.test(normalize(c)));
  if (negative.some((n) => n !== negative[0])) return null;
  return negative[0] ? "no" : "yes";
}

/** The question's words that aren't filler or the product's own name. */
function contentWords(turn: Turn, product: Product, text = turn.pre.original): string[] {
  const nameWords = new Set([...tokenize(normalize(product.title)), ...product.handle.split("-")].map(stem));
  const mention = new Set(tokenize(normalize(turn.entities.product ?? "")).map(stem));
  const variantWords = new Set(
    [turn.entities.size, turn.entities.color, ...product.options.flatMap((o) => o.values)]
      .filter(Boolean)
      .flatMap((v) => tokenize(normalize(v!)))
      .map(stem),
  );
  return [
    ...new Set(
      tokenize(normalize(text))
        .filter((w) => !QUESTION_FILLER.has(w) && !/^\d+$/.test(w))
        .map(stem),
    ),
  ].filter(
    (w) =>
      w.length > 1 &&
      !nameWords.has(w) &&
      !mention.has(w) &&
      !variantWords.has(w) &&
      !/^(?:men|women|mens|womens|medium|small|large)$/.test(w) &&
      // "candle" names the "Bougie …": the product's kind in another language is its name too.
      !meaningStems(w).some((m) => nameWords.has(m)),
  );
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

function aspectWord(word: string): boolean {
  return ASPECT_VOCABULARY.has(word) || ASPECT_VOCABULARY.has(stem(word));
}

function overlap(sentence: string, words: string[]): number {
  const sentenceWords = new Set(tokenize(normalize(sentence)).map(stem));
  const found = (w: string) =>
    sentenceWords.has(w) ||
    [...sentenceWords].some((s) => (w.length > 4 && s.startsWith(w)) || (s.length > 4 && w.startsWith(s)));
  // A question in one language, a description in another: "microwave" is answered by "microondas".
  return words.filter((w) => found(w) || meaningStems(w).some(found)).length;
}

/** Stems of the words that mean the same as the stemmed question word `word`, in any of our languages. */
function meaningStems(word: string): string[] {
  // Each call stems the whole lexicon, and a message asks for the same few words many times.
  let found = meaningStemsOf.get(word);
  if (!found) {
    found = sameMeaningWords(word, (lexiconWord, asked) => stem(lexiconWord) === asked).map(stem);
    if (meaningStemsOf.size >= 20_000) meaningStemsOf.clear();
    meaningStemsOf.set(word, found);
  }
  return found;
}
const meaningStemsOf = new Map<string, string[]>();

/** The accessory the description says is sold separately, if the shop sells it ("Ridgeline 2 Footprint"). */
function accessoryFor(turn: Turn, product: Product): Product | null {
  const asked = new Set(contentWords(turn, product));
  const line = tokenize(normalize(baseTitle(product))).filter((w) => !turn.ctx.catalog.genericTokens.has(w));
  let best: { product: Product; score: number } | null = null;
  for (const candidate of turn.ctx.productsByHandle.values()) {
    if (candidate.handle === product.handle || candidate.status !== "ACTIVE") continue;
    const titleWords = tokenize(normalize(candidate.title)).map(stem);
    const namesThing = titleWords.some((w) => asked.has(w));
    if (!namesThing) continue;
    const forThisProduct =
      normalize(candidate.description).includes(normalize(product.title)) ||
      line.every((w) => tokenize(normalize(candidate.title)).includes(w));
    const score = (forThisProduct ? 2 : 0) + titleWords.filter((w) => asked.has(w)).length;
    if (forThisProduct && (!best || score > best.score)) best = { product: candidate, score };
  }
  return best?.product ?? null;
}

function standsAlone(text: string, value: string): boolean {
  return new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value)}(?![\\p{L}\\d])`, "iu").test(text);
}

function withoutValues(text: string, values: (string | undefined)[]): string {
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
function withoutName(text: string, product: Product, mention: string | undefined, byTitleWords: boolean): string {
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

/** The option values listed for the options the shopper asks about ("what colors…?"), or all. */
function optionLines(product: Product, text: string, L: Language): string[] {
  const real = product.options.filter((o) => !(o.values.length === 1 && o.values[0] === "Default Title"));
  const asked = real.filter((o) => {
    const name = normalize(o.name);
    const pattern = /colou?r/.test(name)
      ? /colou?rs?|colores|couleurs/i
      : /size|length/.test(name)
        ? /sizes?|lengths?|tallas|tailles/i
        : new RegExp(escapeRegExp(name), "i");
    return pattern.test(text);
  });
  return (asked.length > 0 ? asked : real).map((o) =>
    t(L, M.options_list, { option: o.name, values: joinList(o.values, L) }),
  );
}

/** Option values of this product written out in the message ("long", "right zip", "S/M"), beyond size and colour. */
function namedOptionValues(product: Product, text: string, already: Resolved["wanted"]): Record<string, string> {
  const found: Record<string, string> = {};
  const message = normalize(text);
  const taken = Object.values(already)
    .filter(Boolean)
    .map((v) => normalize(v!));
  for (const option of product.options) {
    const values = [...option.values]
      .filter((v) => v !== "Default Title" && v.length >= 2)
      .sort((a, b) => b.length - a.length);
    for (const value of values) {
      const v = normalize(value);
      if (taken.some((x) => x === v || v.includes(x) || x.includes(v))) continue;
      if (new RegExp(`(?<![\\w/])${escapeRegExp(v)}(?![\\w/])`).test(message)) {
        found[option.name] = value;
        break;
      }
    }
  }
  return found;
}

function priceLine(product: Product, currency: string, L: Language): string {
  const prices = [...new Set(product.variants.map((v) => Number(v.price)))].sort((a, b) => a - b);
  if (prices.length === 0) return "";
  const sale = product.variants.find((v) => v.compareAtPrice !== null && Number(v.compareAtPrice) > Number(v.price));
  const money = (n: number | string) => formatMoney(n, currency, L);
  if (sale) return t(L, M.price_sale, { price: money(sale.price), was: money(sale.compareAtPrice!) });
  if (prices.length > 1) return t(L, M.price_range, { min: money(prices[0]), max: money(prices[prices.length - 1]) });
  return t(L, M.price_single, { price: money(prices[0]) });
}

function stockLine(product: Product, L: Language): string {
  const soldOut = product.variants.filter((v) => !v.availableForSale);
  if (soldOut.length === product.variants.length) return t(L, M.sold_out);
  if (soldOut.length > 0) return t(L, M.in_stock_except, { variants: joinList(soldOut.map(variantName), L) });
  return t(L, product.variants.length > 1 ? M.all_in_stock : M.in_stock);
}

/** "M / Black"; a bare size says what it is ("size 9", not "9"). */
function variantName(variant: Variant): string {
  if (variant.title === "Default Title") return "";
  const [only, ...rest] = variant.selectedOptions;
  if (only && rest.length === 0 && /^size$/i.test(only.name) && /^\d/.test(only.value))
    return `${only.name.toLowerCase()} ${only.value}`;
  return variant.title;
}

/** The option values of `product` that `asked` names ("medium" → M, "black" → Black, "negro" → Black, "blue" → Glacier Blue). */
function matchOption(product: Product, asked: string): { option: string; values: string[] } | null {
  const wanted = normalize(asked);
  // "medium" → M, "negro" → Black or Noir: the lexicon's size and colour words in en/es/fr.
  const aliases = [...new Set([wanted, ...(SIZE_WORDS[wanted] ?? []).map(normalize), ...colorAliases(wanted)])];
  for (const option of product.options) {
    const exact = option.values.filter((v) => aliases.includes(normalize(v)));
    if (exact.length > 0) return { option: option.name, values: exact };
  }
  for (const option of product.options) {
    const partial = option.values.filter((v) =>
      aliases.some((a) => a.length > 2 && new RegExp(`\\b${escapeRegExp(a)}\\b`).test(normalize(v))),
    );
    if (partial.length > 0) return { option: option.name, values: partial };
  }
  return null;
}

/** Stock and price of the exact variant asked for, with in-stock alternatives when it's sold out. */
function variantLines(product: Product, wanted: Resolved["wanted"], turn: Turn): string[] {
  const L = turn.language;
  const currency = turn.ctx.shop.currencyCode;
  const constraints: { option: string; values: string[] }[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    if (!value) continue;
    const named = product.options.find((o) => o.name === key && o.values.includes(value));
    const match = named ? { option: named.name, values: [value] } : matchOption(product, value);
    if (!match) {
      const option =
        product.options.find((o) => (key === "color" ? /colou?r/i : /size|length|talla|taille/i).test(o.name)) ??
        product.options[0];
      const values = option && option.values[0] !== "Default Title" ? option.values : [];
      return values.length > 0
        ? [t(L, M.option_not_offered, { product: product.title, value, values: joinList(values, L, "or") })]
        : [stockLine(product, L)];
    }
    constraints.push(match);
  }
  const fits = (v: Variant, list = constraints) =>
    list.every((c) => v.selectedOptions.some((o) => o.name === c.option && c.values.includes(o.value)));
  const matching = product.variants.filter((v) => fits(v));
  if (matching.length === 0) return [stockLine(product, L)];
  const money = (v: Variant) => formatMoney(v.price, currency, L);
  const inStock = matching.filter((v) => v.availableForSale);
  const soldOut = matching.filter((v) => !v.availableForSale);

  if (soldOut.length === 0) {
    return inStock.length === 1
      ? [t(L, M.variant_in_stock, { variant: variantName(inStock[0]) || product.title, price: money(inStock[0]) })]
      : [
          t(L, M.variant_in_stock, {
            variant: joinList(
              constraints.flatMap((c) => c.values),
              L,
            ),
            price: priceOf(inStock, currency, L),
          }),
        ];
  }
  if (inStock.length > 0) {
    // Only part of it: "M: in stock in Glacier Blue; out of stock in Black."
    const differing = (list: Variant[]) =>
      list.map((v) =>
        v.selectedOptions
          .filter((o) => !constraints.some((c) => c.option === o.name))
          .map((o) => o.value)
          .join(" / "),
      );
    return [
      t(L, M.variant_mixed, {
        wanted: joinList(
          constraints.flatMap((c) => c.values),
          L,
        ),
        inStock: `${joinList(differing(inStock), L)} (${priceOf(inStock, currency, L)})`,
        soldOut: joinList(differing(soldOut), L),
      }),
    ];
  }
  const lines = [
    t(L, M.variant_sold_out, {
      variant:
        soldOut.length === 1
          ? variantName(soldOut[0])
          : joinList(
              constraints.flatMap((c) => c.values),
              L,
            ),
    }),
  ];
  // Alternatives keeping as much of the request as possible: same size in another colour, or the reverse.
  const alternatives: Variant[] = [];
  for (const keep of constraints.length > 1 ? constraints.map((c) => [c]) : [[]]) {
    for (const v of product.variants) {
      if (v.availableForSale && fits(v, keep) && !alternatives.includes(v)) alternatives.push(v);
    }
    if (alternatives.length > 0) break;
  }
  if (alternatives.length > 0) {
    const shown = alternatives.slice(0, 4);
    const samePrice = new Set(shown.map((v) => v.price)).size === 1;
    const variants = samePrice
      ? `${joinList(shown.map(variantName), L)} (${money(shown[0])})`
      : joinList(
          shown.map((v) => `${variantName(v)} (${money(v)})`),
          L,
        );
    lines.push(t(L, M.variant_alternatives, { variants }));
  }
  return lines;
}

function priceOf(variants: Variant[], currency: string, L: Language): string {
  const prices = [...new Set(variants.map((v) => Number(v.price)))].sort((a, b) => a - b);
  return prices.length === 1
    ? formatMoney(prices[0], currency, L)
    : `${formatMoney(prices[0], currency, L)}–${formatMoney(prices[prices.length - 1], currency, L)}`;
}

async function unavailableAnswer(turn: Turn, name: string, lookups: Lookup[]): Promise<Answer> {
  const L = turn.language;
  const answer: Answer = {
    text: t(L, M.product_unavailable, { name, email: turn.ctx.shop.email }),
    kind: "no_answer",
    quickReplies: [t(L, "talk_to_person")],
    lookups,
  };
  // Similar products we do sell, by the kind of thing named ("… Quilt" → nothing; "… Tent" → tents; "Café …" → coffees).
  const words = name.split(/\s+/);
  const kind =
    words.find((w) => isKindWord(turn.ctx.catalog.vocabulary, normalize(w))) ?? words[words.length - 1] ?? "";
  const similar = searchCatalog(turn, { text: kind, requireCategory: true });
  if (similar.results.length > 0) {
    const currency = turn.ctx.shop.currencyCode;
    answer.text += `\n\n${t(L, M.similar_products)}`;
    answer.products = similar.results.slice(0, 3).map((p) => productCard(p, currency, L));
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------
// product_search

function searchCatalog(turn: Turn, request: SearchRequest) {
  return searchShop(turn.ctx.catalog, turn.ctx.productsByHandle, request, turn.language);
}

function searchWords(text: string, turn: Turn): string[] {
  return shopSearchWords(turn.ctx.catalog, text);
}

/** Cards sent with a search: the bubble shows four and the rest behind "Show more". */
export const MAX_CARDS = 10;

export async function productSearch(turn: Turn): Promise<Answer> {
  // A named product, or options of the one under discussion ("the men's one in M"), is a product question.
  if (turn.productHandle && activeProduct(turn, turn.productHandle)) return productInfo(turn);
  const request = parseSearch(turn.pre.original, turn.ctx.shop.currencyCode, turn.language);
  const { results, categoryWords, beforeFilters } = searchCatalog(turn, request);
  // "Do you have the Trail Quilt?", "¿Cuándo sale el Café Guerrero?": a name we don't sell is said so, not searched for.
  const unknown = unknownProductName(turn, null);
  if (unknown && (results.length === 0 || namesUnknownLine(turn, unknown))) return productInfo(turn);
  if (
    turn.state.productHandle &&
    (turn.entities.size || turn.entities.color) &&
    searchWords(turn.pre.original, turn).filter((w) => !/^(?:one|ones)$/.test(w)).length <= 2
  ) {
    const discussed = activeProduct(turn, turn.state.productHandle);
    if (discussed && !categoryWords.some((w) => !productWords(discussed).has(w))) return productInfo(turn);
  }
  const L = turn.language;
  const currency = turn.ctx.shop.currencyCode;
  const money = (n: number) => formatMoney(n, currency, L);
  const between = request.maxPrice != null && request.minPrice != null;
  const filters = [
    between ? t(L, M.filter_between, { min: money(request.minPrice!), max: money(request.maxPrice!) }) : "",
    !between && request.maxPrice != null ? t(L, M.filter_under, { price: money(request.maxPrice) }) : "",
    !between && request.minPrice != null ? t(L, M.filter_over, { price: money(request.minPrice) }) : "",
    request.people != null ? t(L, M.filter_people, { count: request.people }) : "",
  ].join("");
  const ref = [
    categoryWords.join(" ") || searchWords(turn.pre.original, turn).join(" ") || "*",
    request.onSale ? "on sale" : "",
    request.maxPrice != null ? `≤ ${request.maxPrice}` : "",
    request.minPrice != null ? `≥ ${request.minPrice}` : "",
    request.people ? `${request.people} people` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const lookups: Lookup[] = [{ kind: "product_search", ref, outcome: `${results.length} found` }];

  const filtered =
    request.maxPrice != null || request.minPrice != null || request.onSale || request.inStock || request.people != null;
  if (categoryWords.length === 0 && !filtered) {
    // No kind of thing the shop sells is named ("what are the shop's opening hours?"): its FAQ may answer it.
    const general = outOfScope(turn);
    if (general.lookups?.some((l) => l.kind === "faq")) return general;
  }
  if (results.length === 0) {
    // Nothing passes the filters: show the closest matches of the same kind (cheapest first when a price was set).
    const closest = [...beforeFilters]
      .sort((a, b) => (request.maxPrice != null ? lowestPrice(a) - lowestPrice(b) : 0))
      .slice(0, categoryWords.length > 0 ? 3 : 0);
    const text = [
      t(L, M.search_none, { filters }),
      closest.length > 0 ? t(L, M.search_closest) : t(L, M.search_rephrase),
    ].join(" ");
    // Only near misses to show is still "couldn't find"; nothing at all asks for other words.
    return {
      text,
      kind: closest.length > 0 ? "no_answer" : "clarification",
      products: closest.length > 0 ? closest.map((p) => productCard(p, currency, L)) : undefined,
      lookups,
    };
  }
  const shown = results.slice(0, MAX_CARDS);
  const intro = request.onSale
    ? t(L, results.length > MAX_CARDS ? M.search_on_sale_more : M.search_on_sale, {
        filters,
        count: MAX_CARDS,
        total: results.length,
      })
    : results.length > MAX_CARDS
      ? t(L, M.search_found_more, { count: MAX_CARDS, total: results.length, filters })
      : t(L, M.search_found, { filters });
  return {
    text: intro,
    products: shown.map((p) => productCard(p, currency, L)),
    lookups,
    state: shown.length === 1 ? { productHandle: shown[0].handle } : {},
  };
}

function productWords(product: Product): Set<string> {
  return new Set(
    [product.title, product.productType, ...product.tags]
      .flatMap((x) => tokenize(normalize(x)))
      .flatMap((w) => [w, stem(w)]),
  );
}

// ---------------------------------------------------------------------------------------------
// Sentences

/** Sentences of `text` sharing the most words with the question (used by other answers too). */
export function relevantSentences(text: string, questionTokens: string[], limit: number): string[] {
  const wanted = new Set(questionTokens.filter((t) => t.length > 2));
  const sentences = splitSentences(text);
  return sentences
    .map((sentence, index) => ({
      sentence,
      index,
      score: tokenize(normalize(sentence)).filter(
        (t) => wanted.has(t) || [...wanted].some((w) => w.length > 4 && t.startsWith(w.slice(0, 5))),
      ).length,
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.sentence);
}

function firstSentences(text: string, count: number): string {
  return splitSentences(text).slice(0, count).join(" ");
}
