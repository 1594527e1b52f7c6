/**
 * Text processing shared by the index and the queries: stop words (shared and per language), the
 * one-way widening of support words, stems, and a text's index terms through the bilingual
 * support vocabulary (lexicon.ts), so a question and the shop's text meet in the same terms.
 */
import { formsOnlyIn, pivotOf, replacePhrases, NOT_AN_ASPECT } from "./lexicon";
import { stemIn } from "./stemming";
import { detectLanguage, languageScores, LANGUAGES, normalize, tokenize, type Language } from "../preprocess";

const STOP_WORDS = new Set(
  (
    "a an the and or but so of to in on at for from with by about as into than then this that these those " +
    "i im me my mine we us our ours you your yours he him his she her it its they them their there here " +
    "am is are was were be been being do does did doing have has had having will would shall should could can may might must " +
    "up today tonight hoy just really very also too please pls plz thanks thank hey hello hi oh ok okay um uh like well some any anything something " +
    "what whats which who whom whose how when where why if not no yes " +
    // Not "need": "what do I need for the course?" is answered by what the shop says is needed ("necesitas…").
    "tell know want wanted get got let lets go going make give say says said see look looking find found several various " +
    "policy policies question questions detail details think ever nothing last still actually take takes many item items thing things stuff product products something " +
    "doesnt dont didnt isnt arent wasnt wont havent hasnt cant cannot couldnt wouldnt shouldnt " +
    // Spanish and French function words (support words are mapped to English, see knowledge/lexicon.ts)
    "el la los las un una unos unas y o pero de del al en con por para sobre como que se mi mis tu tus su sus yo me te le les lo " +
    "nos es son fue ser estar esta este esto hay muy tambien ya favor gracias hola cual cuales puedo puede tengo quiero " +
    "le les du des et ou mais au aux dans sur par avec qui ce cet cette ces je moi toi il elle on nous vous ils elles mon ma mes " +
    "une ton ta tes son sa ses notre votre leur est sont etre avoir ai as ont suis tres aussi svp merci bonjour quel quelle quels pour " +
    "quelles puis peux veux " +
    // French elisions the tokenizer leaves as words ("qu'il", "jusqu'à", "lorsqu'on")
    "qu jusqu jusqua lorsqu puisqu quoiqu " +
    "si mas menos otra otro otros otras algo algun alguna cuando donde porque tiene tienen hacer hacen hago puedes pueden debo " +
    "plus moins autre autres quand ou pourquoi faire fait faites font dois doit pouvez peut peuvent avez ai-je est-ce ca cela " +
    "ete meme memes deja encore tout tous toute toutes mismo misma mismos ya aun todo todos toda todas " +
    // "take" in every language ("vous prenez l'Amex ?", "¿toman Amex?"): the words after it say what is asked.
    "prendre prenez prends prend prenons tomar toman toma tomamos " +
    // "I forgot my password": what was forgotten is what is asked, in every language.
    "forgot forget forgotten oublie oubliee oublier olvide olvido olvidar " +
    // "it keeps asking me for a code": the asking is not what is asked.
    "ask asks asking asked"
  ).split(" "),
);

/** Function words of one language only: "comment" is "how" in French but a word in English. */
const LANGUAGE_STOP_WORDS: Record<Language, Set<string>> = {
  en: new Set(
    (
      "somewhere anywhere everywhere anyone someone now another same each use uses using every both own such whether happen happens happened " +
      // Contractions and fillers of a message as people type it ("there's no link", "ugh", "I live in the US").
      "thats theres heres hows whos wheres ive youre youve weve theyre ugh hmm anyway anyways clearly basically maybe perhaps probably usually already went came live " +
      // "how long till it shows up": the span is asked by "how long", not by the word that ends it.
      "till til until"
    ).split(" "),
  ),
  es: new Set(
    (
      "desde hasta quien quienes uso usa usan usas usar usando pueda puedan podria podrian podemos podre ser sera seria serian sea sean soy somos estan estoy estas " +
      "estamos haya he ha han hemos tiene tienes tenemos tenga va van vamos voy nuestro nuestra nuestros nuestras usted ustedes " +
      "ellos ellas ella ese esa esos esas eso aqui alli ahi asi entonces cosa cosas " +
      "tan nada rato todavia ayer diciendo dice dicen vivo vive viven vivimos quisiera gustaria pues bueno oye quizas quiza"
    ).split(" "),
  ),
  fr: new Set(
    (
      "vos nos leurs comment chez sera serai serait seront seraient etait etaient suis es sommes etes ne pas quoi dont ici lui " +
      "y vont va aller sais savoir chose choses " +
      "voudrais voudrait voudrions voudriez aimerais aimerait souhaite souhaiterais contre habite habites habitons habitez bout etais etait pu peu fais maintenant finalement vraiment"
    ).split(" "),
  ),
};

/** English verbs whose past forms no stemmer reaches ("I wore them once", "chats are kept"): the base form. */
const IRREGULAR_FORMS: Record<string, string> = Object.assign(
  Object.create(null),
  Object.fromEntries(
    (
      "wear:wore,worn send:sent pay:paid leave:left keep:kept bring:brought run:ran sell:sold spend:spent " +
      "write:wrote,written fall:fell,fallen steal:stole,stolen choose:chose,chosen shrink:shrank,shrunk " +
      "catch:caught feel:felt hold:held stand:stood buy:bought begin:began,begun hear:heard mean:meant"
    )
      .split(" ")
      .flatMap((entry) => {
        const [base, forms] = entry.split(":");
        return forms.split(",").map((form) => [form, base]);
      }),
  ),
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
// "Can it arrive tomorrow / before the weekend?" asks how fast.
expand("tomorrow weekend", "express");
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
  if (language === "en") word = IRREGULAR_FORMS[word] ?? word;
  const pivot = pivotOf(word, language) ?? (language === "en" ? superlativeOf(word) : null);
  return pivot ? stemIn(pivot, "en") : stemIn(word, language);
}

/**
 * "the cheapest shipping", "your quickest delivery": an English superlative asks what its adjective
 * does, when the vocabulary or the widening knows the adjective ("cheap", "quick" as express, "soon").
 */
function superlativeOf(word: string): string | null {
  if (!word.endsWith("est") || word.length < 7) return null;
  const base = word.slice(0, -3);
  const candidates = [base, base.endsWith("i") ? `${base.slice(0, -1)}y` : "", base.replace(/([bdglmnprt])\1$/, "$1")];
  for (const candidate of candidates.filter(Boolean)) {
    const known = pivotOf(candidate, "en") ?? (EXPANSIONS[stemIn(candidate, "en")] ? candidate : null);
    if (known) return known;
  }
  return null;
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
  // No function word nor accent says the language ("aceptan paypal", "envian a canada?"): the support
  // vocabulary's forms of only one language do ("aceptan" is Spanish), where they outnumber the English ones.
  if (scores.en === 0 && scores.es === 0 && scores.fr === 0) {
    const [en, es, fr] = (["en", "es", "fr"] as const).map((l) => formsOnlyIn(tokens, l));
    if (Math.max(es, fr) > en && es !== fr) return es > fr ? "es" : "fr";
  }
  if (scores.es > scores.en && scores.es === scores.fr) {
    const [es, fr] = [formsOnlyIn(tokens, "es"), formsOnlyIn(tokens, "fr")];
    if (es !== fr) return es > fr ? "es" : "fr";
  }
  return detectLanguage(text, tokens);
}

/** A word that says nothing about what is asked, in its own language or through its English pivot ("política" as "policy"). */
function isStopWord(word: string, language: Language): boolean {
  if (STOP_WORDS.has(word) || LANGUAGE_STOP_WORDS[language].has(word)) return true;
  const pivot = pivotOf(word, language);
  return pivot !== null && STOP_WORDS.has(pivot);
}

export const isContentWord = (word: string, language: Language) =>
  !isStopWord(word, language) && (word.length > 1 || /\d/.test(word));

/** The index terms of a text: words minus stop words, each to its term (see termOf). */
export function terms(text: string, language?: Language): string[] {
  if (text.length > MAX_REMEMBERED_TEXT) return textTerms(text, language ?? languageOf(text));
  // Without a language the text's own decides it, so the text alone is the key.
  const key = `${language ?? ""}\u0000${text}`;
  let found = rememberedTerms.get(key);
  if (!found) {
    found = textTerms(text, language ?? languageOf(text));
    if (rememberedTerms.size >= REMEMBERED_TEXTS) rememberedTerms.delete(rememberedTerms.keys().next().value!);
    rememberedTerms.set(key, found);
  }
  return [...found];
}

// A message's text goes through terms() at several stages, and the answers' fixed topic words on
// every message: the terms of the last short texts are remembered (they depend on the text alone,
// the vocabulary being fixed once loaded). Long texts (a shop's passages) are indexed once anyway.
const REMEMBERED_TEXTS = 512;
const MAX_REMEMBERED_TEXT = 500;
const rememberedTerms = new Map<string, string[]>();

function textTerms(text: string, language: Language): string[] {
  return textWords(text)
    .filter((w) => isContentWord(w, language))
    .map((w) => termOf(w, language));
}

/** A word of the question: its term, and the forms it may take in a text of another language. */
export interface QueryWord {
  key: string;
  variants: string[];
  /** Its share of one concept: each word of "United States" counts half, the place once. */
  share?: number;
  /** A support word the lexicon knows (return, wash, size, ship): what the question is about, not a detail of it. */
  aspect?: boolean;
}

/** English spellings Spanish and French write otherwise: "ch", "ph", "th", "y" inside a word, "k". */
const ROMANCE_SPELLINGS: [RegExp, string][] = [
  [/ph/g, "f"],
  [/th/g, "t"],
  [/ch/g, "c"],
  [/(?<=.)y/g, "i"],
  [/k/g, "c"],
];

/** The Spanish and French stems of an English word respelt as those languages write its kin ("system": "sistem"). */
function cognatesOf(word: string, language: Language): string[] {
  if (language !== "en") return [];
  const respelt = ROMANCE_SPELLINGS.reduce((w, [spelling, romance]) => w.replace(spelling, romance), word);
  return respelt === word ? [] : [stemIn(respelt, "es"), stemIn(respelt, "fr")];
}

export function queryWords(text: string, language: Language): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of textWords(text).filter((w) => isContentWord(w, language))) {
    const key = termOf(word, language);
    // A word the vocabulary doesn't know (a name, "Ardoise", "OXXO") is written the same in every language.
    // An English word is also looked for as Spanish and French spell its kin ("characters": "caractères").
    const pivot = pivotOf(word, language);
    const variants = pivot
      ? [key]
      : [...new Set([key, ...LANGUAGES.map((l) => stemIn(word, l)), ...cognatesOf(word, language)])];
    // A support word the lexicon knows is what the question asks about (search.ts weighs it more).
    const aspect = pivot !== null && !NOT_AN_ASPECT.has(pivot);
    if (!words.some((w) => w.key === key)) words.push({ key, variants, aspect });
  }
  return words;
}
