/**
 * What a bot reply did for the shopper, set by the answer code that wrote it (never read off its
 * wording) and stored on the reply, so the merchant's dashboard can count the bot's fallbacks.
 *
 * - answer: the reply answers, or takes the next step of a procedure (asking for an order
 *   number to look an order up is a step, not a failure).
 * - clarification: the bot couldn't tell what the shopper meant and asks them to say it another way.
 * - no_answer: the bot understood but has no answer ("I don't know", "I couldn't find"), or the
 *   question is outside what it can do; it offers the team instead.
 * - verification_failed: an order's details didn't match, so the bot refused to show it.
 * - team_followup: the team already replied to this conversation's hand-off; the shopper's message
 *   went to the team and the bot only acknowledged it.
 */
export const REPLY_KINDS = ["answer", "clarification", "no_answer", "verification_failed", "team_followup"] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** The replies the dashboard counts as fallbacks. */
export const FALLBACK_REPLY_KINDS: readonly ReplyKind[] = ["clarification", "no_answer"];
