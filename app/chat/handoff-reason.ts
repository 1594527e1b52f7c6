/**
 * Why the bot handed a conversation to the merchant's team, recorded on every ticket (the answer
 * that files it says which) and counted on the dashboard.
 */
import type { ReplyKind } from "./reply-kind";

export const HANDOFF_REASONS = [
  "asked_for_person",
  "complaint",
  "couldnt_answer",
  "needs_approval",
  "verification_failed",
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/**
 * A shopper who asks for a person (or complains) right after the bot failed them is handed over
 * because of that failure: the bot's previous reply says which.
 */
export function personRequestReason(complaint: boolean, previousReply: ReplyKind | undefined): HandoffReason {
  if (complaint) return "complaint";
  if (previousReply === "no_answer" || previousReply === "clarification") return "couldnt_answer";
  if (previousReply === "verification_failed") return "verification_failed";
  return "asked_for_person";
}
