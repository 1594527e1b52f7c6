/**
 * The model's tools enforce the app's rules themselves, whatever arguments the model invents.
 * Facts come from the demo snapshot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeTurn } from "../../app/chat/pipeline";
import type { ChatContext, DialogueState } from "../../app/chat/types";
import { loadDemoSnapshot } from "../../demo/demo-store";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const orderNamed = (name: string) => snapshot.orders.find((o: any) => o.name === name);

let ctx: ChatContext;
beforeAll(async () => {
  ctx = await demoChatContext();
});

const turnFor = (text: string, options: { customerId?: string | null; state?: DialogueState } = {}) =>
  analyzeTurn({ text, state: options.state ?? {}, shopper: { customerId: options.customerId ?? null } }, ctx).turn;

async function handoff(
  text: string,
  contactEmail: string,
  options: { customerId?: string | null; state?: DialogueState } = {},
) {
  const effects = emptyEffects();
  await runTool(
    "start_handoff",
    JSON.stringify({ summary: "Shopper wants a person", contact_email: contactEmail }),
    turnFor(text, options),
    effects,
  );
  return effects.answer.ticket;
}

describe("start_handoff's contact email", () => {
  it("is never an address the shopper didn't give", async () => {
    // A guest who gave no address of their own gets no ticket yet: the verdict tells the model to ask for one.
    expect(await handoff("I want to talk to a person please", "attacker@evil.example")).toBeUndefined();
    const effects = emptyEffects();
    const result = await runTool(
      "start_handoff",
      JSON.stringify({ summary: "wants a person", contact_email: "attacker@evil.example" }),
      turnFor("a person please"),
      effects,
    );
    expect(result).toMatchObject({ verdict: { kind: "ask_contact_email" } });
    expect(effects.answer.state).toMatchObject({
      awaiting: "email",
      handoffRequest: "wants a person",
      handoffReason: "asked_for_person",
    });
    // An address from earlier in the conversation is still the shopper's own.
    const earlier = await handoff("a human please", "attacker@evil.example", { state: { email: "me@example.com" } });
    expect(earlier?.contactEmail).toBe("me@example.com");
  });

  it("is the address the shopper typed, in any case", async () => {
    const ticket = await handoff("get me a human, reply to Ann.Lee@Example.com", "ann.lee@example.com");
    expect(ticket?.contactEmail?.toLowerCase()).toBe("ann.lee@example.com");
  });

  it("may be the logged-in customer's own address from an order the tools verified for them", async () => {
    const order = orderNamed("#1063");
    const turn = turnFor("where is my order? and I want a person", { customerId: order.customerId });
    const effects = emptyEffects();
    await runTool("get_order", JSON.stringify({ order_number: "1063" }), turn, effects);
    await runTool(
      "start_handoff",
      JSON.stringify({ summary: "wants a person", contact_email: order.email }),
      turn,
      effects,
    );
    expect(effects.answer.ticket?.contactEmail).toBe(order.email);
    const other = orderNamed("#1061");
    await runTool(
      "start_handoff",
      JSON.stringify({ summary: "wants a person", contact_email: other.email }),
      turn,
      effects,
    );
    expect(effects.answer.ticket?.contactEmail).not.toBe(other.email);
  });
});

describe("delivery_dates", () => {
  it("gives the model the same dates the local answer says, per option, for a served destination", async () => {
    const turn = turnFor("when would it arrive if I order today?");
    const home = (await runTool("delivery_dates", "{}", turn, emptyEffects())) as {
      option: string;
      earliest: string;
      latest: string;
    }[];
    expect(home).toContainEqual({ option: "Express shipping", earliest: "2026-11-23", latest: "2026-11-24" });
    const canada = await runTool("delivery_dates", JSON.stringify({ country: "CA" }), turn, emptyEffects());
    expect(canada).toEqual([
      { option: "Standard international shipping", earliest: "2026-11-27", latest: "2026-12-04" },
    ]);
    const elsewhere = await runTool("delivery_dates", JSON.stringify({ country: "FR" }), turn, emptyEffects());
    expect(elsewhere).toEqual({ error: "The shop doesn't ship there." });
  });
});

describe("get_order's expected arrival", () => {
  it("gives the model the days an unsent order should arrive, as the local answer says them", async () => {
    const unsent = snapshot.orders
      .filter((o: any) => o.displayFulfillmentStatus === "UNFULFILLED" && o.customerId && !o.cancelledAt)
      .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
    const turn = turnFor("when will my order arrive?", { customerId: unsent.customerId });
    const found = (await runTool(
      "get_order",
      JSON.stringify({ order_number: unsent.name }),
      turn,
      emptyEffects(),
    )) as any;
    const arrival = found.verdicts.expected_arrival;
    expect(arrival).not.toBeNull();
    const spoken = (iso: string) =>
      new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" });
    // The local engine's reply names the same two days.
    const { demoConversation } = await import("../helpers/chat-context");
    const say = await demoConversation({ customerId: unsent.customerId });
    const reply = await say(`when will order ${unsent.name} arrive?`);
    expect(reply.text).toContain(spoken(arrival.earliest));
    expect(reply.text).toContain(spoken(arrival.latest));
  });
});
