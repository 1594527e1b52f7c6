/** The 21 intent labels (tests/fixtures/eval/INTENTS.md), the only ones the bot or the admin use. */
export const INTENTS = [
  "track_order",
  "cancel_order",
  "change_order",
  "change_shipping_address",
  "return_item",
  "exchange_item",
  "refund_status",
  "return_policy",
  "shipping_options",
  "product_info",
  "product_search",
  "payment_methods",
  "payment_issue",
  "discount_code",
  "get_invoice",
  "account_help",
  "complaint",
  "human_agent",
  "greeting",
  "thanks_goodbye",
  "out_of_scope",
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && (INTENTS as readonly string[]).includes(value);
}

/** Intents whose answer needs one of the shopper's orders. */
export const ORDER_INTENTS: ReadonlySet<Intent> = new Set([
  "track_order",
  "cancel_order",
  "change_order",
  "change_shipping_address",
  "return_item",
  "exchange_item",
  "refund_status",
  "get_invoice",
]);

/** "track_order" → "Track order", for the admin. */
export function intentLabel(intent: string): string {
  const words = intent.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
