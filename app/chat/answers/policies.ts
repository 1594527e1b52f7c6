/**
 * Answers from the shop's written policies and FAQs (see ../knowledge.ts): quote the 1–3
 * sentences that answer the question, link the full policy, never paste it whole, and say so
 * when the shop's texts don't answer it. Quoted sentences stay in the shop's own language.
 */
import type { Intent } from "../intent/labels";
import { defineMessages, LOCALES, t } from "../i18n";
import { joinList } from "../format";
import {
  answers,
  bestPassages,
  mentionedCountry,
  namesOfRegion,
  orderForQuoting,
  overviewPassages,
  placeAsked,
  searchKnowledge,
  terms,
  type KnowledgeHit,
  type Passage,
} from "../knowledge";
import { normalize, type Language } from "../preprocess";
import type { Answer, Lookup, Turn } from "../types";
import type { Product } from "../../commerce/types";
import { excludedKindNote } from "./shop-rules";
import { searchCatalog } from "./product/resolve";
import { factsFor } from "../shop/facts";
import { catalogTerms } from "../catalog/search";
import { isFinalSale } from "../policy/returns";
import { returnPostageRule } from "../policy/shop-sentences";
import { knowledgeFor } from "../knowledge/passages";
import { asksReturnPostage } from "../intent/policy-follow-ups";

const M = defineMessages({
  payment_order_note: {
    en: "Note on your order: {note}",
    es: "Nota de tu pedido: {note}",
    fr: "Note sur votre commande : {note}",
  },
  policy_link: {
    en: "Full policy: {url}",
    es: "Política completa: {url}",
    fr: "Politique complète : {url}",
  },
  quoted_in_english: {
    en: "",
    es: "Esto es lo que dicen nuestras condiciones (en inglés):",
    fr: "Voici ce que disent nos conditions (en anglais) :",
  },
  knowledge_unknown: {
    en: "I don't see an answer to that in our policies or FAQs, and I'd rather not guess. A person from our team can help: {email}.",
    es: "No encuentro la respuesta en nuestras políticas ni en las preguntas frecuentes, y prefiero no adivinar. Una persona de nuestro equipo puede ayudarte: {email}.",
    fr: "Je ne trouve pas la réponse dans nos conditions ni dans notre FAQ, et je préfère ne pas deviner. Une personne de notre équipe peut vous aider : {email}.",
  },
  no_policy: {
    en: "I don't have our {topic} to hand, and I'd rather not guess. A person from our team can answer: {email}.",
    es: "No tengo a mano nuestra {topic} y prefiero no adivinar. Una persona de nuestro equipo puede responderte: {email}.",
    fr: "Je n'ai pas notre {topic} sous la main et je préfère ne pas deviner. Une personne de notre équipe peut vous répondre : {email}.",
  },
  ship_not_to_country: {
    en: "Sorry, {country} isn't one of the places we ship to.",
    es: "Lo siento, {country} no está entre los destinos a los que enviamos.",
    fr: "Désolé, {country} ne fait pas partie des destinations où nous livrons.",
  },
  no_shipping_needed: {
    en: "What needs no shipping can be bought from anywhere: {products}.",
    es: "Lo que no necesita envío se puede comprar desde cualquier lugar: {products}.",
    fr: "Ce qui ne nécessite pas de livraison peut être acheté de partout : {products}.",
  },
  ship_to_country: {
    en: "Yes, we ship to {place}.",
    es: "Sí, enviamos a {place}.",
    fr: "Oui, nous livrons vers {place}.",
  },
  product_final_sale: {
    en: "The {title} is final sale, so it can't be returned or exchanged.",
    es: "{title} es de venta final, así que no admite devoluciones ni cambios.",
    fr: "{title} est vendu en solde final : il ne peut être ni retourné ni échangé.",
  },
  ships_to: {
    en: "We ship to: {countries}.",
    es: "Enviamos a: {countries}.",
    fr: "Nous livrons vers : {countries}.",
  },
  payment_declined: {
    en: "Whether a card payment goes through is decided by your bank or card issuer, and I can't see why it was declined. You can try again, or pay another way:",
    es: "Si un pago con tarjeta pasa o no lo decide tu banco o el emisor de la tarjeta, y no puedo ver por qué fue rechazado. Puedes intentarlo de nuevo o pagar de otra forma:",
    fr: "C'est votre banque ou l'émetteur de la carte qui accepte ou refuse un paiement, et je ne vois pas pourquoi il a été refusé. Vous pouvez réessayer, ou payer autrement :",
  },
  topic_return_policy: { en: "return policy", es: "política de devoluciones", fr: "politique de retour" },
  topic_shipping_policy: { en: "shipping policy", es: "política de envíos", fr: "politique de livraison" },
  topic_payments: { en: "payment information", es: "información de pagos", fr: "informations de paiement" },
  topic_account: { en: "account help", es: "ayuda con la cuenta", fr: "aide sur le compte" },
});

interface Topic {
  /** The topic's own words: a question that uses one is answered by a sentence that says it. */
  subject: string;
  /** Where answers come from first: policy types and/or "FAQ". */
  prefer: string[];
  /** The policy that must exist for an overview; "FAQ" topics have none. */
  policy?: string;
  /** Words that only name the topic: a question made only of these asks for an overview. */
  topicWords: string;
  /** What an overview covers, one aspect per quoted sentence. */
  aspects: string[];
  /** The same aspects in the shopper's language, so a shop writing in both quotes its own version. */
  aspectsIn?: Partial<Record<Language, string[]>>;
  missing: string;
}

const TOPICS: Partial<Record<Intent, Topic>> = {
  return_policy: {
    subject: "return refund exchange",
    prefer: ["REFUND_POLICY", "FAQ"],
    policy: "REFUND_POLICY",
    topicWords: "return returns refund refunds policy rules work how",
    // Every return policy answers: how long, in what condition, what can't come back, and who pays the postage back.
    aspects: [
      "return within days of delivery",
      "items must be unworn unused with original tags condition",
      "final sale items cannot be returned or exchanged",
      "return postage paid by the customer",
    ],
    // The same four aspects in each language's common words, not any shop's own wording.
    aspectsIn: {
      es: [
        "plazo días devolución reembolso desde la entrega o la compra",
        "condiciones estado sin usar sin estrenar nuevo etiquetas empaque original",
        "excepciones no se aceptan devoluciones ni cambios venta final",
        "gastos costo del envío de la devolución a cargo del cliente",
      ],
      fr: [
        "retourner un article dans les jours à compter de la livraison ou de la commande remboursement",
        "conditions état neuf non porté non utilisé étiquettes emballage d'origine",
        "exceptions exclusions articles soldés ne sont pas repris échangés ou remboursables vente finale",
        "frais de retour à la charge du client",
      ],
    },
    missing: M.topic_return_policy,
  },
  shipping_options: {
    subject: "ship delivery",
    prefer: ["SHIPPING_POLICY", "FAQ"],
    policy: "SHIPPING_POLICY",
    topicWords: "ship shipping deliver delivery option options method methods policy rules work how",
    aspects: [
      "standard shipping business days cost free orders",
      "express shipping business days",
      "we ship to countries only",
    ],
    missing: M.topic_shipping_policy,
  },
  payment_methods: {
    subject: "payment",
    prefer: ["FAQ", "TERMS_OF_SERVICE"],
    topicWords: "pay payment payments method methods option options accept way ways",
    aspects: ["payment methods we accept cards"],
    aspectsIn: { es: ["formas de pago que aceptamos tarjetas"], fr: ["moyens de paiement que nous acceptons cartes"] },
    missing: M.topic_payments,
  },
  payment_issue: {
    subject: "payment charge",
    prefer: ["FAQ", "TERMS_OF_SERVICE"],
    topicWords: "payment problem issue card",
    aspects: ["card charged payment authorization"],
    missing: M.topic_payments,
  },
  account_help: {
    subject: "account login password code",
    prefer: ["FAQ", "PRIVACY_POLICY"],
    topicWords: "account help",
    aspects: ["sign in account email code password"],
    missing: M.topic_account,
  },
};

// "How long is the return window?", "c'est quoi le délai de retour ?", "¿cuántos días tengo para devolver?" (accents folded).
const RETURN_WINDOW_ASKED =
  /\b(?:return window|window (?:for|to) (?:return|send)\w*|how long (?:do i have|have i got|is the (?:return )?window|is the return period|can i (?:return|send|keep)|to (?:return|send)|for (?:a )?returns?)|how many days|time limit|delai(?! de (?:livraison|remboursement|traitement|reponse))|combien de (?:jours|temps) (?:ai-je|j'ai|pour (?:retourner|renvoyer|rendre|echanger|faire un retour|un retour))|plazo|cuantos dias|cuanto tiempo (?:tengo|hay) para (?:devolver|regresar|cambiar|hacer)|hasta cuando (?:puedo|tengo))\b/;

/** Whether a return-rules question asks how long the shopper has to return (normalized text). */
export function asksReturnWindow(normalized: string): boolean {
  return RETURN_WINDOW_ASKED.test(normalized);
}

// "Can I return / send back / exchange a …?" (accents folded).
const RETURNS_A_THING =
  /\b(?:return|send (?:back|it back)|exchange|devolver|devuelvo|regresar|regreso|cambiar|retourner|renvoyer|rendre|echanger)\b/;

/** Below this share of the question answered, the best passage isn't an answer. */
const MIN_RELEVANCE = 0.25;

/** How many of the shop's products that need no shipping a "do you ship to X?" answer names. */
const MAX_NAMED_UNSHIPPED = 4;

/** An active product none of whose variants needs a parcel (Shopify's inventoryItem.requiresShipping). */
export function needsNoShipping(product: Product): boolean {
  return (
    product.status === "ACTIVE" &&
    product.variants.length > 0 &&
    product.variants.every((v) => v.requiresShipping === false)
  );
}

export function returnPolicy(turn: Turn): Answer {
  return knowledgeAnswer(turn, "return_policy");
}

export function paymentMethods(turn: Turn): Answer {
  return knowledgeAnswer(turn, "payment_methods");
}

/** The general answer; the pipeline adds the order's own charges when it can verify the order. */
export function paymentIssue(turn: Turn): Answer {
  if (saysPaymentDeclined(turn.pre.normalized)) {
    // A refused card: the bank decides; the help the shop can give is its other ways to pay.
    const topic = TOPICS.payment_methods!;
    const hits = relevantPassages(turn, (topic.aspectsIn?.[turn.language] ?? topic.aspects).join(" "), topic, []);
    if (hits.length > 0) return quoteAnswer(turn, hits, [t(turn.language, M.payment_declined)]);
  }
  return knowledgeAnswer(turn, "payment_issue");
}

// "my card keeps getting declined", "ma carte est refusée", "me rechazan la tarjeta" (accent-folded);
// not a double charge, which has its own rule.
const DECLINED = /\b(?:declin\w*|refus\w*|rechaz\w*|reject\w*|denied)\b/;
const CHARGED_TWICE = /\b(?:twice|double\w*|two (?:times|charges)|dos veces|doble|deux fois|deux debits)\b/;

/** The shopper says a payment or card was refused (and not that it was taken twice). */
export function saysPaymentDeclined(normalized: string): boolean {
  return DECLINED.test(normalized) && !CHARGED_TWICE.test(normalized);
}

/**
 * A payment question about one order: its total and payment state, the merchant's note marked for
 * the shopper (a transfer's deadline, a cash reference that expires), then the shop's rule. The
 * note answers what the rules may not, so with one the rules' "I don't know" is left out.
 */
export function orderPaymentAnswer(turn: Turn, general: Answer, summary: string, note: string | null): Answer {
  const noted = note ? t(turn.language, M.payment_order_note, { note }) : null;
  const unanswered = general.kind === "no_answer";
  if (noted && unanswered)
    return { ...general, text: `${summary}\n${noted}`, kind: undefined, unsure: undefined, quickReplies: undefined };
  return { ...general, text: [summary, noted, general.text].filter(Boolean).join("\n") };
}

export function accountHelp(turn: Turn): Answer {
  return knowledgeAnswer(turn, "account_help");
}

/**
 * The answer to a policy or FAQ question for `intent`: the sentences that answer it (or, for "what's
 * your return policy?", one sentence per aspect of the policy), quoted, with the policy's link.
 */
/** The postage rule is quoted on top of the sentences the question found (its exception for faulty items among them). */
const MAX_WITH_POSTAGE_RULE = 4;

// Interjections that open a follow-up ("ok,", "bon,", "bueno,", "well,") before its question.
const OPENING_FILLER = /^(?:\s*(?:ok(?:ay)?|well|so|and|bon|bref|alors|donc|et|bueno|pues|vale|y)\b[\s,.!]*)+/i;

/** "Is the beanie returnable?": the one product of the kind the message names, when the shop sells just one. */
function onlyProductOfKind(turn: Turn): Product | undefined {
  const found = searchCatalog(turn, { text: turn.pre.original, requireCategory: true });
  return found.single && found.single.status === "ACTIVE" ? found.single : undefined;
}

export function knowledgeAnswer(turn: Turn, intent: Intent): Answer {
  const topic = TOPICS[intent] ?? TOPICS.return_policy!;
  const shop = turn.ctx.shop;
  const lead: string[] = [];
  const extraTerms: string[] = [...(turn.contextTerms ?? [])];
  // A product's name says nothing the policies could match ("Can I return the Harbor Rain Shell?").
  // "bon, et vous faites des échanges ?": an opening filler is no word of the question.
  const asked = turn.pre.original.replace(OPENING_FILLER, "");
  let question = turn.entities.product && turn.productHandle ? asked.replace(turn.entities.product, " ") : asked;
  const named = turn.productHandle ? turn.ctx.productsByHandle.get(turn.productHandle) : undefined;
  // "Is the beanie returnable?": the shop's only beanie, when it is final sale, answers it.
  const onlyOfKind = !named && intent === "return_policy" ? onlyProductOfKind(turn) : undefined;
  const product = named ?? (onlyOfKind && isFinalSale(onlyOfKind) ? onlyOfKind : undefined);
  if (product && intent === "return_policy" && isFinalSale(product)) {
    lead.push(t(turn.language, M.product_final_sale, { title: product.title }));
    extraTerms.push("final sale");
  }
  // "Can I return the coffee I picked up?": the shop's exclusion for that kind of item comes first.
  const excludedKind = product && intent === "return_policy" && !isFinalSale(product) ? excludedKindNote(turn) : null;
  if (excludedKind) lead.push(excludedKind);

  // Places: "I'm in Texas" means the US rules; "the UK" means the countries we ship to.
  const place = placeAsked(shop, question);
  if (place) {
    question = normalize(question).replace(place.place, " ");
    const served = shop.shipsToCountries.includes(place.code);
    if (!served && intent === "shipping_options" && shop.shipsToCountries.length > 0) {
      // Where it does ship, from the shop's own settings, whatever its texts say.
      const countries = joinList(
        shop.shipsToCountries.map((code) => regionName(code, turn)),
        turn.language,
      );
      lead.push(
        `${t(turn.language, M.ship_not_to_country, { country: regionName(place.code, turn) })} ${t(turn.language, M.ships_to, { countries })}`,
      );
      // Courses, e-books, gift cards: what the shop sells without a parcel reaches any country.
      const unshipped = [...turn.ctx.productsByHandle.values()].filter(needsNoShipping).slice(0, MAX_NAMED_UNSHIPPED);
      if (unshipped.length > 0)
        lead.push(
          t(turn.language, M.no_shipping_needed, {
            products: joinList(
              unshipped.map((p) => p.title),
              turn.language,
            ),
          }),
        );
      // What the shop says about where it ships is the answer; the rest of the question isn't.
      question = "";
      // The sentence that names where the shop ships (or the asked country among those it doesn't).
      // Country names in every language the shop may write in ("Spain", "España"), so its text in the shopper's language is found.
      const served = shop.shipsToCountries.length <= 4 ? shop.shipsToCountries.flatMap(namesOfRegion) : [];
      extraTerms.push(
        ["we ship deliver to other countries outside only", ...namesOfRegion(place.code), ...served].join(" "),
      );
    } else if (served) {
      // Shipping policies name the country in their headings ("United States:", "Canada:"); return rules say "US address".
      extraTerms.push(
        intent === "shipping_options" || place.code !== "US" ? regionName(place.code, turn, "en") : "usa",
      );
      if (intent === "shipping_options" && /\b(?:ship|deliver|send|envi|livr|exp[eé]di)/i.test(turn.pre.original)) {
        lead.push(t(turn.language, M.ship_to_country, { place: placeName(place, turn) }));
      }
    }
  }

  const hasPolicy = !!topic.policy && shop.policies.some((p) => p.type === topic.policy);
  let hits: KnowledgeHit[];
  if (lead.length > 0 && !question)
    hits = bestPassages(shop, question, { prefer: topic.prefer, extraTerms, max: 3, quoteLanguage: turn.language });
  else if (isOverview(question, topic) && extraTerms.length === 0 && hasPolicy) hits = overview(turn, topic);
  else hits = relevantPassages(turn, question, topic, extraTerms);
  // "ugh, so I pay the shipping back myself??": when the shopper's own words find nothing, the words
  // the conversation gives the question (who pays a return's postage) still do.
  if (hits.length === 0 && turn.contextTerms?.length)
    hits = relevantPassages(turn, turn.contextTerms.join(" "), topic, []);
  // "How long is the return window?" seldom shares a word with the shop's "within N days of delivery":
  // the window's own sentence (the one an overview quotes for it) comes first, when the shop states one.
  if (intent === "return_policy" && hasPolicy && asksReturnWindow(turn.pre.normalized) && factsFor(shop).returnWindow) {
    const window = overview(turn, topic, 1);
    hits = orderForQuoting(firstThen(window, hits).slice(0, 3));
  }
  // "Can I return the Aster jacket?", "can I return a backpack?": the general rules (window, condition)
  // apply to that product, or to that kind of thing the shop sells.
  const namesKind =
    !product && RETURNS_A_THING.test(turn.pre.normalized) && catalogTerms(turn.ctx.catalog, question).kinds.length > 0;
  if (
    (product || namesKind) &&
    intent === "return_policy" &&
    !(product && isFinalSale(product)) &&
    !excludedKind &&
    hasPolicy
  ) {
    const rules = overview(turn, topic, 2);
    // For a kind of thing, what the question itself found (an exclusion of lit candles) is kept first.
    const merged = namesKind ? firstThen(hits, rules) : firstThen(rules, hits);
    hits = orderForQuoting(merged.slice(0, 3));
  }

  // The shopper's own order went to one place: a rule the shop writes per destination is the one for it.
  const country = place ? null : destinationInFocus(turn);
  if (country && intent === "return_policy") hits = forDestination(hits, country);
  // "Is the return postage on me?": the shop's own rule on who pays comes first, not its exception for faulty items.
  const postage =
    intent === "return_policy" && asksReturnPostage(turn.pre.original) ? returnPostageFor(turn, country) : null;
  if (postage) {
    const rule: KnowledgeHit = { passage: postage, score: 1, relevance: 1, matched: [], covered: [], answered: [] };
    hits = orderForQuoting(firstThen([rule], hits).slice(0, MAX_WITH_POSTAGE_RULE));
  }

  if (hits.length === 0) {
    if (lead.length > 0) {
      return {
        text: lead.join(" "),
        lookups: [{ kind: "policy", ref: "shipsToCountries", outcome: "not served" }],
      };
    }
    const missing = topic.policy && !shop.policies.some((p) => p.type === topic.policy);
    return {
      text: missing
        ? t(turn.language, M.no_policy, { topic: t(turn.language, topic.missing), email: shop.email })
        : t(turn.language, M.knowledge_unknown, { email: shop.email }),
      kind: "no_answer",
      quickReplies: [t(turn.language, "talk_to_person")],
      lookups: [{ kind: topic.policy ? "policy" : "faq", ref: topic.policy ?? "FAQs", outcome: "no answer found" }],
      unsure: "unknown",
    };
  }
  return quoteAnswer(turn, hits, lead);
}

/**
 * One sentence per aspect of the topic's policy, found with the aspects in the shopper's language when
 * that quotes more of the shop's text in it than the English ones do.
 */
function overview(turn: Turn, topic: Topic, count = topic.aspects.length): KnowledgeHit[] {
  const query = { only: [topic.policy!], quoteLanguage: turn.language };
  const english = overviewPassages(turn.ctx.shop, topic.aspects.slice(0, count), query);
  const local = topic.aspectsIn?.[turn.language];
  if (!local) return english;
  const own = overviewPassages(turn.ctx.shop, local.slice(0, count), query);
  const inLanguage = (hits: KnowledgeHit[]) => hits.filter((h) => h.passage.language === turn.language).length;
  return ownVersions(turn, topic, inLanguage(own) > inLanguage(english) ? own : english);
}

/** Below this share of another language's sentence said by one in the shopper's, it isn't the same rule. */
const SAME_SENTENCE_SHARE = 0.3;

/**
 * A shop that writes its policy twice: an aspect found in the other version gives way to the sentence
 * of the shopper's version that says most of the same (the index maps words across languages).
 */
function ownVersions(turn: Turn, topic: Topic, hits: KnowledgeHit[]): KnowledgeHit[] {
  const taken = new Set(hits.map((h) => h.passage.id));
  const swapped = hits.map((hit) => {
    if (hit.passage.language === turn.language) return hit;
    const same = searchKnowledge(turn.ctx.shop, hit.passage.text, {
      only: [topic.policy!],
      language: hit.passage.language,
      quoteLanguage: turn.language,
      limit: 10,
    }).find(
      (h) => h.passage.language === turn.language && !taken.has(h.passage.id) && h.relevance >= SAME_SENTENCE_SHARE,
    );
    if (!same) return hit;
    taken.add(same.passage.id);
    return same;
  });
  return swapped.sort((a, b) => a.passage.order - b.passage.order);
}

function relevantPassages(turn: Turn, question: string, topic: Topic, extraTerms: string[]): KnowledgeHit[] {
  const hits = bestPassages(turn.ctx.shop, question, {
    prefer: topic.prefer,
    subject: topic.subject,
    extraTerms,
    max: 3,
    language: turn.language,
  });
  if (hits.length === 0) return [];
  const top = hits.reduce((a, b) => (b.relevance > a.relevance ? b : a));
  if (!answers(top, MIN_RELEVANCE)) return [];
  // Return rules are written rule for rule in each version; a shipping version may say in one
  // sentence what the other says in two ("We bake on Mondays: orders leave within…"), so it stays whole.
  return topic.policy === "REFUND_POLICY"
    ? inShoppersLanguage(turn, hits, question, { prefer: topic.prefer, extraTerms })
    : hits;
}

/** Below this share of the quoted sentence's score, its version in the shopper's language isn't the same rule. */
const SAME_RULE_SHARE = 0.3;

/**
 * A shop that writes its rules twice ("…English version"): each quoted sentence swapped for the same
 * source's best sentence in the shopper's language, when that one matches the question nearly as well
 * (often it says the rule under a heading that carries the rule's words: "Frais de retour : à votre charge.").
 */
export function inShoppersLanguage(
  turn: Turn,
  hits: KnowledgeHit[],
  question: string,
  query: { prefer: string[]; extraTerms?: string[] },
): KnowledgeHit[] {
  if (hits.every((h) => h.passage.language === turn.language)) return hits;
  const found = searchKnowledge(turn.ctx.shop, question, { ...query, language: turn.language, limit: 20 });
  const swapped = hits.map((hit) => {
    if (hit.passage.language === turn.language) return hit;
    const own = found.find(
      (h) =>
        h.passage.language === turn.language &&
        h.passage.sourceKey === hit.passage.sourceKey &&
        h.covered.length > 0 &&
        h.score >= hit.score * SAME_RULE_SHARE,
    );
    return own ?? hit;
  });
  return swapped.filter((h, i) => swapped.findIndex((o) => o.passage.id === h.passage.id) === i);
}

/** `first`, then those of `then` that quote another passage. */
function firstThen(first: KnowledgeHit[], then: KnowledgeHit[]): KnowledgeHit[] {
  return [...first, ...then.filter((h) => !first.some((f) => f.passage.id === h.passage.id))];
}

/** Nothing asked beyond the topic itself: "what's your return policy?", "¿cómo funcionan las devoluciones?". */
function isOverview(question: string, topic: Topic): boolean {
  const topicTerms = new Set(terms(topic.topicWords));
  const asked = terms(question);
  return (
    asked.some((term) => topicTerms.has(term)) && asked.every((term) => topicTerms.has(term) || IN_GENERAL.has(term))
  );
}

// "…for everything else?", "en général ?", "¿y para lo demás?": the whole topic, not one more thing.
const IN_GENERAL = new Set([
  ...terms("everything else general generally overall rest remaining", "en"),
  ...terms("reste général généralement ensemble", "fr"),
  ...terms("demás resto general generalmente", "es"),
]);

/** The quoted sentences, with the link of each policy they come from. */
export function quoteAnswer(turn: Turn, hits: KnowledgeHit[], lead: string[] = []): Answer {
  const quoted = hits.map((h) => h.passage.quote).join(" ");
  // "(in English)" only when an English sentence is quoted to a shopper writing in another language.
  const intro = hits.some((h) => h.passage.language === "en") ? t(turn.language, M.quoted_in_english) : "";
  const links = [...new Set(hits.map((h) => h.passage.url).filter((url): url is string => !!url))]
    .slice(0, 2)
    .map((url) => t(turn.language, M.policy_link, { url }));
  const counts = new Map<string, { kind: Lookup["kind"]; count: number }>();
  for (const { passage } of hits) {
    const entry = counts.get(passage.sourceKey) ?? {
      kind:
        passage.kind === "faq" || passage.kind === "page" ? "faq" : passage.kind === "product" ? "product" : "policy",
      count: 0,
    };
    counts.set(passage.sourceKey, { ...entry, count: entry.count + 1 });
  }
  const lookups: Lookup[] = [...counts].map(([ref, { kind, count }]) => ({
    kind,
    ref,
    outcome: `quoted ${count} sentence${count === 1 ? "" : "s"}`,
  }));
  const body = [...lead, intro, quoted].filter(Boolean).join(lead.length > 0 || intro ? "\n" : " ");
  return { text: links.length > 0 ? `${body}\n\n${links.join("\n")}` : body, lookups };
}

/** "Yes, we ship to Canada." for a place the shop ships to. */
export function shipsToLead(place: { code: string; place: string }, turn: Turn): string {
  return t(turn.language, M.ship_to_country, { place: placeName(place, turn) });
}

function placeName(place: { code: string; place: string }, turn: Turn): string {
  const isCountry = place.place.length <= 3 || regionName(place.code, turn, "en").toLowerCase() === place.place;
  return isCountry ? regionName(place.code, turn) : place.place.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/**
 * How a return travels back, in the shop's own words: the refund policy's sentence about labels or
 * postage that best fits the destination (ISO country) when one is known ("For orders shipped to
 * Canada, return postage is paid by the customer"), or null when the policy says nothing about it.
 */
export function returnPostageFor(turn: Turn, country: string | null): Passage | null {
  const names = country
    ? [regionName(country, turn, "en"), regionName(country, turn, turn.language)]
        .map((n) => normalize(n).replace(/[^a-z0-9 ]/g, ""))
        .filter(Boolean)
    : [];
  const destination = names.length > 0 ? new RegExp(`\\b(${names.join("|")})\\b`) : null;
  return returnPostageRule(knowledgeFor(turn.ctx.shop).passages, turn.language, destination);
}

/** Where the order in focus went (ISO country), when the conversation has one and knows it. */
function destinationInFocus(turn: Turn): string | null {
  const known = turn.state.orderDestination;
  return known && known.orderNumber === turn.state.orderNumber ? known.country : null;
}

/**
 * The sentences that apply to an order sent to `country`: one written for another destination ("For
 * orders shipped to Canada, …") is left out, unless nothing else answers.
 */
function forDestination(hits: KnowledgeHit[], country: string): KnowledgeHit[] {
  const applying = hits.filter((h) => {
    const named = mentionedCountry(`${h.passage.section} ${h.passage.text}`);
    return !named || named.code === country;
  });
  return applying.length > 0 ? applying : hits;
}

/** A country's name from its ISO code, in the turn's language (or `language`). */
export function regionName(code: string, turn: Turn, language = turn.language): string {
  const locale = LOCALES[language];
  const key = `${locale}|${code}`;
  let name = regionNamesRead.get(key);
  if (name === undefined) {
    try {
      name = regionNames(locale).of(code) ?? code;
    } catch {
      name = code;
    }
    if (regionNamesRead.size >= 5_000) regionNamesRead.clear();
    regionNamesRead.set(key, name);
  }
  return name;
}
// The names already given, per locale and code: a shipping answer names every country a rate covers.
const regionNamesRead = new Map<string, string>();

// One per locale: building Intl.DisplayNames costs more than naming every country a shop ships to.
const displayNames = new Map<string, Intl.DisplayNames>();

function regionNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
  return names;
}
