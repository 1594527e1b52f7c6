import type { Commerce } from "../commerce/store";
import type { Product, ShopPolicy } from "../commerce/types";
import type { Catalog, Entities } from "./entities";
import type { IntentClassifier, IntentResult } from "./intent/engine";
import type { Intent } from "./intent/labels";
import type { Language, Preprocessed } from "./preprocess";
import type { ProductCard } from "./protocol";

/** What the bot knows about the shop: Shopify's data plus the merchant's settings. */
export interface ShopProfile {
  name: string;
  email: string;
  botName: string;
  supportHours: string;
  primaryDomainUrl: string;
  currencyCode: string;
  shipsToCountries: string[];
  policies: ShopPolicy[];
  faqs: { question: string; answer: string }[];
  /** Discount codes the bot must never reveal or confirm. */
  internalCodes: string[];
}

/** Remembered across turns of one conversation (stored as JSON on the conversation). */
export interface DialogueState {
  orderNumber?: string;
  /** The email the shopper gave; it only ever unlocks the order whose number it matches. */
  email?: string;
  productHandle?: string;
  lastIntent?: Intent;
  /** What the bot last asked for, so a bare answer ("1042", "me@x.com") continues that intent. */
  awaiting?: "order_number" | "email";
  language?: Language;
}

export interface Shopper {
  /** Shopify customer GID from the signed proxy request, or null for a guest. */
  customerId: string | null;
}

export interface ChatContext {
  commerce: Commerce;
  shop: ShopProfile;
  catalog: Catalog;
  /** Active products by handle, for answers about the product a message names. */
  productsByHandle: Map<string, Product>;
  classifier: IntentClassifier;
  now: Date;
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
}

/** A record of data the bot read to answer, shown to the merchant beside the reply. */
export interface Lookup {
  kind: "order" | "customer_orders" | "product" | "product_search" | "policy" | "faq" | "discount";
  ref: string;
  outcome: string;
}

export interface Answer {
  text: string;
  products?: ProductCard[];
  quickReplies?: string[];
  lookups?: Lookup[];
  handoff?: boolean;
  state?: Partial<DialogueState>;
}
