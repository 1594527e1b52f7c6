/**
 * The wire contract between the storefront bubble (extensions/support-chat/assets/chat-bubble.js)
 * and the app proxy route (app/routes/proxy.$.tsx). The storefront calls
 * `/apps/support/<endpoint>`; Shopify signs the request and forwards it to `/proxy/<endpoint>`.
 *
 *   POST /apps/support/messages      body SendMessageRequest   → SendMessageResponse
 *   GET  /apps/support/conversation?conversationId=…            → ConversationResponse
 *   POST /apps/support/feedback      body FeedbackRequest      → { ok: true }
 *
 * Every error is `ErrorResponse` with a 4xx/5xx status; never a stack trace.
 *
 * Streaming: a POST /messages sent with `Accept: text/event-stream` MAY be answered as Server-Sent
 * Events (Content-Type text/event-stream) when the reply is generated token by token:
 *   event: delta    data: {"text": "<next piece of the reply>"}     (append to the reply being shown)
 *   event: message  data: SendMessageResponse                        (final: replaces the streamed text)
 *   event: error    data: ErrorResponse
 * Otherwise (and always when the client didn't ask) the answer is the plain JSON response.
 */

export const MAX_MESSAGE_LENGTH = 1000;

export interface SendMessageRequest {
  /** Omitted on the first message: the server mints the conversation id. */
  conversationId?: string;
  /** Client-generated id (uuid) so a retried send is stored once. */
  clientMessageId?: string;
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
  role: "shopper" | "bot" | "agent";
  text: string;
  createdAt: string; // ISO
  products?: ProductCard[];
  /** Suggested short replies the bubble shows as buttons, e.g. ["Yes, cancel it", "No"]. */
  quickReplies?: string[];
  /** Shopper feedback on a bot reply. */
  feedback?: "up" | "down" | null;
}

export interface SendMessageResponse {
  conversationId: string;
  shopperMessage: ChatMessageView;
  reply: ChatMessageView;
}

export interface ConversationResponse {
  conversationId: string;
  messages: ChatMessageView[];
}

export interface FeedbackRequest {
  conversationId: string;
  messageId: string;
  rating: "up" | "down";
}

export interface ErrorResponse {
  error: { code: string; message: string };
}
