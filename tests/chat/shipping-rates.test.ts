/**
 * Delivery prices and times are answered with the lines of the shop's shipping policy for the
 * destination asked (or the shop's first one), in the shopper's language when the shop wrote it,
 * and the destination and option carry over to the follow-ups.
 */
import { describe, expect, it } from "vitest";
import { shippingRateLines } from "../../app/chat/shop/shipping-rates";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoChatContext, demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("the shop's delivery lines", () => {
  it("reads each served destination's prices from the policy, in each language it is written in", async () => {
    const ctx = await demoChatContext(storeOf("maison-coquelicot"));
    const lines = shippingRateLines(ctx.shop);
    const belgian = lines.filter((l) => l.regions.includes("BE"));
    expect(belgian.map((l) => l.passage.language).sort()).toEqual(["en", "fr"]);
    expect(belgian.every((l) => l.price && l.time)).toBe(true);
    // Every line is for a country the shop ships to.
    expect(lines.every((l) => l.regions.every((r) => ctx.shop.shipsToCountries.includes(r)))).toBe(true);
    // "Jamais offerte." is a remark on the express option, not an option of its own.
    const express = lines.find((l) => l.express && l.passage.language === "fr")!;
    expect(express.passage.quote).toMatch(/13,90 €\. Jamais offerte\./);
  });

  it("reads a price in any currency's sign or code, before or after the amount", async () => {
    const ctx = await demoChatContext();
    const policy = (body: string) => ({
      ...ctx.shop,
      shipsToCountries: ["JP", "IN", "CH"],
      faqs: [],
      policies: [{ type: "SHIPPING_POLICY", title: "Shipping", url: "u", body }],
    });
    for (const body of [
      "Japan: standard delivery ¥800.",
      "India: standard delivery ₹450.",
      "Switzerland: standard delivery CHF 9.50.",
      "Switzerland: standard delivery 9.50 CHF.",
    ]) {
      const lines = shippingRateLines(policy(body) as never);
      expect(lines.length, body).toBe(1);
      expect(lines[0].price, body).toBe(true);
    }
    // A carrier's name before a number of days is no currency.
    const carrier = shippingRateLines(policy("Japan: UPS 2 business days.") as never);
    expect(carrier.map((l) => [l.price, l.time])).toEqual([[false, true]]);
  });

  it("finds no lines in a policy without prices or times", async () => {
    const ctx = await demoChatContext();
    const shop = { ...ctx.shop, policies: ctx.shop.policies.filter((p) => p.type !== "SHIPPING_POLICY"), faqs: [] };
    expect(shippingRateLines(shop)).toEqual([]);
  });
});

describe("shipping conversations", () => {
  it("answers the home rates, then express, then a served country and its time", async () => {
    const say = await demoConversation();
    const rates = await say("How much is shipping?");
    expect(rates.intent).toBe("shipping_options");
    expect(rates.text).toContain("$6.95");
    const express = await say("and express?");
    expect(express.text).toContain("$19.95");
    expect(express.text).not.toContain("$6.95");
    const canada = await say("Do you ship to Canada?");
    expect(canada.text).toMatch(/^Yes, we ship to Canada\./);
    expect(canada.text).toContain("$14.95");
    const time = await say("how long would it take to arrive?");
    expect(time.intent).toBe("shipping_options");
    expect(time.text).toContain("5–10 business days");
  });

  it("keeps the destination for a French follow-up classified as something else", async () => {
    const say = await demoConversation({ store: storeOf("maison-coquelicot") });
    await say("Combien coûtent les frais de livraison ?");
    const belgium = await say("et pour la Belgique ?");
    expect(belgium.text).toContain("8,90 €");
    const time = await say("ça prend combien de temps ?");
    expect(time.intent).toBe("shipping_options");
    expect(time.text).toContain("3 à 5 jours ouvrés");
    expect(time.text).not.toContain("12,90");
  });

  it("leaves questions about something else than prices and times to the shop's texts", async () => {
    const say = await demoConversation();
    const box = await say("Can express shipping go to a PO box?");
    expect(box.text).toMatch(/P\.O\. box/i);
    const uk = await say("Do you ship to the UK?");
    expect(uk.text).toMatch(/isn't one of the places we ship to/);
  });
});

describe("delivery questions around the product discussed and the time asked", () => {
  const colibri = () => createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri")));

  it("says a product that needs no parcel isn't shipped, with the shop's sentence about its kind", async () => {
    const say = await demoConversation({ store: colibri() });
    await say("¿Cuánto cuesta el curso de latte art?");
    const shipping = await say("¿tengo que pagar envío?");
    expect(shipping.intent).toBe("shipping_options");
    expect(shipping.text).toMatch(/no se envía por paquetería/);
    expect(shipping.text).toMatch(/llegan por correo/);
  });

  it("answers how long with how soon the shop sends an order, then the delivery times", async () => {
    const say = await demoConversation({ store: storeOf("maison-coquelicot") });
    const time = await say("Vous expédiez en combien de temps ?");
    expect(time.text).toMatch(/sous 2 jours ouvrés/);
    expect(time.text).toMatch(/2 à 3 jours ouvrés/);
  });

  it("reads collecting at the shop before any order as a delivery option, and says so where there is none", async () => {
    const coquelicot = await demoConversation({ store: storeOf("maison-coquelicot") });
    const pickup = await coquelicot("Est-ce que je peux retirer ma commande en boutique ?");
    expect(pickup.intent).toBe("shipping_options");
    expect(pickup.text).toMatch(/Retrait en boutique/);
    const northwind = await demoConversation();
    const none = await northwind("Can I pick up my order at your store?");
    expect(none.text).not.toMatch(/Standard shipping/);
    // A café or a warehouse is the shop as a place to go to, as a store is.
    const colibri = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))),
    });
    const cafe = await colibri("thanks! also, can I pick up my order at the café?");
    expect(cafe.intent).toBe("shipping_options");
    expect(cafe.text).toMatch(/Colima 180/);
  });
});

describe("delivery follow-ups in other words", () => {
  it("answers 'when would it get here?' after the rates as a delivery before buying, not an order to track", async () => {
    const say = await demoConversation();
    await say("how much is shipping on a $50 order?");
    const when = await say("and with express, when would it get here?");
    expect(when.intent).toBe("shipping_options");
    expect(when.text).toContain("Monday, November 23");
  });

  it("gives dates for 'the earliest it could arrive' and for 'ça met combien de temps ?'", async () => {
    const say = await demoConversation();
    await say("Do you ship to Canada?");
    const earliest = await say("what's the earliest it could arrive if I order today?");
    expect(earliest.text).toContain("November 27");
    const fr = await demoConversation({ store: storeOf("maison-coquelicot") });
    await fr("Vous livrez en Belgique ?");
    const time = await fr("ça met combien de temps ?");
    expect(time.text).toContain("3 à 5 jours ouvrés");
  });
});
