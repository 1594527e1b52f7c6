/**
 * The learning loop end to end, through the app's routes: ten questions the demo store's texts
 * don't answer are asked in the bubble and listed as unanswered; the merchant answers each from
 * the Training page; a paraphrase of each (other words) then gets the merchant's answer, and
 * questions about something else get none of them. The questions and paraphrases were written
 * before the similarity threshold was chosen (tests/fixtures/approved-answers/learning-loop.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  configureTestApp,
  DEMO_SHOP,
  installDemoShop,
  proxyRequest,
  sendToProxy,
  TEST_API_KEY,
  TEST_SECRET,
} from "../helpers/app-env";
import { mintSessionToken } from "../../demo/shopify-surrogate";
import { DESKTOP_CHROME } from "../helpers/browser";
import { UNANSWERED, UNRELATED } from "../fixtures/approved-answers/learning-loop";

configureTestApp("learning-loop");
const trainingRoute = await import("../../app/routes/app.training");

const headers = () => ({
  "User-Agent": DESKTOP_CHROME,
  Authorization: `Bearer ${mintSessionToken({ shop: DEMO_SHOP, apiKey: TEST_API_KEY, secret: TEST_SECRET })}`,
});

/** A shopper's question in a new conversation; the bot's reply text. */
async function ask(text: string): Promise<string> {
  const { status, body } = await sendToProxy(proxyRequest("messages", { body: { text } }));
  expect(status).toBe(200);
  return body.reply.text;
}

async function trainingPage() {
  return (await trainingRoute.loader({
    request: new Request("http://localhost:3999/app/training", { headers: headers() }),
    params: {},
    context: {},
  } as never)) as Awaited<ReturnType<typeof trainingRoute.loader>>;
}

async function postTraining(fields: Record<string, string>) {
  const request = new Request("http://localhost:3999/app/training", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { ...headers(), "Content-Type": "application/x-www-form-urlencoded" },
  });
  return trainingRoute.action({ request, params: {}, context: {} } as never) as Promise<{ ok?: boolean }>;
}

describe("learning loop through the admin", () => {
  beforeAll(installDemoShop);

  it("ten unanswered questions, answered by the merchant, answer their paraphrases and nothing else", async () => {
    for (const { question, answer } of UNANSWERED) expect(await ask(question)).not.toContain(answer);

    // Each is listed once among the top unanswered questions.
    const before = await trainingPage();
    const listed = new Map(before.unanswered.map((u) => [u.question, u.messageId]));
    for (const { question } of UNANSWERED) expect(listed.has(question), question).toBe(true);

    for (const { question, answer } of UNANSWERED)
      expect(await postTraining({ action: "add-answer", messageId: listed.get(question)!, answer })).toEqual({
        ok: true,
      });
    const after = await trainingPage();
    expect(after.approved.map((a) => a.question).sort()).toEqual(UNANSWERED.map((u) => u.question).sort());
    for (const { question } of UNANSWERED) expect(after.unanswered.map((u) => u.question)).not.toContain(question);

    // A paraphrase gets its own question's answer or none: never another question's answer.
    let answered = 0;
    for (const [i, { paraphrase, answer }] of UNANSWERED.entries()) {
      const reply = await ask(paraphrase);
      if (reply.includes(answer)) answered++;
      for (const other of UNANSWERED.filter((_, j) => j !== i)) expect(reply, paraphrase).not.toContain(other.answer);
    }
    // All ten, with words of other meaning met through the word-vector table ("reserve a big
    // order" / "hold a large order"). The threshold was chosen on the validation pairs
    // (tests/fixtures/learning/validation.jsonl), not on these.
    console.info(`learning loop: ${answered} of ${UNANSWERED.length} paraphrases got the merchant's answer`);
    expect(answered).toBe(UNANSWERED.length);

    for (const question of UNRELATED) {
      const reply = await ask(question);
      for (const { answer } of UNANSWERED) expect(reply, question).not.toContain(answer);
    }
  }, 120_000);

  it("an edited approved answer is what the bot says from then on, and a removed one is no longer said", async () => {
    const { approved } = await trainingPage();
    const parking = approved.find((a) => a.question === UNANSWERED[8].question)!;
    const edited = "Parking: use the car park behind the warehouse; it is free for customers.";
    expect(
      await postTraining({
        action: "edit-answer",
        answerId: parking.id,
        question: "Is there customer parking at the warehouse?",
        answer: edited,
      }),
    ).toEqual({ ok: true });
    expect(await ask("Is there customer parking at the warehouse?")).toContain(edited);
    expect(await postTraining({ action: "edit-answer", answerId: parking.id, question: "ok", answer: edited })).toEqual(
      { ok: false },
    );

    expect(await postTraining({ action: "delete-answer", answerId: parking.id })).toEqual({ ok: true });
    expect(await ask("Is there customer parking at the warehouse?")).not.toContain(edited);
  }, 60_000);
});
