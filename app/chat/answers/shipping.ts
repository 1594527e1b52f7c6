/**
 * shipping_options: "how much is shipping?", "and to Belgium?", "how long would it take?", "and
 * express?" are answered with the delivery options the shop's shipping policy states for the
 * destination (shop/shipping-rates.ts), quoted as written. The destination and the option asked
 * about carry over to the follow-ups of the same conversation. Any other shipping question (P.O.
 * boxes, duties, lost parcels, places the shop doesn't serve) is answered from the shop's texts.
 */
import { knowledgeFor, placeAsked, splitSentences, type KnowledgeHit, type Passage } from "../knowledge";
import { defineMessages, t } from "../i18n";
import { isContentWord, termOf, textWords } from "../knowledge/text";
import { normalize, tokenize } from "../preprocess";
import { saysOrderPlaced } from "../intent/order-questions";
import type { Answer, DialogueState, Turn } from "../types";
import type { Order } from "../../commerce/types";
import { fulfillmentHold } from "../policy/fulfillment-holds";
import { pickupStage } from "../policy/pickup";
import { singular } from "../entities";
import { searchCatalog } from "../catalog/search";
import {
  destinationNotes,
  dispatchLines,
  EXPRESS,
  PICKUP,
  shippingRateLines,
  type RateLine,
} from "../shop/shipping-rates";
import { knowledgeAnswer, needsNoShipping, quoteAnswer, shipsToLead } from "./policies";
import {
  deliveryWindow,
  dispatchTime,
  sameDayCutoff,
  shopCalendar,
  transitTime,
  type DeliveryWindow,
} from "../shop/delivery-dates";
import type { DurationRange } from "../shop/durations";
import { factsFor } from "../shop/facts";
import { describeWorkingDays } from "../shop/working-days";
import { formatDate } from "../format";

/** What a shipping question asks, read in en/es/fr (accents folded). */
const ASKS_COST =
  /\b(?:how much|costs?|price|prices|fees?|charges?|rates?|cuanto (?:cuesta|cuestan|cobran|sale|es)|costos?|precios?|tarifas?|cobran|combien (?:coute|coutent|ca coute|est)|coute|coutent|prix|tarifs?|frais|payante?)\b/;
const ASKS_TIME =
  /\b(?:how long|how many days|how soon|when|arrive|arrives|arriving|take|takes|delivery time|tarda|tardan|tardaria|tardarian|llega|llegan|llegaria|llegar|cuando|cuanto tiempo|combien de temps|delais?|quand|arrivera|arrive|prend|prendra)\b/;
const ASKS_FREE = /\b(?:free|gratis|gratuite?|offerte?|sin costo)\b/;
const ASKS_OPTIONS =
  /\b(?:options?|methods?|carriers?|ways?|opciones|metodos|formas|paqueterias?|modes? de livraison|transporteurs?)\b/;
const ASKS_EXPRESS = new RegExp(`${EXPRESS.source}|\\b(?:faster|fastest|quicker|quickest|quick|fast|vite)\\b`);
/** "When would it arrive?", "¿para cuándo llega?": a date, not a number of days. */
const ASKS_DATE =
  /\b(?:when|by when|what day|which day|what date|cuando|para cuando|que dia|quand|quel jour|d'?ici quand)\b/;
/** "When would it ship?", "¿cuándo sale?", "quand part-il ?": the day it leaves, not the day it arrives. */
const SHIP_DAY =
  /\b(?:ship|ships|shipped|leave|leaves|go out|goes out|be sent|dispatch\w*|sale|salen|saldria|envian|mandan|part|partira|partirait|expedie\w*|expediez|envoye\w*)\b/;
/** "If I order today", "si pido hoy", "si je commande maintenant": before buying, from today. */
const ORDERING =
  /\b(?:if i (?:order|ordered|buy|bought|place)|order(?:ed)? (?:it |one )?(?:today|now)|si (?:lo |la |los |las )?(?:pido|compro|hago (?:el|mi) pedido|ordeno)|si je (?:l'|la |le |les )?(?:commande|passe commande|achete))\b/;
/** "Could it arrive today?", "¿me llega hoy?", "je peux le recevoir aujourd'hui ?": an arrival asked from today. */
const ARRIVAL =
  /\b(?:arrive|arrives|get here|gets here|get it|receive|llega|llegan|llegaria|recibo|recibir|recibiria|arrivera|recevoir|recevrai|recois)\b/;
const TODAY = /\b(?:today|now|tonight|hoy|ahora|aujourd'?hui|maintenant|ce soir)\b/;
/** A bare "now" ("how much is shipping now?") asks no date: an order placed or an arrival asked today does. */
function orderingNow(normalized: string): boolean {
  // "I ordered today, when will it arrive?" is about an order placed, not one to place.
  if (saysOrderPlaced(normalized)) return false;
  return ORDERING.test(normalized) || (ARRIVAL.test(normalized) && TODAY.test(normalized));
}
/** "What's the cut-off to ship the same day?", "¿hasta qué hora sale el mismo día?": how soon the shop sends. */
const ASKS_DISPATCH =
  /\b(?:cut-? ?off|same[ -]day|ships? (?:it )?today|order by|heure limite|le jour meme|meme jour|hora limite|mismo dia|a que hora)\b/;

/**
 * Words a question about delivery prices and times is made of: with any other word in it ("P.O. box",
 * "duties", "lost"), the question is about something else the shop's texts answer.
 */
const DELIVERY_WORDS = new Set(
  [
    ...`ship shipping shipped ships deliver delivery delivered send sent post postage arrive arrival take long much
    cost costs price fee fees charge rate free express fast faster fastest quick quicker quickest option options
    method methods carrier carriers way ways time days day business standard cheap cheapest order package parcel
    it that would will be get how what when which is are there do does you your my me to the a for and about
    pick up pickup store collect usually normally from over above minimum amount spend threshold
    hold held keep kept today now if cut off cutoff same ordered buy earliest soonest latest could`.split(/\s+/),
    ...`envio envios enviar envian envias envia mandar mandan manda entrega entregas entregar llega llegan llegar
    llegaria tarda tardan tardaria tiempo dias dia habiles cuanto cuesta cuestan cobran costo precio tarifa gratis
    express expres rapido urgente opciones opcion metodos formas paqueteria pedido paquete tienda recoger cuando
    normal estandar sale partir desde minimo monto compra compras
    guardan guardar guardas hoy ahora si pido compro hora limite mismo llegaria pronto antes podria`.split(/\s+/),
    ...`livraison livraisons livrer livrez livre livree envoi envoyer expedier expedition expediez colis commande
    frais prix tarif tarifs combien coute coutent temps delai delais jours jour ouvres prend prendra arrive arrivera
    gratuit gratuite offerte offert express rapide standard options mode modes transporteur retrait boutique quand
    payant payante partir des seuil montant minimum achat
    garder gardez conservez conserver aujourdhui maintenant commande commandais recois recevrai heure limite meme tot pourrait met mettre mettra`.split(
      /\s+/,
    ),
  ].filter(Boolean),
);

interface Asked {
  /** A date from today ("if I order today, when would it arrive?"). */
  date: boolean;
  /** How soon the shop sends an order (a same-day cut-off). */
  dispatch: boolean;
  cost: boolean;
  time: boolean;
  free: boolean;
  express: boolean;
  pickup: boolean;
  options: boolean;
}

/** A question about what delivery costs or how long it takes ("c'est payant ?", "¿cuánto tarda?"). */
export function asksDeliveryFact(text: string): boolean {
  const normalized = normalize(text);
  return [ASKS_COST, ASKS_TIME, ASKS_FREE, ASKS_EXPRESS, ASKS_DISPATCH].some((pattern) => pattern.test(normalized));
}

/** "When would it arrive if I ordered today?": a delivery asked before buying, not an order's tracking. */
export function asksBeforeOrdering(text: string): boolean {
  const normalized = normalize(text);
  return orderingNow(normalized) && (ASKS_TIME.test(normalized) || ASKS_DATE.test(normalized));
}

export async function shippingOptions(turn: Turn): Promise<Answer> {
  const unshipped = unshippedProduct(turn);
  const answer =
    ratesAnswer(turn, unshipped) ??
    (unshipped && unshippedAnswer(turn, unshipped)) ??
    knowledgeAnswer(turn, "shipping_options");
  const note = unshipped ? null : productShippingNote(turn);
  return note ? withProductNote(turn, answer, note) : answer;
}

// Sending words in en/es/fr (accents folded): a product's own sentence about how or where it ships.
const SENDS = /\b(?:ship\w*|deliver\w*|envia\w*|envio\w*|se envia|livr\w*|expedi\w*|envoy\w*)\b/;
const NEGATION = /\b(?:no|not|never|cannot|ne|pas|jamais|ni|sin|nunca)\b|n't\b/;

/** "No se envía fuera de México.": what the named product's description says about shipping it. */
function productShippingNote(turn: Turn): { title: string; sentence: string; handle: string } | null {
  // The product named, or the only one of the kind named ("the electric kettle").
  const product = turn.productHandle
    ? turn.ctx.productsByHandle.get(turn.productHandle)
    : (searchCatalog(
        turn.ctx.catalog,
        turn.ctx.productsByHandle,
        { text: turn.pre.original, requireCategory: true },
        turn.language,
      ).single ?? undefined);
  if (!product || product.status !== "ACTIVE") return null;
  const sentence = splitSentences(product.description).find((s) => SENDS.test(normalize(s)));
  return sentence ? { title: product.title, sentence, handle: product.handle } : null;
}

/**
 * The product's own word on shipping comes first; when it says it doesn't ship somewhere, the
 * shop's blanket "yes, we ship to …" is left out, the rest of the shop's rules kept.
 */
function withProductNote(
  turn: Turn,
  answer: Answer,
  note: { title: string; sentence: string; handle: string },
): Answer {
  const place = placeAsked(turn.ctx.shop, turn.pre.original);
  let text = answer.text;
  if (place && NEGATION.test(normalize(note.sentence))) text = text.replace(`${shipsToLead(place, turn)}\n`, "");
  return {
    ...answer,
    text: `${note.title}: ${note.sentence}\n${text}`,
    lookups: [...(answer.lookups ?? []), { kind: "product", ref: note.handle, outcome: "shipping note quoted" }],
  };
}

const M = defineMessages({
  with_option: { en: "with {option} ", es: "con {option} ", fr: "avec {option}, " },
  arrives_between: {
    en: "Ordered today, {option}it should arrive between {from} and {to}.",
    es: "Si haces el pedido hoy, {option}debería llegar entre el {from} y el {to}.",
    fr: "Pour une commande passée aujourd'hui, {option}la livraison devrait arriver entre le {from} et le {to}.",
  },
  arrives_on: {
    en: "Ordered today, {option}it should arrive on {date}.",
    es: "Si haces el pedido hoy, {option}debería llegar el {date}.",
    fr: "Pour une commande passée aujourd'hui, {option}la livraison devrait arriver le {date}.",
  },
  sent_between: {
    en: "Ordered today, it should be sent between {from} and {to}.",
    es: "Si haces el pedido hoy, debería salir entre el {from} y el {to}.",
    fr: "Pour une commande passée aujourd'hui, l'envoi devrait se faire entre le {from} et le {to}.",
  },
  sent_on: {
    en: "Ordered today, it should be sent {date}.",
    es: "Si haces el pedido hoy, debería salir {date}.",
    fr: "Pour une commande passée aujourd'hui, l'envoi devrait se faire {date}.",
  },
  no_dispatch_time: {
    en: "Our shipping policy doesn't say how soon an order is sent, so I can't give you dates; here is what it says about delivery times.",
    es: "Nuestra política de envíos no dice en cuánto tiempo sale un pedido, así que no puedo darte fechas; esto es lo que dice sobre los plazos.",
    fr: "Notre politique de livraison ne dit pas sous quel délai une commande part : je ne peux donc pas vous donner de dates ; voici ce qu'elle dit des délais.",
  },
  // The days in brackets only when the shop says them: an assumed week is not the shop's rule.
  dates_are_estimates: {
    en: "These dates are estimates from our stated shipping times, counting business days from today.",
    es: "Son fechas estimadas según nuestros tiempos de envío, contando días hábiles desde hoy.",
    fr: "Ces dates sont estimées d'après nos délais, en jours ouvrés à partir d'aujourd'hui.",
  },
  dates_are_estimates_on_days: {
    en: "These dates are estimates from our stated shipping times, counting business days ({days}) from today.",
    es: "Son fechas estimadas según nuestros tiempos de envío, contando días hábiles ({days}) desde hoy.",
    fr: "Ces dates sont estimées d'après nos délais, en jours ouvrés ({days}) à partir d'aujourd'hui.",
  },
  product_needs_no_parcel: {
    en: "The {title} isn't shipped in a parcel, so there's no shipping to pay.",
    es: "{title} no se envía por paquetería: no hay envío que pagar.",
    fr: "{title} n'est pas expédié par colis : il n'y a pas de livraison à payer.",
  },
});

/** What the answer says first about a product that needs no parcel, and the policy's sentence about its kind. */
interface Unshipped {
  lead: string;
  hits: KnowledgeHit[];
  handle: string;
}

/**
 * "Do I pay shipping?" right after a course, an e-book or a gift card: no variant of it needs a
 * parcel (Shopify's requiresShipping), and the shipping policy's first sentence naming its kind
 * says how it arrives.
 */
function unshippedProduct(turn: Turn): Unshipped | null {
  const fresh = turn.state.lastIntent === "product_info" || turn.state.lastIntent === "product_search";
  // The product this message names, or the one just discussed.
  const handle = turn.productHandle ?? (fresh ? turn.state.productHandle : undefined);
  const product = handle ? turn.ctx.productsByHandle.get(handle) : undefined;
  if (!product || !needsNoShipping(product) || placeAsked(turn.ctx.shop, turn.pre.original)) return null;
  const kind = tokenize(normalize(product.productType)).filter((w) => w.length > 3);
  const names = (passage: Passage) => tokenize(normalize(passage.text)).some((w) => kind.some((k) => w.startsWith(k)));
  const policy = knowledgeFor(turn.ctx.shop).passages.filter(
    (p) => p.sourceKey === "SHIPPING_POLICY" && kind.length > 0 && names(p),
  );
  const own = policy.filter((p) => p.language === turn.language);
  // The first sentence naming its kind; later ones name it in passing ("…not counting gift cards").
  const quoted = (own.length > 0 ? own : policy).slice(0, 1);
  return {
    lead: t(turn.language, M.product_needs_no_parcel, { title: product.title }),
    hits: quoted.map(asHit),
    handle: product.handle,
  };
}

function unshippedAnswer(turn: Turn, unshipped: Unshipped): Answer {
  if (unshipped.hits.length > 0) return quoteAnswer(turn, unshipped.hits, [unshipped.lead]);
  return {
    text: unshipped.lead,
    lookups: [{ kind: "product", ref: unshipped.handle, outcome: "requires no shipping" }],
  };
}

const asHit = (passage: Passage): KnowledgeHit => ({
  passage,
  score: 1,
  relevance: 1,
  matched: [],
  covered: [],
  answered: [],
});

/** The shop's delivery options for the destination asked, or null when the question is about something else. */
function ratesAnswer(turn: Turn, unshipped: Unshipped | null): Answer | null {
  const shop = turn.ctx.shop;
  const lines = shippingRateLines(shop);
  if (lines.length === 0) return null;
  const text = normalize(turn.pre.original);
  const place = placeAsked(turn.ctx.shop, turn.pre.original);
  // A place the shop doesn't ship to is said so, from its ship-to list (policies.ts).
  if (place && !shop.shipsToCountries.includes(place.code)) return null;
  if (!onlyAboutDelivery(turn, place?.place)) return null;

  const following = turn.state.lastIntent === "shipping_options" ? turn.state.shippingQuestion : undefined;
  const asked: Asked = {
    date: ASKS_DATE.test(text) || orderingNow(text),
    dispatch: ASKS_DISPATCH.test(text),
    cost: ASKS_COST.test(text),
    time: ASKS_TIME.test(text),
    free: ASKS_FREE.test(text),
    express: ASKS_EXPRESS.test(text),
    pickup: PICKUP.test(text),
    options: ASKS_OPTIONS.test(text),
  };
  // "Et en Chronopost ?", "¿y con DHL?": one of the shop's own delivery options, by the name its policy gives it.
  const named = optionWordsNamed(text, lines);
  // "And with express?" after "if I order today, when would it arrive?": that option's dates too.
  if (following?.date && (named.length > 0 || asked.express || asked.pickup) && !asked.cost && !asked.free)
    asked.date = true;
  const asksAnything = Object.values(asked).some(Boolean);
  if (!asksAnything && !place) return null;
  // "how long does it take?" after "how much is express to Belgium?": still express, still Belgium.
  if (following && (asked.cost || asked.time) && !asked.free && !asked.express && !asked.pickup) {
    asked.express = !!following.express;
    asked.pickup = !!following.pickup;
  }
  const region = place?.code ?? following?.place ?? lines[0].regions[0];
  const chosen = linesFor(lines, region, asked, turn.language, named);
  if (chosen.length === 0) return null;

  // "How long would it take?": how soon the shop sends it, then each option's delivery time.
  const dispatch =
    asked.dispatch || (asked.date && SHIP_DAY.test(text))
      ? dispatchLinesFor(turn)
      : asked.time && !asked.pickup
        ? dispatchFor(turn)
        : [];
  // "If I order today, when would it arrive?": each option's dates, counted from today.
  // "When would it ship?": the days it leaves; "how long / when would it arrive?": each option's dates.
  const shipDay = asked.date && SHIP_DAY.test(text);
  const dates = asked.pickup
    ? []
    : shipDay
      ? sendingDates(turn)
      : (asked.date || asked.time) && !asked.dispatch
        ? deliveryDates(turn, chosen)
        : [];
  const lead = [
    ...(place && /\b(?:ship|deliver|send|envi|envoy|livr|exp[eé]di|mand)/i.test(turn.pre.original)
      ? [shipsToLead(place, turn)]
      : unshipped
        ? [unshipped.lead]
        : []),
    ...dates,
  ];
  const hits: KnowledgeHit[] = [
    ...(unshipped?.hits ?? []),
    ...dispatch.map(asHit),
    // A cut-off question is answered by the dispatch sentences alone.
    ...((asked.dispatch || shipDay) && !asked.cost && !(asked.time && !shipDay)
      ? []
      : chosen.map((line) => asHit(line.passage))),
  ];
  // "Can you send the grinder to the US?": what the destination's heading says besides prices and times.
  if (place) hits.push(...notesFor(turn, place.code).map(asHit));
  const answer = quoteAnswer(turn, onceEachHeading(hits), lead);
  const remembered: DialogueState["shippingQuestion"] = {
    place: place?.code ?? following?.place,
    ...(asked.express ? { express: true } : {}),
    ...(asked.pickup ? { pickup: true } : {}),
    ...(asked.date ? { date: true } : {}),
  };
  return { ...answer, state: { shippingQuestion: remembered } };
}

/**
 * "Ordered today, with Courier it should arrive between Monday, March 3 and Wednesday, March 5":
 * each chosen option's dates, from how soon the shop sends and how long the option
 * takes, both as its policy says them; an option whose words give no time gives no date.
 */
function deliveryDates(turn: Turn, lines: RateLine[]): string[] {
  const L = turn.language;
  // No dispatch time to count from: the option's days are quoted, but no date is promised.
  if (!sendsWithin(turn)) return [t(L, M.no_dispatch_time)];
  const said = windowsFor(turn, lines).map(({ name, window }) => {
    const day = (date: Date) => formatDate(date.toISOString(), window.today, L, "UTC");
    const option = name ? t(L, M.with_option, { option: name }) : "";
    return window.earliest.getTime() === window.latest.getTime()
      ? t(L, M.arrives_on, { option, date: day(window.earliest) })
      : t(L, M.arrives_between, { option, from: day(window.earliest), to: day(window.latest) });
  });
  return said.length > 0 ? [...said, datesAreEstimates(turn)] : [];
}

/** "These dates are estimates…", with the shop's business days when it says them (its texts or the merchant). */
function datesAreEstimates(turn: Turn): string {
  const days = factsFor(turn.ctx.shop).workingDays?.value;
  return days
    ? t(turn.language, M.dates_are_estimates_on_days, { days: describeWorkingDays(days, turn.language) })
    : t(turn.language, M.dates_are_estimates);
}

/** Each delivery option the lines name, with the days an order placed now should arrive by it. */
function windowsFor(turn: Turn, lines: RateLine[]): { name: string; window: DeliveryWindow }[] {
  const { dispatch, cutoff } = sendingTime(turn);
  return lines.flatMap((line) =>
    optionsIn(line.passage.text).map(({ name, transit }) => ({
      name,
      window: deliveryWindow(turn.ctx.now, shopCalendar(turn.ctx.shop), dispatch, transit, cutoff),
    })),
  );
}

/**
 * The model's delivery_dates tool: the same dates for a destination the shop ships to (ISO code; its
 * first destination when none is given), as calendar dates (YYYY-MM-DD). An estimate, as the local answer says.
 */
export function deliveryEstimates(
  turn: Turn,
  country?: string,
): { option: string; earliest: string; latest: string }[] | { error: string } {
  const lines = shippingRateLines(turn.ctx.shop);
  const region = country?.toUpperCase() ?? lines[0]?.regions[0];
  if (!region || !turn.ctx.shop.shipsToCountries.includes(region)) return { error: "The shop doesn't ship there." };
  if (!sendsWithin(turn))
    return {
      error: "The shop doesn't say how soon it sends an order, so no date can be given; quote its shipping policy.",
    };
  const forRegion = lines.filter((line) => line.regions.includes(region) && line.time && !line.pickup);
  const own = forRegion.filter((line) => line.passage.language === turn.language);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return windowsFor(turn, own.length > 0 ? own : forRegion).map(({ name, window }) => ({
    option: name,
    earliest: day(window.earliest),
    latest: day(window.latest),
  }));
}

/** How soon the shop sends an order, and its same-day cut-off, from its dispatch sentences. */
function sendingTime(turn: Turn): { dispatch: DurationRange | null; cutoff: number | null } {
  const sentences = preferLanguage(dispatchLines(turn.ctx.shop), turn.language).map((p) => p.text);
  return { dispatch: dispatchTime(sentences), cutoff: sameDayCutoff(sentences) };
}

/** Whether the shop's dispatch sentences say how soon it sends an order: without it, no date is counted. */
function sendsWithin(turn: Turn): boolean {
  const { dispatch, cutoff } = sendingTime(turn);
  return dispatch !== null || cutoff !== null;
}

/** "Si je commande aujourd'hui, quand part-il ?": the days an order placed today leaves. */
function sendingDates(turn: Turn): string[] {
  if (!sendsWithin(turn)) return [];
  const { dispatch, cutoff } = sendingTime(turn);
  const L = turn.language;
  const window = deliveryWindow(turn.ctx.now, shopCalendar(turn.ctx.shop), dispatch, NO_TRANSIT, cutoff);
  const day = (date: Date) => formatDate(date.toISOString(), window.today, L, "UTC");
  const said =
    window.earliest.getTime() === window.latest.getTime()
      ? t(L, M.sent_on, { date: day(window.earliest) })
      : t(L, M.sent_between, { from: day(window.earliest), to: day(window.latest) });
  return [said, datesAreEstimates(turn)];
}

const NO_TRANSIT: DurationRange = { min: 0, max: 0, unit: "business_days" };

/**
 * The delivery options a rate sentence names, each with its time: "Standard shipping, 3–5 business
 * days…", or several in one ("Ground, 3–6 business days, …; Courier, 1–2 business days").
 * An option's name is what comes before its first comma or colon, when it starts with a capital.
 */
function optionsIn(text: string): { name: string; transit: DurationRange }[] {
  return text.split(/;\s*/).flatMap((part) => {
    const segment = part.trim();
    const transit = transitTime(segment);
    // "Remote areas: 1 to 3 business days more": time added to an option, not an option.
    if (!transit || !/^\p{Lu}/u.test(segment) || ADDED_TIME.test(normalize(segment))) return [];
    const name = segment.split(/\s*[,:(]\s*/)[0];
    return [{ name: /\d/.test(name) ? "" : name, transit }];
  });
}

const ADDED_TIME =
  /\b(?:days?|dias?(?: habiles| naturales)?|jours?(?: ouvres| ouvrables)?|hours?|horas|heures)\s+(?:more|extra|longer|mas|adicionales?|de plus|supplementaires?|en plus)\b|\b(?:extra|additional|more|adicionales?|supplementaires?)\s+(?:business\s+|working\s+)?(?:days?|dias|jours)\b/;

function preferLanguage(passages: Passage[], language: Turn["language"]): Passage[] {
  return [...passages.filter((p) => p.language === language), ...passages.filter((p) => p.language !== language)];
}

/** Every sentence saying how soon the shop sends an order (a cut-off too), in the shopper's language when written. */
function dispatchLinesFor(turn: Turn): Passage[] {
  const lines = dispatchLines(turn.ctx.shop);
  const own = lines.filter((p) => p.language === turn.language);
  return own.length > 0 ? own : lines;
}

/** How many of a destination's other sentences an answer about it quotes. */
const MAX_NOTES = 2;

function notesFor(turn: Turn, region: string): Passage[] {
  const notes = destinationNotes(turn.ctx.shop, region);
  const own = notes.filter((p) => p.language === turn.language);
  return (own.length > 0 ? own : notes).slice(0, MAX_NOTES);
}

/** The first sentence saying how soon the shop sends an order, in the shopper's language when written. */
function dispatchFor(turn: Turn): Passage[] {
  const lines = dispatchLines(turn.ctx.shop);
  const own = lines.filter((p) => p.language === turn.language);
  return (own.length > 0 ? own : lines).slice(0, 1);
}

/** The destination's lines that answer what was asked, in the shopper's language when the shop wrote one. */
function linesFor(
  lines: RateLine[],
  region: string,
  asked: Asked,
  language: Turn["language"],
  named: string[] = [],
): RateLine[] {
  let forRegion = lines.filter((line) => line.regions.includes(region));
  const own = forRegion.filter((line) => line.passage.language === language);
  if (own.length > 0) forRegion = own;
  const narrowed = (keep: (line: RateLine) => boolean) => {
    const kept = forRegion.filter(keep);
    if (kept.length > 0) forRegion = kept;
  };
  if (named.length > 0) narrowed((line) => named.some((w) => optionNameWords(line).has(w)));
  if (asked.express) narrowed((line) => line.express);
  // Collecting in person where the shop's lines offer no pickup: its texts say what they say about it.
  if (asked.pickup && !forRegion.some((line) => line.pickup)) return [];
  if (asked.pickup) narrowed((line) => line.pickup);
  else if (asked.time && !asked.cost) narrowed((line) => line.time);
  return forRegion.slice(0, MAX_LINES);
}

/** The words of a line's option names ("Chronopost Express" → chronopost), generic delivery words aside. */
function optionNameWords(line: RateLine): Set<string> {
  const words = optionsIn(line.passage.text).flatMap(({ name }) => tokenize(normalize(name)));
  return new Set(words.filter((w) => w.length > 2 && !DELIVERY_WORDS.has(w) && !/\d/.test(w)));
}

/** The words of the message that name one of the shop's delivery options (normalized text). */
function optionWordsNamed(normalized: string, lines: RateLine[]): string[] {
  const names = new Set(lines.flatMap((line) => [...optionNameWords(line)]));
  return tokenize(normalized).filter((w) => names.has(w));
}

/** "México: …" once: the sentences after the first under the same heading go without it. */
function onceEachHeading(hits: KnowledgeHit[]): KnowledgeHit[] {
  return hits.map((hit, i) =>
    i > 0 && hits[i - 1].passage.section === hit.passage.section ? asHit(withoutHeading(hit.passage)) : hit,
  );
}

function withoutHeading(passage: Passage): Passage {
  const label = `${passage.section}: `;
  return passage.section && passage.quote.startsWith(label)
    ? { ...passage, quote: passage.quote.slice(label.length) }
    : passage;
}

/** How many of the shop's lines one answer quotes. */
const MAX_LINES = 4;

/** Every content word of the question is a delivery word, a place or a name (capitalised). */
function onlyAboutDelivery(turn: Turn, place: string | undefined): boolean {
  const original = turn.pre.original;
  const names = new Set([...original.matchAll(/(?<![.!?¿¡]\s|^)\b\p{Lu}[\p{L}'-]+/gu)].map((m) => normalize(m[0])));
  const placeWords = new Set(place ? place.split(/\s+/) : []);
  const language = turn.language;
  const catalog = turn.ctx.catalog;
  const policyWords = shippingPolicyWords(turn);
  return textWords(original).every((word) => {
    const w = normalize(word);
    if (!isContentWord(w, language) || DELIVERY_WORDS.has(w) || placeWords.has(w) || names.has(w)) return true;
    if (turn.entities.product && normalize(turn.entities.product).includes(w)) return true;
    // "if I order the trekking poles today…": what is bought, named in the shop's own product words,
    // unless the shipping policy has a rule of its own for it ("orders with coffee ship within…").
    if ((catalog.productsByWord.has(w) || catalog.productsByWord.has(singular(w))) && !policyWords.has(w)) return true;
    return DELIVERY_TERMS.has(termOf(w, language));
  });
}

const policyWordsByShop = new WeakMap<object, Set<string>>();

/** The words the shop's shipping policy writes (folded), each also as its singular. */
function shippingPolicyWords(turn: Turn): Set<string> {
  const kb = knowledgeFor(turn.ctx.shop);
  let words = policyWordsByShop.get(kb);
  if (!words) {
    words = new Set();
    for (const passage of kb.passages.filter((p) => p.sourceKey === "SHIPPING_POLICY"))
      for (const w of tokenize(normalize(passage.text))) words.add(w).add(singular(w));
    policyWordsByShop.set(kb, words);
  }
  return words;
}

/** The delivery words as index terms, so their other forms ("delivers", "livrons") count too. */
const DELIVERY_TERMS = new Set([...DELIVERY_WORDS].flatMap((w) => [termOf(w, "en"), termOf(w, "es"), termOf(w, "fr")]));

/**
 * "When will it get here?" about an order not sent yet (not held, not for pickup): the days it should arrive by the method
 * the shopper chose (its own words or the shop's rate for that option give the trip), counted from
 * when it was placed with the shop's sending time, and never before it could still leave today.
 * Null when the shop gives no sending time or the method no trip time: then no date is promised.
 */
export function unsentOrderWindow(turn: Turn, order: Order): DeliveryWindow | null {
  // Sent, held, or waiting at the shop for pickup: no trip to count yet.
  const sent = order.fulfillments.some((f) => f.status !== "CANCELLED");
  const method = order.shippingLineTitle;
  if (sent || !method || fulfillmentHold(order) || pickupStage(order) || !sendsWithin(turn)) return null;
  const named = normalize(method);
  const transit =
    transitTime(method) ??
    shippingRateLines(turn.ctx.shop)
      .flatMap((line) => optionsIn(line.passage.text))
      .find((option) => option.name && normalize(option.name) === named)?.transit ??
    null;
  if (!transit) return null;
  const { dispatch, cutoff } = sendingTime(turn);
  const calendar = shopCalendar(turn.ctx.shop);
  const fromOrder = deliveryWindow(new Date(order.createdAt), calendar, dispatch, transit, cutoff);
  const fromToday = deliveryWindow(turn.ctx.now, calendar, { min: 0, max: 0, unit: "business_days" }, transit);
  const later = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b);
  return {
    today: fromToday.today,
    earliest: later(fromOrder.earliest, fromToday.earliest),
    latest: later(fromOrder.latest, fromToday.latest),
  };
}
