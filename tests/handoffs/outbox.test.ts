/**
 * The demo's outbox: the app's real mailer (nodemailer over SMTP on loopback) delivers into it
 * without a login, and its page shows each message, escaped, newest first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../app/notify/mailer.server";
import { renderOutboxPage, startSmtpOutbox, type SmtpOutbox } from "../../demo/outbox";

let outbox: SmtpOutbox;
beforeAll(async () => {
  outbox = await startSmtpOutbox();
});
afterAll(() => outbox?.close());

describe("the demo outbox", () => {
  it("receives what the app's mailer sends and shows it on its page", async () => {
    const mailer = createMailer({ url: outbox.url, from: "Demo shop <support@shop.example>" });
    await mailer.send({
      to: "hannah.brooks@example.com",
      subject: "Your code for order #1063",
      text: "Your code is:\n\n482913\n\n<b>not bold</b> — ünïcode",
    });
    await mailer.send({ to: "emma.larsen@example.com", subject: "Re: your question", text: "Second message" });
    expect(outbox.mails.map((m) => m.to)).toEqual([["hannah.brooks@example.com"], ["emma.larsen@example.com"]]);
    const page = renderOutboxPage("Demo shop", outbox.mails);
    expect(page).toContain("Your code for order #1063");
    expect(page).toContain("482913");
    expect(page).toContain("ünïcode");
    expect(page).toContain("&lt;b&gt;not bold&lt;/b&gt;");
    expect(page).not.toContain("<b>not bold</b>");
    expect(page.indexOf("Second message")).toBeLessThan(page.indexOf("482913"));
  });

  it("shows an empty outbox as such", () => {
    expect(renderOutboxPage("Demo shop", [])).toMatch(/No email sent yet/);
  });
});
