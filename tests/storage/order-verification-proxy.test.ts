/**
 * The guards through the real proxy route, on its database: failed verifications from one client
 * address are counted across conversations, the merchant sees the lock, and a guest's change goes
 * through the one-time code sent by SMTP (smtp-server on loopback) and kept in the database.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, installDemoShop, proxyRequest, sendToProxy, DEMO_SHOP } from "../helpers/app-env";
import { startSmtpCapture, type SmtpCapture } from "../handoffs/smtp-capture";

configureTestApp("order-verification");
const { default: db } = await import("../../app/db.server");
const { listLockedAttempts } = await import("../../app/chat/verification-store.server");
const { ATTEMPT_LIMITS } = await import("../../app/chat/attempts");

const snapshot = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8"));
const orderNamed = (name: string) => snapshot.orders.find((o: { name: string }) => o.name === name);

let smtp: SmtpCapture;
beforeAll(async () => {
  await installDemoShop();
  smtp = await startSmtpCapture();
  Object.assign(process.env, { SMTP_URL: smtp.url, SMTP_FROM: "Shop <support@shop.example>" });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  await smtp?.close();
});

/** A guest message from one client address, as Shopify's proxy forwards it. */
async function send(text: string, clientAddress: string, conversationId?: string) {
  const signed = proxyRequest("messages", { body: {} });
  const request = new Request(signed.url, {
    method: "POST",
    body: JSON.stringify({ text, conversationId }),
    headers: { "Content-Type": "application/json", "X-Forwarded-For": clientAddress },
  });
  const { status, body } = await sendToProxy(request);
  expect(status).toBe(200);
  return { text: body.reply.text as string, conversationId: body.conversationId as string };
}

describe("order verification through the proxy", () => {
  it("counts a client's misses across conversations, locks it, and shows the merchant", async () => {
    const target = orderNamed("#1042");
    const others = snapshot.orders.filter((o: any) => o.email !== target.email).map((o: any) => o.name);
    for (const name of others.slice(0, ATTEMPT_LIMITS.failuresBeforeLock))
      await send(`where is order ${name}? my email is ${target.email}`, "203.0.113.44");
    const locked = await send(`where is order ${target.name}? my email is ${target.email}`, "203.0.113.44");
    expect(locked.text).toMatch(/too many attempts/);
    expect(locked.text).not.toContain(target.lineItems[0].title);
    const labels = (await listLockedAttempts(db, DEMO_SHOP)).map((l) => l.label);
    expect(labels).toContain("203.0.113.x");
    expect(labels).toContain("e•••@example.org");
  });

  it("sends a guest's one-time code by email and accepts it in the next message", async () => {
    const order = orderNamed("#1063");
    const ip = "198.51.100.20";
    const first = await send(`where is order ${order.name}? my email is ${order.email}`, ip);
    const asked = await send("change the shipping address to 9 Evil Rd, Reno, NV 89501", ip, first.conversationId);
    expect(asked.text).toContain("h•••@example.com");
    const mail = smtp.mails.find((m) => m.to.includes(order.email));
    expect(mail?.text).toMatch(/\b\d{6}\b/);
    const code = mail!.text.match(/\b(\d{6})\b/)![1];
    expect((await db.orderChangeCode.findMany()).some((row) => JSON.stringify(row).includes(code))).toBe(false);
    expect((await send("yes", ip, first.conversationId)).text).not.toMatch(/Done/);
    // The shop's default settings: the bot asks the team to change it.
    expect((await send(code, ip, first.conversationId)).text).toMatch(
      /Shall I ask our team to change it to: 9 Evil Rd/,
    );
    expect((await send("yes", ip, first.conversationId)).text).toMatch(
      /^Done: I've sent your request to our team \(Change the shipping address of #1063 to 9 Evil Rd/,
    );
  });
});
