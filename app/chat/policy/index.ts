/**
 * The rules both engines apply, as pure functions returning typed verdicts with their reasons.
 * Answers (app/chat/answers) word a verdict for the shopper; the model's tools (app/llm/tools.ts)
 * return it as data. Who may see an order is the verification policy (../verification.ts).
 */
export * from "./discounts";
export * from "./handoff";
export * from "./notes";
export * from "./order-changes";
export * from "./refunds";
export * from "./returns";
export * from "./which-order";

import type { OrderAccess } from "../verification";
import type { ShippingAddress } from "../types";
import type { CodeVerdict, OffersVerdict } from "./discounts";
import type { HandoffVerdict } from "./handoff";
import type { AddressChangeVerdict, CancelVerdict, ChangeVerdict } from "./order-changes";
import type { RefundVerdict } from "./refunds";
import type { ReturnVerdict } from "./returns";

/** A verdict an answer rendered, kept beside the reply (the same data the model's tools return). */
export type PolicyVerdict =
  | { topic: "order_access"; kind: OrderAccess["kind"]; order: string | null }
  | { topic: "cancel"; order: string; verdict: CancelVerdict }
  | { topic: "change"; order: string; verdict: ChangeVerdict }
  | { topic: "address_change"; order: string; verdict: AddressChangeVerdict; newAddress: ShippingAddress | null }
  | { topic: "return"; order: string; verdict: ReturnVerdict; defectReported: boolean }
  | { topic: "refund"; order: string; verdict: RefundVerdict }
  | { topic: "discount_code"; code: string; verdict: CodeVerdict }
  | { topic: "offers"; verdict: OffersVerdict }
  | { topic: "handoff"; verdict: HandoffVerdict }
  /** Whether a guest must prove the order first (a one-time code to its email) before a change is proposed. */
  | {
      topic: "change_proof";
      order: string;
      kind: "not_needed" | "code_sent" | "cannot_send" | "too_many_codes";
      sentTo: string | null;
    };
