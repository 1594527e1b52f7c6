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
import type { ShopPolicy } from "../commerce/types";
import { escapeRegExp, normalize } from "./preprocess";
import type { ShopProfile } from "./types";

export interface Passage {
  id: number;
  kind: "policy" | "faq";
  /** Policy type (REFUND_POLICY, …) or the FAQ question. */
  sourceKey: string;
  /** Policy title or FAQ question. */
  sourceTitle: string;
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
}

// ---------------------------------------------------------------------------------------------
// Text processing shared by the index and the queries

const STOP_WORDS = new Set(
  ("a an the and or but so of to in on at for from with by about as into than then this that these those " +
    "i im me my mine we us our ours you your yours he him his she her it its they them their there here " +
    "am is are was were be been being do does did doing have has had having will would shall should could can may might must " +
    "just really very also too please pls plz thanks thank hey hello hi oh ok okay um uh like well some any anything something " +
    "what whats which who whom whose how when where why if not no yes " +
    "tell know want wanted need get got let lets go going make give say says said see look looking " +
    "policy policies question questions info information detail details think ever nothing last still actually take takes many item items thing things stuff product products something " +
    "doesnt dont didnt isnt arent wasnt wont havent hasnt " +
    // Spanish and French function words (support words are translated, see TRANSLATIONS)
    "el la los las un una unos unas y o pero de del al en con por para sobre como que se mi mis tu tus su sus yo me te le les lo " +
    "nos es son fue ser estar esta este esto hay muy tambien ya favor gracias hola cual cuales puedo puede tengo quiero " +
    "le les du des et ou mais au aux dans sur par avec qui ce cet cette ces je moi toi il elle on nous vous ils elles mon ma mes " +
    "ton ta tes son sa ses notre votre leur est sont etre avoir ai as ont suis tres aussi svp merci bonjour quel quelle quels pour " +
    "quelles puis peux veux").split(" "),
);

/** Spanish and French support words, mapped onto the English the shop's texts use. */
const TRANSLATIONS: Record<string, string> = {
  // es
  devolucion: "return", devoluciones: "return", devolver: "return", devuelvo: "return", reembolso: "refund", reembolsos: "refund",
  envio: "shipping", envios: "shipping", enviar: "ship", envian: "ship", envias: "ship", entrega: "delivery", llegar: "arrive",
  llega: "arrive", recibir: "receive", dias: "days", dia: "day", gratis: "free", gratuito: "free", costo: "cost", coste: "cost",
  cuesta: "cost", cuanto: "cost", precio: "price", pago: "payment", pagos: "payment", pagar: "pay", tarjeta: "card", tarjetas: "card",
  cuenta: "account", contrasena: "password", sesion: "sign", iniciar: "sign", codigo: "code", descuento: "discount", cupon: "coupon",
  cambio: "exchange", cambiar: "exchange", impuestos: "taxes", aduana: "customs", aranceles: "duties", internacional: "international",
  etiqueta: "tags", etiquetas: "tags", usado: "worn", usados: "worn", rebajas: "sale", garantia: "warranty", correo: "email",
  paises: "countries", pais: "country", rapido: "express", urgente: "express", cobro: "charge", cobrado: "charged", doble: "twice",
  politica: "policy", politicas: "policy", politique: "policy", politiques: "policy", condiciones: "terms", conditions: "terms",
  tarda: "long", tardan: "long", tiempo: "time", plazo: "days", articulo: "item", articulos: "items", producto: "item",
  // fr
  retour: "return", retours: "return", retourner: "return", renvoyer: "return", remboursement: "refund", rembourser: "refund",
  livraison: "delivery", livrer: "delivery", expedition: "shipping", expedier: "ship", envoyer: "ship", envoyez: "ship", arriver: "arrive",
  jours: "days", jour: "day", gratuit: "free", gratuite: "free", frais: "cost", cout: "cost", coute: "cost", combien: "cost", prix: "price",
  paiement: "payment", payer: "pay", carte: "card", cartes: "card", compte: "account", passe: "password", connecter: "sign",
  connexion: "sign", reduction: "discount", remise: "discount", echange: "exchange", echanger: "exchange", douane: "customs",
  douanes: "customs", droits: "duties", internationale: "international", etiquettes: "tags", porte: "worn", soldes: "sale",
  garantie: "warranty", courriel: "email", pays: "countries", rapide: "express", debite: "charged", deux: "twice",
  temps: "time", delai: "days", delais: "days", article: "item", articles: "items", produit: "item",
};

/** One-way widening of a question's words (keys and values are stems). */
const EXPANSIONS: Record<string, string[]> = {};
function expand(words: string, into: string): void {
  for (const word of words.split(" ")) {
    const key = stem(word);
    EXPANSIONS[key] = [...new Set([...(EXPANSIONS[key] ?? []), ...into.split(" ").map(stem)])].filter((w) => w !== key);
  }
}
expand("arrive arrival receive reach", "delivery deliver");
expand("deliver delivery", "arrive ship");
expand("extra additional surcharge customs import", "duties taxes collect fees");
expand("tax taxes vat gst hst pst", "duties taxes collect");
expand("duty duties", "taxes customs collect");
expand("cost costs much price fee fees charge pay expensive cheap rate rates", "cost price fee charge paid free rate postage flat");
expand("free", "free prepaid");
expand("label", "label prepaid");
expand("login log logging signin sign password reset", "sign account password code email");
expand("fast faster quick quickly express overnight expedite expedited rush", "express");
expand("long time soon", "days business take");
expand("international internationally abroad overseas worldwide country countries", "countries international only ship");
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
expand("promo promos coupon coupons discount discounts offer offers deal deals voucher", "discount code off sale newsletter");

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

/** Spanish and French phrases whose words mean something else alone ("combien de temps" is not a price). */
const PHRASES: [RegExp, string][] = [
  [/\b(?:combien de temps|cuanto tiempo|cuantos dias|combien de jours|cuanto tarda|cuanto tardan)\b/g, "how long days"],
  [/\b(?:mot de passe)\b/g, "password"],
  [/\b(?:iniciar sesion|se connecter|connexion)\b/g, "sign in"],
  [/\b(?:frais de port|gastos de envio)\b/g, "shipping cost"],
];

/** Words of a text, accents folded, Spanish/French support words mapped to English. */
export function textWords(text: string): string[] {
  // "US" in capitals is the country, not the pronoun.
  const countries = text.replace(/\bU\.?S\.?(?:A\.?)?(?![\w.])/g, " usa ").replace(/\bU\.?K\.?(?![\w.])/g, " uk ");
  let normalized = normalize(countries);
  for (const [phrase, english] of PHRASES) normalized = normalized.replace(phrase, english);
  const words = normalized
    .replace(/\b(l|d|j|n|s|c|m|t|qu)'(?=[a-z])/g, "$1 ")
    .replace(/'/g, "")
    .match(/[a-z0-9]+/g) ?? [];
  return words.map((w) => TRANSLATIONS[w] ?? w);
}

/** The index terms of a text: words minus stop words, stemmed. */
export function terms(text: string): string[] {
  return textWords(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

// ---------------------------------------------------------------------------------------------
// Building the index (once per shop profile)

const SENTENCE_END = /(?<=[.!?])\s+(?=["“(]?[A-Z0-9$])/;
const LEAD_LABEL = /^([A-Z][A-Za-z ,'&/-]{2,40}):\s+(?=\S)/;
const HEADING_LINE = /^([^.!?]{2,50}):$/;
const MONEY = /[$€£]\s?\d/;
const DURATION = /\b\d+\s*(?:[–-]|to)\s*\d+\s+(?:business\s+)?(?:days?|hours?|weeks?)\b|\bwithin\s+\d+\s+(?:business\s+)?(?:days?|hours?)\b|\bsame day\b/i;

export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
}

function policyPassages(policy: ShopPolicy, nextId: () => number): Passage[] {
  const passages: Passage[] = [];
  let order = 0;
  for (const paragraph of policy.body.split(/\n\s*\n/)) {
    let heading = "";
    let lead = "";
    for (const rawLine of paragraph.split("\n")) {
      const line = rawLine.trim();
      if (!line) continue;
      const headingLine = HEADING_LINE.exec(line);
      if (headingLine) {
        heading = headingLine[1].trim();
        continue;
      }
      const bullet = /^[-•*]\s+/.test(line);
      let body = line.replace(/^[-•*]\s+/, "");
      const label = !bullet && !lead ? LEAD_LABEL.exec(body) : null;
      if (label) {
        lead = label[1].trim();
        body = body.slice(label[0].length);
        body = body.charAt(0).toUpperCase() + body.slice(1);
      }
      for (const sentence of splitSentences(body)) {
        passages.push({
          id: nextId(),
          kind: "policy",
          sourceKey: policy.type,
          sourceTitle: policy.title,
          url: policy.url,
          section: [heading, lead].filter(Boolean).join(" "),
          text: sentence,
          // A bullet under "Canada:" means nothing without its heading.
          quote: heading ? `${heading}: ${sentence}` : sentence,
          order: order++,
          hasMoney: MONEY.test(sentence),
          hasDuration: DURATION.test(sentence),
        });
      }
    }
  }
  return passages;
}

function faqPassages(faq: { question: string; answer: string }, nextId: () => number): Passage[] {
  // "Yes." means nothing quoted alone: keep it with the sentence after it.
  const sentences: string[] = [];
  for (const sentence of splitSentences(faq.answer)) {
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && previous.length < 16) sentences[sentences.length - 1] = `${previous} ${sentence}`;
    else sentences.push(sentence);
  }
  return sentences.map((sentence, order) => ({
    id: nextId(),
    kind: "faq",
    sourceKey: faq.question,
    sourceTitle: faq.question,
    url: null,
    section: "",
    text: sentence,
    quote: sentence,
    order,
    hasMoney: MONEY.test(sentence),
    hasDuration: DURATION.test(sentence),
  }));
}

export function buildKnowledge(shop: Pick<ShopProfile, "policies" | "faqs">): KnowledgeBase {
  let id = 0;
  const nextId = () => id++;
  const passages = [
    ...shop.policies.flatMap((policy) => policyPassages(policy, nextId)),
    ...shop.faqs
      .filter((faq) => typeof faq?.question === "string" && typeof faq?.answer === "string")
      .flatMap((faq) => faqPassages(faq, nextId)),
  ];
  const index = new MiniSearch<IndexedPassage>({
    fields: ["title", "section", "text"],
    tokenize: (text) => textWords(text),
    processTerm: (term) => (STOP_WORDS.has(term) ? null : stem(term)),
  });
  index.addAll(
    passages.map((p) => ({
      id: p.id,
      // Every sentence of a policy carries the policy's title (a prior for that policy);
      // every sentence of an FAQ answer carries the question.
      title: p.sourceTitle,
      section: p.section,
      text: p.text,
    })),
  );
  return { passages, index };
}

const cache = new WeakMap<ShopPolicy[], { faqsKey: string; knowledge: KnowledgeBase }>();

/** The shop's knowledge index, built on first use and reused while its policies and FAQs don't change. */
export function knowledgeFor(shop: Pick<ShopProfile, "policies" | "faqs">): KnowledgeBase {
  const faqsKey = JSON.stringify(shop.faqs);
  const cached = cache.get(shop.policies);
  if (cached && cached.faqsKey === faqsKey) return cached.knowledge;
  const knowledge = buildKnowledge(shop);
  cache.set(shop.policies, { faqsKey, knowledge });
  return knowledge;
}

// ---------------------------------------------------------------------------------------------
// Searching

const COST_WORDS = new Set(["cost", "price", "much", "fee", "charge", "pay", "expensive", "cheap", "rate"].map(stem));
const TIME_WORDS = new Set(["long", "soon", "fast", "quick", "quickly", "time", "days", "wait"].map(stem));
// A question with several parts ("how much is shipping, and what does express cost?").
const CLAUSE_SPLIT = /[?!;]+|\.\s+|,?\s+(?:and|also|plus|y|et|aussi)\s+(?=(?:what|how|when|where|which|who|do|does|can|could|is|are|will|would|que|qué|cuanto|cuánto|como|cómo|est|quel|quelle|combien)\b)/i;

function sourceOf(p: Passage): string {
  return p.kind === "faq" ? "FAQ" : p.sourceKey;
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
/** How much a synonym match counts next to a match on the shopper's own word. */
const SYNONYM_WEIGHT = 0.7;

/**
 * Each of the shopper's words is a concept: the word or any of its synonyms. minisearch scores
 * each concept's matches (BM25, fuzzy, prefix, field boosts); a passage's score adds up the
 * concepts it answers, each normalised and weighted by how rare it is among the passages, so a
 * rare word the shopper used ("express", "twice") outweighs a common one ("order", "ship").
 */
/** How much a context word counts next to one of the shopper's own words. */
const CONTEXT_WEIGHT = 0.4;

function rawSearch(kb: KnowledgeBase, words: string[], query: KnowledgeQuery, context: string[] = []): KnowledgeHit[] {
  const base = [...new Set([...words, ...context])];
  const background = new Set(context.filter((w) => !words.includes(w)));
  if (base.length === 0) return [];
  const total = kb.passages.length;
  const scores = new Map<number, { score: number; matched: Set<string>; covered: Set<string>; answered: Set<string> }>();
  let possible = 0;
  for (const word of base) {
    const perPassage = new Map<number, { score: number; direct: boolean; inText: boolean }>();
    // Matched in the sentence itself, not only in its FAQ question or policy title.
    const inText = (result: SearchResult) => Object.values(result.match).some((fields) => fields.some((f) => f !== "title"));
    for (const result of kb.index.search(word, SEARCH_OPTIONS) as SearchResult[]) {
      perPassage.set(result.id as number, { score: result.score, direct: true, inText: inText(result) });
    }
    // A synonym counts as much as its best single match, never as the sum of several.
    for (const synonym of (EXPANSIONS[word] ?? []).filter((w) => !base.includes(w))) {
      for (const result of kb.index.search(synonym, SEARCH_OPTIONS) as SearchResult[]) {
        const id = result.id as number;
        const score = SYNONYM_WEIGHT * result.score;
        const known = perPassage.get(id);
        const text = (known?.inText ?? false) || inText(result);
        if (!known || known.score < score) perPassage.set(id, { score, direct: known?.direct ?? false, inText: text });
        else known.inText = text;
      }
    }
    let best = Math.max(0, ...[...perPassage.values()].map((v) => v.score));
    // "How much…?" is answered by any sentence with a price in it, "how long…?" by one with a duration.
    const implied = COST_WORDS.has(word) ? "hasMoney" : TIME_WORDS.has(word) ? "hasDuration" : null;
    if (implied) {
      best ||= 1;
      for (const passage of kb.passages) {
        if (passage[implied] && (perPassage.get(passage.id)?.score ?? 0) < best) {
          perPassage.set(passage.id, { score: best, direct: perPassage.get(passage.id)?.direct ?? false, inText: true });
        }
      }
    }
    const weight = Math.log(1 + total / Math.max(0.5, perPassage.size)) * (background.has(word) ? CONTEXT_WEIGHT : 1);
    possible += weight;
    if (best === 0) continue;
    for (const [id, { score, direct, inText }] of perPassage) {
      const entry = scores.get(id) ?? scores.set(id, { score: 0, matched: new Set(), covered: new Set(), answered: new Set() }).get(id)!;
      entry.score += weight * (score / best);
      entry.covered.add(word);
      if (direct) entry.matched.add(word);
      if (inText) entry.answered.add(word);
    }
  }
  const hits: KnowledgeHit[] = [];
  for (const [id, { score: raw, matched, covered, answered }] of scores) {
    const passage = kb.passages[id];
    if (!passage) continue;
    const source = sourceOf(passage);
    if (query.only && !query.only.includes(source)) continue;
    let score = raw;
    if (query.prefer && query.prefer.length > 0) score *= query.prefer.includes(source) ? 1.3 : 0.75;
    hits.push({ passage, score, relevance: raw / possible, matched: [...matched], covered: [...covered], answered: [...answered] });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** Passages that answer `question`, best first. */
export function searchKnowledge(shop: Pick<ShopProfile, "policies" | "faqs">, question: string, query: KnowledgeQuery = {}): KnowledgeHit[] {
  const kb = knowledgeFor(shop);
  const words = [...terms(question), ...(query.extraTerms ?? []).flatMap(terms)];
  return rawSearch(kb, words, query, (query.contextTerms ?? []).flatMap(terms))
    .slice(0, query.limit ?? 10);
}

/**
 * The 1–`max` sentences to quote for `question`: the best passage, the best one for each part of
 * a several-part question, and any others nearly as good, from as few sources as possible.
 */
export function bestPassages(
  shop: Pick<ShopProfile, "policies" | "faqs">,
  question: string,
  query: KnowledgeQuery & { max?: number } = {},
): KnowledgeHit[] {
  const max = query.max ?? 3;
  const hits = searchKnowledge(shop, question, { ...query, limit: 20 }).filter((h) => h.covered.length > 0);
  if (hits.length === 0) return [];
  const top = hits[0];
  const picked: KnowledgeHit[] = [top];
  const add = (hit: KnowledgeHit | undefined) => {
    if (!hit || picked.length >= max || picked.some((p) => p.passage.id === hit.passage.id || restates(p.passage.text, hit.passage.text))) return;
    picked.push(hit);
  };
  const clauses = question.split(CLAUSE_SPLIT).map((c) => c?.trim()).filter((c): c is string => !!c && terms(c).length > 0);
  if (clauses.length > 1) {
    for (const clause of clauses) {
      // A clause like "how much and how long?" alone matches any price or duration: it must name something.
      const best = searchKnowledge(shop, clause, { ...query, limit: 3 }).find((h) => h.answered.some((w) => !COST_WORDS.has(w) && !TIME_WORDS.has(w)));
      if (best) add(best);
    }
  }
  // An FAQ's first sentence is its direct answer: keep it with any later sentence of that FAQ.
  if (top.passage.kind === "faq" && top.passage.order > 0) {
    add(hits.find((h) => h.passage.sourceKey === top.passage.sourceKey && h.passage.order === 0 && h.score >= top.score * 0.5));
  }
  // Others nearly as good, or answering a part of the question the picked ones don't.
  const source = sourceOf(top.passage);
  for (const hit of hits.slice(1)) {
    const sameSource = sourceOf(hit.passage) === source;
    const answeredSoFar = new Set(picked.flatMap((p) => p.answered));
    const addsSomething = hit.answered.some((w) => !answeredSoFar.has(w));
    // Another sentence of the same source about everything the best one is about ("…arrived damaged" → "Damaged items: contact us…").
    const sameTopic = sameSource && top.covered.every((w) => hit.covered.includes(w));
    if (hit.score >= top.score * (sameSource ? 0.85 : 0.95) || (addsSomething && hit.score >= top.score * 0.5) || (sameTopic && hit.score >= top.score * 0.5)) add(hit);
  }
  return orderForQuoting(picked);
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
    (a, b) => sources.indexOf(sourceOf(a.passage)) - sources.indexOf(sourceOf(b.passage)) || a.passage.order - b.passage.order,
  );
}

/**
 * For an overview question ("what's your return policy?"): the best passage for each aspect a
 * good answer covers (e.g. window, condition, exclusions), from the given source.
 */
export function overviewPassages(
  shop: Pick<ShopProfile, "policies" | "faqs">,
  aspects: string[],
  query: KnowledgeQuery,
): KnowledgeHit[] {
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
// Places a shopper names, so "I'm in Texas" finds the US rules and "the UK" the countries rule

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
  "united states": "US", usa: "US", "u.s.": "US", "u.s.a.": "US", "estados unidos": "US", "etats unis": "US",
  uk: "GB", "u.k.": "GB", "united kingdom": "GB", britain: "GB", "great britain": "GB", england: "GB", scotland: "GB", wales: "GB",
  "reino unido": "GB", "royaume uni": "GB", ireland: "IE", irlanda: "IE", irlande: "IE",
  mexico: "MX", australia: "AU", australie: "AU", "new zealand": "NZ", germany: "DE", alemania: "DE", allemagne: "DE",
  france: "FR", francia: "FR", spain: "ES", espana: "ES", espagne: "ES", italy: "IT", italia: "IT", italie: "IT",
  netherlands: "NL", holland: "NL", belgium: "BE", belgique: "BE", switzerland: "CH", suisse: "CH", austria: "AT",
  sweden: "SE", norway: "NO", denmark: "DK", finland: "FI", iceland: "IS", portugal: "PT", poland: "PL", greece: "GR",
  japan: "JP", japon: "JP", china: "CN", chine: "CN", korea: "KR", india: "IN", inde: "IN", singapore: "SG",
  brazil: "BR", brasil: "BR", bresil: "BR", argentina: "AR", argentine: "AR", chile: "CL", colombia: "CO", colombie: "CO",
  peru: "PE", "south africa": "ZA", israel: "IL", uae: "AE", "hong kong": "HK", philippines: "PH", europe: "EU", europa: "EU",
};

// Longest names first, each with its pattern compiled once.
const PLACES: { name: string; code: string; pattern: RegExp }[] = [
  ...US_STATES.map((name) => ({ name, code: "US" })),
  ...CA_PLACES.map((name) => ({ name, code: "CA" })),
  ...Object.entries(COUNTRIES).map(([name, code]) => ({ name, code })),
]
  .sort((a, b) => b.name.length - a.name.length)
  .map((place) => ({ ...place, pattern: new RegExp(`(?<![a-z.])${escapeRegExp(place.name)}(?![a-z])`) }));

/** The country (ISO code) a message names or implies ("Texas" → US, "the UK" → GB), or null. */
export function mentionedCountry(text: string): { code: string; place: string } | null {
  const lower = ` ${normalize(text).replace(/[^a-z0-9. ]+/g, " ")} `;
  for (const { name, code, pattern } of PLACES) {
    if (pattern.test(lower)) return { code, place: name };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The answer to a question no intent covers with a fixed field

/** Below this share of the question answered, the best passage isn't an answer. */
export const MIN_ANSWER_RELEVANCE = 0.25;

/** The sentences that answer `question` from the shop's own text, best first; [] when nothing does. */
export function shopAnswer(shop: Pick<ShopProfile, "policies" | "faqs">, question: string): KnowledgeHit[] {
  const hits = bestPassages(shop, question, { max: 3 });
  if (hits.length === 0 || Math.max(...hits.map((h) => h.relevance)) < MIN_ANSWER_RELEVANCE) return [];
  return hits;
}

/** Where a quoted sentence came from, for the merchant and the evaluation. */
export function sourceLabel(passage: Passage): string {
  return passage.kind === "faq" ? `FAQ: ${passage.sourceTitle}` : passage.sourceKey;
}
