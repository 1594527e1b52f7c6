/**
 * A fact the merchant corrects in Store facts is what the storefront bubble says next: the return
 * window read from the demo shop's policy, changed in the admin, changes the bot's answer; so do
 * the days the shop sends orders.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { askBubble, newPage, useDemoAndBrowser } from "../helpers/browser";

const env = useDemoAndBrowser();
const snapshot = JSON.parse(readFileSync("demo/demo-store.json", "utf8"));
// A guest order delivered more than a month before the snapshot's today, with one item.
const order = snapshot.orders.find(
  (o: any) =>
    !o.customerId &&
    o.lineItems.length === 1 &&
    o.returns.length === 0 &&
    o.refunds.length === 0 &&
    o.fulfillments[0]?.displayStatus === "DELIVERED" &&
    new Date(snapshot.referenceDate).getTime() - new Date(o.fulfillments[0].deliveredAt).getTime() > 45 * 86_400_000,
);

describe("Store facts", () => {
  it("a corrected return window changes the bubble's answer", async () => {
    const ask = async () => {
      const storefront = await newPage(env.browser);
      await storefront.goto(`${env.demo.url}/`);
      await storefront.locator(".nwsc-launcher").click();
      const reply = await askBubble(
        storefront,
        `I'd like to return the ${order.lineItems[0].title} from order ${order.name}, my email is ${order.email}`,
      );
      await storefront.close();
      return reply;
    };
    const before = await ask();
    expect(before).toMatch(/30 days from delivery/);
    expect(before).toMatch(/can't be returned any more/);

    const admin = await newPage(env.browser);
    admin.setDefaultTimeout(15_000);
    await admin.goto(`${env.demo.url}/admin/facts`);
    await admin
      .getByText("If something isn't right, you can return it within 30 days of delivery.", { exact: false })
      .first()
      .waitFor();
    await admin.getByLabel("Days").fill("365");
    await admin.getByRole("button", { name: "Confirm" }).first().click();
    await admin.getByText("Set by you").waitFor();
    await admin.close();

    const after = await ask();
    expect(after).toMatch(/365 days from delivery/);
    expect(after).toMatch(/can be returned until/);
  }, 180_000);

  it("the days the shop sends orders, read from its policy and corrected, change the dates the bubble gives", async () => {
    const ask = async () => {
      const storefront = await newPage(env.browser);
      await storefront.goto(`${env.demo.url}/`);
      await storefront.locator(".nwsc-launcher").click();
      const reply = await askBubble(storefront, "If I order today, when would express shipping get here?");
      await storefront.close();
      return reply;
    };
    expect(await ask()).toMatch(/counting business days \(Monday to Friday\)/);

    const admin = await newPage(env.browser);
    admin.setDefaultTimeout(15_000);
    await admin.goto(`${env.demo.url}/admin/facts`);
    // The week's card: the innermost block holding its title and its buttons.
    const card = admin
      .locator("div")
      .filter({ has: admin.getByRole("heading", { name: "Days you send orders" }) })
      .filter({ has: admin.getByRole("button", { name: "Don't state this" }) })
      .last();
    await card.getByText("Read from your policies").waitFor();
    await card.getByLabel("Saturday").check();
    await card.getByRole("button", { name: "Confirm" }).click();
    await card.getByText("Set by you").waitFor();
    await admin.close();

    expect(await ask()).toMatch(/counting business days \(Monday to Saturday\)/);
  }, 180_000);
});
