/** Too unsure of a short message, the bot asks one clarifying question with 2–3 quick replies that the engine then reads surely. */
import { describe, expect, it } from "vitest";
import { shippedClassifier } from "../../app/chat/intent/engine";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const classifier = shippedClassifier();

describe("a vague message", () => {
  it.each([
    ["northwind", "hmm my thing"],
    ["maison-coquelicot", "j'ai un souci"],
  ])("on %s, %j gets one question and 2–3 quick replies", async (store, text) => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath(store))) });
    const reply = await say(text);
    expect(reply.text.match(/\?/g)).toHaveLength(1);
    expect(reply.quickReplies?.length).toBeGreaterThanOrEqual(2);
    expect(reply.quickReplies?.length).toBeLessThanOrEqual(3);
    expect(reply.handoff).toBe(false);
    // Each quick reply, tapped, is a request the engine reads surely.
    for (const quick of reply.quickReplies ?? []) {
      const read = classifier.classify(quick);
      expect(read.lowConfidence).toBe(false);
      expect(read.confidence).toBeGreaterThan(0.75);
    }
  });

  it("is still answered plainly when surely out of scope", async () => {
    const say = await demoConversation();
    const reply = await say("who won the game last night");
    expect(reply.intent).toBe("out_of_scope");
    expect(reply.text).not.toMatch(/what is it about/);
  });

  it("is not asked about when it names an order or a product", async () => {
    const say = await demoConversation();
    const reply = await say("hmm 1058");
    expect(reply.text).not.toMatch(/what is it about/);
  });
});

describe("an answer to the bot's question that isn't the thing asked", () => {
  it.each([
    ["northwind", "where is my order?", "I don't know my order number"],
    ["cafe-colibri", "¿dónde está mi pedido?", "no lo encuentro"],
    ["maison-coquelicot", "où est ma commande ?", "je ne le trouve pas"],
  ])("on %s, %j then %j says where to find it and keeps asking", async (store, ask, reply) => {
    const snapshot = loadDemoSnapshot(devStorePath(store));
    const say = await demoConversation({ store: createDemoStore(snapshot) });
    const asked = await say(ask);
    expect(asked.state.awaiting).toBe("order_number");
    const answer = await say(reply);
    expect(answer.intent).toBe(asked.intent);
    expect(answer.text).toContain(snapshot.shop.email);
    expect(answer.state.awaiting).toBe("order_number");
  });
});
