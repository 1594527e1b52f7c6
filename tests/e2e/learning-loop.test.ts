/**
 * The learning loop in the browser: a merchant filters conversations by intent, opens one,
 * relabels its messages and writes the answer the bot should have given; Retrain builds a model
 * that scores higher on the shop's corrected messages (measured with `npm run eval`), and a
 * shopper asking the same question gets the merchant's answer; the merchant edits it on the
 * Training page, and answers a question listed there as unanswered ("Answer this").
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { askBubble as ask, newPage, useDemoAndBrowser } from "../helpers/browser";
import { shippedClassifier } from "../../app/chat/intent/engine";
import { createDb } from "../../app/db.server";
import { exportIntentsJsonl } from "../../app/admin/training.server";

const SHOP = "northwind-outfitters.myshopify.com";
// A service this shop offers that no shipped example describes.
const QUESTIONS = [
  "can I book a boot fitting slot at your warehouse?",
  "is there a boot fitting service I can reserve",
  "do you do boot fitting appointments",
  "booking a fitting session for hiking boots",
];
const PARKING = {
  question: "Is there parking near your warehouse?",
  paraphrase: "is there parking at your warehouse",
  answer: "Parking: free spaces beside the warehouse entrance.",
};
const APPROVED =
  "Yes! We offer free boot fittings every Saturday 10 am–2 pm at our Portland warehouse; reply with a time and we'll book you in.";

const env = useDemoAndBrowser();
const run = promisify(execFile);

async function evalAccuracy(file: string): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "scripts/eval.ts", "intents", file, "--shop", SHOP, "--json"],
    {
      env: { ...process.env, DATABASE_URL: env.demo.databaseUrl },
    },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!).accuracy;
}

describe("learning loop", () => {
  it("relabel, approve, retrain: the eval improves and the shopper gets the approved answer", async () => {
    const shopper = await newPage(env.browser);
    await shopper.goto(`${env.demo.url}/`);
    await shopper.locator("button.nwsc-launcher").click();
    const firstReply = await ask(shopper, QUESTIONS[0]);
    expect(firstReply).not.toBe(APPROVED);
    for (const question of QUESTIONS.slice(1)) await ask(shopper, question);

    // The merchant finds the conversation under the intent the bot (wrongly) gave it.
    const predicted = shippedClassifier().classify(QUESTIONS[QUESTIONS.length - 1]).intent;
    const admin = await newPage(env.browser);
    await admin.goto(`${env.demo.url}/admin/conversations?intent=${predicted}`);
    await admin.getByText(QUESTIONS[0]).first().click();
    await admin.getByRole("button", { name: "Write a better answer" }).first().waitFor({ timeout: 20_000 });

    // The review tools open on demand, one message at a time. A message the bot already read as
    // "Human agent" needs no correction (Relabel stays disabled on the label it has).
    let corrected = 0;
    for (let i = 0; i < QUESTIONS.length; i++) {
      await admin
        .getByRole("button", { name: /^(Correct the intent|Change the intent label)$/ })
        .nth(i)
        .click();
      const form = admin.locator("form", { has: admin.getByRole("button", { name: /^Relabel$/ }) });
      await form.locator("select").selectOption("human_agent");
      if (await form.getByRole("button", { name: /^Relabel$/ }).isDisabled()) {
        await form.getByRole("button", { name: "Cancel" }).click();
        continue;
      }
      await form.getByRole("button", { name: /^Relabel$/ }).click();
      await expect
        .poll(() => admin.getByText("relabelled: Human agent").count(), { timeout: 15_000 })
        .toBe(++corrected);
      await expect.poll(() => form.count()).toBe(0); // saved: the form closes
    }
    expect(corrected).toBeGreaterThan(0);
    await admin.getByRole("button", { name: "Write a better answer" }).first().click();
    const approveForm = admin.locator("form", { has: admin.getByRole("button", { name: "Save answer" }) }).first();
    await approveForm.locator("textarea").fill(APPROVED);
    await approveForm.getByRole("button", { name: "Save answer" }).click();
    await admin.getByText(/Approved answer: Yes! We offer free boot fittings/).waitFor({ timeout: 15_000 });

    // The shop's corrected messages, exported in the eval format, scored before and after Retrain.
    const db = createDb(env.demo.databaseUrl);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "corrected-")), "corrected.jsonl");
    fs.writeFileSync(file, await exportIntentsJsonl(db, SHOP));
    await db.$disconnect();
    const before = await evalAccuracy(file);

    await admin.goto(`${env.demo.url}/admin/training`);
    // The export button downloads the same file, signed like every admin request.
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("button", { name: /Export labelled messages/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("labelled-intents.jsonl");
    expect(fs.readFileSync((await download.path())!, "utf8")).toBe(fs.readFileSync(file, "utf8"));
    await admin.getByRole("button", { name: "Retrain" }).click();
    await admin.getByText("active", { exact: true }).first().waitFor({ timeout: 60_000 });
    const after = await evalAccuracy(file);
    expect(after).toBeGreaterThan(before);

    // The shopper asks the same question again and gets the merchant's answer.
    expect(await ask(shopper, QUESTIONS[0])).toContain(APPROVED);

    // The merchant rewords the approved answer on the Training page; the bot says the new one.
    const EDITED = "Boot fittings are by appointment: reply with a day that suits you.";
    await admin.goto(`${env.demo.url}/admin/training`);
    await admin
      .getByRole("button", { name: /^Edit: / })
      .first()
      .click();
    await admin.getByLabel("Answer", { exact: true }).fill(EDITED);
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByText(EDITED).waitFor({ timeout: 15_000 });
    expect(await ask(shopper, QUESTIONS[0])).toContain(EDITED);

    // A question the shop's texts don't answer is listed as unanswered; "Answer this" answers it and its paraphrases.
    const visitor = await newPage(env.browser);
    await visitor.goto(`${env.demo.url}/`);
    await visitor.locator("button.nwsc-launcher").click();
    expect(await ask(visitor, PARKING.question)).not.toContain(PARKING.answer);
    await admin.reload();
    await admin.getByRole("button", { name: `Answer this: ${PARKING.question}` }).click();
    await admin.getByLabel(`Your answer to "${PARKING.question}"`).fill(PARKING.answer);
    await admin.getByRole("button", { name: "Save answer" }).click();
    await admin.getByText(PARKING.answer).waitFor({ timeout: 15_000 });
    expect(await ask(visitor, PARKING.paraphrase)).toContain(PARKING.answer);
    await visitor.close();
    await shopper.close();
    await admin.close();
    console.info(`learning loop: accuracy on the shop's corrected messages ${before} → ${after}`);
  }, 180_000);
});
