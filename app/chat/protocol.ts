/**
 * The wire contract between the storefront bubble (extensions/support-chat/assets/chat-bubble.js)
 * and the app proxy route (app/routes/proxy.$.tsx). The storefront calls
 * `/apps/support/<endpoint>`; Shopify signs the request and forwards it to `/proxy/<endpoint>`.
 *
 *   POST /apps/support/messages      body SendMessageRequest   → SendMessageResponse
 *   GET  /apps/support/conversation?conversationId=…            → ConversationResponse
 *   POST /apps/support/feedback      body FeedbackRequest      → { ok: true }
 *   POST /apps/support/csat          body CsatRequest          → { ok: true }
 *
 * Every error is `ErrorResponse` with a 4xx/5xx status; never a stack trace. Among them:
 *   400 duplicate_parameter       a query parameter appears twice (the signature would cover another value)
 *   404 conversation_not_found    unknown id, another shopper's, or a guest's asked for by a logged-in
 *                                 customer: start a new conversation (send without conversationId)
 *   409 replayed_request          this signed URL was already used, on whichever endpoint
 *   409 client_message_id_taken   the clientMessageId belongs to another conversation
 *   413 / 415                     a body over 16 KB / not of media type application/json
 *   429 rate_limited              with Retry-After (seconds)
 *
 * Streaming: a POST /messages sent with `Accept: text/event-stream` MAY be answered as Server-Sent
 * Events (Content-Type text/event-stream) when the reply is generated token by token:
 *   event: delta    data: {"text": "<next piece of the reply>"}     (append to the reply being shown)
 *   event: message  data: SendMessageResponse                        (final: replaces the streamed text)
 *   event: error    data: ErrorResponse
 * Otherwise (and always when the client didn't ask) the answer is the plain JSON response.
 *
 * Hand-offs and the end of a conversation (SendMessageResponse and ConversationResponse):
 *   awaitingTeam: true       a hand-off in this conversation waits for the merchant's team. While the
 *                            panel is open and the page visible, the bubble polls GET /conversation
 *                            gently (every 20 s) so the team's reply (a message with role "agent")
 *                            appears without a reload. Omitted once the team has replied or closed it.
 *   endOfConversation: true  the conversation has come to an end — the bot's reply to a goodbye/thanks
 *                            (intent thanks_goodbye), or the team's reply being the newest message — and
 *                            the shopper hasn't rated it yet: the bubble offers the "How did we do?"
 *                            survey (1–5 stars, optional comment) → POST /csat. Never set while
 *                            awaitingTeam (the survey waits for the team's reply).
 */

export const MAX_MESSAGE_LENGTH = 1000;

export interface SendMessageRequest {
  /** Omitted on the first message: the server mints the conversation id. */
  conversationId?: string;
  /**
   * Client-generated id (8–64 of A–Z a–z 0–9 _ -; the bubble sends 32 random hex digits) so a retried
   * send is stored once: unique per shop, so a retried first message (still without conversationId)
   * gets the conversation and reply of the first attempt.
   */
  clientMessageId?: string;
  /** Stored with NUL characters removed and any lone UTF-16 surrogate replaced by U+FFFD. */
  text: string;
  /** BCP-47 language of the storefront page, a hint only. */
  locale?: string;
}

export interface ProductCard {
  title: string;
  price: string; // formatted, e.g. "$229.00"
  compareAtPrice?: string | null;
  imageUrl?: string | null;
  url: string;
  available: boolean;
}

export interface ChatMessageView {
  id: string;
  /** "agent": a reply from a person on the merchant's team (to a hand-off), shown labelled as such. */
  role: "shopper" | "bot" | "agent";
  text: string;
  createdAt: string; // ISO
  products?: ProductCard[];
  /** Suggested short replies the bubble shows as buttons, e.g. ["Yes, cancel it", "No"]. */
  quickReplies?: string[];
  /**
   * Shopper feedback on a bot reply: present (null until rated) on replies the shopper may rate,
   * the bubble's cue to offer thumbs; omitted on greetings and goodbyes, where there is nothing to rate.
   */
  feedback?: "up" | "down" | null;
}

export interface SendMessageResponse extends ConversationSignals {
  conversationId: string;
  shopperMessage: ChatMessageView;
  reply: ChatMessageView;
}

export interface ConversationResponse extends ConversationSignals {
  conversationId: string;
  messages: ChatMessageView[];
}

/** See "Hand-offs and the end of a conversation" above. Both are omitted when false. */
export interface ConversationSignals {
  awaitingTeam?: true;
  endOfConversation?: true;
}

export interface FeedbackRequest {
  conversationId: string;
  messageId: string;
  rating: "up" | "down";
}

export const MAX_CSAT_COMMENT_LENGTH = 500;

/** The shopper's satisfaction with the whole conversation; a later rating replaces an earlier one. */
export interface CsatRequest {
  conversationId: string;
  /** Whole stars, 1 (poor) to 5 (great). */
  rating: 1 | 2 | 3 | 4 | 5;
  /** Optional, at most MAX_CSAT_COMMENT_LENGTH characters; blank is stored as no comment. */
  comment?: string;
}

export interface ErrorResponse {
  error: { code: string; message: string };
}
