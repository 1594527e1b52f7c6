import { describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";

configureTestApp("training");
const { default: db } = await import("../../app/db.server");
const training = await import("../../app/admin/training.server");
const { matchApprovedAnswer } = await import("../../app/chat/approved-answers");
const { shippedClassifier } = await import("../../app/chat/intent/engine");

const SHOP = "learner.myshopify.com";

async function conversationWith(shop: string, texts: string[], intent = "out_of_scope") {
  const conversation = await db.conversation.create({ data: { id: crypto.randomUUID().replace(/-/g, ""), shop } });
  const ids: string[] = [];
  for (const text of texts) {
    const shopper = await db.message.create({ data: { shop, conversationId: conversation.id, role: "shopper", text, intent, confidence: 0.2 } });
    await db.message.create({ data: { shop, conversationId: conversation.id, role: "bot", text: "Sorry, I didn't get that.", replyToId: shopper.id } });
    ids.push(shopper.id);
  }
  return { conversation, ids };
}

/** Start a retrain of the shop's model and wait for it to finish; the version as it ended. */
async function retrainAndWait(shop: string) {
  const versionId = await training.startRetrain(db, shop);
  await expect.poll(async () => (await db.modelVersion.findUnique({ where: { id: versionId } }))?.status, { timeout: 30_000, interval: 200 }).not.toBe("training");
  return (await db.modelVersion.findUnique({ where: { id: versionId } }))!;
}

// A phrasing the shipped model has never seen, for a store-specific service.
const PHRASES = ["book a gear fitting slot", "reserve a fitting appointment", "can I book a boot fitting", "fitting session booking please", "I want a fitting appointment", "schedule my gear fitting"];

describe("learning loop", () => {
  it("relabels only shopper messages of the merchant's own shop", async () => {
    const { ids } = await conversationWith(SHOP, ["zz fitting question"]);
    expect(await training.relabelMessage(db, "other.myshopify.com", ids[0], "human_agent")).toBe(false);
    expect(await training.relabelMessage(db, SHOP, ids[0], "not_an_intent")).toBe(false);
    expect(await training.relabelMessage(db, SHOP, ids[0], "human_agent")).toBe(true);
    expect((await db.message.findUnique({ where: { id: ids[0] } }))?.correctedIntent).toBe("human_agent");
  });

  it("a 'relabel' to the label the message already has is no correction, and relabelling back undoes one", async () => {
    const shop = "same-label.myshopify.com";
    const { ids } = await conversationWith(shop, ["where is my parcel"], "track_order");
    const corrected = async () => (await db.message.findUniqueOrThrow({ where: { id: ids[0] } })).correctedIntent;
    expect(await training.relabelMessage(db, shop, ids[0], "track_order")).toBe(true);
    expect(await corrected()).toBeNull();
    expect(await training.countCorrections(db, shop)).toBe(0);
    expect(await training.corrections(db, shop)).toEqual([]);
    await training.relabelMessage(db, shop, ids[0], "human_agent");
    expect(await training.countCorrections(db, shop)).toBe(1);
    await training.relabelMessage(db, shop, ids[0], "track_order");
    expect(await corrected()).toBeNull();
    expect(await training.countCorrections(db, shop)).toBe(0);
  });

  it("marking a conversation resolved closes its open tickets, and nothing of another shop's", async () => {
    const { conversation } = await conversationWith(SHOP, ["I want a person"]);
    const ticket = (kind: string, status = "open") => db.handoffTicket.create({ data: { shop: SHOP, conversationId: conversation.id, kind, summary: "I want a person", status } });
    const [open, replied] = [await ticket("handoff"), await ticket("complaint", "replied")];
    expect(await training.markResolved(db, "other.myshopify.com", conversation.id)).toBe(false);
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("open");
    expect(await training.markResolved(db, SHOP, conversation.id)).toBe(true);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("resolved");
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("closed");
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: replied.id } })).status).toBe("replied");
  });

  it("retrains on the shop's corrections, activates a version that is not worse, and can roll back", async () => {
    const shop = "retrain.myshopify.com";
    const { ids } = await conversationWith(shop, PHRASES);
    const before = PHRASES.filter((p) => shippedClassifier().classify(p).intent === "human_agent").length;
    for (const id of ids) await training.relabelMessage(db, shop, id, "human_agent");
    const version = await retrainAndWait(shop);
    const versionId = version.id;
    expect(version.status).toBe("active");
    expect(version.accuracy!).toBeGreaterThanOrEqual(version.previousAccuracy!);
    const retrained = await training.classifierForVersion(version);
    const after = PHRASES.filter((p) => retrained.classify(p).intent === "human_agent").length;
    expect(after).toBeGreaterThan(before);

    await retrainAndWait(shop);
    expect(await training.rollbackTo(db, shop, versionId)).toBe(true);
    const active = await db.modelVersion.findMany({ where: { shop, status: "active" } });
    expect(active.map((v) => v.id)).toEqual([versionId]);
    expect(await training.rollbackTo(db, "someone-else.myshopify.com", versionId)).toBe(false);
  }, 60_000);

  it("learns from a handful of corrections: each counts for more than one shipped example", async () => {
    const shop = "few-corrections.myshopify.com";
    // Store-visit questions the merchant wants handed to a person; the shipped model reads them as other things.
    const few = ["is there a store near me", "do you have a shop in Seattle", "where is your physical store", "can I visit your shop"];
    const { ids } = await conversationWith(shop, few);
    for (const id of ids) await training.relabelMessage(db, shop, id, "human_agent");
    const version = await retrainAndWait(shop);
    expect(version.status).toBe("active");
    // Scored on the corrections themselves (fewer than the hold-out needs): the new model gets them right.
    expect(version.accuracy!).toBeGreaterThan(version.previousAccuracy!);
    expect(version.accuracy!).toBe(1);
    // The version's model is the one retraining built (not trained twice), until erasure rewrites its examples.
    const trainedModel = await training.classifierForVersion(version);
    expect(few.every((text) => trainedModel.classify(text).intent === "human_agent")).toBe(true);
    expect(await training.classifierForVersion({ id: version.id, examples: "[]" })).toBe(shippedClassifier());
  }, 60_000);

  it("approves an answer and matches it to a reworded question", async () => {
    const { conversation } = await conversationWith(SHOP, ["Do you offer gear fittings in the Portland store?"]);
    const bot = await db.message.findFirst({ where: { conversationId: conversation.id, role: "bot" } });
    expect(await training.approveAnswer(db, SHOP, bot!.id, "Yes: free boot fittings every Saturday 10–2 at our Portland warehouse.")).toBe(true);
    const answers = await training.approvedAnswersFor(db, SHOP);
    expect(matchApprovedAnswer("do you offer gear fitting at the Portland store", answers)?.answer).toMatch(/Saturday/);
    expect(matchApprovedAnswer("where is my order", answers)).toBeNull();
    expect(await training.approvedAnswersFor(db, "other.myshopify.com")).toEqual([]);
  });

  it("refuses an approved answer for a bare reply like \"yes\", which would answer every later \"yes\"", async () => {
    const shop = "approve-short.myshopify.com";
    const { conversation } = await conversationWith(shop, ["yes", "ok thanks"]);
    const bots = await db.message.findMany({ where: { conversationId: conversation.id, role: "bot" } });
    for (const bot of bots) expect(await training.approveAnswer(db, shop, bot.id, "You can return it within 30 days.")).toBe(false);
    expect(await training.approvedAnswersFor(db, shop)).toEqual([]);
    // And a stored one (approved before this rule) never matches a bare reply.
    expect(matchApprovedAnswer("yes", [{ question: "yes", answer: "You can return it within 30 days." }])).toBeNull();
    expect(matchApprovedAnswer("yes please", [{ question: "yes please", answer: "x" }])).toBeNull();
  });

  it("exports labelled data in the eval format and approved answers in OpenAI's chat format", async () => {
    const intents = await training.exportIntentsJsonl(db, SHOP);
    const rows = intents.trim().split("\n").map((l) => JSON.parse(l));
    expect(rows[0]).toMatchObject({ text: "zz fitting question", intent: "human_agent", entities: {} });
    const fineTuning = (await training.exportFineTuningJsonl(db, SHOP, "You are the assistant.")).trim().split("\n").map((l) => JSON.parse(l));
    expect(fineTuning[0].messages.map((m: { role: string }) => m.role)).toEqual(["system", "user", "assistant"]);
  });
});
