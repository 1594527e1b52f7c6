/**
 * The learning loop: the merchant's relabels and approved answers become this shop's training
 * data; Retrain builds a new model version in the background, scores old vs new on the shop's
 * held-out labelled messages (never on those the new one learned from), and activates the new one
 * only if it is not worse.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Db } from "../db.server";
import { invalidateShop, shopCache } from "../shop-cache.server";
import { isIntent, type Intent } from "../chat/intent/labels";
import { readCorpus, shippedClassifier, trainInBackground, type IntentClassifier } from "../chat/intent/engine";
import type { TrainingExample } from "../chat/intent/linear-model";
import { isReusableQuestion } from "../chat/approved-answers";

export interface Correction {
  text: string;
  intent: Intent;
}

// ---------------------------------------------------------------------------------------------
// Merchant actions on a conversation

/**
 * The merchant's label for a shopper message. The label the model already gave it is no correction
 * (nothing to learn, and it would count as one): it clears any earlier relabel instead.
 */
export async function relabelMessage(db: Db, shop: string, messageId: string, intent: string): Promise<boolean> {
  if (!isIntent(intent)) return false;
  const message = await db.message.findFirst({
    where: { id: messageId, shop, role: "shopper" },
    select: { intent: true },
  });
  if (!message) return false;
  await db.message.updateMany({
    where: { id: messageId, shop },
    data: { correctedIntent: intent === message.intent ? null : intent },
  });
  return true;
}

/** The merchant closes the case: the conversation is resolved and its open tickets are closed with it. */
export async function markResolved(db: Db, shop: string, conversationId: string): Promise<boolean> {
  const [{ count }] = await db.$transaction([
    db.conversation.updateMany({
      where: { id: conversationId, shop },
      data: { status: "resolved", resolvedAt: new Date() },
    }),
    db.handoffTicket.updateMany({ where: { conversationId, shop, status: "open" }, data: { status: "closed" } }),
  ]);
  return count === 1;
}

/** The answer the bot should have given to a shopper's question, matched to new questions from now on. */
export async function approveAnswer(db: Db, shop: string, botMessageId: string, answer: string): Promise<boolean> {
  const reply = await db.message.findFirst({
    where: { id: botMessageId, shop, role: "bot" },
    select: { replyToId: true },
  });
  if (!reply?.replyToId) return false;
  return addApprovedAnswer(db, shop, { sourceMessageId: reply.replyToId, answer });
}

const MAX_QUESTION = 500;
const MAX_ANSWER = 2000;

/**
 * The merchant's answer to a question: a shopper's message (sourceMessageId, its text the question
 * unless the merchant reworded it) or a question the merchant wrote.
 */
export async function addApprovedAnswer(
  db: Db,
  shop: string,
  input: { question?: string; answer: string; sourceMessageId?: string },
): Promise<boolean> {
  const source = input.sourceMessageId
    ? await db.message.findFirst({ where: { id: input.sourceMessageId, shop, role: "shopper" } })
    : null;
  if (input.sourceMessageId && !source) return false;
  const question = (input.question?.trim() || source?.text || "").slice(0, MAX_QUESTION);
  const answer = input.answer.trim().slice(0, MAX_ANSWER);
  if (!answer || !isReusableQuestion(question)) return false;
  await db.approvedAnswer.create({
    data: {
      shop,
      question,
      answer,
      intent: source ? (source.correctedIntent ?? source.intent) : null,
      sourceMessageId: source?.id ?? null,
    },
  });
  invalidateShop(shop);
  return true;
}

/** The merchant rewords an approved answer's question or answer; the bot uses the new text at once. */
export async function updateApprovedAnswer(
  db: Db,
  shop: string,
  id: string,
  input: { question: string; answer: string },
): Promise<boolean> {
  const question = input.question.trim().slice(0, MAX_QUESTION);
  const answer = input.answer.trim().slice(0, MAX_ANSWER);
  if (!answer || !isReusableQuestion(question)) return false;
  const { count } = await db.approvedAnswer.updateMany({ where: { id, shop }, data: { question, answer } });
  invalidateShop(shop);
  return count === 1;
}

export async function deleteApprovedAnswer(db: Db, shop: string, id: string): Promise<void> {
  await db.approvedAnswer.deleteMany({ where: { id, shop } });
  invalidateShop(shop);
}

// Cached per shop for every chat message (shop-cache.server.ts); a change here is seen at once on
// this instance (invalidateShop) and within SHOP_CACHE_TTL_MS on the others.
const approvedCache = shopCache((db, shop) =>
  db.approvedAnswer.findMany({
    where: { shop },
    select: { question: true, answer: true },
    orderBy: { createdAt: "desc" },
    take: 500,
  }),
);

export async function approvedAnswersFor(db: Db, shop: string): Promise<{ question: string; answer: string }[]> {
  return approvedCache.get(db, shop);
}

/** The shop's shopper messages the merchant gave a corrected intent: its training data. */
function relabelledMessages(shop: string) {
  return { shop, role: "shopper", correctedIntent: { not: null } };
}

export async function countCorrections(db: Db, shop: string): Promise<number> {
  return db.message.count({ where: relabelledMessages(shop) });
}

export async function corrections(db: Db, shop: string): Promise<Correction[]> {
  const rows = await db.message.findMany({
    where: relabelledMessages(shop),
    select: { text: true, correctedIntent: true },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .filter((r) => isIntent(r.correctedIntent))
    .map((r) => ({ text: r.text, intent: r.correctedIntent as Intent }));
}

// ---------------------------------------------------------------------------------------------
// Model versions

/** Deterministic split: the same message is always held out, whatever order it arrives in. */
export function isHeldOut(text: string): boolean {
  return hashByte(text) % 3 === 0;
}

function hashByte(text: string): number {
  return createHash("sha256").update(text).digest()[0];
}

/**
 * Corrections split into those a candidate learns from and those it is scored on, never both: a
 * model scored on its own training examples looks better than it is. A third are held out (by
 * hash); with few corrections at least one is, and at least one is learned from.
 */
export function splitCorrections(all: Correction[]): { learnFrom: Correction[]; heldOut: Correction[] } {
  if (all.length < 2) return { learnFrom: all, heldOut: [] };
  let heldOut = all.filter((c) => isHeldOut(c.text));
  if (heldOut.length === 0)
    heldOut = [[...all].sort((a, b) => hashByte(a.text) - hashByte(b.text) || a.text.localeCompare(b.text))[0]];
  if (heldOut.length === all.length) heldOut = heldOut.slice(1);
  return { learnFrom: all.filter((c) => !heldOut.includes(c)), heldOut };
}

export function accuracy(classifier: IntentClassifier, examples: Correction[]): number {
  if (examples.length === 0) return 0;
  return examples.filter((e) => classifier.classify(e.text).intent === e.intent).length / examples.length;
}

/**
 * Each correction counts this many times beside the 8,000 shipped examples: a merchant's handful
 * of relabelled messages must be able to move the model, or relabelling teaches nothing.
 */
export const CORRECTION_WEIGHT = 10;

/** The shipped corpus plus the shop's corrections, weighted. */
function withCorrections(corrections: Correction[]): TrainingExample[] {
  return [...readCorpus(), ...corrections.flatMap((c) => Array<TrainingExample>(CORRECTION_WEIGHT).fill(c))];
}

// A trained model is a few MB: keep the most recently used ones, not one per version ever seen.
const trained = new LRUCache<string, Promise<IntentClassifier>>({ max: 50 });

/**
 * The classifier for a model version (trained once per process, in the background; training is
 * deterministic). Keyed by the examples too: erasing a shopper rewrites a version's examples, and
 * the model must then forget their messages as well.
 */
export function classifierForVersion(version: { id: string; examples: string }): Promise<IntentClassifier> {
  const key = trainedKey(version.id, version.examples);
  let classifier = trained.get(key);
  if (!classifier) {
    const examples = JSON.parse(version.examples) as Correction[];
    classifier =
      examples.length === 0
        ? Promise.resolve(shippedClassifier())
        : trainInBackground(withCorrections(examples), version.id);
    classifier.catch(() => trained.delete(key));
    trained.set(key, classifier);
  }
  return classifier;
}

function trainedKey(versionId: string, examples: string): string {
  return `${versionId}:${createHash("sha256").update(examples).digest("base64url")}`;
}

const activeModels = shopCache(async (db, shop) => {
  const version = await db.modelVersion.findFirst({
    where: { shop, status: "active" },
    select: { id: true, examples: true },
  });
  return { classifier: version ? await classifierForVersion(version) : null };
});

/**
 * The shop's active classifier if it is loaded, else undefined (the shipped model answers) while
 * it loads in the background: a chat reply never waits for training.
 */
export function activeClassifier(db: Db, shop: string): IntentClassifier | undefined {
  const loaded = activeModels.peek(db, shop, (error) =>
    console.error("loading the shop's model failed", error instanceof Error ? error.message : error),
  );
  return loaded?.classifier ?? undefined;
}

/** Start a retrain in the background; returns the new version's id at once. */
export async function startRetrain(db: Db, shop: string): Promise<string> {
  const last = await db.modelVersion.findFirst({ where: { shop }, orderBy: { version: "desc" } });
  const version = await db.modelVersion.create({
    data: { shop, version: (last?.version ?? 0) + 1, status: "training", progress: 0 },
  });
  setImmediate(() => {
    retrain(db, shop, version.id).catch(async (error) => {
      console.error("retrain failed", error instanceof Error ? error.message : error);
      await db.modelVersion.update({
        where: { id: version.id },
        data: { status: "failed", note: "Training failed; the active model is unchanged." },
      });
    });
  });
  return version.id;
}

export async function retrain(db: Db, shop: string, versionId: string): Promise<void> {
  const all = await corrections(db, shop);
  const { learnFrom, heldOut } = splitCorrections(all);
  await db.modelVersion.update({ where: { id: versionId }, data: { progress: 0.1 } });

  const active = await db.modelVersion.findFirst({ where: { shop, status: "active" } });
  const previous = active ? await classifierForVersion(active) : shippedClassifier();
  const candidate = await trainInBackground(withCorrections(learnFrom), `${versionId}-candidate`);
  await db.modelVersion.update({ where: { id: versionId }, data: { progress: 0.6 } });

  const measured = heldOut.length > 0;
  const previousAccuracy = measured ? accuracy(previous, heldOut) : null;
  const newAccuracy = measured ? accuracy(candidate, heldOut) : null;
  const better = (newAccuracy ?? 0) >= (previousAccuracy ?? 0);
  const note = measured
    ? `Scored on ${plural(heldOut.length, "held-out relabelled message")} it did not learn from; learned from the other ${learnFrom.length}.`
    : `Only ${plural(all.length, "relabelled message")}: nothing held out to score it on.`;
  const examples = JSON.stringify(better ? all : learnFrom);
  await db.$transaction([
    ...(better ? [db.modelVersion.updateMany({ where: { shop, status: "active" }, data: { status: "retired" } })] : []),
    db.modelVersion.update({
      where: { id: versionId },
      data: {
        // The activated model learns from every correction, held-out ones included.
        examples,
        status: better ? "active" : "rejected",
        progress: 1,
        heldOutN: heldOut.length,
        previousAccuracy,
        accuracy: newAccuracy,
        activatedAt: better ? new Date() : null,
        note: better ? note : `${note} Not activated: it scored lower than the active model.`,
      },
    }),
  ]);
  // Nothing was held out: the candidate learnt from every correction, it is the activated model.
  if (better && !measured) trained.set(trainedKey(versionId, examples), Promise.resolve(candidate));
  invalidateShop(shop);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export async function rollbackTo(db: Db, shop: string, versionId: string): Promise<boolean> {
  const target = await db.modelVersion.findFirst({
    where: { id: versionId, shop, status: { in: ["retired", "rejected", "active"] } },
  });
  if (!target) return false;
  await db.$transaction([
    db.modelVersion.updateMany({ where: { shop, status: "active" }, data: { status: "retired" } }),
    db.modelVersion.update({ where: { id: target.id }, data: { status: "active", activatedAt: new Date() } }),
  ]);
  invalidateShop(shop);
  return true;
}

export async function modelVersions(db: Db, shop: string) {
  return db.modelVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      status: true,
      progress: true,
      heldOutN: true,
      previousAccuracy: true,
      accuracy: true,
      note: true,
      createdAt: true,
      activatedAt: true,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Export

/** The shop's labelled data in the eval intents format (tests/fixtures/eval/FORMAT.md). */
export async function exportIntentsJsonl(db: Db, shop: string): Promise<string> {
  const rows = await db.message.findMany({
    where: relabelledMessages(shop),
    select: { text: true, correctedIntent: true, entities: true },
    orderBy: { createdAt: "asc" },
  });
  return (
    rows
      .map((r) =>
        JSON.stringify({ text: r.text, intent: r.correctedIntent, entities: r.entities ? JSON.parse(r.entities) : {} }),
      )
      .join("\n") + (rows.length ? "\n" : "")
  );
}

/** Approved answers as OpenAI fine-tuning chat examples. */
export async function exportFineTuningJsonl(db: Db, shop: string, systemPrompt: string): Promise<string> {
  const answers = await db.approvedAnswer.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
  return (
    answers
      .map((a) =>
        JSON.stringify({
          messages: [
            { role: "system", content: systemPrompt },
            { role: "user", content: a.question },
            { role: "assistant", content: a.answer },
          ],
        }),
      )
      .join("\n") + (answers.length ? "\n" : "")
  );
}

/** The merchant's approved answers to these shopper messages, by message id. */
export async function approvedAnswersByQuestion(
  db: Db,
  shop: string,
  questionIds: string[],
): Promise<Record<string, string>> {
  const approved = await db.approvedAnswer.findMany({
    where: { shop, sourceMessageId: { in: questionIds } },
    select: { sourceMessageId: true, answer: true },
  });
  return Object.fromEntries(approved.map((a) => [a.sourceMessageId!, a.answer]));
}
