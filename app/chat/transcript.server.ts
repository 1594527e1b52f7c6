/**
 * The log stage: every shopper message is stored before it is processed, every reply and every
 * piece of feedback after. All reads and writes are scoped by shop, and a conversation that
 * belongs to a logged-in customer is only readable with that customer's signed id.
 */
import type { Db } from "../db.server";
import type { Conversation, Message, Feedback } from "../generated/prisma/client";
import type { ChatMessageView } from "./protocol";
import type { DialogueState, TicketRequest } from "./types";
import type { ReplyKind } from "./reply-kind";
import { redactDeep, redactSensitive, withoutCardNumbers } from "../privacy/redact";
import {
  countMessage,
  insertConversation,
  insertMessage,
  isUniqueViolation,
  messageRow,
  newRowId,
  pooledRandomBytes,
  reopenRepliedTickets,
  selectConversation,
  selectConversationAndStoreMessage,
  insertConversationWithMessageIf,
  type WriteCondition,
  updateAfterReply,
  updateAnalysis,
  writeTogether,
  type ConversationWithTickets,
} from "./transcript-sql.server";

export type { Conversation, Message };

export function mintConversationId(): string {
  return pooledRandomBytes(16).toString("base64url");
}

export interface ConversationOwner {
  shop: string;
  customerId: string | null;
}

/**
 * The conversation this owner may continue, or null. A guest can continue a guest conversation
 * by its unguessable id; a customer's conversation needs that customer's signed id. A logged-in
 * customer doesn't continue a guest's conversation either: its state may hold an order the guest
 * verified, which must not become the customer's. The bubble starts a new one on the 404.
 */
export async function findConversation(db: Db, owner: ConversationOwner, id: string): Promise<Conversation | null> {
  return (await findConversationWithTickets(db, owner, id))?.conversation ?? null;
}

/** findConversation, with how many of its hand-offs wait for the team and how many they answered (one statement). */
export async function findConversationWithTickets(
  db: Db,
  owner: ConversationOwner,
  id: string,
): Promise<ConversationWithTickets | null> {
  const found = await selectConversation(db, owner.shop, id);
  if (!found || found.conversation.customerId !== owner.customerId) return null;
  return found;
}

export async function startConversation(db: Db, owner: ConversationOwner, language: string): Promise<Conversation> {
  return db.conversation.create({
    data: { id: mintConversationId(), shop: owner.shop, customerId: owner.customerId, language },
  });
}

export interface StoredShopperMessage {
  message: Message;
  /** The reply already given, when this is a retry of a message that was answered. */
  existingReply: Message | null;
}

/** The clientMessageId was already used in a conversation this shopper can't continue here. */
export class ClientMessageIdTaken extends Error {
  constructor() {
    super("clientMessageId already used in another conversation");
  }
}

/**
 * A new conversation and its first message, written together (one transaction): a message the
 * database refuses leaves no empty conversation behind. A retry of
 * the first message (same clientMessageId, still without a conversation id) is idempotent on
 * the unique (shop, clientMessageId): it returns the conversation the first attempt started.
 */
export async function startConversationWithMessage(
  db: Db,
  owner: ConversationOwner,
  text: string,
  clientMessageId: string | null,
  language = "en",
  condition?: WriteCondition,
): Promise<StoredShopperMessage & { conversation: Conversation }> {
  const now = new Date();
  const conversation: Conversation = {
    id: mintConversationId(),
    shop: owner.shop,
    customerId: owner.customerId,
    language,
    status: "open",
    resolvedAt: null,
    csat: null,
    csatComment: null,
    state: "{}",
    messageCount: 1,
    createdAt: now,
    lastMessageAt: now,
  };
  const message = messageRow({
    id: newRowId(),
    shop: owner.shop,
    conversationId: conversation.id,
    role: "shopper",
    text: redactSensitive(text),
    clientMessageId,
    createdAt: now,
  });
  // Under a condition (the shopper's rate limits): in the statement itself on PostgreSQL, else first.
  let conditionChecked = !condition;
  try {
    if (!condition || !(await insertConversationWithMessageIf(db, conversation, message, condition))) {
      if (condition) await condition.checkAlone();
      conditionChecked = true;
      await writeTogether(db, [insertConversation(conversation), insertMessage(message)]);
    }
    return { conversation, message, existingReply: null };
  } catch (error) {
    if (!(clientMessageId && isUniqueViolation(error))) throw error;
    // A retry whose statement wrote and counted nothing: the condition decides before the earlier one is read.
    if (!conditionChecked) await condition!.checkAlone();
    const earlier = await storedByClientId(db, owner.shop, clientMessageId);
    if (!earlier) throw error;
    const conversation = await findConversation(db, owner, earlier.message.conversationId);
    if (!conversation) throw new ClientMessageIdTaken();
    return { conversation, ...earlier };
  }
}

/**
 * Store the shopper's message first, so nothing is lost if answering fails. Retries are stored
 * once: the unique (shop, clientMessageId) refuses the second insert, and then the stored
 * message and its reply, if any, are returned. Inserting first keeps the common case to one
 * write transaction. (A message the team has to read reopens their ticket when its reply is
 * recorded: see recordBotReply.)
 */
export async function recordShopperMessage(
  db: Db,
  conversation: Conversation,
  text: string,
  clientMessageId: string | null,
): Promise<StoredShopperMessage> {
  const now = new Date();
  const message = messageRow({
    id: newRowId(),
    shop: conversation.shop,
    conversationId: conversation.id,
    role: "shopper",
    text: redactSensitive(text),
    clientMessageId,
    createdAt: now,
  });
  try {
    await writeTogether(db, [insertMessage(message), countMessage(conversation.id, now)]);
    return { message, existingReply: null };
  } catch (error) {
    const earlier =
      clientMessageId && isUniqueViolation(error)
        ? await storedByClientId(db, conversation.shop, clientMessageId)
        : null;
    if (!earlier) throw error;
    if (earlier.message.conversationId !== conversation.id) throw new ClientMessageIdTaken();
    return earlier;
  }
}

/**
 * A message in a conversation its owner continues: the conversation with the state of its
 * hand-offs (see findConversationWithTickets), and the message stored before it is answered (see
 * recordShopperMessage), only when `condition` (the shopper's rate limits) holds. Null when the
 * owner may not continue it. On PostgreSQL the condition, the read and the write are one
 * statement, one round trip; a retry of a stored message takes the steps one by one.
 */
export async function continueConversationWithMessage(
  db: Db,
  owner: ConversationOwner,
  id: string,
  text: string,
  clientMessageId: string | null,
  condition?: WriteCondition,
): Promise<(ConversationWithTickets & StoredShopperMessage) | null> {
  const message = messageRow({
    id: newRowId(),
    shop: owner.shop,
    conversationId: id,
    role: "shopper",
    text: redactSensitive(text),
    clientMessageId,
    createdAt: new Date(),
  });
  let conditionChecked = !condition;
  try {
    const found = await selectConversationAndStoreMessage(db, owner.customerId, message, condition);
    if (found !== undefined) conditionChecked = true;
    if (found === null) return null;
    if (found) return { ...found, message, existingReply: null };
  } catch (error) {
    // The same clientMessageId again: nothing was written or counted, and the steps find the earlier one.
    if (!(clientMessageId && isUniqueViolation(error))) throw error;
  }
  // The condition decides before anything is read (as when it is counted in the statement).
  if (!conditionChecked) await condition!.checkAlone();
  const found = await findConversationWithTickets(db, owner, id);
  if (!found) return null;
  return { ...found, ...(await recordShopperMessage(db, found.conversation, text, clientMessageId)) };
}

/** The shopper message stored under this clientMessageId, and its reply if it was answered. */
async function storedByClientId(db: Db, shop: string, clientMessageId: string): Promise<StoredShopperMessage | null> {
  const message = await db.message.findUnique({ where: { shop_clientMessageId: { shop, clientMessageId } } });
  if (!message) return null;
  const existingReply = await db.message.findFirst({
    where: { conversationId: message.conversationId, replyToId: message.id },
  });
  return { message, existingReply };
}

export interface BotReplyRecord {
  text: string;
  intent: string | null;
  confidence: number | null;
  entities: object;
  engine: string;
  engineNote?: string;
  usage?: { promptTokens: number; completionTokens: number } | null;
  costUsd?: number | null;
  latencyMs: number;
  lookups: object[];
  products?: object[];
  quickReplies?: string[];
  state: DialogueState;
  status?: string;
  language?: string;
  /** What the reply did (reply-kind.ts); "team_followup" puts the answered ticket back in the team's open list. */
  replyKind?: ReplyKind;
  /** Work for the merchant's team created by this reply. */
  ticket?: TicketRequest;
}

/**
 * Store the reply, the shopper message's analysis, and the conversation's new dialogue state.
 * Whatever was derived from the shopper's words is stored without card or phone numbers; the
 * reply loses card numbers only (it may quote the shop's own phone number).
 */
export async function recordBotReply(
  db: Db,
  conversation: Conversation,
  shopperMessage: Message,
  unredacted: BotReplyRecord,
): Promise<Message> {
  const reply = redactReply(unredacted);
  // Asking twice ("an invoice please" … "it's for my expense report") files one request, not two.
  const { ticket } = reply;
  const now = new Date();
  const message = messageRow({
    id: newRowId(),
    shop: conversation.shop,
    conversationId: conversation.id,
    role: "bot",
    text: reply.text,
    replyToId: shopperMessage.id,
    intent: reply.intent,
    confidence: reply.confidence,
    engine: reply.engine,
    engineNote: reply.engineNote ?? null,
    replyKind: reply.replyKind ?? null,
    promptTokens: reply.usage?.promptTokens ?? null,
    completionTokens: reply.usage?.completionTokens ?? null,
    costUsd: reply.costUsd ?? null,
    latencyMs: reply.latencyMs,
    lookups: JSON.stringify(reply.lookups),
    products: reply.products?.length ? JSON.stringify(reply.products) : null,
    quickReplies: reply.quickReplies?.length ? JSON.stringify(reply.quickReplies) : null,
    createdAt: now,
  });
  const writes = [
    updateAnalysis(shopperMessage.id, {
      intent: reply.intent,
      confidence: reply.confidence,
      entities: JSON.stringify(reply.entities),
      engine: reply.engine,
    }),
    insertMessage(message),
    updateAfterReply(conversation.id, {
      state: JSON.stringify(reply.state),
      at: now,
      status: reply.status || null,
      language: reply.language || null,
    }),
    // The shopper wrote back to the team: their ticket returns to the open list, as in a support inbox.
    ...(reply.replyKind === "team_followup" ? [reopenRepliedTickets(conversation, now)] : []),
  ];
  // Read only once the reply's values are written out above: redaction hands back the caller's own
  // objects where nothing was taken out, so nothing done to them while this waits reaches the row.
  const existing = ticket ? await ticketWithTeam(db, conversation, ticket) : null;
  const ticketWrites = !ticket
    ? []
    : existing
      ? // Back to the team's open list, with the reply address if this message brought one.
        [
          db.handoffTicket.update({
            where: { id: existing.id },
            data: { status: "open", contactEmail: existing.contactEmail ?? ticket.contactEmail ?? null },
          }),
        ]
      : [
          db.handoffTicket.create({
            data: {
              shop: conversation.shop,
              conversationId: conversation.id,
              kind: ticket.kind,
              reasonCategory: ticket.reason,
              summary: ticket.summary,
              orderNumber: ticket.orderNumber ?? null,
              contactEmail: ticket.contactEmail ?? null,
            },
          }),
        ];
  await writeTogether(db, writes, ticketWrites, conversation.id);
  return message;
}

function redactReply(reply: BotReplyRecord): BotReplyRecord {
  return {
    ...reply,
    text: withoutCardNumbers(reply.text),
    entities: redactDeep(reply.entities),
    lookups: redactDeep(reply.lookups),
    quickReplies: reply.quickReplies?.map(withoutCardNumbers),
    state: redactDeep(reply.state),
    ticket: reply.ticket ? redactDeep(reply.ticket) : undefined,
  };
}

export function readDialogueState(conversation: Conversation): DialogueState {
  try {
    return JSON.parse(conversation.state) as DialogueState;
  } catch {
    return {};
  }
}

/** The last messages before this one, oldest first, for the model's context. */
export async function recentHistory(
  db: Db,
  conversation: Conversation,
  limit = 10,
): Promise<{ role: "shopper" | "bot" | "agent"; text: string }[]> {
  const rows = await db.message.findMany({
    where: { conversationId: conversation.id, shop: conversation.shop },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { role: true, text: true },
  });
  // The newest row is the shopper message being answered, already stored.
  return rows
    .slice(1)
    .reverse()
    .map((r) => ({ role: r.role as "shopper" | "bot" | "agent", text: r.text }));
}

export async function conversationMessages(db: Db, conversation: Conversation) {
  return db.message.findMany({
    where: { conversationId: conversation.id, shop: conversation.shop },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { feedback: true },
  });
}

/** Record (or change) a shopper's rating of one bot reply in their conversation. */
export async function recordFeedback(
  db: Db,
  conversation: Conversation,
  messageId: string,
  rating: "up" | "down",
): Promise<boolean> {
  const message = await db.message.findFirst({
    where: { id: messageId, conversationId: conversation.id, shop: conversation.shop, role: "bot" },
  });
  if (!message) return false;
  await db.feedback.upsert({
    where: { messageId },
    create: { shop: conversation.shop, messageId, conversationId: conversation.id, rating },
    update: { rating },
  });
  return true;
}

/**
 * The writes that add a reply from the merchant's team (role "agent") to a conversation, so the
 * shopper sees it in the bubble. Returned unrun, for the caller's transaction.
 */
export function agentMessageWrites(
  db: Db,
  conversation: { id: string; shop: string },
  text: string,
  at: Date = new Date(),
) {
  return [
    db.message.create({
      data: { shop: conversation.shop, conversationId: conversation.id, role: "agent", text, createdAt: at },
    }),
    db.conversation.update({
      where: { id: conversation.id },
      data: { messageCount: { increment: 1 }, lastMessageAt: at },
    }),
  ] as const;
}

const PERSON_TICKETS: TicketRequest["kind"][] = ["handoff", "complaint"];

/**
 * The ticket a new request adds to, if the team already has it: the same request (kind and
 * order) still open, or, for "a person, please", the conversation's hand-off, open or answered
 * (the shopper writing back after the team's reply reopens it instead of starting another).
 */
async function ticketWithTeam(db: Db, conversation: Conversation, ticket: TicketRequest) {
  const scope = { shop: conversation.shop, conversationId: conversation.id };
  return db.handoffTicket.findFirst({
    where: PERSON_TICKETS.includes(ticket.kind)
      ? { ...scope, kind: { in: PERSON_TICKETS }, status: { in: ["open", "replied"] } }
      : { ...scope, kind: ticket.kind, orderNumber: ticket.orderNumber ?? null, status: "open" },
    select: { id: true, contactEmail: true },
  });
}

/** Tickets the team has replied to and not closed. */
const ANSWERED_TICKETS = { repliedAt: { not: null }, status: { in: ["open", "replied"] } };

/**
 * The conversation's tickets the team has replied to and not closed: while there is one, the
 * shopper's messages are theirs (app/chat/team-thread.ts).
 */
export async function ticketsTeamReplied(db: Db, conversation: Conversation) {
  return db.handoffTicket.findMany({
    where: { ...ANSWERED_TICKETS, conversationId: conversation.id, shop: conversation.shop },
    select: { id: true, status: true, summary: true, orderNumber: true, contactEmail: true },
  });
}

/** Is a hand-off in this conversation still waiting for the team's reply? */
export async function awaitingTeam(db: Db, conversation: Conversation): Promise<boolean> {
  return (
    (await db.handoffTicket.count({
      where: { conversationId: conversation.id, shop: conversation.shop, status: "open" },
    })) > 0
  );
}

/** Record (or change) the shopper's satisfaction rating (1–5) of the conversation. */
export async function recordCsat(
  db: Db,
  conversation: Conversation,
  rating: number,
  comment: string | null,
): Promise<void> {
  await db.conversation.update({
    where: { id: conversation.id, shop: conversation.shop },
    data: { csat: rating, csatComment: comment === null ? null : redactSensitive(comment) },
  });
}

/** Small talk: a greeting or a goodbye is no answer, so the bubble offers no thumbs under it. */
const UNRATED_INTENTS = new Set(["greeting", "thanks_goodbye"]);

export function toMessageView(message: Message & { feedback?: Feedback | null }): ChatMessageView {
  const rateable = message.role === "bot" && !UNRATED_INTENTS.has(message.intent ?? "");
  return {
    id: message.id,
    role: message.role as ChatMessageView["role"],
    text: message.text,
    createdAt: message.createdAt.toISOString(),
    ...(message.products ? { products: JSON.parse(message.products) } : {}),
    ...(message.quickReplies ? { quickReplies: JSON.parse(message.quickReplies) } : {}),
    ...(rateable ? { feedback: (message.feedback?.rating as "up" | "down" | undefined) ?? null } : {}),
  };
}
