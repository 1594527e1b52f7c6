/**
 * Hybrid mode: a sure local reading is answered locally, unless the local answer would only ask what
 * was meant or say the shop's data doesn't tell; those go to the model (a local OpenAI-compatible
 * server, no network beyond loopback).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatContext } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import type { EngineConfig } from "../../app/llm/config";
import { respondWithEngine } from "../../app/llm/engine-router";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";
import { respond } from "../../app/chat/pipeline";

let fake: FakeOpenAI;
let ctx: ChatContext;
let shopCounter = 0;

const hybrid = (): EngineConfig => ({
  mode: "hybrid",
  openai: { apiKey: "sk-test", model: "gpt-4.1", baseURL: fake.baseURL, timeoutMs: 2_000, maxRetries: 0 },
});
const ask = (text: string) =>
  respondWithEngine({ text, state: {}, shopper: { customerId: null } }, ctx, hybrid(), {
    shop: `hybrid-${++shopCounter}.myshopify.com`,
  });
const intentJson = (intent: string) => ({
  type: "json" as const,
  value: {
    intent,
    confidence: 0.9,
    language: "en",
    entities: { order_number: null, email: null, product: null, quantity: null, size: null, color: null },
  },
});

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: "sk-test" });
  ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

describe("hybrid routing", () => {
  it("sends a message the local engine would ask about to the model", async () => {
    const local = await respond({ text: "hmm my thing", state: {}, shopper: { customerId: null } }, ctx);
    expect(local.unsure).toBe("clarify");
    fake.enqueue(intentJson("out_of_scope"), {
      type: "message",
      content: "Could you tell me a bit more about what you need?",
    });
    const result = await ask("hmm my thing");
    expect(result.engine).toBe("openai");
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it("sends a sure reading whose local answer finds nothing in the shop's data to the model", async () => {
    const question = "How long does the Headlamp 400 battery last in the cold?";
    const local = await respond({ text: question, state: {}, shopper: { customerId: null } }, ctx);
    // Only meaningful when the local engine is sure of the reading and still has no answer.
    expect(local.unsure).toBe("unknown");
    fake.enqueue(intentJson(local.intent), { type: "message", content: "Let me check with the team." });
    const result = await ask(question);
    expect(result.engine).toBe("openai");
    expect(result.note).toMatch(/hybrid/);
  });

  it("keeps a sure, answered message local", async () => {
    const result = await ask("What's your return policy?");
    expect(result.engine).toBe("local");
    expect(fake.requests).toHaveLength(0);
  });
});
