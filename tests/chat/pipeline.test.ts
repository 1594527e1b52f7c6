import { beforeAll, describe, expect, it } from "vitest";
import { analyzeTurn, respond, type TurnOutput } from "../../app/chat/pipeline";
import { withinSupportHours } from "../../app/chat/answers/conversation";
import { systemPrompt } from "../../app/llm/model-engine";
import type { ChatContext, DialogueState } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
const snapshot = store.snapshot as any;
let ctx: ChatContext;

beforeAll(async () => {
  ctx = await demoChatContext(store);
});

const say = (text: string, state: DialogueState = {}, customerId: string | null = null): Promise<TurnOutput> =>
  respond({ text, state, shopper: { customerId } }, ctx);

describe("chat pipeline on the demo store", () => {
  it("greets with the shop's name", async () => {
    const out = await say("hi there");
    expect(out.intent).toBe("greeting");
    expect(out.text).toContain(snapshot.shop.name);
  });

  it("greets with the merchant's own greeting in its language, the standard one in others, and tells the model the tone", async () => {
    const own = await demoChatContext(store, {
      greeting: "Howdy, trail friend! Ask me anything about your gear.",
      tone: "formal",
    });
    const hello = (text: string) => respond({ text, state: {}, shopper: { customerId: null } }, own);
    expect((await hello("hi there")).text).toBe("Howdy, trail friend! Ask me anything about your gear.");
    // Unnamed, the assistant is the shop: the standard Spanish greeting welcomes the shopper to it.
    expect((await hello("hola, buenos días")).text).toMatch(new RegExp(`^¡Hola! Bienvenido a ${snapshot.shop.name}`));
    const prompt = systemPrompt(analyzeTurn({ text: "hi", state: {}, shopper: { customerId: null } }, own).turn);
    expect(prompt).toMatch(/Tone: polite and formal/);
    expect(prompt).toContain("Howdy, trail friend!");
    expect(systemPrompt(analyzeTurn({ text: "hi", state: {}, shopper: { customerId: null } }, ctx).turn)).toMatch(
      /Tone: warm and friendly/,
    );
  });

  it("answers a product question from the product's description, with a card", async () => {
    const jacket = snapshot.products.find((p: any) => p.handle === "mens-alpine-shell-jacket");
    const out = await say("Is the men's alpine shell jacket waterproof?");
    expect(out.intent).toBe("product_info");
    expect(out.text).toContain("20,000 mm");
    expect(out.products?.[0].title).toBe(jacket.title);
    expect(out.state.productHandle).toBe(jacket.handle);
  });

  it("quotes the relevant sentence of the return policy, not the whole policy", async () => {
    const out = await say("what is your return policy? how many days do I have?");
    expect(out.intent).toBe("return_policy");
    expect(out.text).toMatch(/30 days/);
    expect(out.text.length).toBeLessThan(snapshot.policies.refundPolicy.body.length);
    expect(out.text).toContain(snapshot.policies.refundPolicy.url);
  });

  it("hands over to a person with the shop's support hours, collecting a guest's email first", async () => {
    const asked = await say("I want to talk to a real person");
    expect(asked.intent).toBe("human_agent");
    expect(asked.text).toContain(snapshot.shop.supportHours);
    expect(asked.text).toMatch(/what email/i);
    // Filed only once the team has a way to reach the guest.
    expect(asked.ticket).toBeUndefined();
    expect(asked.handoff).toBe(false);
    const handed = await say("pat.guest@example.com", asked.state);
    expect(handed.intent).toBe("human_agent");
    expect(handed.handoff).toBe(true);
    expect(handed.ticket).toMatchObject({
      kind: "handoff",
      summary: "I want to talk to a real person",
      contactEmail: "pat.guest@example.com",
    });
  });

  it.each([
    // [hours, Wednesday 6:21 am Pacific, Sunday 10 am Pacific]
    ["Mon–Fri 6 am–8 pm Pacific Time", true, false],
    ["Mon-Fri 6am-8pm PT, Sat 9am-1pm PT", true, false],
    ["Monday–Friday 8 am–6 pm Pacific Time; closed Sundays", false, false],
    ["every day 9 am - 5 pm PT", false, true],
    ["Sat–Mon 9am–5pm PT", false, true],
    ["24/7", true, true],
    ["Every day, 24 hours", true, true],
    ["whenever we can", null, null],
  ])("reads the support hours %j (open: %s on Wednesday morning, %s on Sunday)", async (hours, wednesday, sunday) => {
    expect(withinSupportHours(hours, new Date("2026-11-25T14:21:00Z"))).toBe(wednesday);
    expect(withinSupportHours(hours, new Date("2026-11-29T18:00:00Z"))).toBe(sunday);
  });

  it("says only the hours when it can't read them, never that the team is away", async () => {
    const unreadable = await demoChatContext(store, { supportHours: "whenever we can" });
    const out = await respond(
      { text: "I want to talk to a person", state: {}, shopper: { customerId: null } },
      unreadable,
    );
    expect(out.text).toContain("Our support hours: whenever we can.");
    expect(out.text).not.toMatch(/outside support hours|join shortly/);
  });

  it("is outside support hours at 4 am Pacific on the snapshot's Friday", async () => {
    const out = await say("let me talk to a human", {}, snapshot.customers[0].id);
    expect(out.text).toMatch(/outside support hours/);
    expect(out.ticket?.kind).toBe("handoff");
  });

  it("tracks an order in transit with carrier, number, link and ETA", async () => {
    const order = snapshot.orders.find((o: any) => o.name === "#1058");
    const tracking = order.fulfillments[0].trackingInfo[0];
    const out = await say(`Hi, where is order #1058? My email is ${order.email}`);
    expect(out.intent).toBe("track_order");
    expect(out.text).toContain(tracking.company);
    expect(out.text).toContain(tracking.number);
    expect(out.text).toContain(tracking.url);
    expect(out.text).toMatch(/November 23/);
    expect(out.text).not.toMatch(/delivered/i);
  });

  it("searches the live catalog under a price", async () => {
    const out = await say("any hiking boots under $150?");
    expect(out.intent).toBe("product_search");
    for (const card of out.products ?? []) expect(Number(card.price.replace(/[^0-9.]/g, ""))).toBeLessThanOrEqual(150);
  });

  it("reads an elliptical follow-up as the last action, not a product question", async () => {
    const out = await say("and what about the headlamp from that order?", { lastIntent: "return_item" });
    expect(out.intent).toBe("return_item");
  });

  // The same follow-up in Spanish, with its opening question mark, and in English without "what about".
  it.each(["¿y el molino?", "ok and the boots?"])(
    "reads %j after a return as the same action on another item",
    async (text) => {
      const out = await say(text, { lastIntent: "return_item" });
      expect(out.intent).toBe("return_item");
    },
  );

  // A bare "why?" or "what are my options?" asks about the answer just given, not about something new.
  it.each([
    ["why?", "return_item"],
    ["¿por qué?", "exchange_item"],
    ["pourquoi ?", "track_order"],
    ["what are my options?", "track_order"],
    ["¿qué opciones tengo?", "track_order"],
    ["qu'est-ce que je peux faire ?", "return_item"],
  ])("reads %j as a follow-up of the last %s answer", async (text, last) => {
    const out = await say(text, { lastIntent: last as any, orderNumber: "1050" });
    expect(out.intent).toBe(last);
  });

  // After the bot listed the colours in stock, naming one ("ok then make it sky") picks it for the same change.
  it("reads a variant named after a change or an exchange as that change", async () => {
    const order = snapshot.orders.find((o: any) => o.name === "#1064");
    const colour = order.lineItems[0].variantTitle === "Moss" ? "sky" : "moss";
    // #1064 hasn't shipped: swapping a variant on it is a change, even after the shopper said "exchange".
    for (const last of ["change_order", "exchange_item"] as const) {
      const out = await say(`ok then make it ${colour}`, { lastIntent: last, orderNumber: "1064" }, order.customerId);
      expect(out.intent).toBe("change_order");
      expect(out.text).toContain("#1064");
    }
  });

  it("follows a change of mind from one order action to another", async () => {
    const out = await say("hmm, rather than cancel it can you change the size to large?", {
      lastIntent: "cancel_order",
    });
    expect(out.intent).toBe("change_order");
  });

  // Collecting an order in person is a way of receiving it, whatever language asks.
  it.each([
    "Est-ce que je peux récupérer mes achats sur place ? C'est gratuit ?",
    "¿Puedo recoger mi compra en su local? ¿Tiene costo?",
    "Could I collect my purchase at your workshop myself, and is that free?",
  ])("reads an unsure question about collecting in person as shipping options: %j", async (text) => {
    const out = await say(text);
    expect(out.intent).toBe("shipping_options");
  });

  // A complaint that asks for a person is a request for a person (the corpus's own convention).
  it.each([
    "Service client lamentable, trois semaines sans réponse : je demande à parler à un responsable.",
    "Troisième commande abîmée, c'est lamentable, passez-moi un responsable",
    "Pésimo servicio, nadie me contesta, quiero hablar con una persona de verdad",
    "My parcel is late for the third time, this is outrageous, I want to talk to a manager",
  ])("reads a complaint that asks for a person as human_agent: %j", async (text) => {
    const out = await say(text);
    expect(out.intent).toBe("human_agent");
  });

  it("treats swapping an item in an order still being cancelled as a change, not an exchange", async () => {
    const out = await say("could you swap it for the blue one instead?", { lastIntent: "cancel_order" });
    expect(out.intent).toBe("change_order");
  });
});

describe("words that name a JavaScript object's own properties", () => {
  // Every table the pipeline looks a shopper's word up in must treat these as plain words.
  it("get an ordinary reply from every step", async () => {
    const ctx = await demoChatContext();
    const words = [
      "constructor",
      "__proto__",
      "toString",
      "valueOf",
      "hasOwnProperty",
      "isPrototypeOf",
      "propertyIsEnumerable",
      "toLocaleString",
      "__defineGetter__",
    ];
    for (const word of words) {
      for (const text of [word, `where is my ${word}?`, `is the ${word} waterproof`, `${word} return policy`]) {
        const out = await respond({ text, state: {}, shopper: { customerId: null } }, ctx);
        expect(out.text.length, text).toBeGreaterThan(0);
      }
    }
  });
});
