import type { Commerce } from "../commerce/store";
import type { AttemptStore } from "./attempts";
import type { OrderCodeStore } from "./order-codes";
import type { OrderNameFormat, Product, ShopPage, ShopPolicy } from "../commerce/types";
import type { Catalog, Entities } from "./entities";
import type { IntentClassifier, IntentResult } from "./intent/engine";
import type { Intent } from "./intent/labels";
import type { Language, Preprocessed } from "./preprocess";
import type { ProductCard } from "./protocol";
import type { FactOverrides } from "./shop/facts";
import type { HandoffReason } from "./handoff-reason";
import type { ReplyKind } from "./reply-kind";
import type { PolicyVerdict } from "./policy";

/** What the bot knows about the shop: Shopify's data plus the merchant's settings. */
export interface ShopProfile {
  name: string;
  email: string;
  botName: string;
  /** The merchant's own greeting, or null to use the bot's standard one. */
  greeting: string | null;
  /** How the model should sound: "friendly", "formal" or "playful". */
  tone: string;
  supportHours: string;
  primaryDomainUrl: string;
  currencyCode: string;
  shipsToCountries: string[];
  policies: ShopPolicy[];
  faqs: { question: string; answer: string }[];
  /** The shop's published pages (size guides, care, about): text the bot may quote. */
  pages?: ShopPage[];
  /** Discount codes the bot must never reveal or confirm. */
  internalCodes: string[];
  /** Codes the merchant lets the bot offer ("any promo codes?"); each is still checked live. */
  publicCodes: string[];
  accountUrl: string;
  /** The merchant's corrections to what the bot read from the shop's texts (see shop/facts.ts). */
  factOverrides?: FactOverrides;
  /** The shop's IANA time zone: dates and "today" are the shop's. */
  timezone: string;
  /** How the shop names orders ("#1042", "FR-1042", "1042-W"). */
  orderNameFormat: OrderNameFormat;
}

/** Remembered across turns of one conversation (stored as JSON on the conversation). */
export interface DialogueState {
  orderNumber?: string;
  /** The email the shopper gave; it only ever unlocks the order whose number it matches. */
  email?: string;
  productHandle?: string;
  /** The aspects the last product question asked for ("weight"), which "and the Vela 12?" asks again. */
  productAspects?: string[];
  /** The option values last asked of that product ({ Size: "M" }), which "in black?" keeps. */
  productVariant?: Record<string, string>;
  /** Products the conversation has been about, oldest first ("the one before that" is the second last). */
  mentionedProducts?: string[];
  /** The cards of the bot's last list of products, which "the black one" or "the bottoms" pick among. */
  shownProducts?: string[];
  /** The destination and delivery option a shipping question asked about, which "how long would it take?" asks again. */
  shippingQuestion?: { place?: string; express?: boolean; pickup?: boolean; date?: boolean };
  lastIntent?: Intent;
  /** The discount codes the shopper named in the last answer about codes, which "does it expire?" asks about. */
  discussedCodes?: string[];
  /** The codes the last list of offers showed, with what each gives: "the free shipping one" names one. */
  listedCodes?: { code: string; summary: string }[];
  /** What the bot last asked for, so a bare answer ("1042", "me@x.com") continues that intent. */
  awaiting?: "order_number" | "email" | "address";
  /** The shopper said the order is someone else's: no order is verified by email in this conversation. */
  thirdPartyClaim?: boolean;
  /** A guest's change waiting for the one-time code emailed to the order's address. */
  codeChallenge?: CodeChallenge;
  /** Orders a guest proved with a one-time code in this conversation: order digits → proof expiry (ISO). */
  provenOrders?: Record<string, string>;
  /** What a guest asked a person for, kept for the ticket while the bot asks where to reply. */
  handoffRequest?: string;
  /** Why that request goes to the team, decided when it was made (handoff-reason.ts). */
  handoffReason?: HandoffReason;
  language?: Language;
  /** A change the bot has described and is waiting for the shopper to confirm. */
  pendingAction?: PendingAction;
  /** What the bot's last reply did (a hand-off right after a non-answer is the bot's failure). */
  lastReplyKind?: ReplyKind;
  /** Something the bot offered in its last reply, which "yes" or naming it takes up (offers.ts). */
  offer?: Offer;
  /** The items (title and options) of the order in focus, which "is the blue one in it?" names. */
  orderItems?: string[];
  /** Where the order in focus went (ISO country), kept with its number: a rule per destination applies to it. */
  orderDestination?: { orderNumber: string; country: string };
  /** The order's line items the shopper's return was last about, which "how do I send it back?" still means. */
  returnItemIds?: string[];
  /** The shop's shareable note on the order the bot just showed, which may answer the next question. */
  orderNote?: string;
}

/** An offer the bot made about an order: open a carrier trace, ship a returned parcel again. */
export interface Offer {
  kind: "trace" | "reship";
  /** Digits only. */
  orderNumber: string;
}

/** A change described to a guest, held until they type the code sent to the order's email. */
export interface CodeChallenge {
  id: string;
  /** Digits only. */
  orderNumber: string;
  /** Where the code went, masked ("h•••@example.com"). */
  sentTo: string;
  /** What the bot will say and do once the code is right. */
  proposal: { text: string; action: PendingAction; quickReplies?: string[] };
}

/** What the bot will do once the shopper says yes. Stored as data, replayed on confirmation. */
export type PendingAction =
  | { kind: "cancel_order"; orderNumber: string }
  | {
      kind: "return_items";
      orderNumber: string;
      fulfillmentLineItemIds: string[];
      titles: string[];
      reason: "DEFECTIVE" | "UNWANTED" | "SIZE_TOO_SMALL" | "SIZE_TOO_LARGE" | "OTHER";
    }
  | { kind: "update_address"; orderNumber: string; address: ShippingAddress }
  | { kind: "request"; ticket: TicketRequest };

export interface ShippingAddress {
  address1: string;
  address2?: string | null;
  city: string;
  provinceCode?: string | null;
  zip: string;
  countryCode: string;
  firstName?: string | null;
  lastName?: string | null;
}

/** Something for a person on the merchant's team: a hand-off, or a request the bot may not do itself. */
export interface TicketRequest {
  kind:
    | "handoff"
    | "complaint"
    | "cancel_request"
    | "change_request"
    | "address_request"
    | "return_request"
    | "reship_request"
    | "invoice_request"
    | "trace_request";
  summary: string;
  /** Why the bot handed over: every site that files a ticket says. */
  reason: HandoffReason;
  orderNumber?: string;
  contactEmail?: string;
}

export interface Shopper {
  /** Shopify customer GID from the signed proxy request, or null for a guest. */
  customerId: string | null;
  /** Who is asking as the proxy's rate limits see it (the trusted client address), to count failed verifications. */
  clientKey?: string | null;
}

/** Outgoing email, as app/notify/mailer.server.ts sends it. */
export interface MailSender {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface ChatContext {
  commerce: Commerce;
  shop: ShopProfile;
  /** What the merchant allows the bot to do by itself (off: the bot files a request instead). */
  permissions: { cancel: boolean; returns: boolean; addressChange: boolean };
  catalog: Catalog;
  /** Active products by handle, for answers about the product a message names. */
  productsByHandle: Map<string, Product>;
  classifier: IntentClassifier;
  /** The merchant's approved answers, matched to new questions before anything else. */
  approvedAnswers: { question: string; answer: string }[];
  now: Date;
  /** Failed order verifications, counted across conversations (attempts.ts). */
  attempts: AttemptStore;
  /** One-time codes a guest needs to change an order (order-codes.ts). */
  orderCodes: OrderCodeStore;
  /** Sends the one-time codes; null when the app has no outgoing email. */
  mailer: MailSender | null;
}

/** What one shopper message has become by the time an answer is composed. */
export interface Turn {
  pre: Preprocessed;
  /** The language to answer in: the message's, or the conversation's when the message is too short to tell. */
  language: Language;
  entities: Entities;
  /** Handle of the product the message names (entities.product is the text as written). */
  productHandle: string | null;
  intent: IntentResult;
  state: DialogueState;
  shopper: Shopper;
  ctx: ChatContext;
  /** The address to read when the message completes one given before ("Portland, OR 97214" after the street). */
  addressText?: string;
  /** Words the conversation adds to a short follow-up's search of the shop's texts ("who pays?" → "return shipping"). */
  contextTerms?: string[];
  /** The offer from the bot's last reply this message takes up, if it does. */
  acceptedOffer?: Offer;
}

/** A record of data the bot read to answer, shown to the merchant beside the reply. */
export interface Lookup {
  kind: "order" | "customer_orders" | "product" | "product_search" | "policy" | "faq" | "discount";
  ref: string;
  outcome: string;
}

export interface Answer {
  text: string;
  /** What this reply does for the shopper (reply-kind.ts); an answer unless the code says otherwise. */
  kind?: ReplyKind;
  /** A ticket for the merchant's team, stored by the delivery layer with the reply. */
  ticket?: TicketRequest;
  products?: ProductCard[];
  quickReplies?: string[];
  lookups?: Lookup[];
  handoff?: boolean;
  state?: Partial<DialogueState>;
  /** The policy verdicts this answer words (policy/), the same data the model's tools return. */
  verdicts?: PolicyVerdict[];
  /** The answer asks what the shopper meant, or says the shop's data doesn't tell: in hybrid mode the model tries. */
  unsure?: "clarify" | "unknown";
  /** The request the answer turned out to carry out, once the order was seen (an exchange of an unsent order is a change). */
  intent?: Intent;
}
