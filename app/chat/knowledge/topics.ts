/**
 * What a question and a passage are about, as the intent model reads them: a shopper who asks
 * "how long do I have to send something back if it doesn't work out?" uses none of the words of
 * "you can return it within 30 days of delivery", but the model reads both the question and the
 * FAQ it comes from ("What's your return policy?") as return_policy. The model was trained on
 * thousands of paraphrases, so it knows what words alone don't. A passage's topic is the model's
 * reading of its FAQ question or page title; a policy's is what Shopify's policy type is for. A
 * product's description has none here: which product is asked is for its name to say.
 */
import type { Passage } from "./types";

/** An intent reading: each label the model considers, with its probability. */
export type Reading = ReadonlyMap<string, number>;
/** Reads a text's intents (the shop's own model, or the shipped one). */
export type TopicReader = (text: string) => Reading;

/** What each Shopify policy type answers, in intent labels. */
const POLICY_TOPICS: Record<string, string[]> = {
  REFUND_POLICY: ["return_policy", "return_item", "refund_status", "exchange_item"],
  SHIPPING_POLICY: ["shipping_options", "track_order", "change_shipping_address"],
  PRIVACY_POLICY: ["account_help"],
  TERMS_OF_SERVICE: ["payment_methods", "payment_issue", "discount_code", "get_invoice"],
  CONTACT_INFORMATION: ["human_agent"],
};

// Per reader (a retrained model reads differently), per passage: read once.
const readings = new WeakMap<TopicReader, WeakMap<Passage, Reading>>();

export function topicOf(passage: Passage, read: TopicReader): Reading {
  let byPassage = readings.get(read);
  if (!byPassage) readings.set(read, (byPassage = new WeakMap()));
  let topic = byPassage.get(passage);
  if (!topic) {
    if (passage.kind === "faq" || passage.kind === "page") topic = read(passage.sourceTitle);
    // Every product question reads as product_info and every description is about a product: no evidence.
    else if (passage.kind === "product") topic = new Map();
    else topic = new Map((POLICY_TOPICS[passage.sourceKey] ?? []).map((intent) => [intent, 1]));
    byPassage.set(passage, topic);
  }
  return topic;
}

/** How far the question's reading and the passage's topic agree: 0 (apart) to 1 (both surely one label). */
export function topicAgreement(asked: Reading, passage: Passage, read: TopicReader): number {
  let agreement = 0;
  for (const [intent, share] of topicOf(passage, read)) agreement += (asked.get(intent) ?? 0) * share;
  return agreement;
}

interface Classifier {
  classify(text: string): {
    predicted: string;
    confidence: number;
    alternatives: { intent: string; confidence: number }[];
  };
}

/** The model's reading of a classification: its own best guess (even below the fallback threshold) and the runners-up. */
export function readingOf(result: ReturnType<Classifier["classify"]>): Reading {
  const reading = new Map([[result.predicted, result.confidence]]);
  for (const { intent, confidence } of result.alternatives) if (!reading.has(intent)) reading.set(intent, confidence);
  return reading;
}

const readers = new WeakMap<Classifier, TopicReader>();
/** One reader per model, so the passages' topics are read once per model. */
export function topicReader(classifier: Classifier): TopicReader {
  let reader = readers.get(classifier);
  if (!reader) readers.set(classifier, (reader = (text) => readingOf(classifier.classify(text))));
  return reader;
}
