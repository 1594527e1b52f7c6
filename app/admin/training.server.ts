/**
 * The learning loop: the merchant's relabels and approved answers become this shop's training
 * data; Retrain builds a new model version in the background, scores old vs new on the shop's
 * held-out labelled messages, and activates the new one only if it is not worse.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Db } from "../db.server";
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
  const message = await db.message.findFirst({ where: { id: messageId, shop, role: "shopper" }, select: { intent: true } });
  if (!message) return false;
  await db.message.updateMany({ where: { id: messageId, shop }, data: { correctedIntent: intent === message.intent ? null : intent } });
  return true;
}

/** The merchant closes the case: the conversation is resolved and its open tickets are closed with it. */
export async function markResolved(db: Db, shop: string, conversationId: string): Promise<boolean> {
  const [{ count }] = await db.$transaction([
    db.conversation.updateMany({ where: { id: conversationId, shop }, data: { status: "resolved", resolvedAt: new Date() } }),
    db.handoffTicket.updateMany({ where: { conversationId, shop, status: "open" }, data: { status: "closed" } }),
  ]);
  return count === 1;
}

/** The answer the bot should have given to a shopper's question, matched to new questions from now on. */
export async function approveAnswer(db: Db, shop: string, botMessageId: string, answer: string): Promise<boolean> {
  const reply = await db.message.findFirst({ where: { id: botMessageId, shop, role: "bot" } });
  if (!reply?.replyToId || !answer.trim()) return false;
  const question = await db.message.findFirst({ where: { id: reply.replyToId, shop } });
  if (!question || !isReusableQuestion(question.text)) return false;
  await db.approvedAnswer.create({
    data: { shop, question: question.text, answer: answer.trim().slice(0, 2000), intent: question.correctedIntent ?? question.intent, sourceMessageId: question.id },
  });
  invalidateApprovedAnswers(shop);
  return true;
}

export async function deleteApprovedAnswer(db: Db, shop: string, id: string): Promise<void> {
  await db.approvedAnswer.deleteMany({ where: { id, shop } });
  invalidateApprovedAnswers(shop);
}

/**
 * Per-instance caches of what the merchant set up for a shop. Another instance may change it (an
 * approved answer, a retrained model), so an entry is trusted for SHOP_CACHE_TTL_MS and then
 * reloaded in the background while the old value still answers (lru-cache's stale-while-revalidate).
 */
export const SHOP_CACHE_TTL_MS = Number(process.env.SHOP_CACHE_TTL_MS ?? 30_000);

function shopCache<V extends {}>(load: (shop: string, db: Db) => Promise<V>): LRUCache<string, V, Db> {
  return new LRUCache<string, V, Db>({
    max: 10_000,
    ttl: SHOP_CACHE_TTL_MS,
    allowStale: true,
    noDeleteOnFetchRejection: true,
    fetchMethod: (shop, _stale, { context }) => load(shop, context),
  });
}

const approvedCache = shopCache((shop, db) =>
  db.approvedAnswer.findMany({ where: { shop }, select: { question: true, answer: true }, orderBy: { createdAt: "desc" }, take: 500 }),
);

export async function approvedAnswersFor(db: Db, shop: string): Promise<{ question: string; answer: string }[]> {
  return (await approvedCache.fetch(shop, { context: db })) ?? [];
}

function invalidateApprovedAnswers(shop: string): void {
  approvedCache.delete(shop);
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
  return rows.filter((r) => isIntent(r.correctedIntent)).map((r) => ({ text: r.text, intent: r.correctedIntent as Intent }));
}

// ---------------------------------------------------------------------------------------------
// Model versions

/** Below this many corrections there is nothing to hold out: versions are scored on all of them. */
export const MIN_FOR_HOLDOUT = 10;

/** Deterministic split: the same message is always held out, whatever order it arrives in. */
export function isHeldOut(text: string): boolean {
  return createHash("sha256").update(text).digest()[0] % 3 === 0;
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

/** The classifier for a model version (trained once per process, in the background; training is deterministic). */
export function classifierForVersion(version: { id: string; examples: string }): Promise<IntentClassifier> {
  let classifier = trained.get(version.id);
  if (!classifier) {
    const examples = JSON.parse(version.examples) as Correction[];
    classifier = examples.length === 0 ? Promise.resolve(shippedClassifier()) : trainInBackground(withCorrections(examples), version.id);
    classifier.catch(() => trained.delete(version.id));
    trained.set(version.id, classifier);
  }
  return classifier;
}

const activeModels = shopCache(async (shop, db) => {
  const version = await db.modelVersion.findFirst({ where: { shop, status: "active" }, select: { id: true, examples: true } });
  return { classifier: version ? await classifierForVersion(version) : null };
});

/**
 * The shop's active classifier if it is loaded, else undefined (the shipped model answers) while
 * it loads in the background: a chat reply never waits for training.
 */
export function activeClassifier(db: Db, shop: string): IntentClassifier | undefined {
  activeModels.fetch(shop, { context: db }).catch((error) => console.error("loading the shop's model failed", error instanceof Error ? error.message : error));
  return activeModels.get(shop, { allowStale: true })?.classifier ?? undefined;
}

/** Start a retrain in the background; returns the new version's id at once. */
export async function startRetrain(db: Db, shop: string): Promise<string> {
  const last = await db.modelVersion.findFirst({ where: { shop }, orderBy: { version: "desc" } });
  const version = await db.modelVersion.create({ data: { shop, version: (last?.version ?? 0) + 1, status: "training", progress: 0 } });
  setImmediate(() => {
    retrain(db, shop, version.id).catch(async (error) => {
      console.error("retrain failed", error instanceof Error ? error.message : error);
      await db.modelVersion.update({ where: { id: version.id }, data: { status: "failed", note: "Training failed; the active model is unchanged." } });
    });
  });
  return version.id;
}

export async function retrain(db: Db, shop: string, versionId: string): Promise<void> {
  const all = await corrections(db, shop);
  const split = all.length >= MIN_FOR_HOLDOUT;
  const heldOut = split ? all.filter((c) => isHeldOut(c.text)) : all;
  const learnFrom = split ? all.filter((c) => !isHeldOut(c.text)) : all;
  await db.modelVersion.update({ where: { id: versionId }, data: { progress: 0.1 } });

  const active = await db.modelVersion.findFirst({ where: { shop, status: "active" } });
  const previous = active ? await classifierForVersion(active) : shippedClassifier();
  const candidate = await trainInBackground(withCorrections(learnFrom), `${versionId}-candidate`);
  await db.modelVersion.update({ where: { id: versionId }, data: { progress: 0.6 } });

  const previousAccuracy = accuracy(previous, heldOut);
  const newAccuracy = accuracy(candidate, heldOut);
  const better = newAccuracy >= previousAccuracy;
  const note = split
    ? `Scored on ${heldOut.length} held-out relabelled messages; learned from the other ${learnFrom.length}.`
    : `Only ${all.length} relabelled messages: scored on the messages it learned from (hold-out needs ${MIN_FOR_HOLDOUT}).`;
  await db.$transaction([
    ...(better ? [db.modelVersion.updateMany({ where: { shop, status: "active" }, data: { status: "retired" } })] : []),
    db.modelVersion.update({
      where: { id: versionId },
      data: {
        // The activated model learns from every correction, held-out ones included.
        examples: JSON.stringify(better ? all : learnFrom),
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
  // Without a hold-out the candidate learnt from every correction: it is the activated model.
  if (better && !split) trained.set(versionId, Promise.resolve(candidate));
  activeModels.delete(shop);
}

export async function rollbackTo(db: Db, shop: string, versionId: string): Promise<boolean> {
  const target = await db.modelVersion.findFirst({ where: { id: versionId, shop, status: { in: ["retired", "rejected", "active"] } } });
  if (!target) return false;
  await db.$transaction([
    db.modelVersion.updateMany({ where: { shop, status: "active" }, data: { status: "retired" } }),
    db.modelVersion.update({ where: { id: target.id }, data: { status: "active", activatedAt: new Date() } }),
  ]);
  activeModels.delete(shop);
  return true;
}

export async function modelVersions(db: Db, shop: string) {
  return db.modelVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, progress: true, heldOutN: true, previousAccuracy: true, accuracy: true, note: true, createdAt: true, activatedAt: true },
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
  return rows.map((r) => JSON.stringify({ text: r.text, intent: r.correctedIntent, entities: r.entities ? JSON.parse(r.entities) : {} })).join("\n") + (rows.length ? "\n" : "");
}

/** Approved answers as OpenAI fine-tuning chat examples. */
export async function exportFineTuningJsonl(db: Db, shop: string, systemPrompt: string): Promise<string> {
  const answers = await db.approvedAnswer.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
  return (
    answers
      .map((a) => JSON.stringify({ messages: [{ role: "system", content: systemPrompt }, { role: "user", content: a.question }, { role: "assistant", content: a.answer }] }))
      .join("\n") + (answers.length ? "\n" : "")
  );
}

/** The merchant's approved answers to these shopper messages, by message id. */
export async function approvedAnswersByQuestion(db: Db, shop: string, questionIds: string[]): Promise<Record<string, string>> {
  const approved = await db.approvedAnswer.findMany({ where: { shop, sourceMessageId: { in: questionIds } }, select: { sourceMessageId: true, answer: true } });
  return Object.fromEntries(approved.map((a) => [a.sourceMessageId!, a.answer]));
}
