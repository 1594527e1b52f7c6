/**
 * Card and phone numbers never reach storage, whatever digits they are written in and whichever
 * stored field the bot derives from the message (text, entities, dialogue state, hand-off ticket,
 * CSAT comment). The shopper is told not to share card numbers, in their language.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, installDemoShop, proxyRequest, sendToProxy } from "../helpers/app-env";
import { CARD_PLACEHOLDER, PHONE_PLACEHOLDER, redactSensitive } from "../../app/privacy/redact";

configureTestApp("stored-derivatives");
const { default: db } = await import("../../app/db.server");

const say = (text: string, conversationId?: string) =>
  sendToProxy(proxyRequest("messages", { body: { text, ...(conversationId ? { conversationId } : {}) } }));

/** Every stored field of a conversation, as one string. */
async function everythingStored(conversationId: string): Promise<string> {
  const conversation = await db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    include: { messages: true, tickets: true },
  });
  return JSON.stringify(conversation);
}

const SECRETS = ["4111", "１１１１", "555-0148", "５５５", "0148", "０１４８"];

describe("redaction after NFKC", () => {
  it("removes full-width card and phone numbers", () => {
    const redacted = redactSensitive("card ４１１１ １１１１ １１１１ １１１１, phone （５０３） ５５５－０１４８");
    expect(redacted).toBe(`card ${CARD_PLACEHOLDER}, phone ${PHONE_PLACEHOLDER}`);
  });

  it("removes card numbers written with other separators and mathematical digits", () => {
    expect(redactSensitive("4111.1111.1111.1111")).toBe(CARD_PLACEHOLDER);
    expect(redactSensitive("𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏")).toBe(CARD_PLACEHOLDER);
  });
});

describe("what a conversation stores", () => {
  beforeAll(installDemoShop);

  it.each([
    [
      "ASCII digits",
      "I want to speak to a human. You charged my card 4111 1111 1111 1111 twice, call me at (503) 555-0148",
    ],
    [
      "full-width digits",
      "I want to speak to a human. You charged my card ４１１１ １１１１ １１１１ １１１１ twice, call me at （５０３） ５５５－０１４８",
    ],
  ])("keeps no card or phone number in any derivative of a hand-off (%s)", async (_name, text) => {
    const first = await say(text);
    expect(first.status).toBe(200);
    const { conversationId } = first.body;
    const second = await say("my email is pat.card@example.com", conversationId);
    expect(second.status).toBe(200);
    const tickets = await db.handoffTicket.findMany({ where: { conversationId } });
    expect(tickets).toHaveLength(1);
    expect(tickets[0].summary).toContain(CARD_PLACEHOLDER);
    const stored = await everythingStored(conversationId);
    for (const secret of SECRETS) expect([secret, stored.includes(secret)]).toEqual([secret, false]);
  });

  it("keeps no card number in a CSAT comment", async () => {
    const { body } = await say("hello");
    await sendToProxy(
      proxyRequest("csat", {
        body: {
          conversationId: body.conversationId,
          rating: 1,
          comment: "you charged ４１１１１１１１１１１１１１１１ twice",
        },
      }),
    );
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: body.conversationId } });
    expect(conversation.csatComment).toBe(`you charged ${CARD_PLACEHOLDER} twice`);
  });

  it.each([
    ["en", "my card number is 4111 1111 1111 1111, where is order #1001?", /don't share (your )?card numbers/i],
    [
      "es",
      "mi tarjeta es 4111 1111 1111 1111, ¿dónde está mi pedido #1001?",
      /no compartas (los )?números de tarjeta/i,
    ],
    [
      "fr",
      "ma carte est 4111 1111 1111 1111, où est ma commande #1001 ?",
      /ne partagez pas (de |vos )?numéros de carte/i,
    ],
  ])("tells the shopper not to share card numbers (%s), and only when they did", async (_language, text, warning) => {
    const { body } = await say(text);
    expect(body.reply.text).toMatch(warning);
    expect(body.shopperMessage.text).toContain(CARD_PLACEHOLDER);
    const plain = await say(text.replace(/4111 1111 1111 1111/, "fine"));
    expect(plain.body.reply.text).not.toMatch(warning);
  });
});
