/**
 * Every ticket says why the bot handed over (app/chat/handoff-reason.ts), decided by the answer
 * that filed it and, for "a person please", by what the bot's previous reply did.
 */
import { describe, expect, it } from "vitest";
import { loadDemoSnapshot } from "../../demo/demo-store";
import { personRequestReason } from "../../app/chat/handoff-reason";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const order = snapshot.orders.find((o: any) => o.customerId);

describe("why a conversation went to the team", () => {
  it("reads the bot's previous reply: a complaint is a complaint whatever came before", () => {
    expect(personRequestReason(false, undefined)).toBe("asked_for_person");
    expect(personRequestReason(false, "answer")).toBe("asked_for_person");
    expect(personRequestReason(false, "no_answer")).toBe("couldnt_answer");
    expect(personRequestReason(false, "clarification")).toBe("couldnt_answer");
    expect(personRequestReason(false, "verification_failed")).toBe("verification_failed");
    expect(personRequestReason(true, "no_answer")).toBe("complaint");
  });

  it("a guest asking for a person after their order details didn't match: verification failed, kept until the reply address comes", async () => {
    const say = await demoConversation();
    const denied = await say(`where is order ${order.name}? my email is someone.else@example.com`);
    expect(denied.replyKind).toBe("verification_failed");
    const asked = await say("I want to talk to a person");
    expect(asked.ticket).toBeUndefined();
    const filed = await say("casey@example.com");
    expect(filed.ticket).toMatchObject({
      kind: "handoff",
      reason: "verification_failed",
      contactEmail: "casey@example.com",
    });
  });

  it("a product question the shop's texts don't answer, then a person: the bot couldn't answer", async () => {
    const say = await demoConversation({ customerId: order.customerId });
    const product = snapshot.products.find((p: any) => p.status === "ACTIVE");
    const unanswered = await say(`Does the ${product.title} glow in the dark?`);
    expect(unanswered.replyKind).toBe("no_answer");
    expect((await say("talk to a person")).ticket).toMatchObject({ kind: "handoff", reason: "couldnt_answer" });
  });

  it("a change the merchant doesn't let the bot make is filed as needing approval", async () => {
    const unshipped = snapshot.orders.find((o: any) => o.name === "#1061");
    const say = await demoConversation({ customerId: unshipped.customerId, overrides: { allowCancel: false } });
    expect((await say("please cancel order #1061")).ticket).toBeUndefined(); // described first, for a yes
    expect((await say("yes")).ticket).toMatchObject({
      kind: "cancel_request",
      reason: "needs_approval",
      orderNumber: "#1061",
    });
  });
});
