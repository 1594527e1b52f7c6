/**
 * The days a shop works are its own: read from its texts (keeping the sentence), corrected or
 * cleared by the merchant, and every date counted in its business days goes by them. Monday to
 * Friday only when neither says. The shops here are made up: the demo snapshot with its shipping
 * policy's first paragraph rewritten, or a policy written in the test.
 */
import { describe, expect, it } from "vitest";
import { analyzeTurn } from "../../app/chat/pipeline";
import { factsFor, parseFactOverrides, shopFacts, WORKING_DAYS_DEFAULT } from "../../app/chat/shop/facts";
import { describeWorkingDays, EVERY_DAY } from "../../app/chat/shop/working-days";
import type { ShopPolicy } from "../../app/commerce/types";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoChatContext, demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";
import { orderPastItsEstimate } from "../helpers/dev-store-orders";

const policy = (body: string): ShopPolicy => ({ type: "SHIPPING_POLICY", title: "Shipping", body, url: "" });
const read = (...sentences: string[]) => shopFacts({ policies: [policy(sentences.join("\n\n"))], faqs: [] });

describe("the days a shop works, read from its texts", () => {
  it.each([
    ["We ship Monday to Saturday.", [1, 2, 3, 4, 5, 6]],
    ["Orders are dispatched Sunday through Thursday.", [0, 1, 2, 3, 4]],
    ["Nous expédions vos commandes du lundi au samedi.", [1, 2, 3, 4, 5, 6]],
    ["Enviamos de martes a sábado.", [2, 3, 4, 5, 6]],
    ["Orders leave within 2 business days, excluding weekends and holidays.", [1, 2, 3, 4, 5]],
    ["Orders placed on Saturday ship on Monday.", [1, 2, 3, 4, 5]],
    ["Les commandes passées le samedi partent le mardi.", [2, 3, 4, 5]],
    ["We don't ship on Mondays.", [0, 2, 3, 4, 5, 6]],
    ["Enviamos los martes y jueves.", [2, 4]],
  ])("%s", (sentence, days) => {
    const facts = read("Free returns within 30 days.", sentence);
    expect(facts.workingDays?.value).toEqual(days);
    expect(facts.workingDays?.source).toMatchObject({ kind: "text", sentence });
  });

  it("doesn't take a counter's, a team's or a roaster's days for the days orders leave", () => {
    const facts = read(
      "Our team answers Monday–Saturday, 9 am–5 pm.",
      "Click & collect orders are ready within 24 hours, Tuesday to Saturday.",
      "We roast on Tuesdays and Fridays.",
      "Returns are processed Monday to Friday.",
    );
    expect(facts.workingDays).toBeNull();
  });

  it("takes the merchant's days over the text's, and drops a stored value that isn't a week", () => {
    const facts = shopFacts(
      { policies: [policy("We ship Monday to Saturday.")], faqs: [] },
      { workingDays: [0, 1, 2, 3, 4] },
    );
    expect(facts.workingDays).toMatchObject({ value: [0, 1, 2, 3, 4], source: { kind: "merchant" } });
    expect(parseFactOverrides(JSON.stringify({ workingDays: [1, 9] }))).toEqual({});
    expect(parseFactOverrides(JSON.stringify({ workingDays: null }))).toEqual({ workingDays: null });
  });

  it("says a week in words for Store facts", () => {
    expect(describeWorkingDays(WORKING_DAYS_DEFAULT)).toBe("Monday to Friday");
    expect(describeWorkingDays([0, 1, 2, 3, 4])).toBe("Sunday to Thursday");
    expect(describeWorkingDays([1, 3, 5])).toBe("Monday, Wednesday, and Friday");
    expect(describeWorkingDays(EVERY_DAY)).toBe("every day");
  });

  it("reads the demo stores' own weeks from their shipping policies", async () => {
    for (const path of [SNAPSHOT_PATH, devStorePath("cafe-colibri"), devStorePath("maison-coquelicot")]) {
      const ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(path)));
      const days = factsFor(ctx.shop).workingDays;
      expect(days?.value).toEqual([1, 2, 3, 4, 5]);
      expect(days?.source.where).toMatch(/Shipping/i);
    }
  });
});

let shops = 0;
/** The demo shop with its processing paragraph replaced (its today is Friday, November 20). */
function shopWithProcessing(paragraph: string) {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH);
  snapshot.shop.myshopifyDomain = `made-up-week-${++shops}.myshopify.com`;
  const body = snapshot.policies.shippingPolicy!.body;
  snapshot.policies.shippingPolicy!.body = [paragraph, ...body.split("\n\n").slice(1)].join("\n\n");
  return createDemoStore(snapshot);
}

async function whenSent(paragraph: string, factOverrides: object = {}) {
  const say = await demoConversation({
    store: shopWithProcessing(paragraph),
    overrides: { factOverrides: JSON.stringify(factOverrides) },
  });
  await say("how much is shipping?");
  return (await say("if I order today, when would it ship?")).text;
}

describe("dates counted on the shop's own week", () => {
  it("a shop that ships Monday to Saturday sends a Friday order by Saturday", async () => {
    const text = await whenSent("Every order ships within 1 business day. We ship Monday to Saturday.");
    expect(text).toMatch(/sent between today \(Friday, November 20\) and tomorrow \(Saturday, November 21\)/);
    expect(text).toMatch(/counting business days \(Monday to Saturday\)/);
  });

  it("a shop that ships Sunday to Thursday sends a Friday order on Sunday or Monday", async () => {
    const text = await whenSent(
      "Every order ships within 1 business day. Orders are dispatched Sunday through Thursday.",
    );
    expect(text).toMatch(/sent between Sunday, November 22 and Monday, November 23/);
  });

  it("the merchant's days win over the text's", async () => {
    const text = await whenSent("Every order ships within 1 business day. We ship Monday to Saturday.", {
      workingDays: [1, 2, 3, 4, 5],
    });
    expect(text).toMatch(/sent between today \(Friday, November 20\) and Monday, November 23/);
  });

  it("a shop that doesn't say goes by Monday to Friday", async () => {
    const store = shopWithProcessing("Every order ships within 1 business day.");
    expect(factsFor((await demoChatContext(store)).shop).workingDays).toBeNull();
    const text = await whenSent("Every order ships within 1 business day.");
    expect(text).toMatch(/sent between today \(Friday, November 20\) and Monday, November 23/);
    // The assumed week counts the dates but is not told as the shop's rule.
    expect(text).toMatch(/counting business days from today/);
  });

  it("gives the model's delivery_dates tool the same dates", async () => {
    const ctx = await demoChatContext(
      shopWithProcessing("Every order ships within 1 business day. We ship Monday to Saturday."),
    );
    const turn = analyzeTurn(
      { text: "when would it arrive if I order today?", state: {}, shopper: { customerId: null } },
      ctx,
    ).turn;
    // Sent Friday or Saturday; express takes 1–2 of the shop's business days (no Sunday).
    expect(await runTool("delivery_dates", "{}", turn, emptyEffects())).toContainEqual({
      option: "Express shipping",
      earliest: "2026-11-21",
      latest: "2026-11-24",
    });
  });
});

describe("a late parcel's business days are the shop's", () => {
  const { order, now, eta } = orderPastItsEstimate(loadDemoSnapshot(SNAPSHOT_PATH));

  async function daysPast(factOverrides: object) {
    const say = await demoConversation({
      customerId: order.customerId,
      store: createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)),
      overrides: { factOverrides: JSON.stringify(factOverrides) },
    });
    const out = await say(`Where is my order ${order.name}? It's still not here.`);
    return Number(/(\d+) business days past/.exec(out.text)?.[1]);
  }

  it("counts every day for a shop that works every day, fewer for one that works Monday to Friday", async () => {
    const everyDay = await daysPast({ workingDays: EVERY_DAY });
    expect(everyDay).toBe(Math.floor((now - eta) / 864e5));
    expect(await daysPast({})).toBeLessThan(everyDay);
  });
});
