/**
 * Retrieval over what the shop has written for shoppers: its policies (split into sentences,
 * each remembering its section heading) and the merchant's FAQs. Answers quote the few
 * sentences that answer a question instead of pasting a whole policy.
 *
 * The index (minisearch over sentences, fuzzy + prefix, FAQ questions boosted, section headings
 * searchable) is built once per shop profile and cached in a WeakMap keyed by its policies array.
 * Questions in Spanish or French are mapped onto the English support vocabulary the shop's texts
 * use; common support words are widened with synonyms ("arrive" → delivery, "extra" →
 * duties/taxes); "how much?" is answered by sentences with a price, "how long?" by ones with a
 * duration. Each of the shopper's words counts by how rare it is among the passages.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import type { Product, ShopPage, ShopPolicy } from "../commerce/types";
import { formsOnlyIn, pivotOf, replacePhrases } from "./knowledge/lexicon";
import { stemIn } from "./knowledge/stemming";
import { mentionedCountry, namesOfRegion } from "./knowledge/places";
import { synonymsOf } from "./knowledge/synonyms";

export { mentionedCountry, namesOfRegion };
import {
  detectLanguage,
  escapeRegExp,
  languageScores,
  LANGUAGES,
  normalize,
  tokenize,
  type Language,
} from "./preprocess";
import type { ShopProfile } from "./types";

/** What the shop has written: policies, FAQs and pages (the profile), and optionally its active products. */
export type ShopTexts = Pick<ShopProfile, "policies" | "faqs"> & { pages?: ShopPage[] };

export interface Passage {
  id: number;
  kind: "policy" | "faq" | "page" | "product";
  /** Policy type (REFUND_POLICY, …), the FAQ question, "page:" + the page's handle, or the product's handle. */
  sourceKey: string;
  /** Policy, page or product title, or the FAQ question. */
  sourceTitle: string;
  /** The language the sentence is written in. */
  language: Language;
  url: string | null;
  /** The heading the sentence sits under ("Refunds", "Canada"), or "". */
  section: string;
  /** The sentence as the shop wrote it (a leading "Heading:" label removed). */
  text: string;
  /** How to quote it: with its heading when the heading is needed to understand it. */
  quote: string;
  /** Position in its source, for quoting in reading order. */
  order: number;
  hasMoney: boolean;
  /** Says how long something takes ("3–5 business days", "within 1 business day"). */
  hasDuration: boolean;
  /** States an offer: an amount off ("10% off", "$20 off", "-15 %", "10 % de descuento"). */
  hasOffer: boolean;
}

export interface KnowledgeHit {
  passage: Passage;
  score: number;
  /** Share of the question the passage answers (0–1), its rarer words counting more. */
  relevance: number;
  /** The shopper's words (processed) the passage contains. */
  matched: string[];
  /** The shopper's words the passage answers, itself or through a synonym. */
  covered: string[];
  /** Of those, the ones the sentence itself answers (not only its FAQ question or policy title). */
  answered: string[];
  /** The question's words that nothing the shop wrote says, in any form ("parking", "wrapping"). */
  unknown?: string[];
}

export interface KnowledgeBase {
  passages: Passage[];
  index: MiniSearch<IndexedPassage>;
}

interface IndexedPassage {
  id: number;
  title: string;
  section: string;
  text: string;
}

export interface KnowledgeQuery {
  /** Sources to prefer: policy types ("SHIPPING_POLICY") and/or "FAQ". Others still count, less. */
  prefer?: string[];
  /** Only these sources (policy types and/or "FAQ"). */
  only?: string[];
  /** Extra terms that describe what the answer must cover (e.g. a place the shopper named). */
  extraTerms?: string[];
  /** Background that helps choose between answers (e.g. the kind of product), worth less than the question's own words. */
  contextTerms?: string[];
  /** How many hits to return. */
  limit?: number;
  /** Also read these products' descriptions (the shop's active catalog). */
  products?: Map<string, Product>;
  /** The question's language, when the conversation knows it better than the question's words. */
  language?: Language;
  /** The topic's own words ("return refund"): when the question uses one, an answer must say it too. */
  subject?: string;
  /** The shopper's language, when the question's words are not theirs (an overview's aspects). */
  quoteLanguage?: Language;
}

// ---------------------------------------------------------------------------------------------
// Text processing shared by the index and the queries

const STOP_WORDS = new Set(
  (
    "a an the and or but so of to in on at for from with by about as into than then this that these those " +
    "i im me my mine we us our ours you your yours he him his she her it its they them their there here " +
    "am is are was were be been being do does did doing have has had having will would shall should could can may might must " +
    "up today tonight hoy just really very also too please pls plz thanks thank hey hello hi oh ok okay um uh like well some any anything something " +
    "what whats which who whom whose how when where why if not no yes " +
    "tell know want wanted need get got let lets go going make give say says said see look looking find found several various " +
    "policy policies question questions info information detail details think ever nothing last still actually take takes many item items thing things stuff product products something " +
    "doesnt dont didnt isnt arent wasnt wont havent hasnt cant cannot couldnt wouldnt shouldnt " +
    // Spanish and French function words (support words are mapped to English, see knowledge/lexicon.ts)
    "el la los las un una unos unas y o pero de del al en con por para sobre como que se mi mis tu tus su sus yo me te le les lo " +
    "nos es son fue ser estar esta este esto hay muy tambien ya favor gracias hola cual cuales puedo puede tengo quiero " +
    "le les du des et ou mais au aux dans sur par avec qui ce cet cette ces je moi toi il elle on nous vous ils elles mon ma mes " +
    "une ton ta tes son sa ses notre votre leur est sont etre avoir ai as ont suis tres aussi svp merci bonjour quel quelle quels pour " +
    "quelles puis peux veux " +
    "si mas menos otra otro otros otras algo algun alguna cuando donde porque tiene tienen hacer hacen hago puedes pueden debo " +
    "plus moins autre autres quand ou pourquoi faire fait faites font dois doit pouvez peut peuvent avez ai-je est-ce ca cela " +
    "ete meme memes deja encore tout tous toute toutes mismo misma mismos ya aun todo todos toda todas " +
    // "take" in every language ("vous prenez l'Amex ?", "¿toman Amex?"): the words after it say what is asked.
    "prendre prenez prends prend prenons tomar toman toma tomamos"
  ).split(" "),
);

/** One-way widening of a question's words (keys and values are index terms). */
// No prototype: a shopper's word ("constructor", "__proto__") is only ever a key.
const EXPANSIONS: Record<string, string[]> = Object.create(null);
function expand(words: string, into: string): void {
  for (const word of words.split(" ")) {
    const key = termOf(word, "en");
    EXPANSIONS[key] = [...new Set([...(EXPANSIONS[key] ?? []), ...into.split(" ").map((w) => termOf(w, "en"))])].filter(
      (w) => w !== key,
    );
  }
}
expand("arrive arrival receive reach", "delivery deliver");
expand("deliver delivery", "arrive ship");
// "How fast do you ship?" is answered by how long orders take to be prepared.
expand("ship", "prepare");
expand("extra additional surcharge customs import", "duties taxes fees");
expand("tax taxes vat gst hst pst", "duties taxes");
expand("duty duties", "taxes customs");
expand(
  "cost costs much price fee fees charge pay expensive cheap rate rates",
  "cost price fee charge paid free rate postage flat",
);
expand("free", "free prepaid");
expand("label", "label prepaid");
expand("login log logging signin sign password reset", "sign account password code email");
expand("fast faster quick quickly express overnight expedite expedited rush", "express");
expand("long time soon", "days business take");
expand(
  "international internationally abroad overseas worldwide country countries",
  "countries international only ship",
);
expand("card cards visa mastercard amex", "accept card payment");
expand("twice double duplicate", "two charges authorization hold");
expand("spam junk", "spam");
expand("broken broke defect defective damaged faulty ripped torn", "defect defective damaged warranty");
expand("warranty guarantee", "warranty");
expand("swap", "exchange");
expand("fit fits", "size exchange");
expand("washable washing", "wash");
expand("worn used wore tag tags condition", "unworn unused tags original");
expand("clearance", "final sale");
expand("postage", "shipping label");
expand(
  "promo promos coupon coupons discount discounts offer offers deal deals voucher",
  "discount code off sale newsletter",
);

/** The terms a question's term is widened to (index terms), for comparing two questions too. */
export function expansionsOf(term: string): string[] {
  return EXPANSIONS[term] ?? [];
}

/** Light English stemming, enough to match "returns"/"returned", "charged"/"charges". */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("es") && w.length > 4 && /(?:ss|x|ch|sh|[^aeiou]s|v|r|c|g|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (/([bcdfgklmnprstvz])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** A word's index term: its English pivot's stem when the support vocabulary knows it, else its own stem. */
export function termOf(word: string, language: Language): string {
  const pivot = pivotOf(word, language);
  return pivot ? stemIn(pivot, "en") : stemIn(word, language);
}

/** Measures written as symbols, as words: "39 in" / 39″ → inch, "-25°F" → minus 25 degrees. */
function units(text: string): string {
  return text
    .replace(/(\d)\s?(?:in\b|″|")(?!\s*[A-Za-z]{3})/g, "$1 inch ")
    .replace(/(^|[\s(])[-−–](?=\d)/g, "$1minus ")
    .replace(/°\s?[CF]?\b|°/g, " degrees ");
}

/** Normalised words of a text: "US"/"UK" kept as countries, the vocabulary's phrases as one word, elisions split. */
export function textWords(text: string): string[] {
  // "US" in capitals is the country, not the pronoun.
  const countries = text.replace(/\bU\.?S\.?(?:A\.?)?(?![\w.])/g, " usa ").replace(/\bU\.?K\.?(?![\w.])/g, " uk ");
  return tokenize(replacePhrases(normalize(units(countries))));
}

/** The language of a text, from its own words; a Spanish/French tie goes to the one whose support vocabulary it uses. */
export function languageOf(text: string): Language {
  const tokens = tokenize(normalize(text));
  const scores = languageScores(text, tokens);
  if (scores.es > scores.en && scores.es === scores.fr) {
    const [es, fr] = [formsOnlyIn(tokens, "es"), formsOnlyIn(tokens, "fr")];
    if (es !== fr) return es > fr ? "es" : "fr";
  }
  return detectLanguage(text, tokens);
}

/** A word that says nothing about what is asked, in its own language or through its English pivot ("política" as "policy"). */
function isStopWord(word: string, language: Language): boolean {
  if (STOP_WORDS.has(word)) return true;
  const pivot = pivotOf(word, language);
  return pivot !== null && STOP_WORDS.has(pivot);
}

const isContentWord = (word: string, language: Language) =>
  !isStopWord(word, language) && (word.length > 1 || /\d/.test(word));

/** The index terms of a text: words minus stop words, each to its term (see termOf). */
export function terms(text: string, language: Language = languageOf(text)): string[] {
  return textWords(text)
    .filter((w) => isContentWord(w, language))
    .map((w) => termOf(w, language));
}

/** A word of the question: its term, and the forms it may take in a text of another language. */
interface QueryWord {
  key: string;
  variants: string[];
}

function queryWords(text: string, language: Language): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of textWords(text).filter((w) => isContentWord(w, language))) {
    const key = termOf(word, language);
    // A word the vocabulary doesn't know (a name, "Galet", "OXXO") is written the same in every language.
    const variants = pivotOf(word, language) ? [key] : [...new Set([key, ...LANGUAGES.map((l) => stemIn(word, l))])];
    if (!words.some((w) => w.key === key)) words.push({ key, variants });
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Building the index (once per shop profile)

const SENTENCE_END = /(?<=[.!?])\s+(?=["“(]?[A-Z0-9$])/;
const LEAD_LABEL = /^([A-Z][A-Za-z ,'&/-]{2,40}):\s+(?=\S)/;
/** A subject pronoun starts a clause, not a label. */
const CLAUSE_START = /^(?:we|you|i|it|they|nous|vous|on|je|il|elle|nosotros)\b/i;
const HEADING_LINE = /^([^.!?]{2,50}):$/;
const MONEY = /[$€£]\s?\d/;
const OFFER =
  /\d\s?%\s*(?:off\b|de descuento|de r[ée]duction|de remise)|(?:[$€£]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?[$€£])\s+off\b|(?:^|\s)[-–]\s?\d+\s?%/i;
/** A number of days, hours, weeks or months ("3–5 business days", "sous 24 heures ouvrées", "10 días naturales"), or "same day". */
const DURATION =
  /\b\d+(?:\s*(?:[–-]|to|à|a|au)\s*\d+)?\s+(?:(?:business|working|calendar)\s+)?(?:days?|hours?|weeks?|months?|years?|minutes?|jours?|heures?|semaines?|mois|ans|ann[ée]es?|d[ií]as?|horas?|semanas?|meses|años?|minutos?)(?![\p{L}])|\bsame day\b/iu;

export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Document {
  kind: Passage["kind"];
  key: string;
  title: string;
  url: string | null;
  body: string;
}

function passage(
  doc: Document,
  fields: Pick<Passage, "section" | "text" | "quote" | "order">,
  id: number,
  language: Language,
): Passage {
  return {
    id,
    kind: doc.kind,
    sourceKey: doc.key,
    sourceTitle: doc.title,
    language,
    url: doc.url,
    ...fields,
    hasMoney: MONEY.test(fields.text),
    hasDuration: DURATION.test(fields.text),
    hasOffer: OFFER.test(fields.text),
  };
}

/** A title line ("English version", "Conditions générales de vente"): no sentence, nothing to quote. */
const isTitleLine = (line: string) => !/[.!?:;)]$/.test(line) && line.split(/\s+/).length <= 6 && !/\d/.test(line);

/** Sentences of a policy or page, each remembering its heading ("Canada:") and lead label ("Refunds:"). */
function documentPassages(doc: Document, nextId: () => number): Passage[] {
  const passages: Passage[] = [];
  let order = 0;
  for (const paragraph of doc.body.split(/\n\s*\n/)) {
    let heading = "";
    let lead = "";
    // The paragraph's language, for sentences too short to tell.
    const paragraphLanguage = languageOf(paragraph);
    for (const rawLine of paragraph.split("\n")) {
      const line = rawLine.trim();
      if (!line || isTitleLine(line)) continue;
      const headingLine = HEADING_LINE.exec(line);
      if (headingLine) {
        heading = headingLine[1].trim();
        continue;
      }
      const bullet = /^[-•*]\s+|^\d+\.\s+/.test(line);
      let body = line.replace(/^[-•*]\s+|^\d+\.\s+/, "");
      // "Refunds: …" is a label; "We don't ship anywhere else: …" is the start of the sentence.
      const found = !bullet && !lead ? LEAD_LABEL.exec(body) : null;
      const label = found && !CLAUSE_START.test(found[1]) ? found : null;
      if (label) {
        lead = label[1].trim();
        body = body.slice(label[0].length);
        body = body.charAt(0).toUpperCase() + body.slice(1);
      }
      for (const sentence of withAnswers(splitSentences(body))) {
        const own = languageOf(sentence);
        // A bullet under "Canada:" means nothing without its heading.
        const fields = {
          section: [heading, lead].filter(Boolean).join(" "),
          text: sentence,
          quote: heading ? `${heading}: ${sentence}` : sentence,
          order: order++,
        };
        passages.push(
          passage(doc, fields, nextId(), own === "en" && paragraphLanguage !== "en" ? paragraphLanguage : own),
        );
      }
    }
  }
  return passages;
}

/** A question the shop asks ("¿No te gustó un café?") answers nothing alone: it stays with the sentence after it. */
function withAnswers(sentences: string[]): string[] {
  const joined: string[] = [];
  for (const sentence of sentences) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && /\?["”»]?$/.test(previous)) joined[joined.length - 1] = `${previous} ${sentence}`;
    else joined.push(sentence);
  }
  return joined;
}

/** Sentences of an FAQ answer or a product description; a short "Yes." stays with the sentence after it. */
function answerPassages(doc: Document, nextId: () => number, quoteWithTitle = false): Passage[] {
  const sentences: string[] = [];
  for (const sentence of withAnswers(splitSentences(doc.body))) {
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && previous.length < 16) sentences[sentences.length - 1] = `${previous} ${sentence}`;
    else sentences.push(sentence);
  }
  const language = languageOf(doc.body);
  return sentences.map((sentence, order) =>
    passage(
      doc,
      { section: "", text: sentence, quote: quoteWithTitle ? `${doc.title}: ${sentence}` : sentence, order },
      nextId(),
      language,
    ),
  );
}

function shopDocuments(shop: ShopTexts): Document[] {
  return [
    ...shop.policies.map((p): Document => ({ kind: "policy", key: p.type, title: p.title, url: p.url, body: p.body })),
    ...shop.faqs
      .filter((faq) => typeof faq?.question === "string" && typeof faq?.answer === "string")
      .map((faq): Document => ({ kind: "faq", key: faq.question, title: faq.question, url: null, body: faq.answer })),
    ...(shop.pages ?? []).map((p): Document => ({
      kind: "page",
      key: `page:${p.handle}`,
      title: p.title,
      url: p.url,
      body: p.body,
    })),
  ];
}

function productDocuments(products: Iterable<Product>): Document[] {
  return [...products]
    .filter((p) => p.status === "ACTIVE" && p.description.trim())
    .map((p) => ({ kind: "product", key: p.handle, title: p.title, url: p.onlineStoreUrl, body: p.description }));
}

export function buildKnowledge(shop: ShopTexts, products: Iterable<Product> = []): KnowledgeBase {
  let id = 0;
  const nextId = () => id++;
  const all = [...shopDocuments(shop), ...productDocuments(products)].flatMap((doc) =>
    doc.kind === "policy" || doc.kind === "page"
      ? documentPassages(doc, nextId)
      : answerPassages(doc, nextId, doc.kind === "product"),
  );
  // A page that repeats an FAQ or a policy word for word is quoted once, from the first.
  const seen = new Set<string>();
  const passages: Passage[] = [];
  for (const p of all) {
    const key = normalize(p.text);
    if (seen.has(key)) continue;
    seen.add(key);
    passages.push({ ...p, id: passages.length });
  }
  const index = new MiniSearch<IndexedPassage>({
    fields: ["title", "section", "text"],
    // Fields are indexed as their terms, each in the passage's own language.
    tokenize: (text) => text.split(" ").filter(Boolean),
    processTerm: (term) => term,
  });
  index.addAll(
    passages.map((p) => {
      const title = p.kind === "product" ? `${p.sourceTitle}` : p.sourceTitle;
      return {
        id: p.id,
        // Every sentence carries its policy's or page's title, its FAQ's question or its product's name.
        title: terms(title, p.kind === "faq" ? languageOf(title) : p.language).join(" "),
        section: terms(p.section, p.language).join(" "),
        text: terms(p.text, p.language).join(" "),
      };
    }),
  );
  return { passages, index };
}

interface CachedKnowledge {
  key: string;
  /** The arrays the key was last computed from: the same arrays need no new key. */
  faqs: ShopTexts["faqs"];
  pages: ShopTexts["pages"];
  knowledge: KnowledgeBase;
}
const cache = new WeakMap<ShopPolicy[], CachedKnowledge>();
const catalogCache = new WeakMap<object, { shop: KnowledgeBase; knowledge: KnowledgeBase }>();

/** The shop's knowledge index (policies, FAQs, pages), built on first use and reused while they don't change. */
export function knowledgeFor(shop: ShopTexts): KnowledgeBase {
  const cached = cache.get(shop.policies);
  // A message searches several times with the same shop texts: the key is computed once per new array.
  if (cached && cached.faqs === shop.faqs && cached.pages === shop.pages) return cached.knowledge;
  const key = JSON.stringify([shop.faqs, (shop.pages ?? []).map((p) => [p.handle, p.body.length])]);
  if (cached && cached.key === key) {
    Object.assign(cached, { faqs: shop.faqs, pages: shop.pages });
    return cached.knowledge;
  }
  const knowledge = buildKnowledge(shop);
  cache.set(shop.policies, { key, faqs: shop.faqs, pages: shop.pages, knowledge });
  return knowledge;
}

/** The shop's texts and its active products' descriptions in one index, reused while the catalog object lives. */
export function shopTextFor(shop: ShopTexts, products: Map<string, Product>): KnowledgeBase {
  const base = knowledgeFor(shop);
  const cached = catalogCache.get(products);
  if (cached && cached.shop === base) return cached.knowledge;
  const knowledge = buildKnowledge(shop, products.values());
  catalogCache.set(products, { shop: base, knowledge });
  return knowledge;
}

// ---------------------------------------------------------------------------------------------
// Searching

const COST_WORDS = new Set(
  ["cost", "price", "much", "fee", "charge", "pay", "expensive", "cheap", "rate"].map((w) => termOf(w, "en")),
);
const TIME_WORDS = new Set(
  ["long", "soon", "fast", "quick", "quickly", "time", "days", "wait"].map((w) => termOf(w, "en")),
);
const MUCH = termOf("much", "en");
// "in a week", "three days ago": a span the shop never writes is a detail of the question, like a number.
const TIME_UNITS = new Set(["day", "week", "month", "year", "hour", "minute"].map((w) => termOf(w, "en")));
const MEASURES = new Set(
  ["weight", "length", "width", "height", "depth", "diameter", "capacity", "temperature", "size", "long"].map((w) =>
    termOf(w, "en"),
  ),
);
// "Any offers?" is answered by a sentence that states one ("10% off your first order").
const OFFER_WORDS = new Set(["offer"].map((w) => termOf(w, "en")));
// A question with several parts ("how much is shipping, and what does express cost?").
const CLAUSE_SPLIT =
  /[?!;]+|\.\s+|,?\s+(?:and|also|plus|y|et|aussi)\s+(?=(?:what|how|when|where|which|who|do|does|can|could|is|are|will|would|que|qué|cuanto|cuánto|como|cómo|est|quel|quelle|combien)\b)/i;

function sourceOf(p: Passage): string {
  return p.kind === "faq" ? "FAQ" : p.kind === "page" ? "PAGE" : p.kind === "product" ? "PRODUCT" : p.sourceKey;
}

const SEARCH_OPTIONS = {
  // The words are already processed (translated, stop words out, stemmed).
  tokenize: (text: string) => text.split(" "),
  processTerm: (term: string) => term,
  boost: { title: 1.5, section: 1, text: 1 },
  prefix: (term: string) => term.length >= 4,
  fuzzy: (term: string) => (term.length >= 6 ? 0.2 : false),
  maxFuzzy: 2,
};
const EXACT = { ...SEARCH_OPTIONS, prefix: false, fuzzy: false };
/** How much a synonym match counts next to a match on the shopper's own word. */
const SYNONYM_WEIGHT = 0.7;
/** How much a sentence counts for "how much?"/"how long?" by having a price or a duration, next to saying the shopper's word. */
const IMPLIED_WEIGHT = 0.7;

/**
 * Each of the shopper's words is a concept: the word or any of its synonyms. minisearch scores
 * each concept's matches (BM25, fuzzy, prefix, field boosts); a passage's score adds up the
 * concepts it answers, each normalised and weighted by how rare it is among the passages, so a
 * rare word the shopper used ("express", "twice") outweighs a common one ("order", "ship").
 */
/** How much a context word counts next to one of the shopper's own words. */
const CONTEXT_WEIGHT = 0.4;

/** A product's sentence competes with the shop's policies only when the question names the product. */
const UNNAMED_PRODUCT_WEIGHT = 0.45;
/**
 * The privacy policy and terms of service are written about the shop's legal duties: a sentence of
 * theirs answers a shopper's question less often than its words suggest ("phone number" in the data
 * collected), unless the question is about them.
 */
const LEGAL_TEXTS = ["PRIVACY_POLICY", "TERMS_OF_SERVICE"];
const LEGAL_WEIGHT = 0.75;
/** How much a word found only in a product's name counts (it says which product, not which fact). */
const PRODUCT_NAME_WEIGHT = 0.35;

/** How much saying a larger share of the question's words counts, on top of their weights (0: not at all). */
const COORDINATION = 0.5;
/** A sentence in another language than the shopper's, where the shop also writes in theirs. */
const OTHER_LANGUAGE_WEIGHT = 0.8;
const languagesOf = new WeakMap<KnowledgeBase, Set<Language>>();
/** The shop writes at least a part of its texts in `language`. */
function bilingual(kb: KnowledgeBase, language: Language): boolean {
  let languages = languagesOf.get(kb);
  if (!languages)
    languagesOf.set(kb, (languages = new Set(kb.passages.filter((p) => p.kind !== "product").map((p) => p.language))));
  return languages.has(language);
}

const NUMBER = /^\d+(?:[.,]\d+)?$/;
const RANGE = /(\d+(?:[.,]\d+)?)\s*(?:[–—-]|to|a|à|au)\s*(\d+(?:[.,]\d+)?)/g;

/** The text has a range ("38–40", "3 à 5") that holds `n`. */
function rangeHolds(text: string, n: number): boolean {
  for (const [, low, high] of text.matchAll(RANGE)) {
    const [a, b] = [Number(low.replace(",", ".")), Number(high.replace(",", "."))];
    if (a < b && a <= n && n <= b) return true;
  }
  return false;
}

function rawSearch(
  kb: KnowledgeBase,
  words: QueryWord[],
  query: KnowledgeQuery,
  context: QueryWord[] = [],
  own: Set<string> = new Set(words.map((w) => w.key)),
): KnowledgeHit[] {
  const keys = new Set(words.map((w) => w.key));
  // "¿Cuánto pesa…?", "how much does it weigh?": "much" asks for that measure, not a price.
  const measured = words.some((w) => MEASURES.has(w.key));
  const base = [...words, ...context.filter((w) => !keys.has(w.key))].filter((w) => !(measured && w.key === MUCH));
  const background = new Set(context.filter((w) => !keys.has(w.key)).map((w) => w.key));
  const asked = new Set(base.flatMap((w) => w.variants));
  if (base.length === 0) return [];
  const total = kb.passages.length;
  const scores = new Map<
    number,
    {
      score: number;
      cover: number;
      nameWeight: number;
      matched: Set<string>;
      covered: Set<string>;
      answered: Set<string>;
      named: boolean;
    }
  >();
  let possible = 0;
  const unknown: string[] = [];
  // Matched in the sentence itself, not only in its FAQ question, title or product name.
  const inText = (result: SearchResult) =>
    Object.values(result.match).some((fields) => fields.some((f) => f !== "title"));
  const inTitle = (result: SearchResult) => Object.values(result.match).some((fields) => fields.includes("title"));
  for (const { key: word, variants } of base) {
    const perPassage = new Map<number, { score: number; direct: boolean; inText: boolean; named: boolean }>();
    const add = (results: SearchResult[], weight: number, direct: boolean) => {
      for (const result of results) {
        const id = result.id as number;
        const score = weight * result.score;
        const known = perPassage.get(id);
        const text = (known?.inText ?? false) || inText(result);
        const named = (known?.named ?? false) || (direct && inTitle(result));
        if (!known || known.score < score)
          perPassage.set(id, { score, direct: (known?.direct ?? false) || direct, inText: text, named });
        else Object.assign(known, { inText: text, named });
      }
    };
    // The word in any of its forms counts fully; a synonym counts as much as its best single match, never as the sum of several.
    // Only the word's own form is matched loosely: another language's stem of it ("three" → "thre") is exact, or it would prefix-match anything.
    for (const variant of variants)
      add(kb.index.search(variant, variant === word ? SEARCH_OPTIONS : EXACT) as SearchResult[], 1, true);
    // WordNet's synonyms fill a gap: a word the shop never uses ("guarantee" where it writes "warranty").
    const lexical = perPassage.size === 0 ? synonymsOf(word) : [];
    const synonyms = [...new Set([...(EXPANSIONS[word] ?? []), ...lexical])].filter((w) => !asked.has(w));
    for (const synonym of synonyms) add(kb.index.search(synonym, EXACT) as SearchResult[], SYNONYM_WEIGHT, false);
    // "My chest is 39 inches": a range that holds the number ("M 38–40 in") says it.
    if (NUMBER.test(word)) {
      for (const passage of kb.passages) {
        if (!perPassage.has(passage.id) && rangeHolds(passage.text, Number(word.replace(",", "."))))
          perPassage.set(passage.id, { score: 1, direct: true, inText: true, named: false });
      }
    }
    let best = Math.max(0, ...[...perPassage.values()].map((v) => v.score));
    // "How much…?" is answered by any sentence with a price in it, "how long…?" by one with a duration.
    const implied = COST_WORDS.has(word)
      ? "hasMoney"
      : TIME_WORDS.has(word)
        ? "hasDuration"
        : OFFER_WORDS.has(word)
          ? "hasOffer"
          : null;
    if (implied) {
      best ||= 1;
      for (const passage of kb.passages) {
        const known = perPassage.get(passage.id);
        if (passage[implied] && (known?.score ?? 0) < best * IMPLIED_WEIGHT) {
          perPassage.set(passage.id, {
            score: best * IMPLIED_WEIGHT,
            direct: known?.direct ?? false,
            inText: true,
            named: known?.named ?? false,
          });
        }
      }
    }
    // A number the shop never writes is a detail of the question ("three weeks", "39 inches"), not what it is about.
    const detail = background.has(word) || ((NUMBER.test(word) || TIME_UNITS.has(word)) && perPassage.size === 0);
    const weight = Math.log(1 + total / Math.max(0.5, perPassage.size)) * (detail ? CONTEXT_WEIGHT : 1);
    possible += weight;
    if (perPassage.size === 0 && !detail && own.has(word)) unknown.push(word);
    if (best === 0) continue;
    for (const [id, { score, direct, inText, named }] of perPassage) {
      const entry =
        scores.get(id) ??
        scores
          .set(id, {
            score: 0,
            cover: 0,
            nameWeight: 0,
            matched: new Set(),
            covered: new Set(),
            answered: new Set(),
            named: false,
          })
          .get(id)!;
      // A product's name picks the product; which of its sentences answers is for the sentence's own words to say,
      // even where the sentence repeats a word of the name ("a winter boot…"). Naming the product still answers that word.
      const product = kb.passages[id]?.kind === "product";
      entry.score += weight * (score / best) * ((!inText || named) && product ? PRODUCT_NAME_WEIGHT : 1);
      // Relevance is what the sentence says beyond naming the product: a word of the name counts for neither side.
      if (product && named) entry.nameWeight += weight;
      else entry.cover += weight * (score / best) * (!inText && product ? PRODUCT_NAME_WEIGHT : 1);
      entry.covered.add(word);
      if (direct) entry.matched.add(word);
      if (inText) entry.answered.add(word);
      if (named && !background.has(word)) entry.named = true;
    }
  }
  const hits: KnowledgeHit[] = [];
  for (const [id, { score: raw, cover, nameWeight, matched, covered, answered, named }] of scores) {
    const passage = kb.passages[id];
    if (!passage) continue;
    const source = sourceOf(passage);
    if (query.only && !query.only.includes(source)) continue;
    // A product's sentence answers nothing about the shop in general ("how do I wash…?") unless the product is named.
    const legal = LEGAL_TEXTS.includes(source) && !query.prefer?.includes(source) ? LEGAL_WEIGHT : 1;
    const own = (passage.kind === "product" && !named ? UNNAMED_PRODUCT_WEIGHT : 1) * legal;
    // A shop that writes in two languages says most things twice: quote the version in the shopper's language.
    const language =
      query.quoteLanguage &&
      passage.kind !== "product" &&
      passage.language !== query.quoteLanguage &&
      bilingual(kb, query.quoteLanguage)
        ? OTHER_LANGUAGE_WEIGHT
        : 1;
    // Coordination: a sentence that says more of the question's words beats one that says a single rare word well.
    const coordination = (covered.size / base.length) ** COORDINATION;
    let score = raw * own * language * coordination;
    if (query.prefer && query.prefer.length > 0) score *= query.prefer.includes(source) ? 1.3 : 0.75;
    hits.push({
      passage,
      score,
      relevance: possible > nameWeight ? (cover * own) / (possible - nameWeight) : 0,
      matched: [...matched],
      covered: [...covered],
      answered: [...answered],
      unknown,
    });
  }
  return hits.sort((a, b) => b.score - a.score);
}

function queryTerms(texts: string[], language?: Language): QueryWord[] {
  return texts.flatMap((text) => queryWords(text, language ?? languageOf(text)));
}

/** Passages that answer `question`, best first. */
export function searchKnowledge(shop: ShopTexts, question: string, query: KnowledgeQuery = {}): KnowledgeHit[] {
  const kb = query.products ? shopTextFor(shop, query.products) : knowledgeFor(shop);
  const { text, placeTerms } = placesAsCountries(kb, question);
  const asked = queryTerms([text], query.language ?? languageOf(question));
  const words = [...asked, ...queryTerms([...placeTerms, ...(query.extraTerms ?? [])], "en")];
  const quoteLanguage = query.quoteLanguage ?? query.language ?? languageOf(question);
  // Only the shopper's own words can be unknown to the shop, not the ones added for them.
  const own = new Set(asked.map((w) => w.key));
  return rawSearch(kb, words, { ...query, quoteLanguage }, queryTerms(query.contextTerms ?? []), own).slice(
    0,
    query.limit ?? 10,
  );
}

/**
 * A place the shopper names is asked about as its country, in the words the shop's text uses:
 * "Toronto" as Canada, "Alemania" as Germany/Allemagne; a country the shop's text never names
 * as "other countries" (what a shop writes about the places it doesn't ship to).
 */
function placesAsCountries(kb: KnowledgeBase, question: string): { text: string; placeTerms: string[] } {
  const place = mentionedCountry(question);
  if (!place) return { text: question, placeTerms: [] };
  const text = ` ${normalize(question)} `.replace(new RegExp(`(?<![a-z])${escapeRegExp(place.place)}(?![a-z])`), " ");
  const names = [...namesOfRegion(place.code), ...(place.code === "US" ? ["usa"] : [])];
  const named = names.filter((name) => {
    const words = terms(name, "en");
    return words.length > 0 && words.every((w) => kb.index.search(w, EXACT).length > 0);
  });
  return { text, placeTerms: named.length > 0 ? named : ["other countries"] };
}

/**
 * The 1–`max` sentences to quote for `question`: the best passage, the best one for each part of
 * a several-part question, and any others nearly as good, from as few sources as possible.
 */
export function bestPassages(
  shop: ShopTexts,
  question: string,
  query: KnowledgeQuery & { max?: number } = {},
): KnowledgeHit[] {
  const max = query.max ?? 3;
  const found = searchKnowledge(shop, question, { ...query, limit: 20 }).filter((h) => h.covered.length > 0);
  // "Can I return an online course?" is answered by a sentence about returning, not one about courses alone.
  const subject = new Set(query.subject ? terms(query.subject, "en") : []);
  const onSubject = found.filter((h) => h.covered.some((w) => subject.has(w)));
  const hits = onSubject.length > 0 ? onSubject : found;
  if (hits.length === 0) return [];
  const top = hits[0];
  const picked: KnowledgeHit[] = [top];
  const add = (hit: KnowledgeHit | undefined) => {
    if (
      !hit ||
      picked.length >= max ||
      picked.some((p) => p.passage.id === hit.passage.id || restates(p.passage.text, hit.passage.text))
    )
      return;
    picked.push(hit);
  };
  const clauses = question
    .split(CLAUSE_SPLIT)
    .map((c) => c?.trim())
    .filter((c): c is string => !!c && terms(c).length > 0);
  if (clauses.length > 1) {
    for (const clause of clauses) {
      // A clause like "how much and how long?" alone matches any price or duration: it must name something.
      const best = searchKnowledge(shop, clause, { ...query, limit: 3 }).find((h) =>
        h.answered.some((w) => !COST_WORDS.has(w) && !TIME_WORDS.has(w)),
      );
      if (best) add(best);
    }
  }
  // An FAQ's first sentence is its direct answer: keep it with any later sentence of that FAQ.
  if (top.passage.kind === "faq" && top.passage.order > 0) {
    const direct = hits.find((h) => h.passage.sourceKey === top.passage.sourceKey && h.passage.order === 0);
    // Found or not: the question matched this FAQ, whose first sentence answers it ("We accept…" before "We don't accept Amex").
    const first = direct ?? faqAnswer(shop, top);
    if (first) add(first);
  }
  // Others nearly as good, or answering a part of the question the picked ones don't.
  const source = sourceOf(top.passage);
  for (const hit of hits.slice(1)) {
    const sameSource = sourceOf(hit.passage) === source;
    const answeredSoFar = new Set(picked.flatMap((p) => p.answered));
    const addsSomething = hit.answered.some((w) => !answeredSoFar.has(w));
    // Another sentence of the same source about everything the best one is about ("…arrived damaged" → "Damaged items: contact us…").
    const sameTopic = sameSource && top.covered.every((w) => hit.covered.includes(w));
    if (
      hit.score >= top.score * (sameSource ? 0.85 : 0.95) ||
      (addsSomething && hit.score >= top.score * 0.5) ||
      (sameTopic && hit.score >= top.score * 0.5)
    )
      add(hit);
  }
  return orderForQuoting(picked);
}

/** The first sentence of the FAQ `hit` comes from, as a hit ranked just below it. */
function faqAnswer(shop: ShopTexts, hit: KnowledgeHit): KnowledgeHit | undefined {
  const passage = knowledgeFor(shop).passages.find(
    (p) => p.kind === "faq" && p.sourceKey === hit.passage.sourceKey && p.order === 0,
  );
  return (
    passage && { passage, score: hit.score * 0.5, relevance: hit.relevance, matched: [], covered: [], answered: [] }
  );
}

/** Two sentences saying the same thing: they share a run of five or more words. */
function restates(a: string, b: string): boolean {
  const words = (text: string) => normalize(text).match(/[a-z0-9]+/g) ?? [];
  const first = words(a);
  const runs = new Set<string>();
  for (let i = 0; i + 5 <= first.length; i++) runs.add(first.slice(i, i + 5).join(" "));
  const second = words(b);
  for (let i = 0; i + 5 <= second.length; i++) if (runs.has(second.slice(i, i + 5).join(" "))) return true;
  return false;
}

/** Group by source (in order of relevance), then reading order inside each source. */
export function orderForQuoting(hits: KnowledgeHit[]): KnowledgeHit[] {
  const sources: string[] = [];
  for (const hit of hits) if (!sources.includes(sourceOf(hit.passage))) sources.push(sourceOf(hit.passage));
  return [...hits].sort(
    (a, b) =>
      sources.indexOf(sourceOf(a.passage)) - sources.indexOf(sourceOf(b.passage)) || a.passage.order - b.passage.order,
  );
}

/**
 * For an overview question ("what's your return policy?"): the best passage for each aspect a
 * good answer covers (e.g. window, condition, exclusions), from the given source.
 */
export function overviewPassages(shop: ShopTexts, aspects: string[], query: KnowledgeQuery): KnowledgeHit[] {
  // The same few overviews are asked of an index again and again: each is searched once per index.
  if (query.products) return searchOverview(shop, aspects, query);
  const kb = knowledgeFor(shop);
  let answers = overviewsOf.get(kb);
  if (!answers) overviewsOf.set(kb, (answers = new Map()));
  const key = JSON.stringify([aspects, query]);
  let hits = answers.get(key);
  if (!hits) {
    hits = searchOverview(shop, aspects, query);
    if (answers.size >= 200) answers.clear();
    answers.set(key, hits);
  }
  return [...hits];
}
const overviewsOf = new WeakMap<KnowledgeBase, Map<string, KnowledgeHit[]>>();

function searchOverview(shop: ShopTexts, aspects: string[], query: KnowledgeQuery): KnowledgeHit[] {
  const picked: KnowledgeHit[] = [];
  for (const aspect of aspects) {
    const best = searchKnowledge(shop, aspect, { ...query, limit: 5 }).find(
      (h) => h.covered.length > 0 && !picked.some((p) => p.passage.id === h.passage.id),
    );
    if (best) picked.push(best);
  }
  return orderForQuoting(picked);
}

// ---------------------------------------------------------------------------------------------
// The answer to a question no intent covers with a fixed field

/** Below this share of the question answered, the best passage isn't an answer. */
export const MIN_ANSWER_RELEVANCE = 0.35;
/** The share needed when a word of the question is nowhere in the shop's text: calibrated on the dev retrieval sets (0.38–0.55 swept), checked on the extra sets. */
const UNKNOWN_WORD_RELEVANCE = 0.45;

/** The sentences that answer `question` from the shop's own text, best first; [] when nothing does. */
export function shopAnswer(
  shop: ShopTexts,
  question: string,
  query: KnowledgeQuery & { max?: number; minRelevance?: number } = {},
): KnowledgeHit[] {
  const hits = bestPassages(shop, question, { max: 3, ...query });
  if (hits.length === 0) return [];
  const top = hits.reduce((a, b) => (b.score > a.score ? b : a));
  const minimum = query.minRelevance ?? MIN_ANSWER_RELEVANCE;
  // A question with a word the shop never writes ("parking", "wrapping") is most often about something it doesn't offer.
  if (
    top.relevance < minimum ||
    ((top.unknown?.length ?? 0) > 0 && top.relevance < Math.max(minimum, UNKNOWN_WORD_RELEVANCE))
  )
    return [];
  // The best sentence leads; the others follow in the order the shop wrote them.
  return [top, ...hits.filter((h) => h !== top)];
}

/** Where a quoted sentence came from, for the merchant and the evaluation. */
export function sourceLabel(passage: Passage): string {
  if (passage.kind === "faq") return `FAQ: ${passage.sourceTitle}`;
  if (passage.kind === "page" || passage.kind === "product") return `${passage.kind}: ${passage.sourceTitle}`;
  return passage.sourceKey;
}
