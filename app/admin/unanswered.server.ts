/**
 * The questions the bot could not answer, grouped by meaning, so the merchant answers each kind
 * once. A reply counts as unanswered when no engine answered ("none") or a fallback did, when the
 * bot read the question as outside what it handles (out_of_scope), when it looked in the shop's
 * texts and found nothing, or when the shopper gave it a thumbs-down. Questions an approved
 * answer now covers drop off the list.
 */
import type { Db } from "../db.server";
import { APPROVED_ANSWER_SIMILARITY, isReusableQuestion, matchApprovedAnswer } from "../chat/approved-answers";
import { questionProfile, questionSimilarity, type QuestionProfile } from "../chat/knowledge/question-similarity";
import { approvedAnswersFor } from "./training.server";

export interface UnansweredCluster {
  /** The latest shopper message of the group: what "Answer this" answers. */
  messageId: string;
  question: string;
  /** How many times shoppers asked it in the period. */
  count: number;
  /** Other wordings shoppers used (a few). */
  otherWordings: string[];
  lastAskedAt: Date;
}

/** How many recent unanswered replies are read: enough for a top ten, bounded for a busy shop. */
const RECENT_LIMIT = 500;

/** Bot replies that did not answer, as a Prisma filter (one definition, used by the list below). */
export function unansweredReplies(shop: string, since: Date) {
  return {
    shop,
    role: "bot",
    createdAt: { gte: since },
    replyToId: { not: null },
    AND: [
      {
        OR: [
          { engine: "none" },
          { engineNote: { startsWith: "fallback" } },
          { intent: "out_of_scope" },
          { lookups: { contains: '"outcome":"no answer found"' } },
          { feedback: { is: { rating: "down" } } },
        ],
      },
      // The merchant's approved answer did answer, whatever the turn's intent was (NULL lookups: SQL's NOT LIKE would drop them).
      { OR: [{ lookups: null }, { NOT: { lookups: { contains: "approved answer:" } } }] },
    ],
  };
}

/** The top unanswered questions of the last `days` days, grouped by meaning, most asked first. */
export async function topUnansweredQuestions(
  db: Db,
  shop: string,
  days = 30,
  limit = 10,
  now = new Date(),
): Promise<UnansweredCluster[]> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const replies = await db.message.findMany({
    where: unansweredReplies(shop, since),
    select: { replyToId: true },
    orderBy: { createdAt: "desc" },
    take: RECENT_LIMIT,
  });
  const questions = await db.message.findMany({
    where: { shop, role: "shopper", id: { in: replies.map((r) => r.replyToId!) } },
    select: { id: true, text: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const approved = await approvedAnswersFor(db, shop);
  const open = questions.filter((q) => isReusableQuestion(q.text) && !matchApprovedAnswer(q.text, approved));

  // Greedy grouping, newest first: a question joins the first group whose first question it is alike enough to.
  const groups: { profile: QuestionProfile; members: typeof open }[] = [];
  for (const question of open) {
    const profile = questionProfile(question.text);
    const group = groups.find((g) => questionSimilarity(profile, g.profile) >= APPROVED_ANSWER_SIMILARITY);
    if (group) group.members.push(question);
    else groups.push({ profile, members: [question] });
  }
  return groups
    .map(({ members }) => ({
      messageId: members[0].id,
      question: members[0].text,
      count: members.length,
      otherWordings: [...new Set(members.slice(1).map((m) => m.text))].filter((t) => t !== members[0].text).slice(0, 3),
      lastAskedAt: members[0].createdAt,
    }))
    .sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime())
    .slice(0, limit);
}
