/**
 * The chat pipeline: preprocess → entities → intent → (verification + data lookup inside the
 * answers) → reply. Pure of Remix and Shopify: the proxy route, `npm run eval` and the tests all
 * call `respond` with a ChatContext built from whichever commerce transport they use.
 */
import { extractEntities, type Entities } from "./entities";
import type { IntentResult } from "./intent/engine";
import { ORDER_INTENTS, type Intent } from "./intent/labels";
import { preprocess, type Language } from "./preprocess";
import { describeOrderStatus, trackOrder, withVerifiedOrder } from "./answers/orders";
import { productInfo, productSearch } from "./answers/products";
import { accountHelp, paymentIssue, paymentMethods, returnPolicy, shippingOptions } from "./answers/policies";
import { discountCode } from "./answers/discounts";
import { greeting, humanHandoff, outOfScope, thanksGoodbye } from "./answers/conversation";
import type { Answer, ChatContext, DialogueState, Lookup, Shopper, Turn } from "./types";

export interface TurnInput {
  text: string;
  shopper: Shopper;
  state: DialogueState;
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
  state: DialogueState;
}

type AnswerFor = (turn: Turn) => Answer | Promise<Answer>;

const ANSWERS: Record<Intent, AnswerFor> = {
  track_order: trackOrder,
  cancel_order: orderRequest("cancel"),
  change_order: orderRequest("change the items on"),
  change_shipping_address: orderRequest("change the shipping address of"),
  return_item: orderRequest("return items from"),
  exchange_item: orderRequest("exchange items from"),
  refund_status: orderRequest("check the refund for"),
  get_invoice: orderRequest("get an invoice for"),
  return_policy: returnPolicy,
  shipping_options: shippingOptions,
  product_info: productInfo,
  product_search: productSearch,
  payment_methods: paymentMethods,
  payment_issue: paymentIssue,
  discount_code: discountCode,
  account_help: accountHelp,
  complaint: humanHandoff,
  human_agent: humanHandoff,
  greeting,
  thanks_goodbye: thanksGoodbye,
  out_of_scope: outOfScope,
};

export async function respond(input: TurnInput, ctx: ChatContext): Promise<TurnOutput> {
  const pre = preprocess(input.text);
  const { entities, productHandle } = extractEntities(pre, ctx.catalog);
  const intent = continueDialogue(ctx.classifier.classify(pre.original), entities, input.state, pre.tokens.length);
  const language = pre.tokens.length >= 3 || !input.state.language ? pre.language : input.state.language;
  const turn: Turn = { pre, language, entities, productHandle, intent, state: input.state, shopper: input.shopper, ctx };
  const answer = await ANSWERS[intent.intent](turn);
  const state: DialogueState = {
    ...input.state,
    ...(entities.email ? { email: entities.email } : {}),
    ...(entities.order_number ? { orderNumber: entities.order_number } : {}),
    ...(productHandle ? { productHandle } : {}),
    awaiting: undefined,
    ...answer.state,
    lastIntent: intent.intent,
    language,
  };
  return {
    text: answer.text,
    products: answer.products,
    quickReplies: answer.quickReplies,
    intent: intent.intent,
    confidence: intent.confidence,
    entities,
    language,
    lookups: answer.lookups ?? [],
    handoff: answer.handoff ?? false,
    state: dropUndefined(state),
  };
}

/**
 * A bare answer to the bot's own question ("1042", "me@example.com") continues the intent that
 * asked for it instead of being classified on its own.
 */
function continueDialogue(result: IntentResult, entities: Entities, state: DialogueState, wordCount: number): IntentResult {
  const answersQuestion =
    (state.awaiting === "email" && entities.email) || (state.awaiting === "order_number" && entities.order_number);
  if (answersQuestion && state.lastIntent && wordCount <= 12 && (result.lowConfidence || !ORDER_INTENTS.has(result.intent))) {
    return { ...result, intent: state.lastIntent, lowConfidence: false };
  }
  return result;
}

function orderRequest(action: string): AnswerFor {
  return (turn) =>
    withVerifiedOrder(turn, (order, t) => ({
      text: `${describeOrderStatus(order, t.ctx.now)}\n\nI've noted that you'd like to ${action} order ${order.name}; a person from our team will follow up by email.`,
      handoff: true,
    }));
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
