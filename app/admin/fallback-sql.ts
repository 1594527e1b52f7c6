/**
 * What counts as a fallback, as SQL over "Message" rows: one definition for the dashboard's figure
 * (analytics.server.ts) and the Conversations list's Low confidence filter (conversations.server.ts).
 */
import { Prisma } from "../generated/prisma/client";
import { LOW_CONFIDENCE } from "../chat/intent/engine";
import { FALLBACK_REPLY_KINDS } from "../chat/reply-kind";

/** A shopper message the engine couldn't place (and a bot reply, which carries its message's intent and confidence). */
export const LOW_CONFIDENCE_SQL = Prisma.sql`("intent" = 'out_of_scope' AND "confidence" < ${LOW_CONFIDENCE})`;

/**
 * A bot reply that answered nothing: a non-answer or a clarification (as the answer code marked it,
 * reply-kind.ts), no engine at all (the store unreachable), or the model failing over to the local engine.
 */
export const FALLBACK_REPLY_SQL = Prisma.sql`("replyKind" IN (${Prisma.join([...FALLBACK_REPLY_KINDS])}) OR "engine" = 'none' OR "engineNote" LIKE 'fallback%')`;
