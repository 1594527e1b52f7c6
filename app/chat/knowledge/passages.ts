/**
 * The index of what the shop has written: policies and pages split into sentences (each
 * remembering its heading), FAQ answers and product descriptions into sentences, indexed by
 * minisearch over their terms and cached per shop profile.
 */
import MiniSearch from "minisearch";
import type { Product, ShopPolicy } from "../../commerce/types";
import { escapeRegExp, foldAccents, normalize, type Language } from "../preprocess";
import { languageOf, termOf, terms } from "./text";
import type { IndexedPassage, KnowledgeBase, Passage, ShopTexts } from "./types";

/**
 * A sentence ends at . ! ? before the next one's start in any language: a capital (É, Ñ), a digit,
 * a currency sign, or ¿ ¡ « " ( before one. Not after a short abbreviation ("Nov. 18", "approx. 3").
 */
const ABBREVIATIONS =
  "jan feb mar apr jun jul aug sep sept oct nov dec no nr approx aprox env ca st dr mr mrs ms sr sra mme vs etc"
    .split(" ")
    .flatMap((a) => [a, a[0].toUpperCase() + a.slice(1)])
    .join("|");
const SENTENCE_END = new RegExp(
  `(?<=[.!?])(?<!(?<!\\p{L})(?:${ABBREVIATIONS})\\.)\\s+(?=(?:«\\s?|[¿¡"“(])?[$€£¥₹]?[\\p{Lu}\\d])`,
  "u",
);
// "Refunds: …", "Frais de retour : …" (French puts a space before the colon). ASCII capitals only: a label
// read under an accented one ("Échanges :") left its words out of the sentence and cost an answer in French.
const LEAD_LABEL = /^([A-Z][A-Za-z ,'&/-]{2,40}?)\s?:\s+(?=\S)/;
/** A subject pronoun starts a clause, not a label. */
const CLAUSE_START = /^(?:we|you|i|it|they|nous|vous|on|je|il|elle|nosotros)\b/i;
const HEADING_LINE = /^([^.!?]{2,50}):$/;
const OFFER =
  /\d\s?%\s*(?:off\b|de descuento|de r[ée]duction|de remise)|(?:[$€£]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?[$€£])\s+off\b|(?:^|\s)[-–]\s?\d+\s?%/i;
/**
 * A price written sign first ("$75", "€3.90"): what "how much?" is answered by. Narrower than
 * amounts.ts's any-currency reading on purpose: counting "13,90 €" too lifted Maison Coquelicot's
 * delivery prices over its return-postage exception for "qui paie les frais de retour ?" (a dev turn lost).
 */
const PRICE_FIRST = /[$€£¥₹]\s?\d/;
/** A number of days, hours, weeks or months ("3–5 business days", "sous 24 heures ouvrées", "10 días naturales"), or "same day". */
const DURATION =
  /\b\d+(?:\s*(?:[–-]|to|à|a|au)\s*\d+)?\s+(?:(?:business|working|calendar)\s+)?(?:days?|hours?|weeks?|months?|years?|minutes?|jours?|heures?|semaines?|mois|ans|ann[ée]es?|d[ií]as?|horas?|semanas?|meses|años?|minutos?)(?![\p{L}])|\bsame day\b/iu;

/** The days of the week as index terms: the vocabulary (lexicon.ts) maps "martes", "mardi" onto them. */
const WEEKDAYS = new Set(
  ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => termOf(day, "en")),
);

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
    hasMoney: PRICE_FIRST.test(fields.text),
    hasDuration: DURATION.test(fields.text),
    hasOffer: OFFER.test(fields.text),
    hasWeekday: terms(fields.text, language).some((term) => WEEKDAYS.has(term)),
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
      // The first sentence's start as written after the label ("el café…"), for quoting it with the label.
      let writtenStart = "";
      if (label) {
        lead = label[1].trim();
        body = body.slice(label[0].length);
        writtenStart = body.charAt(0);
        body = body.charAt(0).toUpperCase() + body.slice(1);
      }
      for (const [i, sentence] of withAnswers(splitSentences(body)).entries()) {
        const own = languageOf(sentence);
        // A bullet under "Canada:" means nothing without its heading; "No tienen devolución: el café…"
        // nothing without its label, so the label's own line is quoted as the shop wrote it.
        const written = label && i === 0 ? `${label[0]}${writtenStart}${sentence.slice(1)}` : sentence;
        const fields = {
          section: [heading, lead].filter(Boolean).join(" "),
          text: sentence,
          quote: heading ? `${heading}: ${written}` : written,
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

/**
 * The text without the shop's own name: "Café Colibrí" names the shop, not coffee, wherever it is written
 * (a gift card "Tarjeta de regalo Café Colibrí", "Café Colibrí, S.A. de C.V."), and a shopper who names the shop
 * asks nothing by it. The name as written or typed without accents, in any case.
 */
export function withoutShopName(text: string, shopName: string | undefined): string {
  // A one-word name may be a word of what the shop sells ("Linen", "Candle"): only a name of two words or more goes.
  if (!shopName || shopName.trim().split(/\s+/).length < 2) return text;
  let pattern = shopNamePatterns.get(shopName);
  if (!pattern) {
    const forms = [...new Set([shopName.trim(), foldAccents(shopName.trim())])].map(escapeRegExp);
    pattern = new RegExp(`(?<![\\p{L}\\d])(?:${forms.join("|")})(?![\\p{L}\\d])`, "giu");
    shopNamePatterns.set(shopName, pattern);
  }
  return text.replace(pattern, " ");
}
const shopNamePatterns = new Map<string, RegExp>();

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
      return {
        id: p.id,
        // Every sentence carries its policy's or page's title, its FAQ's question or its product's name.
        title: terms(
          withoutShopName(p.sourceTitle, shop.name),
          p.kind === "faq" ? languageOf(p.sourceTitle) : p.language,
        ).join(" "),
        section: terms(withoutShopName(p.section, shop.name), p.language).join(" "),
        text: terms(withoutShopName(p.text, shop.name), p.language).join(" "),
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
