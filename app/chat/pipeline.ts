/**
 * The chat pipeline: preprocess → entities → intent (with the dialogue's context) → answer
 * (verification and data lookup happen inside the answers) → reply. Pure of Remix and Shopify:
 * the proxy route, `npm run eval` and the tests all call `respond` with a ChatContext built from
 * whichever commerce transport they use.
 */
import { extractEntities, type Entities } from "./entities";
import { catalogAwareIntent } from "./catalog/intent";
import { catalogTerms, lowestPrice } from "./catalog/search";
import { productMeasure } from "./catalog/measure";
import { statesAspect } from "./catalog/aspects";
import type { IntentResult } from "./intent/engine";
import { ORDER_INTENTS, type Intent } from "./intent/labels";
import { tellsOfDefect } from "./policy/defects";
import { normalize, preprocess, type Language, type Preprocessed } from "./preprocess";
import { isPlainQuestion, plainQuestionIntent } from "./intent/grievance";
import { ownPurchaseIntent, returnOfNamedProduct } from "./intent/own-purchase";
import {
  codeQuestionIntent,
  howToSendTerms,
  namesOwnOrder,
  policyFollowUpIntent,
  returnFollowUpIntent,
} from "./intent/policy-follow-ups";
import { questionAfterOpening } from "./intent/opening-words";
import { orderTopicFollowUp } from "./order-follow-ups";
import { stateQuestionIntent } from "./intent/state-questions";
import { pendingPaymentIntent } from "./intent/pending-payment";
import { productShippingIntent } from "./intent/product-shipping";
import { asksAboutTheRest, namesOrderAction, orderQuestionIntent } from "./intent/order-questions";
import { askAgainToConfirm, confirmationReply, pendingOrderNumber, runPendingAction } from "./actions";
import { matchApprovedAnswer } from "./approved-answers";
import { codeInMessage, codeReminder, enterOrderCode } from "./change-proof";
import { saysOrderIsSomeoneElses } from "./third-party";
import { acceptsOffer, closesConversation, intentCarryingOut, namedOffer } from "./offers";
import { addressRest } from "./address";
import {
  namesOrderItem,
  orderItemWords,
  productByPosition,
  productFromList,
  picksByExtreme,
  asksOfProductInFocus,
  productMemory,
  referredProduct,
} from "./references";
import { askedFacts, type Aspect } from "./catalog/aspects";
import { languageOf, placeAsked, splitSentences } from "./knowledge";
import { isKnownWord } from "./knowledge/known-words";
import { typoFixerFor, withTyposFixed } from "./typos";
import { ASKS_OPTIONS } from "./answers/product/asked";
import { namedOptionValues } from "./answers/product/variants";
import { separateRequests, twoProducts } from "./requests";
import { clarify, shouldClarify } from "./answers/clarify";
import { openingHoursAnswer } from "./answers/opening-hours";
import { refersToEarlierOrder, refersToOtherOrder } from "./policy/which-order";
import { cannotGiveOrderNumber, saysCannotGiveIt, whereToFindOrderNumber } from "./answers/awaited";
import {
  cancelOrder,
  changeOrder,
  changeShippingAddress,
  exchangeItem,
  looksLikeAddress,
  orderPaymentSummary,
  refundStatus,
  returnItem,
  trackOrder,
  withVerifiedOrder,
  orderName,
} from "./answers/orders";
import { productInfo, productSearch } from "./answers/products";
import { invoiceAnswer } from "./answers/invoices";
import { accountHelp, orderPaymentAnswer, paymentIssue, paymentMethods, returnPolicy } from "./answers/policies";
import { shopperFacingNote } from "./policy/notes";
import { asksBeforeOrdering, asksDeliveryFact, shippingOptions } from "./answers/shipping";
import {
  discountCode,
  discountCodesIn,
  asksItsTerms,
  listedCodeNamed,
  pointsToDiscussedCode,
  shopCodeSearch,
  type CodeSearchOptions,
} from "./answers/discounts";
import {
  faqAnswer,
  greeting,
  humanHandoff,
  isInjectionAttempt,
  outOfScope,
  refuseInjection,
  thanksGoodbye,
} from "./answers/conversation";
import type { ReplyKind } from "./reply-kind";
import { teamThreadReply } from "./team-thread";
import type { Answer, ChatContext, DialogueState, Lookup, PendingAction, Shopper, TicketRequest, Turn } from "./types";

export interface TurnInput {
  text: string;
  shopper: Shopper;
  state: DialogueState;
  /** The team has replied to this conversation's hand-off (team-thread.ts). */
  teamReplied?: boolean;
}

export interface TurnOutput {
  text: string;
  products: Answer["products"];
  quickReplies: Answer["quickReplies"];
  intent: Intent;
  confidence: number;
  entities: Entities;
  language: Language;
  lookups: Lookup[];
  handoff: boolean;
  ticket?: TicketRequest;
  replyKind: ReplyKind;
  state: DialogueState;
  /** The local engine asked what the shopper meant, or found no answer in the shop's data. */
  unsure?: Answer["unsure"];
}

type AnswerFor = (turn: Turn) => Answer | Promise<Answer>;

const ANSWERS: Record<Intent, AnswerFor> = {
  track_order: trackOrder,
  cancel_order: cancelOrder,
  change_order: changeOrder,
  change_shipping_address: changeShippingAddress,
  return_item: returnItem,
  exchange_item: exchangeItem,
  refund_status: refundStatus,
  get_invoice: invoiceAnswer,
  return_policy: returnPolicy,
  shipping_options: shippingOptions,
  product_info: productInfo,
  product_search: productSearch,
  payment_methods: paymentMethods,
  payment_issue: paymentIssueWithOrder,
  discount_code: discountCode,
  account_help: accountHelp,
  complaint: humanHandoff,
  human_agent: humanHandoff,
  greeting,
  thanks_goodbye: thanksGoodbye,
  out_of_scope: outOfScope,
};

/** A shopper message analysed in the conversation's context, ready to be answered by either engine. */
export interface AnalyzedTurn {
  turn: Turn;
  /** "yes"/"no" to a change the bot proposed in its last reply ("no" also drops a change waiting for a code). */
  confirmation: "yes" | "no" | null;
  /** The one-time code the shopper typed for a change waiting on it (change-proof.ts). */
  code: string | null;
  /** "ok thanks" to a change the bot itself would make: asked again rather than done or dropped. */
  reconfirm?: boolean;
}

/** The message with its typos fixed, except where the bot awaits an address, an email, a number or a code. */
function withTyposFixedFor(input: TurnInput, ctx: ChatContext): string {
  if (input.state.awaiting || input.state.codeChallenge || input.state.pendingAction?.kind === "update_address")
    return input.text;
  const fixer = typoFixerFor(
    {
      shop: ctx.shop,
      products: ctx.productsByHandle.values(),
      correct: ctx.classifier.correctSpelling && ((word) => ctx.classifier.correctSpelling!(word)),
    },
    isKnownWord,
  );
  return fixer ? withTyposFixed(input.text, fixer) : input.text;
}

export function analyzeTurn(input: TurnInput, ctx: ChatContext): AnalyzedTurn {
  // "thanks! and how do I use it?": the question is what the message asks.
  const typed = withTyposFixedFor(input, ctx);
  const pre = preprocess(questionAfterOpening(typed) ?? typed);
  const code = input.state.codeChallenge ? codeInMessage(pre.original) : null;
  // "Portland, OR 97214" (or "no, it's …") after the bot read back an address: the rest of that address.
  const pending = input.state.pendingAction;
  const rest = pending?.kind === "update_address" && !code ? addressRest(pre.original) : null;
  const addressText =
    pending?.kind === "update_address" && rest
      ? `${[pending.address.address1, pending.address.address2].filter(Boolean).join(" ")}, ${rest}`
      : undefined;
  // A one-time code is only that: not an order number, a quantity or a product.
  const extracted = code
    ? { entities: {}, productHandle: null }
    : extractEntities(pre, ctx.catalog, ctx.shop.orderNameFormat);
  // The address the bot asked for: its postcode and house number are not an order number or a quantity.
  const { entities, productHandle: named } =
    (input.state.awaiting === "address" && looksLikeAddress(pre.original)) || addressText
      ? { ...extracted, entities: withoutNumbers(extracted.entities) }
      : extracted;
  // "is there a footprint for it?", "the one before that": a product the conversation points back to.
  const aboutOrders = !!input.state.lastIntent && ORDER_INTENTS.has(input.state.lastIntent);
  // "how much is the second one?": a place in the list just shown, before any other reading of "one".
  const referred =
    !named && !code && !entities.order_number && !entities.email && !aboutOrders
      ? (productByPosition(pre.original, input.state) ?? referredProduct(pre.original, ctx.catalog, input.state))
      : null;
  const language = conversationLanguage(pre, input.state.language);
  const classified = ctx.classifier.classify(pre.original);
  // "how much?", "in plum, size S?" right after a list: the listed product it asks about.
  const picked =
    !named &&
    !referred &&
    !code &&
    !entities.order_number &&
    !entities.email &&
    !aboutOrders &&
    (isProductReading(classified) || picksByExtreme(pre.original, input.state))
      ? productFromList(
          pre.original,
          ctx.catalog,
          input.state,
          entities,
          language,
          (handle) => {
            const product = ctx.productsByHandle.get(handle);
            return product && product.status === "ACTIVE" ? lowestPrice(product) : null;
          },
          (handle) => {
            const product = ctx.productsByHandle.get(handle);
            return product && product.status === "ACTIVE" ? productMeasure(product) : null;
          },
          (handle, aspects) => {
            const product = ctx.productsByHandle.get(handle);
            const sentences = product ? splitSentences(product.description) : [];
            return sentences.some((sentence) => aspects.some((aspect) => statesAspect(sentence, aspect) > 0));
          },
        )
      : null;
  const pointed = referred ?? picked;
  const productHandle = named ?? pointed;
  // Yes/no answers the change waiting for a confirmation, or for a code ("no" drops it, "yes" is reminded of the code).
  const replied = addressText
    ? null
    : input.state.pendingAction
      ? confirmationFor(input.state.pendingAction, pre.original, entities)
      : input.state.codeChallenge && !code
        ? confirmationReply(pre.original)
        : null;
  // "ok thanks" to a cancellation or another change the bot would carry out itself reads as a closing as much
  // as a yes: what can't be undone is asked again (a request only goes to the team, which checks it).
  const reconfirm =
    replied === "yes" &&
    !!input.state.pendingAction &&
    input.state.pendingAction.kind !== "request" &&
    closesConversation(pre.original);
  const confirmation = reconfirm ? null : replied;
  // "yes" or "please reship it" to what the bot offered in its last reply takes the offer up.
  const acceptedOffer =
    !confirmation && !code && acceptsOffer(input.state.offer, pre.original, entities.order_number)
      ? input.state.offer
      : undefined;
  const resolved =
    (confirmation || code) && (input.state.lastIntent || input.state.pendingAction)
      ? {
          ...classified,
          intent: intentConfirmed(input.state.pendingAction) ?? input.state.lastIntent!,
          lowConfidence: false,
        }
      : acceptedOffer
        ? { ...classified, intent: intentCarryingOut(acceptedOffer.kind), lowConfidence: false }
        : addressText
          ? { ...classified, intent: "change_shipping_address" as const, lowConfidence: false }
          : (pointed && (isUnsureOtherThanProduct(classified) || picksByExtreme(pre.original, input.state))) ||
              (!named &&
                (classified.intent === "out_of_scope" || classified.intent === "product_info") &&
                asksOfProductInFocus(pre.original, input.state, language)) ||
              namesDiscussedOption(classified, pre.original, entities, input.state, ctx)
            ? { ...classified, intent: "product_info" as const, lowConfidence: false }
            : resolveIntent(classified, pre.original, entities, input.state, pre.tokens.length, shopCodeSearch(ctx));
  // Unless the conversation settled it, a message naming the shop's products is about them.
  const catalogued =
    resolved.intent === classified.intent && !confirmation && !code && !acceptedOffer && !addressText
      ? catalogAwareIntent(resolved, pre.original, entities, productHandle, ctx, language)
      : resolved;
  // "Was it cancelled?", "did you get my return?": where things stand, not the action (or product) they name;
  // "can I return the lamp I bought?": the shopper's own return, not the general rule.
  const orderReading = (intent: Intent) =>
    orderQuestionIntent(
      intent,
      pre.original,
      input.state,
      !!productHandle || !!entities.product,
      asksAboutAProduct(pre.original),
      !!entities.order_number,
    );
  // A state question is read again in the conversation: "why not the whole order?" after a refund is that refund.
  const stated = stateQuestionIntent(catalogued.intent, pre.original);
  const stateIntent =
    confirmation || code || acceptedOffer || addressText
      ? null
      : stated
        ? (orderReading(stated) ?? stated)
        : (ownPurchaseIntent(catalogued.intent, pre.original) ??
          returnOfNamedProduct(catalogued.intent, pre.original, !!productHandle || !!entities.product) ??
          pendingPaymentIntent(catalogued.intent, pre.original) ??
          productShippingIntent(catalogued.intent, pre.original, !!placeAsked(ctx.shop, pre.original)) ??
          orderReading(catalogued.intent));
  // Read from the message's own words, a state question is no unsure reading for the FAQ to take over.
  const read = stateIntent
    ? {
        ...catalogued,
        intent: stateIntent,
        lowConfidence: false,
        confidence: Math.max(catalogued.confidence, FAQ_FIRST_BELOW),
      }
    : catalogued;
  const intent = choosesAnItem(read, input.state, pre)
    ? { ...read, intent: input.state.lastIntent!, lowConfidence: false }
    : read;
  const state: DialogueState = {
    ...input.state,
    // A described change is only confirmed by the very next message.
    pendingAction: confirmation || reconfirm ? input.state.pendingAction : undefined,
    // Once the shopper says an order is someone else's, this conversation verifies no order by email.
    thirdPartyClaim: input.state.thirdPartyClaim || saysOrderIsSomeoneElses(pre.original) || undefined,
  };
  // "who pays for shipping?" while discussing a return searches the shop's texts for the return's shipping.
  // "how do I send it back?" after a return question: the shop's sentence on how to make a return.
  const contextTerms =
    classified.intent === "shipping_options" &&
    intent.intent === "return_policy" &&
    RETURN_INTENTS.has(input.state.lastIntent!) &&
    WHO_PAYS.test(pre.original)
      ? ["who pays return postage shipping label"]
      : intent.intent === "return_policy"
        ? howToSendTerms(pre.original, language, input.state.lastIntent)
        : intent.intent === "account_help" &&
            (input.state.lastIntent === "account_help" || SIGNING_IN.test(pre.normalized)) &&
            SIGN_IN_WORDS.test(pre.normalized)
          ? // "the code never came" after an account answer, or "can't log in, the code never shows up":
            // the sign-in code, not a discount code.
            [ACCOUNT_FOLLOW_UP_TERMS]
          : undefined;
  return {
    turn: {
      pre,
      language,
      entities,
      productHandle,
      intent,
      state,
      shopper: input.shopper,
      ctx,
      ...(acceptedOffer ? { acceptedOffer } : {}),
      ...(contextTerms ? { contextTerms } : {}),
      ...(addressText ? { addressText } : {}),
    },
    confirmation,
    code,
    ...(reconfirm ? { reconfirm } : {}),
  };
}

/** What a "yes" to a change the bot would make itself carries out (a request to the team keeps the topic it came from). */
const ACTION_INTENT: Partial<Record<PendingAction["kind"], Intent>> = {
  cancel_order: "cancel_order",
  return_items: "return_item",
  update_address: "change_shipping_address",
};
function intentConfirmed(action: PendingAction | undefined): Intent | undefined {
  return action ? ACTION_INTENT[action.kind] : undefined;
}

/** "the beanie", answering which item of an order to return or change: a choice among its items, not a product question. */
function choosesAnItem(read: IntentResult, state: DialogueState, pre: Preprocessed): boolean {
  const last = state.lastIntent;
  if (!last || !ORDER_INTENTS.has(last) || last === "track_order") return false;
  return (
    (read.intent === "product_info" || read.intent === "product_search") &&
    pre.tokens.length <= 4 &&
    !pre.original.includes("?") &&
    !PRICE_QUESTION.test(pre.original)
  );
}

/** The question asks an aspect, the price, the stock or the options of a product. */
function asksAboutAProduct(text: string, besides: Aspect[] = []): boolean {
  const asked = askedFacts(text, languageOf(text));
  const aspects = [...asked.aspects].filter((aspect) => !besides.includes(aspect));
  return aspects.length > 0 || asked.price || asked.stock || ASKS_OPTIONS.test(text);
}

/** A product question, or a reading unsure enough that a product question may be what it is. */
function isProductReading(result: IntentResult): boolean {
  return result.intent === "product_info" || result.intent === "product_search" || isUnsureOtherThanProduct(result);
}

/** The text without the given words (folded forms, as wordTokens gives them). */
function withoutWords(text: string, words: string[]): string {
  const drop = new Set(words);
  return normalize(text)
    .split(/\s+/)
    .filter((w) => !drop.has(w.replace(/[^a-z0-9]/g, "")))
    .join(" ");
}

/** A reading that names no topic of its own, or barely. */
function isGuess(result: IntentResult): boolean {
  return result.lowConfidence || result.intent === "out_of_scope" || result.confidence < FAQ_FIRST_BELOW;
}

/** A reference back to a product settles a reading that isn't confidently about something else. */
function isUnsureOtherThanProduct(result: IntentResult): boolean {
  if (result.intent === "product_info" || result.intent === "product_search") return false;
  return result.lowConfidence || result.confidence < REFERENCE_OVERRIDE_BELOW;
}

/**
 * "yes"/"no" to the pending change — but "yes, cancel order #1061" is not a yes to a pending change
 * of #1063: a reply that names another order is a new request, not a confirmation.
 */
function confirmationFor(action: PendingAction, text: string, entities: Entities): "yes" | "no" | null {
  const reply = confirmationReply(text);
  const pending = pendingOrderNumber(action);
  if (reply && entities.order_number && pending && entities.order_number.replace(/^#/, "") !== pending) return null;
  return reply;
}

/**
 * The conversation keeps its language unless a message is clearly in another one: three words or
 * more, with at least two more cues for the new language. "yes", "1042", "no wait, don't" or
 * "123 Main St, El Paso TX" don't switch an English conversation.
 */
function conversationLanguage(pre: Preprocessed, current: Language | undefined): Language {
  if (!current || pre.language === current) return pre.language;
  if (pre.tokens.length < 3) return current;
  return pre.languageScores[pre.language] - pre.languageScores[current] >= 2 ? pre.language : current;
}

/** The local engine's answer to an analysed turn (confirmations are always carried out here). */
export async function answerLocally({ turn, confirmation, code, reconfirm }: AnalyzedTurn): Promise<Answer> {
  if (code) return enterOrderCode(turn, code);
  if (reconfirm) return askAgainToConfirm(turn);
  if (confirmation)
    return turn.state.pendingAction || confirmation === "no"
      ? runPendingAction(turn, confirmation)
      : codeReminder(turn);
  if (isInjectionAttempt(turn.pre.original)) return refuseInjection(turn);
  if (cannotGiveOrderNumber(turn)) return whereToFindOrderNumber(turn);
  const approved = approvedAnswerFor(turn);
  if (approved) return approved;
  // "Are you open on Sundays?": the shop's hours, whatever label its words got.
  const openingHours = openingHoursAnswer(turn);
  if (openingHours) return openingHours;
  // An unsure reading of a question the shop's FAQ answers outright ("how do I wash my down jacket?").
  // Not a question about a product the shopper names: its own description is the closer source.
  // Nor the price or stock of a kind of thing the shop sells ("¿cuánto cuesta el farol solar?").
  const aboutNamedProduct =
    turn.intent.intent === "product_info" &&
    (!!turn.productHandle ||
      ((PRICE_QUESTION.test(turn.pre.original) || STOCK_QUESTION.test(turn.pre.normalized)) &&
        catalogTerms(turn.ctx.catalog, turn.pre.original).kinds.length > 0));
  // Nor a question about the shopper's own order: the shop's texts can't say where that one stands.
  const aboutOwnOrder = ORDER_INTENTS.has(turn.intent.intent) && namesOwnOrder(turn.pre.normalized);
  if (
    turn.intent.confidence < FAQ_FIRST_BELOW &&
    !aboutNamedProduct &&
    !aboutOwnOrder &&
    !turn.entities.order_number &&
    !turn.state.lastIntent &&
    isPlainQuestion(turn.pre.normalized)
  ) {
    const faq = faqAnswer(turn);
    if (faq) return faq;
  }
  // Too unsure of a short message to answer it: one clarifying question, unless the shop's texts answer it.
  if (shouldClarify(turn) && !confirmationReply(turn.pre.original)) return faqAnswer(turn) ?? clarify(turn);
  // "¿Tienen tienda física?", "horaires de la boutique ?": read as a product question, but naming nothing the shop sells.
  if (namesNothingSold(turn)) {
    // A product list is no answer to it at all: the shop's text may answer through its headings.
    const faq = faqAnswer(turn, { headingCounts: true });
    if (faq) return faq;
  }
  return ANSWERS[turn.intent.intent](turn);
}

/**
 * A product question that names no product and no word of the shop's catalog: it asks about the shop
 * (its premises, its hours), which its own texts answer better than a product list.
 */
function namesNothingSold(turn: Turn): boolean {
  if (turn.intent.intent !== "product_info" && turn.intent.intent !== "product_search") return false;
  if (turn.productHandle || turn.state.lastIntent) return false;
  const { kinds, catalogWords, other } = catalogTerms(turn.ctx.catalog, turn.pre.original);
  return kinds.length === 0 && catalogWords.length === 0 && other.length > 0;
}

/** The merchant's own answer to this question, if they wrote one. */
export function approvedAnswerFor(turn: Turn): Answer | null {
  const match = matchApprovedAnswer(turn.pre.original, turn.ctx.approvedAnswers, {
    productKinds: (text) => catalogTerms(turn.ctx.catalog, text).kinds,
  });
  return match
    ? {
        text: match.answer,
        lookups: [{ kind: "faq", ref: `approved answer: ${match.question.slice(0, 80)}`, outcome: "matched" }],
      }
    : null;
}

export function turnOutput(turn: Turn, answer: Answer): TurnOutput {
  const { entities, productHandle, intent, language } = turn;
  const next: DialogueState = {
    ...turn.state,
    ...(entities.email ? { email: entities.email } : {}),
    ...(entities.order_number ? { orderNumber: entities.order_number } : {}),
    ...(productHandle ? { productHandle } : {}),
    ...productMemory(turn, answer),
    awaiting: undefined,
    handoffRequest: undefined,
    handoffReason: undefined,
    offer: undefined,
    orderNote: undefined,
    ...answer.state,
    lastIntent: answer.intent ?? intent.intent,
    lastReplyKind: answer.kind ?? "answer",
    language,
  };
  return {
    text: answer.text,
    products: answer.products,
    quickReplies: answer.quickReplies,
    intent: answer.intent ?? intent.intent,
    confidence: intent.confidence,
    entities,
    language,
    lookups: answer.lookups ?? [],
    handoff: answer.handoff ?? false,
    ticket: answer.ticket && withConversationContact(answer.ticket, next, turn),
    replyKind: answer.kind ?? "answer",
    state: dropUndefined(next),
    ...(answer.unsure ? { unsure: answer.unsure } : {}),
  };
}

/** The local engine end to end. */
export async function respond(input: TurnInput, ctx: ChatContext): Promise<TurnOutput> {
  const analyzed = analyzeTurn(input, ctx);
  const toTeam = teamThreadReply(input.teamReplied, analyzed);
  if (toTeam) return turnOutput(analyzed.turn, toTeam);
  return localOutput(input, analyzed, ctx);
}

/** The local engine's reply to an analysed message: one answer per request when it holds two (requests.ts). */
export async function localOutput(input: TurnInput, analyzed: AnalyzedTurn, ctx: ChatContext): Promise<TurnOutput> {
  const answersSomething =
    analyzed.confirmation ||
    analyzed.reconfirm ||
    analyzed.code ||
    analyzed.turn.acceptedOffer ||
    input.state.awaiting ||
    input.state.pendingAction;
  const parts = answersSomething
    ? null
    : (separateRequests(input.text, ctx.classifier) ?? twoProducts(input.text, ctx.catalog, ctx.shop.orderNameFormat));
  if (!parts) return turnOutput(analyzed.turn, await answerLocally(analyzed));
  // Each request in turn, the second in the context the first leaves (the order and email it gave).
  const outputs: TurnOutput[] = [];
  let state = input.state;
  for (const part of parts) {
    const each = analyzeTurn({ ...input, text: part, state }, ctx);
    const output = turnOutput(each.turn, await answerLocally(each));
    outputs.push(output);
    state = output.state;
  }
  return bothAnswered(outputs, analyzed.turn);
}

function bothAnswered(answered: TurnOutput[], whole: Turn): TurnOutput {
  // An answer that asks the shopper something (an email, a yes) goes last, and the conversation waits on it.
  const asks = (o: TurnOutput) =>
    !!(o.state.awaiting || o.state.pendingAction || o.state.offer || o.state.codeChallenge);
  const outputs = [...answered.filter((o) => !asks(o)), ...answered.filter(asks)];
  const last = outputs[outputs.length - 1];
  const main = answered.find((o) => o.intent === whole.intent.intent) ?? answered[0];
  const asking = answered.find(asks);
  return {
    ...last,
    text: outputs.map((o) => o.text).join("\n\n"),
    products: outputs.flatMap((o) => o.products ?? []),
    intent: main.intent,
    confidence: main.confidence,
    entities: Object.assign({}, ...outputs.map((o) => o.entities)),
    language: whole.language,
    lookups: outputs.flatMap((o) => o.lookups),
    handoff: outputs.some((o) => o.handoff),
    ticket: outputs.find((o) => o.ticket)?.ticket,
    state: dropUndefined({
      ...answered[answered.length - 1].state,
      ...(asking ? pickWaiting(asking.state) : {}),
      language: whole.language,
    }),
    unsure: outputs.find((o) => o.unsure)?.unsure,
  };
}

// "and the other package?", "what about Fjord Blue in M?", "does it come with a footprint?"
const FOLLOW_UP =
  /^(?:and|also|plus|ok(?:ay)?,?\s+(?:and|what|how)|what about|how about|y\b|et\b|¿?y\b|qu'en est-il|and what)|\b(?:that order|from that order|same order|the other (?:one|package|parcel|item)|that one|this one|it|its|them|those|that|esa|ese|eso|ce|cette|celle-ci)\b/i;
// "what about the bottoms from that order?": only an object, so the action is the last one asked for.
const ELLIPSIS =
  /^(?:(?:ok(?:ay)?|and|so),?\s+)*(?:what|how) about\b|^[¿¡]?(?:y|et) (?:qu'en est-il|que tal|(?:los|las|el|la|les?|mis?|mon|ma|mes) )|^(?:ok(?:ay)?,?\s+)?and (?:the|my) /i;
const ABOUT_A_PRODUCT =
  /\b(?:how much|price|cost|costs|in stock|available|sizes?|colou?rs?|made of|material|weigh|weight|warm|waterproof|warranty|cu[aá]nto|cuesta|cuestan|precio|disponibles?|agotad[oa]s?|tallas?|colores|tama[nñ]os?|combien|prix|co[uû]te(?:nt)?|en stock|tailles?|couleurs?|mati[eè]re)\b/i;
/** At most this many words, a question naming an aspect ("quelle contenance ?") follows up the product discussed. */
const ASPECT_FOLLOW_UP_WORDS = 6;
/** At most this many words, a delivery question right after a shipping answer follows it up. */
const SHIPPING_FOLLOW_UP_WORDS = 7;
/** At most this many words, a size or colour after a product question asks for that variant of it. */
const BARE_VARIANT_WORDS = 4;
/** At most this many words, a product question needs no "it" to be about the product just discussed ("how much?"). */
const BARE_QUESTION_WORDS = 3;
const POINTS_BACK =
  /\b(?:it|its|they|them|this|that|those|these|one|lo|la|los|las|le|les|il|elle|ils|elles|[eé]l|ella|ellos|ellas)\b/i;
const RETURN_INTENTS = new Set<Intent>(["return_item", "exchange_item", "return_policy", "refund_status"]);
/** Readings a delivery asked before buying takes alone. */
const BEFORE_BUYING_READINGS = new Set<Intent>(["track_order", "product_info", "product_search", "out_of_scope"]);
const WHO_PAYS =
  /\b(?:who pays|pay for|pay|cost|costs|free|label|postage|charge|qui paie|payer|frais|gratuit|[ée]tiquette|qui[eé]n paga|pagar|costo|cuesta|gratis|gu[ií]a|etiqueta)\b/i;
const STOCK_QUESTION = /\b(?:in stock|available|disponibles?|en stock|agotad[oa]s?|sold out|rupture)\b/;
const PRICE_QUESTION = /\b(?:how much|price|cost|costs|combien|co[uû]te|prix|cu[aá]nto|cuesta|precio|vale)\b/i;
// A bare "why?" or "what can I do?" (accents folded): nothing new, a question about the last answer.
const ABOUT_THE_ANSWER =
  /^[¿¡]?(?:(?:ok(?:ay)?|so|and|y|et|mais|but),?\s+)?(?:why(?: not)?|how come|por ?que(?: no)?|pourquoi(?: pas)?|what are my options|what options do i have|what can i do(?: now)?|what now|que opciones tengo|cuales son mis opciones|que puedo hacer(?: ahora)?|quelles sont mes options|qu'est-ce que je peux faire|que puis-je faire|je fais quoi)\s*[?!.]*$/;
const ORDER_WORD = /\b(?:orders?|commandes?|pedidos?|compras?)\b/;
// "which carrier?", "quel transporteur ?", "¿qué paquetería?", "who delivers?" (accents folded).
const CARRIER_ASKED =
  /\b(?:carriers?|courier|who (?:delivers|ships)|transporteurs?|paqueterias?|mensajerias?|transportistas?)\b/;
// A prompt for more with no words of its own (accents folded): "and?", "?", "so??", "and then?", "et alors ?", "¿y?", "¿y qué?".
const BARE_PROMPT =
  /^[¿¡ ]*(?:(?:and|so|then|and then|and so|well|et|et alors|alors|et donc|donc|et puis|y|y entonces|entonces|y que|y luego|pues|e)[ ?!.…]*|[?!.…]+)$/;
const SMALL_TALK = new Set<Intent>(["greeting", "thanks_goodbye", "out_of_scope"]);
const ELLIPTICAL_START = /^(?:and|also|what about|how about|[¿¡]?y|et|e)\b/i;
const HANDOFF_INTENTS = new Set<Intent>(["human_agent", "complaint"]);
// "But …", "mais …", "pero …", "even though …" (accents folded): an objection to the answer just given.
const OBJECTION = /^[¿¡]?(?:but|however|even though|although|mais|pourtant|cependant|pero|aunque|sin embargo)\b/;
/** At most this many words, an objection is to the last answer rather than a new request. */
const OBJECTION_WORDS = 14;
// Asking to speak to a person, in English, Spanish and French (accents folded).
const ASKS_FOR_PERSON =
  /\b(?:talk|speak|put me through) (?:to|with) (?:a |an |the |your |someone|somebody)?(?:real |actual )?(?:person|human|manager|supervisor|someone|somebody|agent|representative)|\b(?:want|need) (?:a |an )?(?:real |actual )?(?:human|person|manager|supervisor)\b|\bparler (?:a|avec) (?:un |une |quelqu'un|le |la |votre )?(?:vraie |vrai )?(?:responsable|personne|humain|conseiller|conseillere|manager|quelqu'un)|\bpassez-moi (?:un |une |le |la )?(?:responsable|conseiller|manager|personne)|\bhablar con (?:un |una |el |la |alguien|algun |alguna )?(?:responsable|encargado|encargada|gerente|persona|humano|agente|supervisor)/;
// Collecting a purchase in person, in English, Spanish and French (accents folded).
const COLLECT_IN_PERSON =
  /\b(?:pick(?:ing)? ?up|collect|collecting|click (?:and|&) collect|retrait|recuperer|retirer|venir chercher|passer (?:prendre|chercher)|sur place|recoger|recogerlo|recogerla|recoleccion|pasar (?:por|a recoger))\b/;
/** Below this confidence, a change of an order that is collecting it at the shop, with no order named, is a shipping option. */
const COLLECT_AT_SHOP_OVERRIDE_BELOW = 0.9;
// The shop as a place to go to (accents folded).
const AT_THE_SHOP =
  /\b(?:store|shop|boutique|tienda|cafeteria|cafe|coffee shop|local|sucursal|magasin|atelier|showroom|warehouse|outlet|studio)\b/;
/** Below this confidence, a question about collecting in person is read as one about shipping options. */
const COLLECT_OVERRIDE_BELOW = 0.5;
/** At most this many words, a question of a code's terms after a code answer ("until when?") is about that code. */
const BARE_TERMS_QUESTION_WORDS = 4;
/** What a follow-up to an account answer is about, whatever its words ("the code", "the email"). */
const ACCOUNT_FOLLOW_UP_TERMS = "account sign in log in";
// Signing in, named in the message itself (accents folded).
const SIGNING_IN =
  /\b(?:log ?(?:in|into)|login|sign ?(?:in|into)|signin|my account|connect\w*|compte|iniciar sesion|mi cuenta|entrar)\b/;
// The sign-in's own things: its code, the email it goes to, the link (accents folded).
const SIGN_IN_WORDS = /\b(?:code|codigo|link|lien|enlace|email|e-mail|mail|correo|courriel|spam)\b/;

// Readings an elliptical follow-up to a shipment's status gets for the item it names.
const ELLIPSIS_AFTER_TRACKING = new Set<Intent>([
  "payment_issue",
  "payment_methods",
  "shipping_options",
  "out_of_scope",
  "complaint",
  "account_help",
]);
// Readings a question naming one of the order's items gets for the item's name alone.
const ITEM_MISREADS = new Set<Intent>(["product_info", "product_search", "out_of_scope", "complaint"]);
// "c'est bien le …?" reads like a thank-you; as a question naming an order's item, it asks about the order.
const CLOSING_READINGS = new Set<Intent>(["thanks_goodbye", "greeting"]);
/** At most this many words, a question naming one of the order's items asks about the order. */
const ORDER_ITEM_FOLLOW_UP_WORDS = 9;
/** Below this confidence, an elliptical follow-up's other reading yields to the action under way. */
const ELLIPSIS_OVERRIDE_BELOW = 0.6;
/** Below this confidence, a message pointing back to a product is read as a question about it. */
const REFERENCE_OVERRIDE_BELOW = 0.8;
/** Below this confidence, a plain question the shop's FAQ answers well is answered from the FAQ. */
const FAQ_FIRST_BELOW = 0.5;

/**
 * The intent in the conversation's context: a bare answer to the bot's question continues the
 * intent that asked; an unsure follow-up ("and to the UK?") or an elliptical one ("what about the
 * bottoms?") continues the last topic; a defect mentioned while discussing a return stays a return.
 */
/**
 * "and a 10?", "¿y en 1 kg?" right after a product answer: a value of that product's own options,
 * in a short message naming no order and no code, asks about that product whatever it reads like.
 */
function namesDiscussedOption(
  read: IntentResult,
  text: string,
  entities: Entities,
  state: DialogueState,
  ctx: ChatContext,
): boolean {
  if (state.lastIntent !== "product_info" && state.lastIntent !== "product_search") return false;
  if (!state.productHandle || entities.order_number || entities.email) return false;
  if (ORDER_INTENTS.has(read.intent) || read.intent === "product_info") return false;
  if (text.trim().split(/\s+/).length > BARE_VARIANT_WORDS) return false;
  if (discountCodesIn(text, shopCodeSearch(ctx)).length > 0) return false;
  const product = ctx.productsByHandle.get(state.productHandle);
  return !!product && Object.keys(namedOptionValues(product, text, {})).length > 0;
}

// A message that speaks of codes at all: then even a word in capitals may be the code it names.
const SPEAKS_OF_CODES =
  /\b(?:code|codes|coupon|coupons|promo\w*|voucher|discount|c[oó]digo|cup[oó]n|descuento|r[ée]duction|remise)\b/i;

/**
 * "the jacket LEAKS", "it NEVER came": a word of the language in capitals is a shout, not a code, unless
 * it is one of the shop's own codes or the message speaks of codes. A real code has digits or is no word.
 */
function shoutedWord(code: string, text: string, codeSearch: CodeSearchOptions): boolean {
  return (
    /^[A-Z]+$/.test(code) &&
    isKnownWord(normalize(code)) &&
    !codeSearch.knownCodes?.has(code) &&
    !SPEAKS_OF_CODES.test(text)
  );
}

function resolveIntent(
  result: IntentResult,
  text: string,
  entities: Entities,
  state: DialogueState,
  wordCount: number,
  codeSearch: CodeSearchOptions,
): IntentResult {
  const resolved = intentInContext(result, text, entities, state, wordCount, codeSearch);
  // "…it's a disgrace, I want to speak to a manager": a complaint that asks for a person is a request for one.
  if (resolved.intent === "complaint" && ASKS_FOR_PERSON.test(normalize(text)))
    return { ...resolved, intent: "human_agent", lowConfidence: false, grievance: true };
  // A question that complains about nothing is answered, not filed as a complaint.
  if (resolved.intent === "complaint" && isPlainQuestion(normalize(text))) {
    const intent = plainQuestionIntent(normalize(text), !!entities.product);
    // Not knowing what the question is about, the engine is unsure (a model may take it in hybrid mode).
    return { ...resolved, intent, lowConfidence: intent === "out_of_scope" };
  }
  return resolved;
}

function intentInContext(
  result: IntentResult,
  text: string,
  entities: Entities,
  state: DialogueState,
  wordCount: number,
  codeSearch: CodeSearchOptions,
): IntentResult {
  const last = state.lastIntent;
  const continued = last ? { ...result, intent: last, lowConfidence: false } : result;
  const answersQuestion =
    (state.awaiting === "email" && entities.email) ||
    (state.awaiting === "order_number" && entities.order_number) ||
    (state.awaiting === "address" && looksLikeAddress(text));
  // "I don't know my order number": still the request that asked for it.
  if (last && state.awaiting === "order_number" && !entities.order_number && saysCannotGiveIt(text)) return continued;
  if (last && answersQuestion && wordCount <= 14) {
    // The reply address for a hand-off ("my email is …") is only ever that.
    if (HANDOFF_INTENTS.has(last) && state.awaiting === "email") return continued;
    if (result.lowConfidence || !ORDER_INTENTS.has(result.intent) || result.confidence < 0.8) return continued;
  }
  // "When does the free shipping one end?" right after a list of codes: one of those codes.
  if (last === "discount_code" && !entities.order_number && listedCodeNamed(text, state.listedCodes))
    return { ...result, intent: "discount_code", lowConfidence: false };
  // "When does it end?", "what's the minimum?" right after an answer about codes: their terms, not an order's.
  // A question of its own ("how long does delivery take?") keeps its reading: the override needs a bare
  // question, a word pointing at the code, or a reading the model isn't sure of.
  if (
    last === "discount_code" &&
    !entities.order_number &&
    wordCount <= 8 &&
    asksItsTerms(text) &&
    (wordCount <= BARE_TERMS_QUESTION_WORDS || result.lowConfidence || pointsToDiscussedCode(normalize(text)))
  )
    return { ...result, intent: "discount_code", lowConfidence: false };
  // "Can I collect it at your shop?": getting an order in person is a way of receiving it, a shipping option.
  if (
    result.confidence < COLLECT_OVERRIDE_BELOW &&
    !entities.order_number &&
    !(last && RETURN_INTENTS.has(last)) &&
    COLLECT_IN_PERSON.test(normalize(text))
  ) {
    return { ...result, intent: "shipping_options", lowConfidence: false };
  }
  // "¿Puedo recoger mi pedido en la tienda?" before any order is named: collecting at the shop is how an order can be received.
  if (
    result.intent === "change_order" &&
    result.confidence < COLLECT_AT_SHOP_OVERRIDE_BELOW &&
    !entities.order_number &&
    !state.orderNumber &&
    !(last && ORDER_INTENTS.has(last)) &&
    COLLECT_IN_PERSON.test(normalize(text)) &&
    AT_THE_SHOP.test(normalize(text))
  ) {
    return { ...result, intent: "shipping_options", lowConfidence: false };
  }
  // An order named with nothing else the engine can place ("what did I buy in #1042?"): what the order shows.
  if (entities.order_number && (result.lowConfidence || (result.intent === "out_of_scope" && result.confidence < 0.75)))
    return { ...result, intent: "track_order", lowConfidence: false };
  // "How much is the Tilleul one?": the price of a product named, not of shipping.
  if (
    entities.product &&
    PRICE_QUESTION.test(text) &&
    !ORDER_INTENTS.has(result.intent) &&
    !["product_info", "product_search", "discount_code"].includes(result.intent) &&
    result.confidence < 0.8
  ) {
    return { ...result, intent: "product_info", lowConfidence: false };
  }
  // "When would it arrive if I order (the blue kettle) today?" names no order: a delivery before buying
  // (FORMAT.md), not tracking, nor a question about the product itself.
  if (
    BEFORE_BUYING_READINGS.has(result.intent) &&
    !entities.order_number &&
    !(last && ORDER_INTENTS.has(last)) &&
    asksBeforeOrdering(text)
  )
    return { ...result, intent: "shipping_options", lowConfidence: false };
  const codesNamed = discountCodesIn(text, codeSearch).some((code) => !shoutedWord(code, text, codeSearch));
  // A discount code in the message settles an unsure classification.
  if ((result.lowConfidence || result.confidence < 0.6) && codesNamed)
    return { ...result, intent: "discount_code", lowConfidence: false };
  const aboutCodes = !entities.order_number ? codeQuestionIntent(result, text, codesNamed) : null;
  if (aboutCodes) return aboutCodes;
  if (!last) return result;
  // "¿con qué paquetería?", "which carrier?" right after the shop's shipping options, with no order in the
  // conversation: the carrier of those options, not an order's tracking.
  if (
    last === "shipping_options" &&
    result.intent === "track_order" &&
    !entities.order_number &&
    !state.orderNumber &&
    wordCount <= 8 &&
    CARRIER_ASKED.test(normalize(text))
  )
    return continued;
  // "and?", "?", "so??", "et alors ?", "¿y?": nothing new, the shopper waits for more of the last answer.
  if (!SMALL_TALK.has(last) && BARE_PROMPT.test(normalize(text))) return continued;
  // "when was that?", "which order was it?" after a return, refund or cancellation: still that topic.
  const onTopic = orderTopicFollowUp(result, normalize(text), entities, last, !!state.orderNumber, wordCount);
  if (onTopic) return onTopic;
  const onReturn = returnFollowUpIntent(result, text, entities, last, !!state.orderNumber);
  if (onReturn) return onReturn;
  const onPolicy = policyFollowUpIntent(result, text, entities, last, wordCount, codesNamed);
  if (onPolicy) return onPolicy;
  // "why?", "what are my options?" right after an answer about an order: about that answer.
  if (ORDER_INTENTS.has(last) && ABOUT_THE_ANSWER.test(normalize(text))) return continued;
  // "and the one before that?", "and my other order?" after an order: the same question about that other order.
  // Longer ("and the one before, with the candle and the vase?"), it names that order's items, not a product question.
  if (
    ORDER_INTENTS.has(last) &&
    state.orderNumber &&
    !entities.order_number &&
    (wordCount <= 8 || !namesOrderAction(normalize(text))) &&
    (refersToEarlierOrder(normalize(text)) || refersToOtherOrder(normalize(text)))
  )
    return continued;
  // "and my previous order?" once the talk moved on from an order (to a product, a code): that earlier order.
  if (
    !ORDER_INTENTS.has(last) &&
    state.orderNumber &&
    !entities.order_number &&
    wordCount <= 8 &&
    ORDER_WORD.test(normalize(text)) &&
    refersToEarlierOrder(normalize(text))
  )
    return { ...result, intent: "track_order", lowConfidence: false };
  // "and the other items?", "et les autres articles ?", "¿y lo demás?" after a shipment: the rest of that order.
  if (
    last === "track_order" &&
    state.orderNumber &&
    !entities.order_number &&
    asksAboutTheRest(normalize(text)) &&
    !namesOrderAction(normalize(text))
  )
    return continued;
  // "¿y la de 1 litro?" about the product under discussion is no order change, whatever it reads like.
  if (
    (last === "product_info" || last === "product_search") &&
    state.productHandle &&
    ORDER_INTENTS.has(result.intent) &&
    !entities.order_number &&
    !entities.email &&
    result.confidence < 0.8 &&
    ELLIPTICAL_START.test(text.trim())
  ) {
    return { ...result, intent: "product_info", lowConfidence: false };
  }
  // "who pays for shipping?" while discussing a return: the return's shipping, not delivery options.
  if (RETURN_INTENTS.has(last) && result.intent === "shipping_options" && WHO_PAYS.test(text))
    return { ...result, intent: "return_policy", lowConfidence: false };
  // "how long would it take?", "c'est payant ?" right after delivery options: the same question, not an order's;
  // "and with express, when would it get here?" with no order in the conversation has no order to track.
  if (
    last === "shipping_options" &&
    result.intent !== "shipping_options" &&
    !entities.order_number &&
    !entities.email &&
    !entities.product &&
    (wordCount <= SHIPPING_FOLLOW_UP_WORDS ||
      asksBeforeOrdering(text) ||
      (result.intent === "track_order" && !state.orderNumber)) &&
    asksDeliveryFact(text) &&
    (result.intent === "track_order" || !ORDER_INTENTS.has(result.intent) || result.confidence < 0.8)
  )
    return { ...result, intent: "shipping_options", lowConfidence: false };
  // "can you open a trace?", "please send it again": an action on the order under discussion.
  const named = state.orderNumber && ORDER_INTENTS.has(last) && !entities.product ? namedOffer(text) : null;
  if (named && result.intent !== intentCarryingOut(named)) {
    const confidentOtherAction = ORDER_INTENTS.has(result.intent) && !result.lowConfidence && result.confidence >= 0.8;
    if (!confidentOtherAction) return { ...result, intent: intentCarryingOut(named), lowConfidence: false };
  }
  // The shopper's own return or exchange was the last answer; with its order in focus and no other named.
  const afterOwnReturn = last === "return_item" || last === "exchange_item";
  const ownReturnInFocus = afterOwnReturn && !!state.orderNumber && !entities.order_number;
  if (
    afterOwnReturn &&
    tellsOfDefect(normalize(text)) &&
    ["complaint", "product_info", "out_of_scope"].includes(result.intent)
  ) {
    return { ...result, intent: "return_item", lowConfidence: false };
  }
  // "how much is it?", "is it in stock?": a question about the product just discussed, not a policy.
  const unsureReading = isUnsureOtherThanProduct(result);
  const aboutThatProduct =
    !entities.product &&
    !!state.productHandle &&
    ((ABOUT_A_PRODUCT.test(text) && (POINTS_BACK.test(text) || (wordCount <= BARE_QUESTION_WORDS && unsureReading))) ||
      // "il fait quelle contenance ?": an aspect of a product, in any of the shop's languages.
      (unsureReading && wordCount <= ASPECT_FOLLOW_UP_WORDS && asksAboutAProduct(text)) ||
      // "elle a un filtre ?": a short question about "it", read as no topic, asks about the product discussed.
      (isGuess(result) && wordCount <= ASPECT_FOLLOW_UP_WORDS && POINTS_BACK.test(text) && text.includes("?")));
  if (
    (last === "product_info" || last === "product_search") &&
    aboutThatProduct &&
    !ORDER_INTENTS.has(result.intent) &&
    result.intent !== "product_info"
  ) {
    return { ...result, intent: "product_info", lowConfidence: false };
  }
  // "ok then make it sky" after a change or an exchange of an order: the variant for that same change.
  if (
    (last === "change_order" || last === "exchange_item") &&
    state.orderNumber &&
    (entities.size || entities.color) &&
    !entities.order_number &&
    ["thanks_goodbye", "greeting", "out_of_scope", "complaint", "product_info", "product_search"].includes(
      result.intent,
    )
  )
    return continued;
  // Asking about the discussed product's options ("the men's one in medium, black?").
  if (
    (last === "product_info" || last === "product_search") &&
    state.productHandle &&
    (entities.size || entities.color) &&
    !entities.order_number &&
    (["product_search", "out_of_scope", "complaint"].includes(result.intent) ||
      (!ORDER_INTENTS.has(result.intent) && result.confidence < REFERENCE_OVERRIDE_BELOW) ||
      // "size M?" reads like an exchange, but no order has come up in this conversation.
      (!state.orderNumber && wordCount <= BARE_VARIANT_WORDS))
  ) {
    return { ...result, intent: "product_info", lowConfidence: false };
  }
  // "et c'est bien la veste Aster ?", "was the lamp included?": an item of the order under discussion,
  // named to ask about that order, not about the product (no price, stock or aspect but "included" asked).
  if (
    ORDER_INTENTS.has(last) &&
    state.orderNumber &&
    !entities.order_number &&
    wordCount <= ORDER_ITEM_FOLLOW_UP_WORDS &&
    (ITEM_MISREADS.has(result.intent) || (CLOSING_READINGS.has(result.intent) && text.includes("?"))) &&
    namesOrderItem(text, state.orderItems) &&
    // The item's own words ("taza", a cup) ask no aspect of it.
    !asksAboutAProduct(withoutWords(text, orderItemWords(text, state.orderItems)), ["included"])
  )
    return continued;
  // "but I only got it on the 5th!", "pero está cerrada": an objection to the verdict on the shopper's own
  // return is about that return, whatever its other words read like.
  if (
    ownReturnInFocus &&
    wordCount <= OBJECTION_WORDS &&
    OBJECTION.test(normalize(text)) &&
    !RETURN_INTENTS.has(result.intent) &&
    !HANDOFF_INTENTS.has(result.intent) &&
    !ASKS_FOR_PERSON.test(normalize(text))
  )
    return continued;
  // "and the beanie from that order?" after the shopper's own return or exchange: the same request for
  // another of the order's items, whatever action the word "order" makes it read like.
  if (
    ownReturnInFocus &&
    wordCount <= ORDER_ITEM_FOLLOW_UP_WORDS &&
    ELLIPTICAL_START.test(text.trim()) &&
    namesOrderItem(text, state.orderItems) &&
    !RETURN_INTENTS.has(result.intent) &&
    !HANDOFF_INTENTS.has(result.intent)
  )
    return continued;
  // An elliptical question names a thing, which reads like a product question on its own.
  // It names no action either, so an unsure reading of another action is no change of mind.
  // After a shipment's status, "¿y la tarjeta de regalo?" names a thing another topic owns (a gift card, payment),
  // still one of that order's items.
  if (
    ORDER_INTENTS.has(last) &&
    ELLIPSIS.test(text.trim()) &&
    (["product_info", "product_search"].includes(result.intent) ||
      result.confidence < ELLIPSIS_OVERRIDE_BELOW ||
      (last === "track_order" && ELLIPSIS_AFTER_TRACKING.has(result.intent)))
  )
    return continued;
  // An order still being cancelled or changed hasn't shipped: swapping an item in it is a change, not an exchange.
  if ((last === "cancel_order" || last === "change_order") && result.intent === "exchange_item")
    return { ...result, intent: "change_order" };
  // Another action on the same order ("switch it to black instead of cancelling") is a change of mind.
  const otherOrderAction = ORDER_INTENTS.has(last) && ORDER_INTENTS.has(result.intent) && !result.lowConfidence;
  const unsure =
    result.lowConfidence ||
    ["out_of_scope", "complaint"].includes(result.intent) ||
    (result.confidence < 0.5 && !otherOrderAction);
  if (
    unsure &&
    FOLLOW_UP.test(text.trim()) &&
    result.intent !== last &&
    !["greeting", "thanks_goodbye"].includes(result.intent)
  )
    return continued;
  return result;
}

/** "I was charged twice": the general answer, plus the order's own total when we can show it. */
async function paymentIssueWithOrder(turn: Turn): Promise<Answer> {
  const general = await paymentIssue(turn);
  const canVerify =
    turn.shopper.customerId ||
    ((turn.entities.order_number ?? turn.state.orderNumber) && (turn.entities.email ?? turn.state.email));
  if (!canVerify) return general;
  return withVerifiedOrder(turn, async (order, t2) => {
    // The shop's rule for the state the order's payment is in ("authorized at first, captured when it ships").
    const stateWords = PAYMENT_STATE_WORDS[order.displayFinancialStatus ?? ""];
    const ruled =
      general.kind === "no_answer" && stateWords ? await paymentIssue({ ...t2, contextTerms: [stateWords] }) : general;
    return orderPaymentAnswer(t2, ruled, orderPaymentSummary(order, t2), shopperFacingNote(order.note));
  });
}

/** A payment state in the words a shop's payment FAQ uses for it. */
const PAYMENT_STATE_WORDS: Record<string, string> = {
  AUTHORIZED: "authorized authorization hold captured charged",
  PARTIALLY_PAID: "partially paid balance",
  PENDING: "pending payment confirmed",
};

/** A ticket carries the email and order the shopper gave earlier in the conversation, so the team can reply. */
function withConversationContact(ticket: TicketRequest, state: DialogueState, turn: Turn): TicketRequest {
  return {
    ...ticket,
    contactEmail: ticket.contactEmail ?? state.email,
    orderNumber: ticket.orderNumber ?? (state.orderNumber ? orderName(turn, state.orderNumber) : undefined),
  };
}

function pickWaiting(state: DialogueState): Partial<DialogueState> {
  const { awaiting, pendingAction, offer, codeChallenge, lastIntent, handoffRequest } = state;
  return { awaiting, pendingAction, offer, codeChallenge, lastIntent, handoffRequest };
}

function withoutNumbers(entities: Entities): Entities {
  const { order_number: _order, quantity: _quantity, ...rest } = entities;
  return rest;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
