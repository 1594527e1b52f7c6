/**
 * Discount codes. A code the shopper names is checked with the Admin API (discountByCode) and
 * described only as Shopify reports it: a code is called valid only when it is ACTIVE and not
 * used up. Codes the merchant lists as internal are never revealed, confirmed or described, and
 * the bot never makes a code up, whatever the message asks.
 */
import type { OrderNameFormat, Product } from "../../commerce/types";
import { findOrderName } from "../entities";
import { defineMessages, t } from "../i18n";
import { formatDate, formatMoney, joinList } from "../format";
import { answers, bestPassages, searchKnowledge, terms } from "../knowledge";
import { normalize, tokenize, withoutAddressesOrLinks } from "../preprocess";
import { isKnownWord } from "../knowledge/known-words";
import { sameWord } from "../catalog/vocabulary";
import { inShoppersLanguage, quoteAnswer } from "./policies";
import { checkCode, codeCoversProduct, isInternalCode, offersVerdict, type CodeVerdict } from "../policy/discounts";
import type { Answer, Lookup, ShopProfile, Turn } from "../types";

const M = defineMessages({
  code_unknown: {
    en: "{code} is not a valid code in our store, so I can't confirm it. It may be mistyped, or it may not be one of ours.",
    es: "{code} no es un código válido en nuestra tienda, así que no puedo confirmarlo. Puede que esté mal escrito o que no sea nuestro.",
    fr: "{code} n'est pas un code valide dans notre boutique, je ne peux donc pas le confirmer. Il est peut-être mal saisi, ou ce n'est pas l'un des nôtres.",
  },
  code_private: {
    en: "I'm not able to confirm or share details about that code. If someone on our team gave it to you, they can help: {email}.",
    es: "No puedo confirmar ni dar detalles sobre ese código. Si te lo dio alguien de nuestro equipo, puede ayudarte: {email}.",
    fr: "Je ne peux ni confirmer ni donner de détails sur ce code. Si quelqu'un de notre équipe vous l'a donné, il pourra vous aider : {email}.",
  },
  code_expired_on: {
    en: "{code} expired on {date}, so it no longer works.",
    es: "{code} caducó el {date}, así que ya no funciona.",
    fr: "{code} a expiré le {date}, il ne fonctionne donc plus.",
  },
  code_expired: {
    en: "{code} has expired, so it no longer works.",
    es: "{code} ha caducado, así que ya no funciona.",
    fr: "{code} a expiré, il ne fonctionne donc plus.",
  },
  code_scheduled: {
    en: "{code} isn't active yet, so it won't work at checkout right now.",
    es: "{code} todavía no está activo, así que ahora mismo no funciona en el pago.",
    fr: "{code} n'est pas encore actif, il ne fonctionne donc pas au paiement pour le moment.",
  },
  code_scheduled_from: {
    en: "{code} isn't active yet, so it won't work at checkout right now. It starts {date}.",
    es: "{code} todavía no está activo, así que ahora mismo no funciona en el pago. Empieza el {date}.",
    fr: "{code} n'est pas encore actif, il ne fonctionne donc pas au paiement pour le moment. Il commence le {date}.",
  },
  code_used_up: {
    en: "{code} has reached its usage limit, so it no longer works.",
    es: "{code} ha alcanzado su límite de usos, así que ya no funciona.",
    fr: "{code} a atteint sa limite d'utilisation, il ne fonctionne donc plus.",
  },
  code_covers_item: {
    en: "{code} works on {item}.",
    es: "{code} sí aplica para {item}.",
    fr: "{code} s'applique bien à {item}.",
  },
  code_excludes_item: {
    en: "{code} doesn't apply to {item}: its terms exclude it.",
    es: "{code} no aplica para {item}: sus condiciones lo excluyen.",
    fr: "{code} ne s'applique pas à {item} : ses conditions l'excluent.",
  },
  code_excludes_final_sale: {
    en: "{code} doesn't apply to {item}: it's a final-sale item, and the code excludes those.",
    es: "{code} no aplica para {item}: es un artículo de venta final, y el código los excluye.",
    fr: "{code} ne s'applique pas à {item} : c'est un article en vente finale, et le code les exclut.",
  },
  code_excludes_gift_card: {
    en: "{code} doesn't apply to {item}: discount codes can't be used on gift cards.",
    es: "{code} no aplica para {item}: los códigos de descuento no se pueden usar en tarjetas de regalo.",
    fr: "{code} ne s'applique pas à {item} : les codes de réduction ne s'utilisent pas sur les cartes cadeaux.",
  },
  code_covers_item_unknown: {
    en: "{code}'s terms don't say whether it covers {item}; here they are.",
    es: "Las condiciones de {code} no dicen si aplica para {item}; te las dejo aquí.",
    fr: "Les conditions de {code} ne disent pas s'il s'applique à {item} ; les voici.",
  },
  code_active: {
    en: "{code} is active: {summary}.",
    es: "{code} está activo: {summary}.",
    fr: "{code} est actif : {summary}.",
  },
  code_ends: {
    en: "It's valid until {date}.",
    es: "Es válido hasta {date}.",
    fr: "Il est valable jusqu'au {date}.",
  },
  code_runs: {
    en: "It's valid from {start} until {date}.",
    es: "Es válido del {start} al {date}.",
    fr: "Il est valable du {start} au {date}.",
  },
  code_no_end: {
    en: "It has no end date.",
    es: "No tiene fecha de vencimiento.",
    fr: "Il n'a pas de date de fin.",
  },
  code_minimum: {
    en: "It needs a subtotal of at least {minimum}.",
    es: "Requiere un subtotal mínimo de {minimum}.",
    fr: "Il faut un sous-total d'au moins {minimum}.",
  },
  code_minimum_short: {
    en: "It needs a subtotal of at least {minimum}, so your {cart} cart doesn't qualify yet: add {missing} more and it will apply.",
    es: "Requiere un subtotal mínimo de {minimum}, así que tu carrito de {cart} todavía no califica: añade {missing} más y se aplicará.",
    fr: "Il faut un sous-total d'au moins {minimum} : votre panier de {cart} ne remplit donc pas encore la condition. Ajoutez {missing} et il s'appliquera.",
  },
  code_minimum_met: {
    en: "It needs a subtotal of at least {minimum}, which your {cart} cart meets.",
    es: "Requiere un subtotal mínimo de {minimum}, y tu carrito de {cart} lo cumple.",
    fr: "Il faut un sous-total d'au moins {minimum}, ce que votre panier de {cart} remplit.",
  },
  code_minimum_quantity: {
    en: "It needs at least {count} items in the cart.",
    es: "Requiere al menos {count} artículos en el carrito.",
    fr: "Il faut au moins {count} articles dans le panier.",
  },
  code_check_failed: {
    en: "I couldn't check {code} just now. Please try again in a moment, or ask our team: {email}.",
    es: "No he podido comprobar {code} ahora mismo. Inténtalo de nuevo en un momento o pregunta a nuestro equipo: {email}.",
    fr: "Je n'ai pas pu vérifier {code} pour le moment. Réessayez dans un instant ou demandez à notre équipe : {email}.",
  },
  code_rules: {
    en: "Our rules for codes:",
    es: "Nuestras reglas para los códigos:",
    fr: "Nos règles pour les codes :",
  },
  code_rules_in_english: {
    en: "Our rules for codes:",
    es: "Nuestras reglas para los códigos (en inglés):",
    fr: "Nos règles pour les codes (en anglais) :",
  },
  public_codes: {
    en: "Here are the codes anyone can use right now:",
    es: "Estos son los códigos que cualquiera puede usar ahora mismo:",
    fr: "Voici les codes que tout le monde peut utiliser en ce moment :",
  },
  public_code_no_end: {
    en: "no end date",
    es: "sin fecha de vencimiento",
    fr: "sans date de fin",
  },
  public_code_until: {
    en: "until {date}",
    es: "hasta {date}",
    fr: "jusqu'au {date}",
  },
  automatic_offers: {
    en: "Applied automatically at checkout, no code needed:",
    es: "Se aplica automáticamente al pagar, sin código:",
    fr: "Appliqué automatiquement au paiement, sans code :",
  },
  upcoming_offer: {
    en: "There's an upcoming offer: it starts {date}. I can't share its code or terms before it starts.",
    es: "Hay una próxima promoción: empieza el {date}. No puedo compartir su código ni sus condiciones antes de que empiece.",
    fr: "Une nouvelle offre arrive : elle commence le {date}. Je ne peux pas en donner le code ni les conditions avant son début.",
  },
  no_public_codes: {
    en: "I don't have a promo code to share right now, and I can't make one up.",
    es: "Ahora mismo no tengo ningún código promocional que compartir, y no puedo inventarme uno.",
    fr: "Je n'ai pas de code promo à partager pour le moment, et je ne peux pas en inventer un.",
  },
  refuse_custom_code: {
    en: "Sorry, I can't create discount codes or offer discounts beyond the shop's current public offers.",
    es: "Lo siento, no puedo crear códigos de descuento ni ofrecer descuentos aparte de las ofertas públicas actuales de la tienda.",
    fr: "Désolé, je ne peux pas créer de codes de réduction ni proposer de remises en dehors des offres publiques actuelles de la boutique.",
  },
});

// ---------------------------------------------------------------------------------------------
// Finding codes in text

/** Capitalised words that are not codes. */
const NOT_CODES = new Set(
  (
    "USD CAD EUR GBP FAQ OK PLEASE HELP URGENT ASAP THANKS THANK HELLO WHAT WHY HOW WHEN WHERE CODE CODES PROMO " +
    "DISCOUNT COUPON SALE FREE OFF NOT DOESN DOES DIDN WORK WORKS WORKING ANY THE AND YOU YOUR THIS THAT THERE " +
    "USA XXL XXXL GIFT CARD CART ORDER FINAL SHIPPING EXPRESS PAYPAL VISA NEVER REALLY STILL TODAY AGAIN RIGHT " +
    "ERROR INVALID EXPIRED"
  ).split(" "),
);

export interface CodeSearchOptions {
  /** Only unmistakable codes (capitals with a digit, or capitals right after "code"): for the shop's own texts. */
  strict?: boolean;
  /** The shop's order names ("FR-1042", "MX1042-W") look like codes but are orders. */
  orderNameFormat?: OrderNameFormat;
  /** Code-like words the shop's products are described with ("USB-C", "IPX7"): a product's, not codes. */
  productWords?: Set<string>;
  /** The shop's own codes (upper case): one typed in any case is that code ("portgratuit"). */
  knownCodes?: Set<string>;
}

const productWordsOf = new WeakMap<Map<string, Product>, Set<string>>();

/** How a shopper's message is searched for codes in this shop: its order names and its products' own words aside. */
export function shopCodeSearch(ctx: { shop: ShopProfile; productsByHandle: Map<string, Product> }): CodeSearchOptions {
  let productWords = productWordsOf.get(ctx.productsByHandle);
  if (!productWords) {
    const texts = [...ctx.productsByHandle.values()].flatMap((p) => [
      p.title,
      p.description,
      ...p.options.flatMap((o) => o.values),
    ]);
    productWords = new Set(texts.flatMap((text) => discountCodesIn(text)));
    productWordsOf.set(ctx.productsByHandle, productWords);
  }
  let knownCodes = knownCodesOf.get(ctx.shop);
  if (!knownCodes) knownCodesOf.set(ctx.shop, (knownCodes = new Set(publicCodeCandidates(ctx.shop))));
  return { orderNameFormat: ctx.shop.orderNameFormat, productWords, knownCodes };
}
const knownCodesOf = new WeakMap<object, Set<string>>();

/**
 * Discount-code-looking words in `text`: SUMMER25, TRAIL20, FREESHIP, "summer25". Upper-cased,
 * deduplicated, at most 20 characters of letters, digits and dashes.
 */
export function discountCodesIn(original: string, options: CodeSearchOptions = {}): string[] {
  // "test.shopper2@example.com" holds no code "SHOPPER2", and neither does a link.
  const text = withoutAddressesOrLinks(original);
  const found: string[] = [];
  const letters = text.replace(/[^A-Za-z]/g, "");
  // A shouted message ("WHY DOESN'T THIS WORK") is not a list of codes.
  const shouting = letters.length > 12 && letters.replace(/[^A-Z]/g, "").length / letters.length > 0.6;
  for (const match of text.matchAll(
    /(?<![\w$#%-])([A-Za-z][A-Za-z0-9-]{2,19}|[0-9]+[A-Za-z][A-Za-z0-9-]{1,18})(?![\w-])/g,
  )) {
    const word = match[1];
    const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index).toLowerCase();
    const afterCodeWord = /(?:code|coupon|promo|c[oó]digo|cup[oó]n)\s*(?:is|es|est|:)?\s*["'“]?$/.test(before);
    const hasDigit = /\d/.test(word);
    const upper = word === word.toUpperCase() && /[A-Z]/.test(word);
    const lettersInWord = word.replace(/[^A-Za-z]/g, "").length;
    let isCode: boolean;
    if (options.strict) isCode = upper && (hasDigit || afterCodeWord) && lettersInWord >= 3;
    else if (upper) isCode = (hasDigit && lettersInWord >= 2) || (!shouting && word.length >= 5) || afterCodeWord;
    // "summer25", not "32oz" or "2nd"; right after "code", a word no language has ("le code portgratuit").
    else
      isCode =
        (hasDigit && lettersInWord >= 3 && /^[a-z]+\d+$/i.test(word)) ||
        (afterCodeWord && lettersInWord >= 3 && !isKnownWord(normalize(word)));
    // One of the shop's codes typed in lower case, unless it is also a word ("summer" is not SUMMER).
    if (!isCode && options.knownCodes?.has(word.toUpperCase()) && !isKnownWord(normalize(word))) isCode = true;
    const isOrderName = !!options.orderNameFormat && findOrderName(word, options.orderNameFormat) === word;
    const productWord = !!options.productWords?.has(word.toUpperCase());
    if (isCode && !isOrderName && !productWord && !NOT_CODES.has(word.toUpperCase())) found.push(word.toUpperCase());
  }
  return [...new Set(found)];
}

/**
 * Codes the bot may offer unprompted: the merchant's list of public codes (`publicCodes` on the
 * profile, once the settings have it) plus codes the shop's own FAQs and policies advertise,
 * never an internal one. Each is still checked with Shopify before it is shown.
 */
export function publicCodeCandidates(shop: ShopProfile): string[] {
  const configured = (shop as ShopProfile & { publicCodes?: unknown }).publicCodes;
  const listed = Array.isArray(configured) ? configured.filter((c): c is string => typeof c === "string") : [];
  const advertised = [
    ...shop.faqs.map((f) => `${f.question} ${f.answer}`),
    ...shop.policies.map((p) => p.body),
  ].flatMap((text) => discountCodesIn(text, { strict: true }));
  return [...new Set([...listed.map((c) => c.trim().toUpperCase()), ...advertised])].filter(
    (c) => c && !isInternalCode(shop.internalCodes, c),
  );
}

// ---------------------------------------------------------------------------------------------
// Answers

// "make me a 100% code", "generate a secret code", "give me an employee discount".
const CUSTOM_CODE_REQUEST =
  /\b(?:create|generate|make|invent|custom|special|secret|hidden|internal|employee|staff|admin|vip|personal)\b|\b(?:100|[5-9]\d)\s?%|\bfree (?:stuff|order|everything|items?)\b/i;
// Questions about the rules for codes rather than asking for one.
const HOW_TO_USE =
  /\b(?:how|where)\b.*\b(?:use|apply|enter|redeem|put|add)\b|\b(?:combine|combined|stack|together|two codes|more than one|several codes|per order|gift cards?|final[- ]sale|exclud\w*|already placed|just placed|i placed|past order|d[eé]j[aà] pass[eé]e|ya (?:hecho|realizado))\b|\b(?:c[oó]mo|comment|o[uù])(?![a-z\u00C0-\u024F]).*\b(?:uso|usar|aplico|aplicar|utiliser|appliquer|saisir)\b|\b(?:combinar|juntos|acumul\w*|cumul\w*|ensemble)\b|\b(?:use|usar|utiliser)\b.*\b(?:two|both|dos|ambos|deux)\b|\b(?:same order|mismo pedido|m[eê]me commande|tarjetas? de regalo|cartes? cadeaux?)\b/i;
// "what can I use instead?", "vous avez autre chose ?", "¿hay otro?": other codes than the one discussed.
const ALTERNATIVE = /\b(?:instead|another|other|else|otro|otra|otros|autre|autres)\b/i;
// "does it expire?", "¿hasta cuándo?", "c'est valable jusqu'à quand ?": how long a code runs.
const EXPIRY =
  /\b(?:expire[sd]?|expiry|expiration|until when|how long|end|ends|last|valid until|hasta cu[aá]ndo|vence|caduca|vigencia|jusqu'(?:a|à) quand|expire|fin|dure)\b/i;
// The future tense: a question about an offer to come, not a running one.
const FUTURE = /\b(?:will|going to|ser[aá]|va a ser|habr[aá]|sera|va [eê]tre|y aura)\b|'ll\b/i;
// What a follow-up asks of the code just named: how long it runs, or the minimum it needs.
const ASKS_ITS_TERMS = new RegExp(`${EXPIRY.source}|\\b(?:minimum|m[ií]nim[oa]|at least|al menos|au moins)\\b`, "i");
// Asking for codes themselves ("any other codes?", "¿tienen cupones?", "combien de réduction ?"): the list answers
// (accents folded).
const ASKS_FOR_CODES =
  /\b(?:any|codes|coupons?|vouchers?|deals?|offers?|promos?|discounts?|codigos|cupon(?:es)?|ofertas?|promociones|descuentos|remises|offres?|reductions?)\b/i;
/** Whether a short follow-up asks the terms of the code just discussed ("when does it end?", "¿mínimo?"), not of one to come. */
export function asksItsTerms(text: string): boolean {
  return ASKS_ITS_TERMS.test(text) && !FUTURE.test(text);
}
/** Whether the message points at the code just discussed ("does it…", "that code", "ese código"); normalized text. */
export function pointsToDiscussedCode(normalized: string): boolean {
  return POINTS_TO_DISCUSSED.test(normalized);
}
// "that code", "does it work", "ce code", "ese código", "il marche": the code just discussed (accents folded).
const POINTS_TO_DISCUSSED =
  /\b(?:(?:that|this|the|same) (?:code|coupon|one)|does it|will it|can i use it|would it|(?:ce|le|ca) code|il (?:marche|fonctionne|s'applique)|(?:ese|este|el) (?:codigo|cupon)|(?:sirve|funciona|aplica)\b(?! (?:algun|otro)))/;
const NOT_WORKING =
  /\b(?:not|n't|won't|wont|doesnt|didnt|isnt)\b.*\b(?:work|apply|accept|valid|qualify)|\b(?:invalid|error|rejected|declined)\b|\bno (?:funciona|sirve)|\bne (?:marche|fonctionne) pas/i;

export async function discountCode(turn: Turn): Promise<Answer> {
  const codes = discountCodesIn(turn.pre.original, shopCodeSearch(turn.ctx)).slice(0, 3);
  if (codes.length > 0) {
    const parts: string[] = [];
    const lookups: Lookup[] = [];
    const verdicts: CodeVerdict[] = [];
    for (const code of codes) {
      const verdict = await checkCode(turn.ctx.shop.internalCodes, code, (c) => turn.ctx.commerce.discountByCode(c));
      const described = describeCode(turn, code, verdict);
      verdicts.push(verdict);
      parts.push(described.text);
      lookups.push(described.lookup);
    }
    const answer: Answer = {
      text: parts.join("\n\n"),
      lookups,
      verdicts: codes.map((code, i) => ({ topic: "discount_code", code, verdict: verdicts[i] })),
    };
    if (NOT_WORKING.test(turn.pre.original) || HOW_TO_USE.test(turn.pre.original)) appendRules(turn, answer);
    return { ...withCoverage(turn, answer, namedProduct(turn)), state: { discussedCodes: codes } };
  }
  const text = turn.pre.original;
  const product = turn.productHandle ? turn.ctx.productsByHandle.get(turn.productHandle) : undefined;
  // "When does the free shipping one end?", "¿el de molinos tiene mínimo?": a code of the list just shown.
  const picked = turn.state.lastIntent === "discount_code" ? listedCodeNamed(text, turn.state.listedCodes) : null;
  if (picked) return discussedCodes(turn, [picked]);
  // "Can I combine it with another code?" asks the rules; "what can I use instead?" asks for other codes.
  if (HOW_TO_USE.test(text)) {
    const rules = codeRules(turn, text);
    if (rules) return rules;
  }
  if (ALTERNATIVE.test(text)) return publicOffers(turn, CUSTOM_CODE_REQUEST.test(text));
  // "Does it work on clearance items?", "et les articles soldés ?" once codes are on the table:
  // the shop's own rules on codes answer it; the list again would not.
  // Unless the codes' own terms say it ("does it work with overnight?": "Doesn't apply to overnight shipping").
  const asksOfCodes = ASKS_FOR_CODES.test(turn.pre.normalized) || ASKS_ITS_TERMS.test(text) || FUTURE.test(text);
  if (turn.state.lastIntent === "discount_code" && !asksOfCodes && (turn.state.discussedCodes ?? []).length === 0) {
    const listed = await publicOffers(turn, CUSTOM_CODE_REQUEST.test(text));
    const said = new Set(terms(listed.text, turn.language));
    const rules = addedWords(turn, text).every((w) => said.has(w)) ? null : codeRules(turn, text, { relevant: true });
    return rules ? { ...rules, state: { discussedCodes: undefined } } : listed;
  }
  const discussed = turn.state.discussedCodes ?? [];
  // "Does that code work on the desk lamp?", "does it work on sale items?": the code in focus, its
  // terms again (they say what it excludes), with what a product named is to them; not the list of codes.
  const ofDiscussed =
    discussed.length > 0 && !ALTERNATIVE.test(text) && !FUTURE.test(text) && !ASKS_FOR_CODES.test(turn.pre.normalized);
  if (ofDiscussed && (product || POINTS_TO_DISCUSSED.test(turn.pre.normalized))) {
    const answer = await discussedCodes(turn, discussed);
    return withCoverage(turn, answer, namedProduct(turn));
  }
  // "how much off will it be?" asks of an offer still to come, which the list of offers names.
  if (discussed.length > 0 && asksItsTerms(text)) return discussedCodes(turn, discussed);
  return publicOffers(turn, CUSTOM_CODE_REQUEST.test(text));
}

/** The product this message names ("does it work on the tent?"), not one still in focus from before. */
function namedProduct(turn: Turn): Product | undefined {
  if (!turn.entities.product || !turn.productHandle) return undefined;
  return turn.ctx.productsByHandle.get(turn.productHandle);
}

/**
 * The products a name the shopper used fits: "the ridgeline" when four products are called Ridgeline
 * is each of them, so none gets another's verdict; a name only one product has is that product.
 */
function productsNamed(turn: Turn, product: Product): Product[] {
  const said = tokenize(normalize(turn.entities.product ?? ""));
  if (said.length === 0) return [product];
  const fits = [...turn.ctx.productsByHandle.values()].filter((p) => {
    if (p.status !== "ACTIVE") return false;
    const title = tokenize(normalize(p.title));
    return said.every((w) => title.some((word) => sameWord(word, w)));
  });
  return fits.length > 1 && fits.some((p) => p.handle === product.handle)
    ? fits.slice(0, MAX_PRODUCTS_NAMED)
    : [product];
}
/** A name shared by more products than this gets the verdict of the first few. */
const MAX_PRODUCTS_NAMED = 4;

/**
 * "Does TRAIL20 work on the tent?": each usable code's verdict on the product named (on each product the
 * name fits), from its own terms, before the terms themselves (they still say the minimum and the dates).
 */
function withCoverage(turn: Turn, answer: Answer, named: Product | undefined): Answer {
  if (!named) return answer;
  const products = productsNamed(turn, named);
  const said = (answer.verdicts ?? []).flatMap((v) => {
    if (v.topic !== "discount_code" || v.verdict.kind !== "usable") return [];
    const summary = v.verdict.summary;
    // One sentence per verdict: "WELCOME10 works on the Ridgeline Down Jacket and the Ridgeline 1 Solo Tent."
    const byKey = new Map<string, string[]>();
    for (const product of products) {
      const key = coverageKey(summary, product);
      byKey.set(key, [...(byKey.get(key) ?? []), product.title]);
    }
    return [...byKey].map(([key, items]) =>
      t(turn.language, key, { code: v.code, item: joinList(items, turn.language) }),
    );
  });
  return said.length > 0 ? { ...answer, text: `${said.join(" ")}\n\n${answer.text}` } : answer;
}

/** What a code's terms say of one product, as the message that says it. */
function coverageKey(summary: string, product: Product) {
  const coverage = codeCoversProduct(summary, product);
  return coverage.covers === "yes"
    ? M.code_covers_item
    : coverage.covers === "unknown"
      ? M.code_covers_item_unknown
      : coverage.why === "final_sale"
        ? M.code_excludes_final_sale
        : coverage.why === "gift_card"
          ? M.code_excludes_gift_card
          : M.code_excludes_item;
}

/** "Does it expire?", "what's the minimum?": the codes the shopper just named, described again with what was asked. */
async function discussedCodes(turn: Turn, codes: string[]): Promise<Answer> {
  const parts: string[] = [];
  const lookups: Lookup[] = [];
  const verdicts: CodeVerdict[] = [];
  for (const code of codes.slice(0, 3)) {
    const verdict = await checkCode(turn.ctx.shop.internalCodes, code, (c) => turn.ctx.commerce.discountByCode(c));
    const described = describeCode(turn, code, verdict);
    parts.push(described.text);
    lookups.push(described.lookup);
    verdicts.push(verdict);
  }
  return {
    text: parts.join("\n\n"),
    lookups,
    verdicts: codes.slice(0, 3).map((code, i) => ({ topic: "discount_code", code, verdict: verdicts[i] })),
    state: { discussedCodes: codes },
  };
}

// Words that say nothing of which code: the question's own, and what every code's summary says.
const NOT_WHICH_CODE = new Set(
  (
    "the one code codes discount offer does doe will when what how much end ends expire minimum work works apply " +
    "for with any order orders per customer use el la de del que cuando cuanto termina vence minimo tiene codigo " +
    "aplica sirve pedido le les du des quand combien fin code marche commande"
  ).split(" "),
);

const POINTS_TO_A_CODE =
  /\b(?:the [\w-]+(?: [\w-]+)? one|one for|codes?|coupons?|(?:el|la|los|las) (?:de|del|que|para)|codigo|cupon|(?:celui|celle|ceux) (?:de|du|des|pour|qui)|le code|ce code)\b/;

/** The listed code whose summary alone says a word of the message ("free shipping" → FREESHIP), if just one does. */
export function listedCodeNamed(text: string, listed: { code: string; summary: string }[] | undefined): string | null {
  // "Can I use two on the same order?" asks the rules for codes, "what else?" for other codes: no one listed code.
  if (!listed || listed.length < 2 || HOW_TO_USE.test(text) || ALTERNATIVE.test(text)) return null;
  // It must point to one of them ("the free shipping one", "el de molinos", "celui de la livraison"),
  // not merely share a word with one ("do you ship to Canada?" is a shipping question).
  if (!POINTS_TO_A_CODE.test(normalize(text))) return null;
  const words = tokenize(normalize(text)).filter((w) => w.length > 3 && !NOT_WHICH_CODE.has(w));
  const says = (summary: string, word: string) =>
    tokenize(normalize(summary)).some((s) => s === word || s === `${word}s` || `${s}s` === word);
  const scored = listed
    .map(({ code, summary }) => ({
      code,
      score: words.filter((w) => says(summary, w) && !listed.every((other) => says(other.summary, w))).length,
    }))
    .sort((a, b) => b.score - a.score);
  return scored[0].score > 0 && scored[0].score > scored[1].score ? scored[0].code : null;
}

/** A code's verdict (policy/discounts.ts) in words, with the lookup behind it. */
function describeCode(turn: Turn, code: string, verdict: CodeVerdict): { text: string; lookup: Lookup } {
  const L = turn.language;
  const shop = turn.ctx.shop;
  const lookup = (outcome: string): Lookup => ({ kind: "discount", ref: code, outcome });
  const date = (iso: string) => formatDate(iso, turn.ctx.now, L, turn.ctx.shop.timezone);
  switch (verdict.kind) {
    case "undisclosed":
      return { text: t(L, M.code_private, { email: shop.email }), lookup: lookup("internal: not disclosed") };
    case "check_failed":
      return { text: t(L, M.code_check_failed, { code, email: shop.email }), lookup: lookup("lookup failed") };
    case "unknown":
      return { text: t(L, M.code_unknown, { code }), lookup: lookup("not found") };
    case "expired":
      return {
        text: verdict.endsAt
          ? t(L, M.code_expired_on, { code, date: date(verdict.endsAt) })
          : t(L, M.code_expired, { code }),
        lookup: lookup("expired"),
      };
    case "not_started":
      return {
        text: verdict.startsAt
          ? t(L, M.code_scheduled_from, { code, date: date(verdict.startsAt) })
          : t(L, M.code_scheduled, { code }),
        lookup: lookup("scheduled"),
      };
    case "used_up":
      return { text: t(L, M.code_used_up, { code }), lookup: lookup("usage limit reached") };
    case "usable":
      break;
  }
  const currency = turn.ctx.shop.currencyCode;
  const parts = [
    t(L, M.code_active, { code, summary: verdict.summary.replace(/\s*[.•]\s*$/, "").replace(/\s*•\s*/g, "; ") }),
  ];
  // A time-limited offer: its first day too ("since when?"); an open-ended code only its end, if any.
  if (verdict.endsAt && verdict.startsAt)
    parts.push(t(L, M.code_runs, { start: date(verdict.startsAt), date: date(verdict.endsAt) }));
  else if (verdict.endsAt) parts.push(t(L, M.code_ends, { date: date(verdict.endsAt) }));
  // "valable jusqu'à quand ?" of a code that runs with no end: that it has none.
  else if (EXPIRY.test(turn.pre.original)) parts.push(t(L, M.code_no_end));
  const minimum = verdict.minimumSubtotal !== null ? Number(verdict.minimumSubtotal) : null;
  if (minimum !== null && Number.isFinite(minimum) && minimum > 0) {
    const cart = cartAmount(turn.pre.original, minimum);
    const vars = {
      minimum: formatMoney(minimum, currency, L),
      cart: cart !== null ? formatMoney(cart, currency, L) : "",
    };
    if (cart === null) parts.push(t(L, M.code_minimum, vars));
    else if (cart < minimum)
      parts.push(t(L, M.code_minimum_short, { ...vars, missing: formatMoney(minimum - cart, currency, L) }));
    else parts.push(t(L, M.code_minimum_met, vars));
  }
  if (verdict.minimumQuantity) parts.push(t(L, M.code_minimum_quantity, { count: verdict.minimumQuantity }));
  return { text: parts.join(" "), lookup: lookup("active") };
}

/** The cart total the shopper mentions ("$120 in my cart"), other than the code's own minimum. */
function cartAmount(text: string, minimum: number): number | null {
  const amounts = [
    ...text.matchAll(
      /(?:[$€£]|\busd\s?)\s?(\d{1,6}(?:[.,]\d{1,2})?)|(\d{1,6}(?:[.,]\d{1,2})?)\s?(?:[$€£]|dollars?\b|bucks\b|usd\b|d[oó]lares\b)/gi,
    ),
  ]
    .map((m) => Number((m[1] ?? m[2]).replace(",", ".")))
    .filter((n) => Number.isFinite(n) && n > 0 && n !== minimum);
  return amounts[0] ?? null;
}

/** The words a sentence about codes uses: one of them must be what it covers. */
const CODE_SUBJECT = "discount code codes promo coupon";
/** What any follow-up on a code says besides its subject ("does it work on…", "can I use it for…"). */
const FOLLOW_UP_WORDS = "work works apply applies use valid can does it on for with the my";
/** The words a follow-up on codes adds to "does it work on…" (its own subject). */
function addedWords(turn: Turn, question: string): string[] {
  const generic = new Set(terms(`${CODE_SUBJECT} ${FOLLOW_UP_WORDS}`, "en"));
  return terms(question, turn.language).filter((w) => !generic.has(w));
}

/** Below this share of the question said, a rule on codes doesn't answer a follow-up. */
const RULE_RELEVANCE = 0.35;

/**
 * The shop's own rules for using codes (one per order, exclusions), quoted. `relevant`: only a
 * sentence about codes that says enough of the question (a follow-up may ask something else).
 */
function codeRules(turn: Turn, question: string, { relevant = false } = {}): Answer | null {
  const query = { prefer: ["FAQ", "TERMS_OF_SERVICE"], extraTerms: ["discount code"] };
  let hits = bestPassages(turn.ctx.shop, question, { ...query, subject: CODE_SUBJECT, max: 2 });
  if (relevant) {
    const subject = new Set(terms(CODE_SUBJECT, "en"));
    // Every word the follow-up adds ("clearance items", "articles soldés") must be written in the sentence itself.
    const added = addedWords(turn, question);
    hits = hits.filter(
      (h) =>
        h.covered.some((w) => subject.has(w)) &&
        answers(h, RULE_RELEVANCE) &&
        added.length > 0 &&
        added.every((w) => h.answered.includes(w) && h.matched.includes(w)),
    );
  }
  hits = inShoppersLanguage(turn, hits, question, query);
  return hits.length > 0 ? quoteAnswer(turn, hits) : null;
}

function appendRules(turn: Turn, answer: Answer): void {
  const question = "one discount code per order combined gift cards final sale";
  const query = { prefer: ["FAQ", "TERMS_OF_SERVICE"] };
  const hits = inShoppersLanguage(turn, bestPassages(turn.ctx.shop, question, { ...query, max: 1 }), question, query);
  if (hits.length === 0) return;
  const quoted = quoteAnswer(turn, hits);
  const english = hits.some((h) => h.passage.language === "en");
  const label = t(turn.language, english ? M.code_rules_in_english : M.code_rules);
  answer.text = `${answer.text}\n\n${label} ${hits.map((h) => h.passage.quote).join(" ")}`;
  answer.lookups = [...(answer.lookups ?? []), ...(quoted.lookups ?? [])];
}

/** The public, usable codes (each checked with Shopify), running and upcoming offers, or what the shop says about offers. */
async function publicOffers(turn: Turn, refusedCustom: boolean): Promise<Answer> {
  const L = turn.language;
  const { commerce, shop } = turn.ctx;
  const { verdict, checked } = await offersVerdict(
    shop.internalCodes,
    publicCodeCandidates(shop).slice(0, 10),
    (code) => commerce.discountByCode(code),
    () => commerce.runningAndScheduledDiscounts(),
  );
  const lookups: Lookup[] = [
    ...checked.map(({ code, verdict: codeVerdict }) => ({
      kind: "discount" as const,
      ref: code,
      outcome: LOOKUP_OUTCOMES[codeVerdict.kind],
    })),
    {
      kind: "discount",
      ref: "running and scheduled discounts",
      outcome: verdict.listFailed
        ? "lookup failed"
        : `${verdict.automatic.length} automatic, ${verdict.upcoming.length} upcoming`,
    },
  ];
  const date = (iso: string) => formatDate(iso, turn.ctx.now, L, shop.timezone);
  const until = (endsAt: string | null) => (endsAt ? ` (${t(L, M.public_code_until, { date: date(endsAt) })})` : "");
  const listed = (summary: string) => summary.replace(/\s*•\s*/g, "; ");
  const lead = refusedCustom ? [t(L, M.refuse_custom_code)] : [];
  const lines: string[] = [];
  if (verdict.codes.length > 0) {
    lines.push(t(L, M.public_codes));
    // "Does it expire?": a code with no end date says so.
    const openEnded = EXPIRY.test(turn.pre.original) ? ` (${t(L, M.public_code_no_end)})` : "";
    for (const code of verdict.codes)
      lines.push(
        `• ${code.code.toUpperCase()}: ${listed(code.summary)}${code.endsAt ? until(code.endsAt) : openEnded}`,
      );
  }
  if (verdict.automatic.length > 0) {
    lines.push(t(L, M.automatic_offers));
    for (const offer of verdict.automatic)
      lines.push(`• ${offer.title}: ${listed(offer.summary)}${until(offer.endsAt)}`);
  }
  const upcoming = verdict.upcoming[0] ? t(L, M.upcoming_offer, { date: date(verdict.upcoming[0].startsAt) }) : null;
  const answerVerdicts = [{ topic: "offers" as const, verdict }];
  if (lines.length > 0) {
    return {
      text: [...lead, ...lines, upcoming].filter(Boolean).join("\n"),
      lookups,
      verdicts: answerVerdicts,
      // A list answers its own follow-ups ("does it expire?") by listing again: no one code is "it";
      // "the free shipping one" names one of it by what it gives.
      state: {
        discussedCodes: undefined,
        listedCodes: verdict.codes.map((code) => ({ code: code.code.toUpperCase(), summary: code.summary })),
      },
    };
  }
  // No offer to list: what the shop's FAQs say about offers (e.g. a newsletter discount), if anything.
  const query = { prefer: ["FAQ"], only: ["FAQ", "TERMS_OF_SERVICE"] };
  const question = `${turn.pre.original} discount code offer`;
  // A sentence that states an offer ("10% off your first order") answers best; else what the texts say about codes.
  const offers = searchKnowledge(shop, question, { ...query, limit: 10 })
    .filter((h) => h.passage.hasOffer)
    .slice(0, 2);
  const hits = offers.length > 0 ? offers : bestPassages(shop, question, { ...query, max: 2 });
  const quoted = hits.length > 0 ? quoteAnswer(turn, hits) : null;
  return {
    text: [...lead, t(L, M.no_public_codes), upcoming, quoted?.text].filter(Boolean).join(" "),
    lookups: [...lookups, ...(quoted?.lookups ?? [])],
    verdicts: answerVerdicts,
  };
}

/** How a checked code shows in the merchant's record of lookups. */
const LOOKUP_OUTCOMES: Record<CodeVerdict["kind"], string> = {
  undisclosed: "internal: not disclosed",
  check_failed: "lookup failed",
  unknown: "not found",
  expired: "expired",
  not_started: "scheduled",
  used_up: "usage limit reached",
  usable: "active",
};
