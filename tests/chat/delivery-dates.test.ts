/**
 * "If I order today, when would it arrive?": dates counted on the shop's calendar from how soon its
 * policy says it sends an order and how long the option takes, both in the shop's own words.
 */
import { describe, expect, it } from "vitest";
import { deliveryWindow, dispatchTime, sameDayCutoff, transitTime } from "../../app/chat/shop/delivery-dates";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const day = (d: Date) => d.toISOString().slice(0, 10);
/** A shop working Monday to Friday, in a time zone. */
const weekdaysIn = (timeZone: string) => ({ timeZone, workingDays: [1, 2, 3, 4, 5] as const });
// A Wednesday, 10 am in New York.
const WEDNESDAY = new Date("2031-03-05T15:00:00Z");

describe("reading a shop's dispatch and delivery times", () => {
  it("reads 'within' as up to, and every dispatch time of the first sentence that gives one", () => {
    expect(dispatchTime(["We bake on Mondays.", "Orders leave within 2 business days."])).toEqual({
      min: 0,
      max: 2,
      unit: "business_days",
    });
    expect(
      dispatchTime(["Los pedidos salen en un máximo de 4 días hábiles; los de regalo en 1 a 2 días hábiles."]),
    ).toEqual({ min: 0, max: 4, unit: "business_days" });
    expect(dispatchTime(["Nous expédions sous 48 heures."])).toEqual({ min: 0, max: 2, unit: "business_days" });
    expect(dispatchTime(["No time here."])).toBeNull();
  });

  it("reads an option's time, or the next day, and a same-day cut-off", () => {
    expect(transitTime("Ground, 2–4 business days after dispatch: $5")).toMatchObject({ min: 2, max: 4 });
    expect(transitTime("Coursier, livraison le lendemain de l'expédition : 9 €")).toMatchObject({ min: 1, max: 1 });
    expect(transitTime("Pickup: free")).toBeNull();
    expect(sameDayCutoff(["Orders placed before 3 pm Eastern usually ship the same day."])).toBe(15);
    expect(sameDayCutoff(["Commandes passées avant 11 h expédiées le jour même."])).toBe(11);
    expect(sameDayCutoff(["Orders ship within 1 business day."])).toBeNull();
  });
});

describe("counting the dates", () => {
  const twoDays = { min: 0, max: 2, unit: "business_days" as const };
  const threeToFive = { min: 3, max: 5, unit: "business_days" as const };

  it("counts business days from today on the shop's calendar, skipping the weekend", () => {
    const window = deliveryWindow(WEDNESDAY, weekdaysIn("America/New_York"), twoDays, threeToFive);
    expect(day(window.today)).toBe("2031-03-05");
    expect(day(window.earliest)).toBe("2031-03-10"); // sent Wed, 3 business days: Mon
    expect(day(window.latest)).toBe("2031-03-14"); // sent Fri, 5 business days: Fri
  });

  it("starts on Monday when today is a weekend day where the shop is", () => {
    // Saturday 02:00 UTC is still Friday evening in Los Angeles, but Saturday in Paris.
    const saturday = new Date("2031-03-08T02:00:00Z");
    expect(day(deliveryWindow(saturday, weekdaysIn("Europe/Paris"), null, threeToFive).earliest)).toBe("2031-03-13");
    expect(day(deliveryWindow(saturday, weekdaysIn("America/Los_Angeles"), null, threeToFive).earliest)).toBe(
      "2031-03-12",
    );
  });

  it("sends today when the order comes in before the shop's same-day cut-off, not after", () => {
    const before = deliveryWindow(WEDNESDAY, weekdaysIn("America/New_York"), twoDays, threeToFive, 12);
    expect(day(before.latest)).toBe("2031-03-12");
    const after = deliveryWindow(WEDNESDAY, weekdaysIn("America/New_York"), twoDays, threeToFive, 9);
    expect(day(after.latest)).toBe("2031-03-14");
  });
});

describe("a delivery date asked after the rates", () => {
  const colibri = () => createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri")));

  it("answers the option under discussion with dates, and says they are estimates", async () => {
    const say = await demoConversation();
    await say("how much is express shipping?");
    const when = await say("if I order today, when would it get here?");
    expect(when.intent).toBe("shipping_options");
    expect(when.text).toMatch(/Express shipping it should arrive between Monday, November 23 and Tuesday, November 24/);
    expect(when.text).toMatch(/estimates/);
  });

  it("reads a longer hypothetical as a delivery before buying, not the tracking of an order", async () => {
    const say = await demoConversation();
    await say("do you ship to Canada?");
    const when = await say("when would it arrive if I ordered today?");
    expect(when.intent).toBe("shipping_options");
    expect(when.text).toMatch(/November 27 and Friday, December 4/);
  });

  it("counts in the shop's language from its own dispatch sentence", async () => {
    const say = await demoConversation({ store: colibri() });
    await say("¿Cuánto tarda el envío por Estafeta?");
    const when = await say("¿y si pido hoy, para cuándo llega?");
    expect(when.text).toMatch(
      /con Estafeta Terrestre debería llegar entre el miércoles, 25 de noviembre y el jueves, 3 de diciembre/,
    );
  });

  it("answers a same-day cut-off question with the shop's dispatch sentences", async () => {
    const say = await demoConversation();
    await say("how long does standard shipping take?");
    const cutoff = await say("what's the cut-off to ship the same day?");
    expect(cutoff.text).toMatch(/before 12 pm Pacific/);
  });

  it("reads a date asked before buying a named product as delivery, not a product question", async () => {
    const say = await demoConversation();
    const when = await say("If I order the Summit 30 today, when would it arrive?");
    expect(when.intent).toBe("shipping_options");
    expect(when.text).toMatch(/Standard shipping it should arrive between Wednesday, November 25/);
  });

  it("gives no date for time an option adds in some zones, and none for a product that needs no parcel", async () => {
    const say = await demoConversation({ store: colibri() });
    const when = await say("Si pido hoy la AeroPress, ¿cuándo me llega?");
    expect(when.text).toMatch(/con DHL Express debería llegar/);
    expect(when.text).not.toMatch(/con Zonas extendidas/);
    const course = await demoConversation({ store: colibri() });
    await course("¿Cuánto cuesta el curso de latte art?");
    const access = await course("si lo compro hoy, ¿cuándo lo recibo?");
    expect(access.text).toMatch(/no se envía por paquetería/);
    expect(access.text).not.toMatch(/debería llegar/);
  });

  it("answers when an order placed today would be sent, from the dispatch sentences", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("Combien coûte la livraison ?");
    const leaves = await say("si je commande aujourd'hui, quand part le colis ?");
    expect(leaves.intent).toBe("shipping_options");
    expect(leaves.text).toMatch(
      /l'envoi devrait se faire entre aujourd'hui \(vendredi 20 novembre\) et le mardi 24 novembre/,
    );
    expect(leaves.text).not.toMatch(/devrait arriver/);
  });

  it("gives the dates with the days when asked how long it takes", async () => {
    const say = await demoConversation();
    await say("Do you ship to Canada?");
    const long = await say("how long would it take to arrive?");
    expect(long.text).toContain("5–10 business days");
    expect(long.text).toMatch(/arrive between Friday, November 27 and Friday, December 4/);
  });

  it("gives no dates for a price asked 'now', only for an order placed or an arrival asked today", async () => {
    const now = await (await demoConversation())("how much is shipping now?");
    expect(now.text).toMatch(/\$6\.95/);
    expect(now.text).not.toMatch(/should arrive/);
    const ahora = await (await demoConversation({ store: colibri() }))("¿cuánto cuesta el envío ahora?");
    expect(ahora.text).not.toMatch(/debería llegar/);
    const coquelicot = createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot")));
    const maintenant = await (await demoConversation({ store: coquelicot }))("combien coûte la livraison maintenant ?");
    expect(maintenant.text).not.toMatch(/devrait arriver/);
    const arrival = await (await demoConversation())("if I order now, when would it get here?");
    expect(arrival.text).toMatch(/should arrive/);
    const bought = await (await demoConversation({ store: colibri() }))("si lo compro hoy, ¿cuánto tarda?");
    expect(bought.text).toMatch(/debería llegar/);
  });
});
