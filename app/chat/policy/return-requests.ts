/**
 * A return the shopper already asked for: where it stands, why it was declined, and how soon the
 * shop says it reviews requests (read from its own policy, never assumed).
 */
import type { Order, ReturnInfo } from "../../commerce/types";
import type { Passage } from "../knowledge";
import { normalize } from "../preprocess";
import { findDurations, type DurationRange } from "../shop/durations";

export type ReturnStage = "awaiting_approval" | "approved" | "declined" | "closed";

export function returnStage(ret: ReturnInfo): ReturnStage {
  switch (ret.status) {
    case "REQUESTED":
      return "awaiting_approval";
    case "OPEN":
      return "approved";
    case "DECLINED":
      return "declined";
    default:
      return "closed";
  }
}

/** The order's returns that cover any of these line items (all of the order's returns when none are named). */
export function returnsFor(order: Order, lineItemIds: string[]): ReturnInfo[] {
  if (lineItemIds.length === 0) return order.returns;
  return order.returns.filter((r) => r.lines.some((l) => lineItemIds.includes(l.lineItemId)));
}

const RETURN_WORDS =
  /\b(return|returns|devolucion|devoluciones|devolver|retour|retours|demande|demandes|request|requests|solicitud|solicitarla|solicitar)\b/;
const REVIEW =
  /\b(approve|approves|review|reviews|respond|reply|answer|valid\w*|approuv\w*|repond\w*|aprob\w*|respond\w*|contest\w*)\b/;
// Inspecting a parcel that arrived is a later step with its own timing.
const AFTER_ARRIVAL = /\b(receiv\w*|receipt|arriv\w*|reaches|recib\w*|recept\w*|recu|inspect\w*|control\w*)\b/;

/**
 * How soon the shop says it answers a return request ("We approve requests within 2 business
 * days", "Respondemos en 1 a 2 días hábiles" after "Cómo solicitarla"), or null. The sentence or
 * the one before it must be about return requests.
 */
export function returnReviewTime(passages: Passage[]): DurationRange | null {
  for (const [index, passage] of passages.entries()) {
    const text = normalize(passage.text);
    if (!REVIEW.test(text) || AFTER_ARRIVAL.test(text)) continue;
    const previous = passages[index - 1];
    const context = [
      text,
      normalize(passage.section),
      previous?.sourceKey === passage.sourceKey ? normalize(previous.text) : "",
    ].join(" ");
    if (!RETURN_WORDS.test(context)) continue;
    const duration = findDurations(text).find(
      (d) => ["hours", "days", "business_days"].includes(d.unit) && d.max <= (d.unit === "hours" ? 120 : 10),
    );
    if (duration) return { min: duration.min, max: duration.max, unit: duration.unit };
  }
  return null;
}
