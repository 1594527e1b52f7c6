/** What retrieval over the shop's own text reads and returns (see knowledge.ts). */
import type { Reading, TopicReader } from "./topics";
import type MiniSearch from "minisearch";
import type { Product, ShopPage } from "../../commerce/types";
import type { Language } from "../preprocess";
import type { ShopProfile } from "../types";

/** What the shop has written: policies, FAQs and pages (the profile), and optionally its active products. */
export type ShopTexts = Pick<ShopProfile, "policies" | "faqs"> & { pages?: ShopPage[]; name?: string };

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
  /** Names a day of the week ("martes y viernes", "Monday–Saturday"): the answer to "what days…?". */
  hasWeekday: boolean;
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
  /** A product's sentence, and the question names that product. */
  named?: boolean;
}

export interface KnowledgeBase {
  passages: Passage[];
  index: MiniSearch<IndexedPassage>;
}

export interface IndexedPassage {
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
  /** The intent model's reading of the question, and its reader for the passages' topics. */
  topics?: { asked: Reading; read: TopicReader };
}
