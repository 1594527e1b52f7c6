/**
 * The app proxy's hand-off and CSAT additions (app/chat/protocol.ts): POST /csat, and the
 * awaitingTeam / endOfConversation signals on POST /messages and GET /conversation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, installDemoShop, proxyRequest, sendToProxy } from "../helpers/app-env";

configureTestApp("proxy-csat");
const { default: db } = await import("../../app/db.server");
const { replyToTicket } = await import("../../app/admin/handoffs.server");

const SHOP = "northwind-outfitters.myshopify.com";
const CUSTOMER = "7294052471661";

const send = sendToProxy;

const say = (text: string, conversationId?: string, customerId?: string) =>
  send(proxyRequest("messages", { body: { text, ...(conversationId ? { conversationId } : {}) }, customerId }));
const history = (conversationId: string, customerId?: string) =>
  send(proxyRequest("conversation", { query: { conversationId }, customerId }));
const rate = (body: unknown, customerId?: string) => send(proxyRequest("csat", { body, customerId }));

beforeAll(installDemoShop);

describe("POST /csat", () => {
  it("stores the rating and the trimmed comment on the conversation; a later rating replaces it", async () => {
    const { body } = await say("hi there");
    const first = await rate({ conversationId: body.conversationId, rating: 4, comment: "  Quick and clear  " });
    expect(first).toEqual({ status: 200, body: { ok: true } });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).toMatchObject({
      csat: 4,
      csatComment: "Quick and clear",
    });

    expect((await rate({ conversationId: body.conversationId, rating: 5 })).status).toBe(200);
    expect(await db.conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).toMatchObject({
      csat: 5,
      csatComment: null,
    });
    expect((await rate({ conversationId: body.conversationId, rating: 2, comment: "   " })).status).toBe(200);
    expect(await db.conversation.findUniqueOrThrow({ where: { id: body.conversationId } })).toMatchObject({
      csat: 2,
      csatComment: null,
    });
  });

  it.each([
    ["rating 0", { rating: 0 }],
    ["rating 6", { rating: 6 }],
    ["a fractional rating", { rating: 3.5 }],
    ["a rating as a string", { rating: "5" }],
    ["no rating", {}],
    ["a comment over 500 characters", { rating: 3, comment: "x".repeat(501) }],
    ["a comment that isn't a string", { rating: 3, comment: 42 }],
  ])("rejects %s with a clear 400 and stores nothing", async (_name, fields) => {
    const { body: started } = await say("hello");
    const { status, body } = await rate({ conversationId: started.conversationId, ...fields });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(typeof body.error.message).toBe("string");
    expect((await db.conversation.findUniqueOrThrow({ where: { id: started.conversationId } })).csat).toBeNull();
  });

  it("accepts a 500-character comment", async () => {
    const { body } = await say("hello");
    expect((await rate({ conversationId: body.conversationId, rating: 3, comment: "y".repeat(500) })).status).toBe(200);
  });

  it("404s on another shopper's conversation, an unknown one, and another shop's", async () => {
    const { body } = await say("where's my stuff?", undefined, CUSTOMER);
    const conversationId = body.conversationId;
    expect((await rate({ conversationId, rating: 1 })).status).toBe(404); // a guest
    expect((await rate({ conversationId, rating: 1 }, "1")).status).toBe(404); // another customer
    expect((await rate({ conversationId: "AAAAAAAAAAAAAAAAAAAAAA", rating: 1 })).status).toBe(404);
    expect((await rate({ conversationId, rating: 1 }, CUSTOMER)).status).toBe(200);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).csat).toBe(1);

    const elsewhere = await db.conversation.create({
      data: { id: "OtherShopConversation01", shop: "someone-else.myshopify.com" },
    });
    const { status, body: error } = await rate({ conversationId: elsewhere.id, rating: 5 });
    expect(status).toBe(404);
    expect(error.error.code).toBe("conversation_not_found");
    expect((await db.conversation.findUniqueOrThrow({ where: { id: elsewhere.id } })).csat).toBeNull();
  });

  it("is POST only, JSON only", async () => {
    expect((await send(proxyRequest("csat", { method: "GET" }))).status).toBe(405);
    expect(
      (await send(proxyRequest("csat", { rawBody: "rating=5", contentType: "application/x-www-form-urlencoded" })))
        .status,
    ).toBe(415);
  });
});

describe("end of conversation and hand-off signals", () => {
  it("the bot's goodbye ends the conversation (until the shopper rates it)", async () => {
    const first = await say("Is the Alpine shell jacket waterproof?");
    expect(first.body.endOfConversation).toBeUndefined();
    expect(first.body.awaitingTeam).toBeUndefined();
    const bye = await say("thanks, that's all. bye!", first.body.conversationId);
    expect(await db.message.findUniqueOrThrow({ where: { id: bye.body.reply.id } })).toMatchObject({
      intent: "thanks_goodbye",
    });
    expect(bye.body.endOfConversation).toBe(true);
    expect((await history(first.body.conversationId)).body.endOfConversation).toBe(true);

    await rate({ conversationId: first.body.conversationId, rating: 5 });
    expect((await history(first.body.conversationId)).body.endOfConversation).toBeUndefined();
    expect((await say("thank you, goodbye", first.body.conversationId)).body.endOfConversation).toBeUndefined();
  });

  it("a guest's hand-off waits for the team; the team's reply ends it and shows as an agent message", async () => {
    const ask = await say("I want to talk to a person");
    expect(ask.body.reply.text).toMatch(/email/i);
    const id = ask.body.conversationId;
    const handed = await say("jane.doe@example.com", id);
    expect(handed.body.awaitingTeam).toBe(true);
    expect(handed.body.endOfConversation).toBeUndefined();
    const ticket = await db.handoffTicket.findFirstOrThrow({ where: { conversationId: id } });
    expect(ticket).toMatchObject({ shop: SHOP, status: "open", contactEmail: "jane.doe@example.com" });

    // A goodbye while the team hasn't answered yet doesn't ask for a rating.
    const waiting = await say("thanks, bye", id);
    expect(waiting.body).toMatchObject({ awaitingTeam: true });
    expect(waiting.body.endOfConversation).toBeUndefined();
    expect((await history(id)).body).toMatchObject({ awaitingTeam: true });

    await replyToTicket(db, SHOP, ticket.id, "Hi Jane, this is Sam from Northwind. Your order ships tomorrow.", {
      mailer: null,
    });
    const after = await history(id);
    expect(after.body.awaitingTeam).toBeUndefined();
    expect(after.body.endOfConversation).toBe(true);
    const last = after.body.messages.at(-1);
    expect(last).toMatchObject({
      role: "agent",
      text: "Hi Jane, this is Sam from Northwind. Your order ships tomorrow.",
    });
    expect(last.feedback).toBeUndefined(); // thumbs are for the bot's replies

    await rate({ conversationId: id, rating: 5, comment: "Sam was great" });
    expect((await history(id)).body.endOfConversation).toBeUndefined();
  });
});
