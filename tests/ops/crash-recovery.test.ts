/**
 * SIGKILL in the middle of a burst of chat messages (a crash, an OOM kill, a deploy that doesn't
 * wait), on SQLite and on PostgreSQL. Storefront clients send a bounded burst, each retrying a
 * failed message with the same clientMessageId (as the bubble does) until it is acknowledged; a
 * new server.mjs starts on the same database. Then every acknowledged message (HTTP 200) must be
 * stored exactly once, with exactly one reply, and the messages the dead process had stored but
 * not answered are answered by the new one.
 *
 * Replies come from a fake model on loopback that takes MODEL_MS to answer, as a real model
 * takes seconds: that is the window in which a kill lands between storing a shopper's message
 * and answering it. The kill is aimed at a conversation's first message in that window (stored,
 * not answered), the case where a retry has no conversation id to continue.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresUnavailable } from "../helpers/postgres";
import { startFakeOpenAI, type FakeOpenAI, type ScriptedReply } from "../helpers/fake-openai";
import { chatDatabase, say, SHOP, startChatServer, type ChatDatabase, type Engine } from "./chat-server";
import type { ServerProcess } from "./server-process";

const CLIENTS = 4;
const CONVERSATIONS_PER_CLIENT = 2;
const MESSAGES_PER_CONVERSATION = 5;
const MESSAGES = CLIENTS * CONVERSATIONS_PER_CLIENT * MESSAGES_PER_CONVERSATION; // 40
/** Acknowledged messages before the kill is armed: the burst is well under way. */
const ARM_AFTER_ACKS = 12;
const MODEL_MS = 250;
const BURST_DEADLINE_MS = 45_000;

/** Classifying takes MODEL_MS; writing the reply is quick. */
const modelCall: ScriptedReply = {
  type: "handler",
  handle: async (request) => {
    if (!request.body?.response_format)
      return { type: "message", content: "Thanks, noted. Anything else I can help with?" };
    await new Promise((resolve) => setTimeout(resolve, MODEL_MS));
    return {
      type: "json",
      value: {
        intent: "greeting",
        confidence: 0.97,
        language: "en",
        entities: { order_number: null, email: null, product: null, quantity: null, size: null, color: null },
      },
    };
  },
};

interface Ack {
  clientMessageId: string;
  conversationId: string;
  replyId: string;
  /** Which server process acknowledged it: 0 before the kill, 1 after. */
  process: number;
}

const engines: Engine[] = ["sqlite", "postgresql"];

describe.each(engines)("SIGKILL during a burst of messages on %s", (engine) => {
  let database: ChatDatabase;
  let fake: FakeOpenAI;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    if (engine === "postgresql") {
      const missing = postgresUnavailable();
      if (missing)
        throw new Error(`The crash test needs PostgreSQL: ${missing}. .ci/run installs Debian's postgresql.`);
    }
    database = await chatDatabase(engine, `crash-${engine}`);
    fake = await startFakeOpenAI({ apiKey: "sk-crash-test" });
    fake.enqueue(...Array.from({ length: 6 * MESSAGES }, () => modelCall));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await fake?.close();
    await database?.stop();
  });

  const start = () =>
    startChatServer(database.url, {
      OPENAI_API_KEY: "sk-crash-test",
      OPENAI_BASE_URL: fake.baseURL,
      CHAT_ENGINE: "openai",
      OPENAI_MAX_RETRIES: "0",
    });

  it("stores every acknowledged message exactly once, and answers what the killed process had stored", async () => {
    servers.push(await start());
    const started = Date.now();
    const acks: Ack[] = [];
    const unexpected: string[] = [];
    let killed = false;

    /** One storefront shopper: its conversations in turn, each message retried until acknowledged. */
    const client = async (c: number) => {
      for (let k = 0; k < CONVERSATIONS_PER_CLIENT; k++) {
        let conversationId: string | undefined;
        for (let m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
          const clientMessageId = `burst-${engine}-c${c}-k${k}-m${m}`;
          for (;;) {
            if (Date.now() - started > BURST_DEADLINE_MS)
              throw new Error(`${clientMessageId} not acknowledged within ${BURST_DEADLINE_MS} ms`);
            const serving = servers.length - 1;
            const sent = await say(
              servers[serving].url,
              `message ${m + 1} of conversation ${k + 1}, shopper ${c + 1}`,
              {
                clientMessageId,
                conversationId,
                ip: `198.51.100.${10 + c}`,
              },
            ).catch(() => null); // the process died under the request: retry
            if (sent?.status === 200) {
              conversationId = sent.json.conversationId;
              acks.push({
                clientMessageId,
                conversationId: sent.json.conversationId,
                replyId: sent.json.reply.id,
                process: serving,
              });
              break;
            }
            if (sent && sent.status < 500)
              unexpected.push(`${clientMessageId}: ${sent.status} ${JSON.stringify(sent.json)}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      }
    };

    /** Kill once a conversation's first message is stored and its answer still being written. */
    const killer = async (): Promise<string> => {
      while (acks.length < ARM_AFTER_ACKS) await new Promise((resolve) => setTimeout(resolve, 10));
      for (;;) {
        if (Date.now() - started > BURST_DEADLINE_MS) throw new Error("no first message was ever in flight to kill");
        const firstInFlight = await database.db.conversation.findFirst({
          where: {
            shop: SHOP,
            messageCount: 1,
            messages: { some: { role: "shopper", clientMessageId: { startsWith: `burst-${engine}-` } } },
          },
          select: { messages: { select: { clientMessageId: true } } },
        });
        if (firstInFlight) {
          servers[0].child.kill("SIGKILL");
          killed = true;
          return firstInFlight.messages[0].clientMessageId!;
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    };

    const burst = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const victim = await killer();
    expect(await servers[0].exited).toMatchObject({ signal: "SIGKILL" });
    const acksBeforeKill = acks.length;
    servers.push(await start());
    await burst;

    expect(killed).toBe(true);
    expect(unexpected).toEqual([]);
    expect(acks).toHaveLength(MESSAGES);
    expect(acksBeforeKill).toBeGreaterThanOrEqual(ARM_AFTER_ACKS);
    expect(acksBeforeKill).toBeLessThan(MESSAGES);

    // Every acknowledged message: stored once, in the conversation the client was told, with exactly
    // the one reply the client received.
    const stored = await database.db.message.findMany({
      where: { shop: SHOP, role: "shopper", clientMessageId: { startsWith: `burst-${engine}-` } },
    });
    const storedIds = stored.map((m) => m.clientMessageId!).sort();
    expect(storedIds, "each acknowledged message stored exactly once").toEqual(
      acks.map((a) => a.clientMessageId).sort(),
    );
    const replies = await database.db.message.findMany({
      where: { shop: SHOP, role: "bot", replyToId: { in: stored.map((m) => m.id) } },
    });
    for (const ack of acks) {
      const message = stored.find((m) => m.clientMessageId === ack.clientMessageId)!;
      expect(message.conversationId, ack.clientMessageId).toBe(ack.conversationId);
      expect(
        replies.filter((r) => r.replyToId === message.id).map((r) => r.id),
        ack.clientMessageId,
      ).toEqual([ack.replyId]);
    }
    // Each shopper's conversations hold their five messages and five replies, nothing else.
    const conversations = await database.db.conversation.findMany({
      where: { shop: SHOP, id: { in: stored.map((m) => m.conversationId) } },
      include: { messages: true },
    });
    expect(conversations).toHaveLength(CLIENTS * CONVERSATIONS_PER_CLIENT);
    for (const conversation of conversations) {
      expect(
        conversation.messages.filter((m) => m.role === "shopper"),
        conversation.id,
      ).toHaveLength(MESSAGES_PER_CONVERSATION);
      expect(
        conversation.messages.filter((m) => m.role === "bot"),
        conversation.id,
      ).toHaveLength(MESSAGES_PER_CONVERSATION);
      expect(conversation.messageCount, conversation.id).toBe(2 * MESSAGES_PER_CONVERSATION);
    }

    // The message the dead process had stored but not answered was answered by the new one.
    const victimAck = acks.find((a) => a.clientMessageId === victim)!;
    expect(victimAck.process).toBe(1);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
