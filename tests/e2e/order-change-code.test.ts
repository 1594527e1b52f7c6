/**
 * A guest changes an order in the demo, offline: the bubble says a code went to the order's
 * (masked) address, the demo's outbox page shows the email the app sent, the guest types the code,
 * the bot states the change, and "yes" makes it — read back from the order.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { askBubble, newPage, useDemoAndBrowser } from "../helpers/browser";

const env = useDemoAndBrowser();
const snapshot = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8"));
const order = snapshot.orders.find((o: { name: string }) => o.name === "#1064");

describe("a guest's order change in the demo", () => {
  it("goes through the one-time code shown on the demo's outbox page", async () => {
    const shop = await newPage(env.browser);
    await shop.goto(`${env.demo.url}/`);
    await shop.locator("button.nwsc-launcher").click();
    expect(await askBubble(shop, `where is order ${order.name}? my email is ${order.email}`, 30_000)).toContain(
      order.name,
    );
    const asked = await askBubble(shop, "please change the shipping address to 9 Evil Rd, Reno, NV 89501", 30_000);
    const masked = `${order.email[0]}•••@${order.email.split("@")[1]}`;
    expect(asked).toContain(masked);

    const outbox = await newPage(env.browser);
    await outbox.goto(`${env.demo.url}/demo/outbox`);
    const mail = await outbox.locator("article").filter({ hasText: order.email }).first().innerText();
    expect(mail).toContain(`Your code for order ${order.name}`);
    const code = mail.match(/\b(\d{6})\b/)![1];

    expect(await askBubble(shop, code, 30_000)).toMatch(/Shall I change its shipping address to: 9 Evil Rd/);
    expect(await askBubble(shop, "yes", 30_000)).toMatch(
      new RegExp(`^Done: order ${order.name} will now ship to 9 Evil Rd`),
    );
    expect(await askBubble(shop, `where is order ${order.name}?`, 30_000)).toContain(order.name);
    await shop.close();
    await outbox.close();
  }, 120_000);
});
