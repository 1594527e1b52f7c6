/**
 * Follow-ups in a conversation about a shop rule stay on it; a question after "thanks" or a pause is
 * answered; codes just named are described again for "does it expire?". Facts come from the demo snapshots.
 */
import { describe, expect, it } from "vitest";
import { codeQuestionIntent, policyFollowUpIntent } from "../../app/chat/intent/policy-follow-ups";
import { questionAfterOpening } from "../../app/chat/intent/opening-words";
import type { IntentResult } from "../../app/chat/intent/engine";
import type { Intent } from "../../app/chat/intent/labels";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const reading = (intent: Intent, confidence: number): IntentResult =>
  ({ intent, confidence, lowConfidence: false }) as IntentResult;
const words = (text: string) => text.split(/\s+/).length;
const followUp = (text: string, read: IntentResult, last: Intent, entities = {}) =>
  policyFollowUpIntent(read, text, entities, last, words(text), false)?.intent ?? null;

describe("a question read as no topic right after delivery options", () => {
  it("stays on delivery; a sure reading of another subject, a product or a statement doesn't", () => {
    expect(followUp("¿cuántos días me lo guardan?", reading("out_of_scope", 0.4), "shipping_options")).toBe(
      "shipping_options",
    );
    expect(followUp("combien de temps vous le gardez ?", reading("complaint", 0.3), "shipping_options")).toBe(
      "shipping_options",
    );
    expect(followUp("and do you take PayPal?", reading("payment_methods", 0.8), "shipping_options")).toBeNull();
    expect(
      followUp("is the lamp waterproof?", reading("out_of_scope", 0.4), "shipping_options", { product: "lamp" }),
    ).toBeNull();
    expect(followUp("ok great", reading("out_of_scope", 0.4), "shipping_options")).toBeNull();
  });
});

describe("a follow-up to a shop rule", () => {
  it("stays on the rule when it names no subject of its own", () => {
    expect(followUp("does it expire?", reading("product_info", 0.65), "discount_code")).toBe("discount_code");
    expect(followUp("¿y si pagué en OXXO?", reading("payment_methods", 0.55), "return_policy")).toBe("return_policy");
    expect(followUp("how long does the refund take?", reading("refund_status", 0.93), "return_policy")).toBe(
      "return_policy",
    );
    expect(followUp("et au nom de ma société ?", reading("change_shipping_address", 0.38), "get_invoice")).toBe(
      "get_invoice",
    );
    expect(followUp("le code n'arrive jamais", reading("discount_code", 0.9), "account_help")).toBe("account_help");
  });

  it("leaves a clear new subject, the shopper's own order and a goodbye alone", () => {
    expect(followUp("do you ship to Canada?", reading("shipping_options", 1), "discount_code")).toBeNull();
    expect(followUp("when will I get my refund?", reading("refund_status", 0.9), "return_policy")).toBeNull();
    expect(
      followUp("where is my order 1058?", reading("track_order", 0.9), "account_help", { order_number: "1058" }),
    ).toBeNull();
    expect(followUp("thanks, bye", reading("thanks_goodbye", 0.9), "discount_code")).toBeNull();
    expect(followUp("and can I cancel it?", reading("cancel_order", 1), "discount_code")).toBeNull();
    expect(followUp("how much is it?", reading("product_info", 0.7), "discount_code")).toBeNull();
    expect(
      followUp("¿qué molienda uso para V60?", reading("product_info", 0.4), "return_policy", { product: "V60" }),
    ).toBeNull();
  });

  it("is only ever a policy topic's follow-up", () => {
    expect(followUp("does it come in blue?", reading("product_info", 0.6), "product_info")).toBeNull();
    expect(followUp("and the other one?", reading("out_of_scope", 0.2), "track_order")).toBeNull();
  });
});

describe("a message about codes", () => {
  it("is read as one when it asks for a promo code or names one, unless another reading is sure", () => {
    expect(
      codeQuestionIntent(reading("shipping_options", 0.64), "do you have a free shipping code?", false)?.intent,
    ).toBe("discount_code");
    expect(
      codeQuestionIntent(reading("shipping_options", 0.84), "LIVRAISONOFFERTE marche avec Chronopost ?", true)?.intent,
    ).toBe("discount_code");
    expect(codeQuestionIntent(reading("shipping_options", 0.64), "what's the tracking code?", false)).toBeNull();
    // "minimum order" names an order, but what is asked is the named code's minimum and end.
    expect(
      codeQuestionIntent(
        reading("track_order", 0.9),
        "what's the minimum order for MOLIENDA15 and when does it end?",
        true,
      )?.intent,
    ).toBe("discount_code");
    // A code used on an order, and where that order is: tracking.
    expect(
      codeQuestionIntent(reading("track_order", 0.9), "I used WELCOME10 on my order, where is it?", true),
    ).toBeNull();
    expect(codeQuestionIntent(reading("shipping_options", 0.95), "free shipping code?", false)).toBeNull();
  });
});

describe("a question after thanks or a pause, or inside a greeting and a thanks", () => {
  it.each([
    ["ok thanks! also, do gift cards expire?", "do gift cards expire?"],
    ["merci ! et comment j'obtiens une facture ?", "comment j'obtiens une facture ?"],
    ["gracias! otra cosa, ¿hacen envíos a Canadá?", "¿hacen envíos a Canadá?"],
    ["ah, espera, ¿las tarjetas de regalo caducan?", "¿las tarjetas de regalo caducan?"],
    ["thanks, that's all", null],
    ["Merci beaucoup, bonne journée", null],
    ["thanks for nothing, where is my order?", null],
    ["oh no my order is late", null],
    // A greeting before and a thanks after a request are courtesy around it.
    ["Hi there, do you ship to the UK? Thanks!", "do you ship to the UK?"],
    ["Bonjour, vous faites l'alignement de prix ? Merci !", "vous faites l'alignement de prix ?"],
    ["Hola! ¿Hasta cuándo es válido MOLIENDA15? gracias", "¿Hasta cuándo es válido MOLIENDA15?"],
    ["hi there, where is my order", "where is my order"],
    ["Where is my order? Thanks", "Where is my order?"],
    ["hi", null],
    ["thank you so much", null],
    ["hello? anyone there?", null],
    ["Hi, I'm Sarah", null],
  ])("%j asks %j", (text, question) => {
    expect(questionAfterOpening(text)).toBe(question);
  });
});

describe("policy conversations end to end", () => {
  it("answers the question after a thanks instead of closing", async () => {
    const say = await demoConversation();
    await say("do you price match?");
    const out = await say("ok thanks! also, do gift cards expire?");
    expect(out.intent).not.toBe("thanks_goodbye");
    expect(out.text).toMatch(/never expire/i);
  });

  it("answers how long the sign-in code lasts after a sign-in question, in other words than the shop's", async () => {
    const say = await demoConversation();
    await say("I can't log in to my account");
    const out = await say("how long is the code good for?");
    expect(out.intent).toBe("account_help");
    expect(out.text).toContain("10 minutes");
  });

  it("reads 'el código' after a sign-in question as the sign-in code, not the shop's discount codes", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))) });
    await say("No puedo entrar a mi cuenta");
    const out = await say("¿cuánto dura el código?");
    expect(out.intent).toBe("account_help");
    expect(out.text).toContain("10 minutos");
  });

  it("reads a named code's minimum as a code question, however much its name sounds like shipping", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    const out = await say("il faut combien d'achat minimum pour LIVRAISONOFFERTE ?");
    expect(out.intent).toBe("discount_code");
    expect(out.text).toContain("30 €");
  });

  it("says a named code has no end date when asked if it expires, and gives the end of one that has one", async () => {
    const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
    const openEnded = snapshot.discounts.find((d: any) => d.status === "ACTIVE" && !d.endsAt && !d.usageLimit);
    const say = await demoConversation();
    await say(`is ${openEnded.code} still active?`);
    const out = await say("does it expire?");
    expect(out.intent).toBe("discount_code");
    expect(out.text).toContain(openEnded.code);
    expect(out.text).toMatch(/no end date/i);
    // Named and asked in one message, in French, the same.
    const fr = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    expect((await fr("le code BIENVENUE10 est valable jusqu'à quand ?")).text).toContain("pas de date de fin");
  });

  it("quotes the shop's invoice rules for a general invoice question, in the shopper's language", async () => {
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    const first = await say("Comment obtenir une facture ?");
    expect(first.text).toMatch(/facture/i);
    expect(first.text).toMatch(/e-mail d'expédition|votre compte/);
    expect(first.state.awaiting).toBe("order_number");
    const company = await say("et au nom de ma société ?");
    expect(company.intent).toBe("get_invoice");
    expect(company.text).toMatch(/TVA intracommunautaire|raison sociale/);
  });

  it("asks for the order when the shop wrote no invoice rules", async () => {
    const say = await demoConversation();
    const out = await say("how do I get an invoice?");
    expect(out.state.awaiting).toBe("order_number");
  });
});
