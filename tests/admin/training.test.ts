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
    const shopper = await db.message.create({
      data: { shop, conversationId: conversation.id, role: "shopper", text, intent, confidence: 0.2 },
    });
    await db.message.create({
      data: {
        shop,
        conversationId: conversation.id,
        role: "bot",
        text: "Sorry, I didn't get that.",
        replyToId: shopper.id,
      },
    });
    ids.push(shopper.id);
  }
  return { conversation, ids };
}

/** Start a retrain of the shop's model and wait for it to finish; the version as it ended. */
async function retrainAndWait(shop: string) {
  const versionId = await training.startRetrain(db, shop);
  await expect
    .poll(async () => (await db.modelVersion.findUnique({ where: { id: versionId } }))?.status, {
      timeout: 30_000,
      interval: 200,
    })
    .not.toBe("training");
  return (await db.modelVersion.findUnique({ where: { id: versionId } }))!;
}

// A phrasing the shipped model has never seen, for a store-specific service.
const PHRASES = [
  "book a gear fitting slot",
  "reserve a fitting appointment",
  "can I book a boot fitting",
  "fitting session booking please",
  "I want a fitting appointment",
  "schedule my gear fitting",
];

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
    const ticket = (kind: string, status = "open") =>
      db.handoffTicket.create({
        data: { shop: SHOP, conversationId: conversation.id, kind, summary: "I want a person", status },
      });
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

  it("learns from a handful of corrections, scored only on corrections it did not learn from", async () => {
    const shop = "few-corrections.myshopify.com";
    // Store-visit questions the merchant wants handed to a person; the shipped model reads them as other things.
    const few = [
      "is there a store near me",
      "do you have a shop in Seattle",
      "where is your physical store",
      "can I visit your shop",
      "is your shop open to walk-in visitors",
    ];
    const { ids } = await conversationWith(shop, few);
    for (const id of ids) await training.relabelMessage(db, shop, id, "human_agent");
    const { learnFrom, heldOut } = training.splitCorrections(await training.corrections(db, shop));
    expect(heldOut.length).toBeGreaterThan(0);
    expect(learnFrom.length).toBeGreaterThan(0);
    expect(heldOut.filter((c) => learnFrom.includes(c))).toEqual([]);
    const version = await retrainAndWait(shop);
    expect(version.heldOutN).toBe(heldOut.length);
    expect(version.note).toMatch(/did not learn from/);
    expect(version.status).toBe("active");
    expect(version.accuracy!).toBeGreaterThanOrEqual(version.previousAccuracy!);
    // The activated model learns from all of them, held-out ones included, and reads them as the merchant labelled them.
    const retrained = await training.classifierForVersion(version);
    expect(few.filter((text) => retrained.classify(text).intent === "human_agent")).toEqual(few);
    // A version whose examples erasure emptied is no longer the model retraining built.
    expect(await training.classifierForVersion({ id: version.id, examples: "[]" })).toBe(shippedClassifier());
  }, 90_000);

  it("splits corrections the same way whatever their order, and never scores on one it learned from", () => {
    const all = Array.from({ length: 30 }, (_, i) => ({
      text: `question number ${i}`,
      intent: "human_agent" as const,
    }));
    const split = training.splitCorrections(all);
    const reversed = training.splitCorrections([...all].reverse());
    expect(new Set(reversed.heldOut.map((c) => c.text))).toEqual(new Set(split.heldOut.map((c) => c.text)));
    expect(split.heldOut.length + split.learnFrom.length).toBe(30);
    expect(split.heldOut.some((c) => split.learnFrom.includes(c))).toBe(false);
    expect(training.splitCorrections(all.slice(0, 1)).heldOut).toEqual([]);
  });

  it("the merchant adds an answer to a shopper's question, rewords it and removes it; only in their own shop", async () => {
    const shop = "edit-answers.myshopify.com";
    const { ids } = await conversationWith(shop, ["Do you run pottery workshops for kids?"]);
    expect(
      await training.addApprovedAnswer(db, shop, { sourceMessageId: ids[0], answer: "  Yes, on Saturday mornings.  " }),
    ).toBe(true);
    expect(
      await training.addApprovedAnswer(db, "other.myshopify.com", { sourceMessageId: ids[0], answer: "Stolen" }),
    ).toBe(false);
    expect(await training.addApprovedAnswer(db, shop, { question: "ok thanks", answer: "x" })).toBe(false);
    const [stored] = await db.approvedAnswer.findMany({ where: { shop } });
    expect(stored).toMatchObject({
      question: "Do you run pottery workshops for kids?",
      answer: "Yes, on Saturday mornings.",
      sourceMessageId: ids[0],
    });
    expect(
      matchApprovedAnswer("do you run workshops in pottery for kids", await training.approvedAnswersFor(db, shop))
        ?.answer,
    ).toBe("Yes, on Saturday mornings.");

    expect(
      await training.updateApprovedAnswer(db, "other.myshopify.com", stored.id, {
        question: "Hijacked question here",
        answer: "x",
      }),
    ).toBe(false);
    expect(
      await training.updateApprovedAnswer(db, shop, stored.id, {
        question: "Do you run clay workshops for kids?",
        answer: "Yes, on Sunday mornings.",
      }),
    ).toBe(true);
    const answers = await training.approvedAnswersFor(db, shop);
    expect(answers).toEqual([{ question: "Do you run clay workshops for kids?", answer: "Yes, on Sunday mornings." }]);
    expect(
      await training.updateApprovedAnswer(db, shop, stored.id, {
        question: "Do you run clay workshops for kids?",
        answer: "  ",
      }),
    ).toBe(false);

    await training.deleteApprovedAnswer(db, shop, stored.id);
    expect(await training.approvedAnswersFor(db, shop)).toEqual([]);
  });

  it("lists unanswered questions grouped by meaning, most asked first, and drops those an approved answer covers", async () => {
    const shop = "unanswered.myshopify.com";
    const conversation = await db.conversation.create({ data: { id: crypto.randomUUID().replace(/-/g, ""), shop } });
    const turn = async (text: string, reply: Record<string, unknown>, rating?: string) => {
      const shopper = await db.message.create({
        data: { shop, conversationId: conversation.id, role: "shopper", text },
      });
      const bot = await db.message.create({
        data: { shop, conversationId: conversation.id, role: "bot", text: "…", replyToId: shopper.id, ...reply },
      });
      if (rating)
        await db.feedback.create({ data: { shop, messageId: bot.id, conversationId: conversation.id, rating } });
    };
    await turn("Do you offer gift wrapping?", { intent: "out_of_scope", engine: "local" });
    await turn("Can you gift wrap my order?", {
      intent: "shipping_options",
      engine: "local",
      lookups: JSON.stringify([{ kind: "policy", ref: "SHIPPING_POLICY", outcome: "no answer found" }]),
    });
    await turn("Could my parcel be gift wrapped?", { intent: "shipping_options", engine: "none" });
    await turn("Do you host yoga classes in the studio?", { intent: "product_search", engine: "local" }, "down");
    await turn("Is the studio open for yoga classes?", {
      intent: "faq",
      engine: "openai",
      engineNote: "fallback: openai timeout",
    });
    await turn("Where is my order?", { intent: "track_order", engine: "local" }); // answered: not listed
    await turn("yes", { intent: "out_of_scope", engine: "local" }); // a bare reply: nothing to answer once for all

    const { topUnansweredQuestions } = await import("../../app/admin/unanswered.server");
    const top = await topUnansweredQuestions(db, shop);
    expect(top.map((t) => t.count)).toEqual([3, 2]);
    expect(top[0].question).toBe("Could my parcel be gift wrapped?");
    expect(top[0].otherWordings.sort()).toEqual(["Can you gift wrap my order?", "Do you offer gift wrapping?"]);
    expect(top.flatMap((t) => [t.question, ...t.otherWordings])).not.toContain("Where is my order?");

    expect(
      await training.addApprovedAnswer(db, shop, {
        sourceMessageId: top[0].messageId,
        answer: "Yes, add a note at checkout.",
      }),
    ).toBe(true);
    expect((await topUnansweredQuestions(db, shop)).map((t) => t.count)).toEqual([2]);
    expect(await topUnansweredQuestions(db, "someone-else.myshopify.com")).toEqual([]);
  });

  it("approves an answer and matches it to a reworded question", async () => {
    const { conversation } = await conversationWith(SHOP, ["Do you offer gear fittings in the Portland store?"]);
    const bot = await db.message.findFirst({ where: { conversationId: conversation.id, role: "bot" } });
    expect(
      await training.approveAnswer(
        db,
        SHOP,
        bot!.id,
        "Yes: free boot fittings every Saturday 10–2 at our Portland warehouse.",
      ),
    ).toBe(true);
    const answers = await training.approvedAnswersFor(db, SHOP);
    expect(matchApprovedAnswer("do you offer gear fitting at the Portland store", answers)?.answer).toMatch(/Saturday/);
    expect(matchApprovedAnswer("where is my order", answers)).toBeNull();
    expect(await training.approvedAnswersFor(db, "other.myshopify.com")).toEqual([]);
  });

  it('refuses an approved answer for a bare reply like "yes", which would answer every later "yes"', async () => {
    const shop = "approve-short.myshopify.com";
    const { conversation } = await conversationWith(shop, ["yes", "ok thanks"]);
    const bots = await db.message.findMany({ where: { conversationId: conversation.id, role: "bot" } });
    for (const bot of bots)
      expect(await training.approveAnswer(db, shop, bot.id, "You can return it within 30 days.")).toBe(false);
    expect(await training.approvedAnswersFor(db, shop)).toEqual([]);
    // And a stored one (approved before this rule) never matches a bare reply.
    expect(matchApprovedAnswer("yes", [{ question: "yes", answer: "You can return it within 30 days." }])).toBeNull();
    expect(matchApprovedAnswer("yes please", [{ question: "yes please", answer: "x" }])).toBeNull();
  });

  it("exports labelled data in the eval format and approved answers in OpenAI's chat format", async () => {
    const intents = await training.exportIntentsJsonl(db, SHOP);
    const rows = intents
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows[0]).toMatchObject({ text: "zz fitting question", intent: "human_agent", entities: {} });
    const fineTuning = (await training.exportFineTuningJsonl(db, SHOP, "You are the assistant."))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(fineTuning[0].messages.map((m: { role: string }) => m.role)).toEqual(["system", "user", "assistant"]);
  });
});
