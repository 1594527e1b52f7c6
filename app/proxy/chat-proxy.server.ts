/**
 * Delivery: the storefront bubble's requests, arriving through the Shopify app proxy. The route
 * file only hands the request here; this module verifies, validates, stores, answers.
 */
import { InvalidShopError } from "@shopify/shopify-api";
import { z } from "zod";
import type { Db } from "../db.server";
import type { AdminGraphql } from "../commerce/types";
import { createCommerce, customerGid } from "../commerce/store";
import { buildChatContext } from "../chat/context.server";
import { createVerificationStores } from "../chat/verification-store.server";
import type { Shopper } from "../chat/types";
import type { TurnOutput } from "../chat/pipeline";
import { resolveEngineConfig, type EngineConfig } from "../llm/config";
import { respondWithEngine, type EngineResult } from "../llm/engine-router";
import { decryptSecret } from "../llm/secrets.server";
import type { IntentClassifier } from "../chat/intent/engine";
import {
  MAX_CSAT_COMMENT_LENGTH,
  MAX_MESSAGE_LENGTH,
  type ConversationSignals,
  type ErrorResponse,
} from "../chat/protocol";
import {
  awaitingTeam,
  recordCsat,
  conversationMessages,
  findConversation,
  continueConversationWithMessage,
  readDialogueState,
  recordBotReply,
  recordFeedback,
  startConversationWithMessage,
  toMessageView,
  ClientMessageIdTaken,
  recentHistory,
  ticketsTeamReplied,
  type Conversation,
  type ConversationOwner,
  type Message,
  type StoredShopperMessage,
} from "../chat/transcript.server";
import { getShopSettings, type ShopSettings } from "../settings.server";
import { redactSensitive, withoutCardNumbers } from "../privacy/redact";
import { withCardNotice } from "../privacy/card-notice";
import {
  addressKey,
  checkLimits,
  LimitRefused,
  limitsInStatement,
  shopperKeys,
  type LimitKeys,
  type LimitVerdict,
  type ProxyLimits,
} from "./rate-limit.server";
import type { WriteCondition } from "../chat/transcript-sql.server";
import { isDatabaseUnavailable } from "../db-errors";
import { beforeDeadline, DeadlineExceeded, messageDeadline, type MessageDeadline } from "./deadline.server";
import { parse, readJson, RequestError, signedQuery, type SignedQuery } from "./request.server";
import { addedToRequest } from "../chat/team-thread";
import type { ReplyKind } from "../chat/reply-kind";
import { describeMailError, mailerFromEnv, type Mailer } from "../notify/mailer.server";
import { notifyShopperWroteBack } from "../notify/team-notice.server";

export interface ProxyContext {
  session?: { shop: string };
  admin?: { graphql: AdminGraphql };
}

export interface ProxyDeps {
  /** Abuse limits; none in unit tests that don't exercise them. */
  limits?: ProxyLimits;
  db: Db;
  /** `authenticate.public.appProxy`: throws a Response when the signature is missing or wrong. */
  authenticateProxy: (request: Request) => Promise<ProxyContext>;
  now?: () => Date;
  classifierFor?: (shop: string) => IntentClassifier | undefined;
  /** The merchant's approved answers for the shop. */
  approvedAnswersFor?: (shop: string) => Promise<{ question: string; answer: string }[]>;
  /** The shop's settings (the route's are cached per shop); read from the database when not given. */
  shopSettingsFor?: (shop: string) => Promise<ShopSettings>;
  /** Tells the team a shopper wrote back; defaults to the SMTP_URL/SMTP_FROM mailer, null sends nothing. */
  mailer?: Mailer | null;
}

const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "conversationId is not a valid id");

const sendMessageSchema = z.object({
  conversationId: conversationIdSchema.optional(),
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "clientMessageId must be 8–64 letters, digits, - or _")
    .optional(),
  text: z
    .string({ required_error: "text is required", invalid_type_error: "text must be a string" })
    .transform((t) => t.trim())
    .pipe(
      z
        .string()
        .min(1, "text is empty")
        .max(MAX_MESSAGE_LENGTH, `text is longer than ${MAX_MESSAGE_LENGTH} characters`),
    ),
  locale: z.string().max(20).optional(),
});

const feedbackSchema = z.object({
  conversationId: conversationIdSchema,
  messageId: z.string().min(1).max(64),
  rating: z.enum(["up", "down"], { errorMap: () => ({ message: 'rating must be "up" or "down"' }) }),
});

const csatSchema = z.object({
  conversationId: conversationIdSchema,
  rating: z
    .number({ required_error: "rating is required", invalid_type_error: "rating must be a number from 1 to 5" })
    .int("rating must be a whole number from 1 to 5")
    .min(1, "rating must be from 1 to 5")
    .max(5, "rating must be from 1 to 5"),
  comment: z
    .string({ invalid_type_error: "comment must be a string" })
    .max(MAX_CSAT_COMMENT_LENGTH, `comment is longer than ${MAX_CSAT_COMMENT_LENGTH} characters`)
    .transform((c) => c.trim() || null)
    .nullish(),
});

export async function handleProxyRequest(request: Request, endpoint: string, deps: ProxyDeps): Promise<Response> {
  try {
    const query = signedQuery(new URL(request.url).searchParams);
    if (!query) return errorResponse(400, "duplicate_parameter", "A query parameter appears more than once.");
    let context: ProxyContext;
    try {
      context = await deps.authenticateProxy(request);
    } catch (thrown) {
      if (thrown instanceof Response)
        return errorResponse(401, "invalid_signature", "This request was not signed by Shopify.");
      // Signed, but `shop` is no shop domain: the library refuses to look its session up.
      if (thrown instanceof InvalidShopError)
        return errorResponse(400, "invalid_shop", "This request is not for a Shopify store.");
      throw thrown;
    }
    const shop = query.shop;
    if (!shop || !context.session || context.session.shop !== shop || !context.admin) {
      return errorResponse(503, "shop_not_installed", "Chat isn't available for this shop right now.");
    }
    const owner: ConversationOwner = { shop, customerId: loggedInCustomer(query.logged_in_customer_id) };
    const method = request.method.toUpperCase();
    const route = Object.hasOwn(ENDPOINTS, endpoint) ? ENDPOINTS[endpoint] : null;
    if (!route) return errorResponse(404, "not_found", "Unknown chat endpoint.");
    if (method !== route.method)
      return errorResponse(405, "method_not_allowed", `${method} is not supported on ${endpoint}.`);
    // Read before the limits: a guest is limited per the conversation the request names.
    const input = method === "POST" ? await readJson(request) : query;
    const keys: LimitKeys = {
      shop,
      ...shopperKeys(request, owner.customerId, conversationIdIn(input)),
      // The signature alone: it is single-use whatever path spelling or endpoint it comes back on.
      signature: query.signature ?? null,
      writes: method !== "GET",
    };
    // A message on PostgreSQL: its limits counted in the statement that stores it (one round trip less).
    const counting = deps.limits && route.handle === sendMessage ? await limitsInStatement(deps.limits, keys) : null;
    // Otherwise counted while the endpoint reads and checks its input (on PostgreSQL a round trip
    // of its own): every endpoint awaits the verdict before it reads or stores anything.
    const refused = deps.limits && !counting ? refusalBy(deps.limits, keys) : NOT_REFUSED;
    // Awaited below in every case: no unhandled rejection while the endpoint is busy.
    refused.catch(() => {});
    // The verdict for a request that ended before its limits were counted (a 400): as when they were counted first.
    const refusal = async () => {
      if (counting && counting.verdict === null) {
        try {
          await counting.checkAlone();
        } catch (error) {
          if (error instanceof LimitRefused) return refusalResponse(error.verdict);
          throw error;
        }
      }
      return refused;
    };
    let response: Response;
    try {
      response = await route.handle({
        request,
        input,
        owner,
        graphql: context.admin.graphql,
        deps,
        refused,
        limits: counting ?? undefined,
      });
    } catch (error) {
      if (error instanceof LimitRefused) return refusalResponse(error.verdict);
      // A request over its limits is refused whatever else is wrong with it (as when it was checked first).
      const refused = await refusal();
      if (refused) return refused;
      throw error;
    }
    return (await refusal()) ?? response;
  } catch (error) {
    if (error instanceof RequestError) return errorResponse(error.status, error.code, error.message);
    if (error instanceof ClientMessageIdTaken)
      return errorResponse(
        409,
        "client_message_id_taken",
        "That clientMessageId was already used in another conversation.",
      );
    console.error("chat proxy failed", error instanceof Error ? error.message : error);
    const failure = failureFor(error);
    const response = errorResponse(failure.status, failure.code, failure.message);
    if (failure.retryAfterSeconds) response.headers.set("Retry-After", String(failure.retryAfterSeconds));
    return response;
  }
}

const NOT_REFUSED = Promise.resolve(null);

/** The response refusing a request over its limits, or null when it is within them. */
async function refusalBy(limits: ProxyLimits, keys: LimitKeys): Promise<Response | null> {
  const verdict = await checkLimits(limits, keys);
  return verdict.ok ? null : refusalResponse(verdict);
}

function refusalResponse(verdict: Extract<LimitVerdict, { ok: false }>): Response {
  if (verdict.reason === "replay") return errorResponse(409, "replayed_request", "This request was already received.");
  const response = errorResponse(
    429,
    "rate_limited",
    "You're sending messages too quickly. Please wait a moment and try again.",
  );
  response.headers.set("Retry-After", String(verdict.retryAfterSeconds));
  return response;
}

/**
 * What the shopper is told when a request fails: a database that is down, restarting or locked
 * is temporary (503, try again; the bubble keeps the message and its clientMessageId for the
 * retry), anything else is our bug (500).
 */
function failureFor(error: unknown): { status: number; code: string; message: string; retryAfterSeconds?: number } {
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: "temporarily_unavailable",
      message: "Sorry, we can't take messages for a moment. Please try again shortly.",
      retryAfterSeconds: 5,
    };
  }
  return { status: 500, code: "internal_error", message: "Sorry, something went wrong on our side. Please try again." };
}

/** One request to an endpoint, its signature and signed shop already checked. */
interface EndpointCall {
  request: Request;
  /** The JSON body of a POST, the signed query of a GET. */
  input: unknown;
  owner: ConversationOwner;
  graphql: AdminGraphql;
  deps: ProxyDeps;
  /** The rate limits' verdict: a refusal to return, or null. Awaited before anything is read or stored. */
  refused: Promise<Response | null>;
  /** A message's rate limits, to count in the statement storing it (PostgreSQL), instead of `refused`. */
  limits?: WriteCondition;
}

const ENDPOINTS: Record<string, { method: "GET" | "POST"; handle: (call: EndpointCall) => Promise<Response> }> = {
  messages: { method: "POST", handle: sendMessage },
  conversation: { method: "GET", handle: getConversation },
  feedback: { method: "POST", handle: sendFeedback },
  csat: { method: "POST", handle: sendCsat },
};

/** The well-formed conversation id a request names, if any. */
function conversationIdIn(input: unknown): string | null {
  const id = (input as { conversationId?: unknown } | null)?.conversationId;
  // A new conversation names none: no schema failure (and its issue objects) built for that.
  if (typeof id !== "string") return null;
  return conversationIdSchema.safeParse(id).success ? id : null;
}

async function sendMessage({
  request,
  input: body,
  owner,
  graphql,
  deps,
  refused,
  limits,
}: EndpointCall): Promise<Response> {
  const input = parse(sendMessageSchema, body);
  const { db } = deps;
  // Stored without card or phone numbers; the bot still reads the original text below.
  const storedText = redactSensitive(input.text);
  const clientMessageId = input.clientMessageId ?? null;
  const refusal = await refused;
  if (refusal) return refusal;
  let conversation: Conversation;
  let stored: StoredShopperMessage;
  // Hand-offs of this conversation already waiting for the team, read with the conversation.
  let openTickets = 0;
  // Hand-offs the team has replied to (while there is one, the shopper's messages are theirs), and
  // of those, the ones still "replied": this message reopens them and the team is told.
  let answeredTickets = 0;
  let repliedTickets = 0;
  if (input.conversationId) {
    const existing = await continueConversationWithMessage(
      db,
      owner,
      input.conversationId,
      storedText,
      clientMessageId,
      limits,
    );
    if (!existing) return errorResponse(404, "conversation_not_found", "That conversation doesn't exist.");
    ({ conversation, openTickets, answeredTickets, repliedTickets, ...stored } = existing);
  } else {
    ({ conversation, ...stored } = await startConversationWithMessage(
      db,
      owner,
      storedText,
      clientMessageId,
      undefined,
      limits,
    ));
  }
  const exchange = (reply: Message, signals: ConversationSignals) => ({
    conversationId: conversation.id,
    shopperMessage: toMessageView(stored.message),
    reply: toMessageView(reply),
    ...signals,
  });
  // A retry of an answered message: as it stands now.
  if (stored.existingReply)
    return json(exchange(stored.existingReply, await replySignals(db, conversation, stored.existingReply)));

  const deadline = messageDeadline();
  // A database that errors gets the shopper a 503 to retry; one that doesn't answer in time, the apology.
  const config = await beforeDeadline(shopConfig(deps, owner.shop), deadline.store).catch((error: unknown) => {
    if (!(error instanceof DeadlineExceeded)) throw error;
    console.error("shop settings not read within the deadline");
    return null;
  });
  // The client address the rate limits count, so failed order verifications are counted per client too.
  const shopper: Shopper = { customerId: owner.customerId, clientKey: addressKey(request) };
  const answer = async (onDelta?: (text: string) => void) => {
    const { reply, filedTicket } = await answerAndRecord(
      input.text,
      owner,
      shopper,
      conversation,
      stored.message,
      graphql,
      config,
      deps,
      deadline,
      answeredTickets > 0,
      onDelta,
    ).finally(() => deadline.done());
    const toTeam = reply.replyKind === "team_followup";
    if (toTeam && repliedTickets > 0) tellTeamShopperWroteBack(deps, conversation, storedText);
    // No second read: a ticket waits if one already did or this reply filed (or reopened) one.
    return exchange(reply, signalsAfter(reply, conversation, openTickets > 0 || filedTicket || toTeam));
  };
  if (wantsStream(request) && config && config.engine.mode !== "local") {
    return streamReply(async (send) => send("message", await answer((text) => send("delta", { text }))));
  }
  return json(await answer());
}

/** The shop's settings and the engine they select, read once per message. */
interface ShopConfig {
  settings: ShopSettings;
  engine: EngineConfig;
}

async function shopConfig(deps: ProxyDeps, shop: string): Promise<ShopConfig> {
  const settings = await (deps.shopSettingsFor?.(shop) ?? getShopSettings(deps.db, shop));
  return { settings, engine: engineConfig(settings) };
}

/**
 * awaitingTeam / endOfConversation (protocol.ts) after `last`, the newest message: the bot's
 * goodbye or the team's reply ends the conversation, unless a hand-off still waits or the
 * shopper has already rated it.
 */
async function replySignals(
  db: Db,
  conversation: Conversation,
  last: Message | undefined,
): Promise<ConversationSignals> {
  return signalsAfter(last, conversation, await awaitingTeam(db, conversation));
}

function signalsAfter(
  last: Message | undefined,
  conversation: Conversation,
  waitingForTeam: boolean,
): ConversationSignals {
  if (waitingForTeam) return { awaitingTeam: true };
  const ended = last && (last.role === "agent" || (last.role === "bot" && last.intent === "thanks_goodbye"));
  return ended && conversation.csat === null ? { endOfConversation: true } : {};
}

/** Answer with the shop's engine (or apologise if the store is unreachable) and store the reply. */
async function answerAndRecord(
  text: string,
  owner: ConversationOwner,
  shopper: Shopper,
  conversation: Conversation,
  shopperMessage: Message,
  graphql: AdminGraphql,
  config: ShopConfig | null,
  deps: ProxyDeps,
  deadline: MessageDeadline,
  teamReplied: boolean,
  onDelta?: (text: string) => void,
) {
  const started = performance.now();
  // The bot never needs a card number, and no model ever sees one.
  const result = await answerOrApologise(
    withoutCardNumbers(text),
    owner,
    shopper,
    conversation,
    graphql,
    config,
    deps,
    deadline,
    teamReplied,
    onDelta,
  );
  const { output } = result;
  const answered = result.engine !== "none";
  const reply = await recordBotReply(deps.db, conversation, shopperMessage, {
    text: withCardNotice(output.text, text, output.language),
    intent: answered ? output.intent : null,
    confidence: answered ? output.confidence : null,
    entities: output.entities,
    engine: result.engine,
    engineNote: result.note,
    usage: result.usage,
    costUsd: result.costUsd,
    latencyMs: Math.round(performance.now() - started),
    lookups: output.lookups,
    products: output.products,
    quickReplies: output.quickReplies,
    state: output.state,
    status: output.handoff ? "handoff" : undefined,
    replyKind: output.replyKind,
    ticket: output.ticket,
    language: output.language,
  });
  return { reply, filedTicket: !!output.ticket };
}

function wantsStream(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/event-stream");
}

/** Server-Sent Events: deltas as the model writes, then the stored reply (see protocol.ts). */
function streamReply(produce: (send: (event: string, data: unknown) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) =>
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      try {
        await produce(send);
      } catch (error) {
        console.error("streamed reply failed", error instanceof Error ? error.message : error);
        const { code, message } = failureFor(error);
        send("error", { error: { code, message } });
      }
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}

function engineConfig(settings: ShopSettings): EngineConfig {
  return resolveEngineConfig({
    engineMode: settings.engineMode,
    openaiModel: settings.openaiModel,
    openaiKey: settings.openaiKeyCiphertext ? decryptSecret(settings.openaiKeyCiphertext) : null,
  });
}

async function answerOrApologise(
  text: string,
  owner: ConversationOwner,
  shopper: Shopper,
  conversation: Conversation,
  graphql: AdminGraphql,
  config: ShopConfig | null,
  deps: ProxyDeps,
  deadline: MessageDeadline,
  teamReplied: boolean,
  onDelta?: (text: string) => void,
): Promise<Omit<EngineResult, "engine"> & { engine: EngineResult["engine"] | "none" }> {
  const state = readDialogueState(conversation);
  const apologise = (note: string) =>
    teamReplied
      ? // The team's conversation needs nothing from the store: the message still reaches their ticket.
        {
          output: { ...EMPTY_TURN, ...withKind(addedToRequest(state.language ?? "en")), state },
          engine: "local" as const,
          note: `${note}; the team has replied: the message goes to their ticket`,
          usage: null,
          costUsd: null,
        }
      : {
          output: { ...EMPTY_TURN, text: STORE_APOLOGY, state },
          engine: "none" as const,
          note,
          usage: null,
          costUsd: null,
        };
  if (!config) return apologise("store unavailable: the shop's settings could not be read");
  const { settings, engine } = config;
  const local = engine.mode === "local" || !engine.openai;
  const outOfTime = local ? deadline.store : deadline.withModel;
  const respond = async () => {
    const ctx = await buildChatContext({
      shop: owner.shop,
      commerce: createCommerce(graphql, { signal: deadline.store }),
      settings,
      classifier: deps.classifierFor?.(owner.shop),
      approvedAnswers: await deps.approvedAnswersFor?.(owner.shop),
      now: deps.now?.(),
      // Failed verifications and one-time codes in the database: shared by every conversation and instance.
      verification: createVerificationStores(deps.db, owner.shop),
    });
    // Only a model reads the earlier messages; the local engine keeps its context in `state`.
    const history = local ? [] : await recentHistory(deps.db, conversation);
    // Nothing more reaches the shopper's stream once the apology has gone out.
    const delta = onDelta && ((piece: string) => void (outOfTime.aborted || onDelta(piece)));
    return respondWithEngine({ text, shopper, state, teamReplied }, ctx, engine, {
      shop: owner.shop,
      history,
      onDelta: delta,
    });
  };
  try {
    return await beforeDeadline(respond(), outOfTime);
  } catch (error) {
    const late = error instanceof DeadlineExceeded;
    console.error(
      late ? "answering passed its deadline" : "answering failed",
      error instanceof Error ? error.message : error,
    );
    return apologise(
      late
        ? `store unavailable: no answer within the ${local ? `${deadline.storeMs} ms` : "message's"} deadline`
        : "store unavailable",
    );
  }
}

const STORE_APOLOGY =
  "Sorry, I can't reach the store's records right now. Please try again in a minute, or ask for a person and our team will get back to you.";

const EMPTY_TURN: TurnOutput = {
  text: "",
  products: undefined,
  quickReplies: undefined,
  intent: "out_of_scope",
  confidence: 0,
  entities: {},
  language: "en",
  lookups: [],
  handoff: false,
  replyKind: "no_answer",
  state: {},
};

function withKind(answer: { text: string; kind?: ReplyKind }): { text: string; replyKind: ReplyKind } {
  return { text: answer.text, replyKind: answer.kind ?? "answer" };
}

/**
 * The team hears that the shopper wrote back, once per reply of theirs (a ticket still "replied"
 * until now), at the shop's hand-off address. Sent after the shopper has their answer: a slow or
 * failing mail server delays and breaks nothing.
 */
function tellTeamShopperWroteBack(deps: ProxyDeps, conversation: Conversation, text: string): void {
  const mailer = deps.mailer === undefined ? mailerFromEnv() : deps.mailer;
  if (!mailer) return;
  const notify = async () =>
    notifyShopperWroteBack(deps.db, mailer, conversation.shop, await ticketsTeamReplied(deps.db, conversation), text);
  void notify().catch((error: unknown) => {
    console.error("hand-off notice failed", describeMailError(error));
  });
}

async function getConversation({ input: query, owner, deps, refused }: EndpointCall): Promise<Response> {
  const refusal = await refused;
  if (refusal) return refusal;
  const id = parse(conversationIdSchema, (query as SignedQuery).conversationId);
  const conversation = await findConversation(deps.db, owner, id);
  if (!conversation) return errorResponse(404, "conversation_not_found", "That conversation doesn't exist.");
  const messages = await conversationMessages(deps.db, conversation);
  const signals = await replySignals(deps.db, conversation, messages.at(-1));
  return json({ conversationId: conversation.id, messages: messages.map(toMessageView), ...signals });
}

async function sendCsat({ input: body, owner, deps, refused }: EndpointCall): Promise<Response> {
  const refusal = await refused;
  if (refusal) return refusal;
  const input = parse(csatSchema, body);
  const conversation = await findConversation(deps.db, owner, input.conversationId);
  if (!conversation) return errorResponse(404, "conversation_not_found", "That conversation doesn't exist.");
  await recordCsat(deps.db, conversation, input.rating, input.comment ?? null);
  return json({ ok: true });
}

async function sendFeedback({ input: body, owner, deps, refused }: EndpointCall): Promise<Response> {
  const refusal = await refused;
  if (refusal) return refusal;
  const input = parse(feedbackSchema, body);
  const conversation = await findConversation(deps.db, owner, input.conversationId);
  if (!conversation) return errorResponse(404, "conversation_not_found", "That conversation doesn't exist.");
  const saved = await recordFeedback(deps.db, conversation, input.messageId, input.rating);
  if (!saved) return errorResponse(404, "message_not_found", "That reply doesn't exist in this conversation.");
  return json({ ok: true });
}

/** The signed logged-in customer, as a GID; anything but a numeric id is no customer. */
function loggedInCustomer(loggedInCustomerId: string | undefined): string | null {
  return loggedInCustomerId && /^\d+$/.test(loggedInCustomerId) ? customerGid(loggedInCustomerId) : null;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function errorResponse(status: number, code: string, message: string): Response {
  const body: ErrorResponse = { error: { code, message } };
  return json(body, status);
}
