/**
 * Guessing: order numbers are sequential, so a stranger who knows a customer's email could walk
 * the numbers, one new conversation per guess; or try emails for one number. Failed verifications
 * are counted per shop on the shopper (client address, logged-in customer), the email and the order
 * number, across conversations, and a locked key gets no lookups — through either engine.
 * Facts come from the demo snapshot.
 */
import { describe, expect, it } from "vitest";
import { ATTEMPT_LIMITS, memoryAttemptStore, nextAttemptState, type AttemptState } from "../../app/chat/attempts";
import { memoryCodeStore } from "../../app/chat/order-codes";
import { analyzeTurn } from "../../app/chat/pipeline";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { demoChatContext, demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const orderNamed = (name: string) => snapshot.orders.find((o: any) => o.name === name);
const target = orderNamed("#1042");
const targetDetails = [target.lineItems[0].title, target.fulfillments[0]?.trackingInfo[0]?.number].filter(Boolean);
const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
const notTheirs = snapshot.orders
  .filter((o: any) => o.email !== target.email && o.customerId !== target.customerId)
  .map((o: any) => o.name.slice(1));
const MAX = ATTEMPT_LIMITS.failuresBeforeLock;

/** Stores shared by every conversation of one shop, as the database's are. */
const shared = () => ({ attempts: memoryAttemptStore(), orderCodes: memoryCodeStore() });

async function ask(
  text: string,
  options: { verification: ReturnType<typeof shared>; clientKey?: string; customerId?: string | null },
) {
  const say = await demoConversation({
    store,
    verification: options.verification,
    clientKey: options.clientKey ?? "ip:203.0.113.9",
    customerId: options.customerId,
  });
  return say(text);
}

function expectLocked(text: string) {
  expect(text).toMatch(/too many attempts/);
  expect(text).toMatch(/try again in \d+ min/);
  for (const detail of targetDetails) expect(text).not.toContain(detail);
}

describe("guessing order numbers with a known email", () => {
  it(`locks the shopper after ${MAX} misses, one new conversation per guess, even for the right number`, async () => {
    const verification = shared();
    for (const number of notTheirs.slice(0, MAX)) {
      // A miss, then (at the last one) the lock it caused.
      expect((await ask(`where is order #${number}? my email is ${target.email}`, { verification })).text).toMatch(
        /couldn't find an order|too many attempts/,
      );
    }
    expectLocked((await ask(`where is order ${target.name}? my email is ${target.email}`, { verification })).text);
  });

  it("counts the email too: a new address per guess doesn't help", async () => {
    const verification = shared();
    for (const [i, number] of notTheirs.slice(0, MAX).entries()) {
      await ask(`where is order #${number}? my email is ${target.email}`, {
        verification,
        clientKey: `ip:198.51.100.${i}`,
      });
    }
    expectLocked(
      (
        await ask(`where is order ${target.name}? my email is ${target.email}`, {
          verification,
          clientKey: "ip:192.0.2.77",
        })
      ).text,
    );
  });

  it("counts the order number too: new emails from new addresses don't help, but the logged-in owner still gets in", async () => {
    const verification = shared();
    for (let i = 0; i < MAX; i++) {
      await ask(`where is order ${target.name}? my email is guess${i}@example.com`, {
        verification,
        clientKey: `ip:198.51.100.${i}`,
      });
    }
    expectLocked(
      (
        await ask(`where is order ${target.name}? my email is ${target.email}`, {
          verification,
          clientKey: "ip:192.0.2.77",
        })
      ).text,
    );
    const owner = await ask(`where is order ${target.name}?`, {
      verification,
      customerId: target.customerId,
      clientKey: "ip:192.0.2.78",
    });
    expect(owner.text).toContain(target.name);
    expect(owner.text).toContain(targetDetails[0]);
  });

  it("counts logged-in customers too", async () => {
    const verification = shared();
    const prober = orderNamed("#1060").customerId;
    const others = snapshot.orders.filter((o: any) => o.customerId !== prober).map((o: any) => o.name.slice(1));
    for (const number of others.slice(0, MAX)) {
      expect(
        (await ask(`where is order #${number}?`, { verification, customerId: prober, clientKey: null as any })).text,
      ).toMatch(/couldn't find an order|too many/);
    }
    const locked = await ask(`where is order ${target.name}? its email is ${target.email}`, {
      verification,
      customerId: prober,
      clientKey: null as any,
    });
    expect(locked.text).toMatch(/too many/);
    for (const detail of targetDetails) expect(locked.text).not.toContain(detail);
  });

  it("is the same policy for the model's get_order tool: its misses count, and a lock refuses the right pair", async () => {
    const verification = shared();
    const ctx = await demoChatContext(store, {}, { verification });
    const shopper = { customerId: null, clientKey: "ip:203.0.113.50" };
    for (const number of notTheirs.slice(0, MAX)) {
      const { turn } = analyzeTurn(
        { text: `where is order #${number}? my email is ${target.email}`, state: {}, shopper },
        ctx,
      );
      expect(
        await runTool("get_order", JSON.stringify({ order_number: number, email: target.email }), turn, emptyEffects()),
      ).toMatchObject({ found: false });
    }
    const text = `where is order ${target.name}? my email is ${target.email}`;
    const { turn } = analyzeTurn({ text, state: {}, shopper }, ctx);
    const result = JSON.stringify(
      await runTool("get_order", JSON.stringify({ order_number: "1042", email: target.email }), turn, emptyEffects()),
    );
    expect(result).toMatch(/"found":false/);
    expect(JSON.parse(result).access).toMatchObject({ kind: "locked", retry_after_minutes: expect.any(Number) });
    for (const detail of targetDetails) expect(result).not.toContain(detail);
    // And the local engine sees the same lock.
    expectLocked((await ask(text, { verification, clientKey: "ip:203.0.113.50" })).text);
  });
});

describe("the cool-down", () => {
  const minute = 60_000;
  const missAt = (state: AttemptState | null, at: number) => nextAttemptState(state, new Date(at));

  it("doubles with each lock of the same key, up to a cap, and a quiet day forgets the key", () => {
    let state: AttemptState | null = null;
    let now = 0;
    const lockLengths: number[] = [];
    for (let lock = 0; lock < 10; lock++) {
      for (let i = 0; i < MAX; i++) state = missAt(state, (now += 1000));
      lockLengths.push(state!.lockedUntil!.getTime() - now);
      now = state!.lockedUntil!.getTime();
    }
    expect(lockLengths.slice(0, 4)).toEqual([15, 30, 60, 120].map((m) => m * minute));
    expect(Math.max(...lockLengths)).toBe(ATTEMPT_LIMITS.maxLockMs);
    // A miss during a lock changes nothing; after a quiet day the key starts over.
    const later = missAt(state, now + ATTEMPT_LIMITS.forgetAfterMs + 1);
    expect(later).toMatchObject({ failures: 1, locks: 0, lockedUntil: null });
  });

  it("keys a miss to every part of the guess, in the store", async () => {
    let now = 0;
    const attempts = memoryAttemptStore({ now: () => new Date(now) });
    for (let i = 0; i < MAX - 1; i++)
      expect(
        await attempts.recordFailure([
          { kind: "email", value: "a@example.com" },
          { kind: "order", value: String(1000 + i) },
        ]),
      ).toBeNull();
    expect(
      await attempts.recordFailure([
        { kind: "email", value: "a@example.com" },
        { kind: "order", value: "2000" },
      ]),
    ).toBe(15 * minute);
    expect(await attempts.lockedFor([{ kind: "order", value: "1000" }])).toBeNull();
    now += 10 * minute;
    expect(
      await attempts.lockedFor([
        { kind: "order", value: "1000" },
        { kind: "email", value: "a@example.com" },
      ]),
    ).toBe(5 * minute);
    now += 5 * minute;
    expect(await attempts.lockedFor([{ kind: "email", value: "a@example.com" }])).toBeNull();
  });
});
