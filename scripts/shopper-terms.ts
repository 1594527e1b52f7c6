/**
 * The shopper-word frequencies the app ships (app/chat/knowledge/shopper-term-frequencies.json),
 * counted over the intent corpus without the dev stores' made-up names. The corpus was written
 * against those stores, so a customer's name, a made-up product word or a discount code occurs in
 * it dozens of times; counted, it would weigh less in a question than any other shop's names do.
 * Only words no dictionary knows ("Okafor", "Tzintzuntzan", "Basecamp") and discount codes are left
 * out. A name that is also a dictionary word ("Alpine", "Summit", "Ridgeline", "Glacier", a city)
 * stays counted: the counts can't tell the name from the word, so those still weigh a little less
 * than in another shop's questions.
 */
import fs from "node:fs";
import { readCorpus } from "../app/chat/intent/engine";
import { countTermFrequencies, type TermFrequencies } from "../app/chat/knowledge/question-similarity";
import { terms, textWords } from "../app/chat/knowledge/text";
import { isKnownWord } from "../app/chat/knowledge/known-words";
import { LANGUAGES } from "../app/chat/preprocess";
import { DEV_STORES } from "../demo/dev-stores";

interface Snapshot {
  shop: { name: string };
  products: { title: string; vendor?: string }[];
  customers?: { firstName?: string; lastName?: string }[];
  discounts?: { code?: string }[];
}

/**
 * "Okafor", "Tzintzuntzan": no dictionary has them. Numbers ("2", "500"), units and
 * abbreviations ("ml", "oz", "co") and a plural written without its apostrophe ("womens") are ordinary.
 */
const isMadeUp = (word: string) =>
  word.length > 2 && !/\d/.test(word) && !isKnownWord(word) && !isKnownWord(word.replace(/s$/, ""));
const termsInAnyLanguage = (text: string) => LANGUAGES.flatMap((language) => terms(text, language));

/** The terms that name something in a dev store: the shop, a vendor, a customer, a code, and the made-up words of its titles and customers' names. */
export function devStoreNameTerms(): Set<string> {
  const names = new Set<string>();
  for (const file of Object.values(DEV_STORES)) {
    const store = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
    const named = [
      store.shop.name,
      ...store.products.flatMap((p) => [p.title, p.vendor ?? ""]),
      ...(store.customers ?? []).flatMap((c) => [c.firstName ?? "", c.lastName ?? ""]),
    ].flatMap((text) => textWords(text).filter(isMadeUp));
    named.push(...(store.discounts ?? []).map((d) => d.code ?? ""));
    for (const term of named.flatMap(termsInAnyLanguage)) names.add(term);
  }
  return names;
}

export function shopperTermFrequencies(): TermFrequencies {
  const counted = countTermFrequencies(readCorpus().map((e) => e.text));
  const names = devStoreNameTerms();
  const df = Object.fromEntries(
    Object.entries(counted.df)
      .filter(([term]) => !names.has(term))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return { documents: counted.documents, df };
}
