/**
 * Both engines reach the same verdict: the local engine's answers (which word a verdict and keep
 * it on Answer.verdicts) and the model's tools (which return it as data) are run on the same
 * shopper, message and order, and must agree — who may see the order and which order is meant,
 * cancel/change/address eligibility, per-item returns, refunds, discount codes and hand-off.
 * Cases are drawn from each dev store's snapshot by the order's state, not by its name.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cancelOrder,
  changeOrder,
  changeShippingAddress,
  refundStatus,
  returnItem,
} from "../../app/chat/answers/orders";
import { discountCode } from "../../app/chat/answers/discounts";
import { humanHandoff } from "../../app/chat/answers/conversation";
import { analyzeTurn } from "../../app/chat/pipeline";
import type { PolicyVerdict } from "../../app/chat/policy";
import type { Answer, DialogueState, Turn } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const STORES = [
  { name: "Northwind", file: SNAPSHOT_PATH },
  { name: "Maison Coquelicot", file: path.resolve("demo", "stores", "maison-coquelicot.json") },
  { name: "Café Colibrí", file: path.resolve("demo", "stores", "cafe-colibri.json") },
];

type RawOrder = any;
type Shopper = { kind: "owner" } | { kind: "guest"; withEmail: boolean };

/** Orders in the states the rules tell apart, the first of each a store has. */
const ORDER_STATES: { state: string; matches: (o: RawOrder) => boolean }[] = [
  {
    state: "unshipped and paid",
    matches: (o) =>
      !o.cancelledAt &&
      o.fulfillments.length === 0 &&
      o.displayFinancialStatus === "PAID" &&
      o.displayFulfillmentStatus === "UNFULFILLED",
  },
  { state: "fulfillment on hold", matches: (o) => !o.cancelledAt && o.displayFulfillmentStatus === "ON_HOLD" },
  {
    state: "payment pending",
    matches: (o) =>
      !o.cancelledAt && o.fulfillments.length === 0 && ["PENDING", "AUTHORIZED"].includes(o.displayFinancialStatus),
  },
  { state: "partly shipped", matches: (o) => !o.cancelledAt && o.displayFulfillmentStatus === "PARTIALLY_FULFILLED" },
  {
    state: "delivered",
    matches: (o) =>
      !o.cancelledAt && o.returns.length === 0 && o.fulfillments.some((f: any) => f.displayStatus === "DELIVERED"),
  },
  { state: "delivery failed", matches: (o) => o.fulfillments.some((f: any) => f.displayStatus === "FAILURE") },
  { state: "cancelled", matches: (o) => !!o.cancelledAt },
  {
    state: "with a return waiting",
    matches: (o) => o.returns.some((r: any) => ["REQUESTED", "OPEN"].includes(r.status)),
  },
  { state: "with a closed return", matches: (o) => o.returns.some((r: any) => r.status === "CLOSED") },
  { state: "with a declined return", matches: (o) => o.returns.some((r: any) => r.status === "DECLINED") },
  { state: "partly refunded", matches: (o) => o.displayFinancialStatus === "PARTIALLY_REFUNDED" },
  {
    state: "to collect (no delivery address)",
    matches: (o) => !o.shippingAddress && o.lineItems.some((l: any) => l.requiresShipping !== false),
  },
  { state: "digital only", matches: (o) => o.lineItems.every((l: any) => l.requiresShipping === false) },
];

const digits = (name: string) => name.replace(/\D/g, "");
const topic = <T extends PolicyVerdict["topic"]>(answer: Answer, name: T) =>
  answer.verdicts?.find((v): v is Extract<PolicyVerdict, { topic: T }> => v.topic === name);

for (const store of STORES) {
  const snapshot = loadDemoSnapshot(store.file) as any;
  // Each engine gets its own copy of the shop, so one's counted misses or changes can't steer the other.
  const context = () => demoChatContext(createDemoStore(loadDemoSnapshot(store.file)));
  const turnIn = (
    ctx: Awaited<ReturnType<typeof context>>,
    text: string,
    customerId: string | null,
    state: DialogueState = {},
  ): Turn => analyzeTurn({ text, state, shopper: { customerId } }, ctx).turn;

  /** The local answer's verdicts and the tool's result, for the same shopper and message. */
  async function bothEngines(
    text: string,
    customerId: string | null,
    local: (turn: Turn) => Promise<Answer> | Answer,
    tool: string,
    args: Record<string, unknown>,
  ) {
    const localAnswer = await local(turnIn(await context(), text, customerId));
    const toolResult = (await runTool(
      tool,
      JSON.stringify(args),
      turnIn(await context(), text, customerId),
      emptyEffects(),
    )) as any;
    return { local: localAnswer, tool: toolResult };
  }

  describe(`${store.name}: orders`, () => {
    const cases = ORDER_STATES.flatMap(({ state, matches }) => {
      const order = snapshot.orders.find((o: RawOrder) => matches(o) && o.email && o.customerId);
      return order ? [{ state, order }] : [];
    });

    it("has orders in most of the states the rules tell apart", () => {
      expect(cases.length).toBeGreaterThanOrEqual(8);
    });

    for (const { state, order } of cases) {
      for (const shopper of [{ kind: "owner" }, { kind: "guest", withEmail: true }] as Shopper[]) {
        const who = shopper.kind === "owner" ? "its logged-in owner" : "a guest with its email";
        const customerId = shopper.kind === "owner" ? order.customerId : null;
        const withEmail = shopper.kind === "guest" ? `, my email is ${order.email}` : "";
        const orderArgs = {
          order_number: digits(order.name),
          ...(shopper.kind === "guest" ? { email: order.email } : {}),
        };

        it(`${state} order, asked by ${who}: the same access, cancel, change, address, return and refund verdicts`, async () => {
          const facts = await bothEngines(
            `can I cancel order ${order.name}${withEmail}`,
            customerId,
            cancelOrder,
            "get_order",
            orderArgs,
          );
          expect(facts.tool.found).toBe(true);
          expect(topic(facts.local, "order_access")).toMatchObject({ kind: "verified", order: order.name });
          expect(facts.tool.order.name).toBe(order.name);
          const verdicts = facts.tool.verdicts;
          expect(topic(facts.local, "cancel")?.verdict).toEqual(verdicts.cancel);

          const change = await changeOrder(
            turnIn(await context(), `can I change something on order ${order.name}${withEmail}`, customerId),
          );
          expect(topic(change, "change")?.verdict).toEqual(verdicts.change);
          const address = await changeShippingAddress(
            turnIn(
              await context(),
              `can you change the shipping address of order ${order.name}${withEmail}`,
              customerId,
            ),
          );
          expect(topic(address, "address_change")?.verdict).toEqual(verdicts.address_change);
          // Naming no item means all of them, as get_order reports.
          const returns = await returnItem(
            turnIn(await context(), `I'd like to return order ${order.name}${withEmail}`, customerId),
          );
          expect(topic(returns, "return")?.verdict).toEqual(verdicts.returns);
          const refund = await refundStatus(
            turnIn(await context(), `where is my refund for order ${order.name}${withEmail}`, customerId),
          );
          expect(topic(refund, "refund")?.verdict).toEqual(verdicts.refund);
        });

        it(`${state} order, asked by ${who}: the propose_ tools reach the local answers' verdicts`, async () => {
          const text = `please cancel order ${order.name}${withEmail}`;
          const cancel = await bothEngines(text, customerId, cancelOrder, "propose_cancel_order", {
            order_number: digits(order.name),
          });
          expect(topic(cancel.local, "cancel")).toBeDefined();
          expect(cancel.tool.verdicts.cancel).toEqual(topic(cancel.local, "cancel"));
          expect(cancel.tool.verdicts.change_proof).toEqual(topic(cancel.local, "change_proof"));
          expect(cancel.tool).not.toHaveProperty("message_for_shopper");

          const item = order.lineItems[0].title;
          const returnText = `I want to return the ${item} from order ${order.name}${withEmail}`;
          const ret = await bothEngines(returnText, customerId, returnItem, "propose_return", {
            order_number: digits(order.name),
            items: item,
          });
          expect(topic(ret.local, "return")).toBeDefined();
          expect(ret.tool.verdicts.return).toEqual(topic(ret.local, "return"));

          const addressText = `change the shipping address of order ${order.name}${withEmail}`;
          const address = await bothEngines(addressText, customerId, changeShippingAddress, "propose_address_change", {
            order_number: digits(order.name),
            address: "",
          });
          expect(topic(address.local, "address_change")).toBeDefined();
          expect(address.tool.verdicts.address_change?.verdict).toEqual(
            topic(address.local, "address_change")?.verdict,
          );
        });
      }
    }

    it("states the verdicts each state should have", async () => {
      const verdictsOf = async (order: RawOrder) => {
        const ctx = await context();
        return (
          (await runTool(
            "get_order",
            JSON.stringify({ order_number: digits(order.name) }),
            turnIn(ctx, `order ${order.name}`, order.customerId),
            emptyEffects(),
          )) as any
        ).verdicts;
      };
      for (const { state, order } of cases) {
        const v = await verdictsOf(order);
        if (state === "unshipped and paid")
          expect(v.cancel).toMatchObject({ kind: "cancellable", onHold: false, paymentPending: false });
        if (state === "fulfillment on hold") expect(v.cancel).toMatchObject({ kind: "cancellable", onHold: true });
        if (state === "payment pending") expect(v.cancel).toMatchObject({ kind: "cancellable", paymentPending: true });
        if (state === "delivered") expect(v.cancel).toEqual({ kind: "not_cancellable", reason: "shipped" });
        if (state === "cancelled") expect(v.cancel).toEqual({ kind: "not_cancellable", reason: "already_cancelled" });
        if (state === "delivery failed") expect(v.address_change.kind).toBe("returning_to_sender");
        if (state === "with a return waiting")
          expect(v.returns).toMatchObject({ openReturn: { status: expect.any(String) }, proposable: [] });
        if (state === "partly refunded") expect(v.refund.kind).toMatch(/refunded/);
        if (state === "to collect (no delivery address)")
          expect(v.address_change).toEqual({
            kind: "not_changeable",
            reason: "pickup",
            method: order.shippingLine?.title ?? null,
          });
        if (state === "digital only")
          expect(v.address_change).toEqual({ kind: "not_changeable", reason: "nothing_to_ship" });
      }
    });
  });

  describe(`${store.name}: who may see an order, and which one a message means`, () => {
    const order = snapshot.orders.find((o: RawOrder) => o.email && o.customerId && !o.cancelledAt);
    const stranger = snapshot.orders.find((o: RawOrder) => o.customerId && o.customerId !== order.customerId);
    const ACCESS_CASES: {
      what: string;
      text: string;
      customerId: string | null;
      args: Record<string, unknown>;
      kind: string;
    }[] = [
      {
        what: "a guest with the number only",
        text: `where is order ${order.name}?`,
        customerId: null,
        args: { order_number: digits(order.name) },
        kind: "need_email",
      },
      {
        what: "a guest with a wrong email",
        text: `where is order ${order.name}? my email is not.the.buyer@example.com`,
        customerId: null,
        args: { order_number: digits(order.name), email: "not.the.buyer@example.com" },
        kind: "denied",
      },
      {
        what: "a guest with nothing",
        text: "where is my order?",
        customerId: null,
        args: {},
        kind: "need_order_number",
      },
      {
        what: "a guest asking for someone else's order",
        text: `my friend's order ${order.name} please, her email is ${order.email}`,
        customerId: null,
        args: { order_number: digits(order.name), email: order.email },
        kind: "not_theirs",
      },
      {
        what: "a customer naming another customer's order",
        text: `where is order ${order.name}?`,
        customerId: stranger.customerId,
        args: { order_number: digits(order.name) },
        kind: "denied",
      },
    ];
    for (const c of ACCESS_CASES) {
      it(`${c.what}: ${c.kind} from both engines`, async () => {
        const both = await bothEngines(c.text, c.customerId, cancelOrder, "get_order", c.args);
        expect(topic(both.local, "order_access")?.kind).toBe(c.kind);
        expect(both.tool).toMatchObject({ found: false, access: { kind: c.kind } });
      });
    }

    it("a logged-in customer with several orders: both engines pick the same one for a message naming an item", async () => {
      const byCustomer = new Map<string, RawOrder[]>();
      for (const o of snapshot.orders)
        if (o.customerId) byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
      const [customerId, orders] = [...byCustomer.entries()].find(([, list]) => list.length >= 2)!;
      // The older order's first item, so the pick isn't just "the newest".
      const older = [...orders].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
      const text = `I want to return the ${older.lineItems[0].title}`;
      const both = await bothEngines(text, customerId, returnItem, "get_order", {});
      expect(both.tool.found).toBe(true);
      expect(topic(both.local, "order_access")?.order).toBe(both.tool.order.name);
      expect(both.tool.other_orders.length).toBe(orders.length - 1);
    });
  });

  describe(`${store.name}: discount codes`, () => {
    const CODE_CASES = [...snapshot.discounts.map((d: any) => d.code), "ZQX0NOTACODE7"];
    for (const code of CODE_CASES) {
      it(`${code}: the same verdict, and the one its status calls for`, async () => {
        const both = await bothEngines(`is the code ${code} valid?`, null, discountCode, "check_discount_code", {
          code,
        });
        const local = topic(both.local, "discount_code");
        expect(local?.code).toBe(code);
        expect(both.tool.verdict).toEqual(local?.verdict);
        expect(JSON.stringify(both.tool)).not.toMatch(/\b(?:is|isn't|has) (?:active|expired|valid)\b/);

        const ctx = await context();
        const discount = snapshot.discounts.find((d: any) => d.code === code);
        const usedUp =
          discount && discount.usageLimit !== null && (discount.asyncUsageCount ?? 0) >= discount.usageLimit;
        const expected = ctx.shop.internalCodes.includes(code)
          ? "undisclosed"
          : !discount
            ? "unknown"
            : discount.status === "EXPIRED"
              ? "expired"
              : discount.status === "SCHEDULED"
                ? "not_started"
                : usedUp
                  ? "used_up"
                  : "usable";
        expect(both.tool.verdict.kind).toBe(expected);
        // An internal code leaves nothing about itself for the model to repeat.
        if (expected === "undisclosed") expect(both.tool).toEqual({ code, verdict: { kind: "undisclosed" } });
      });
    }

    it("asked for a promotion without a code: the same offers, and no scheduled code or terms", async () => {
      const both = await bothEngines(
        "Will there be a promotion soon? What's the code?",
        null,
        discountCode,
        "list_offers",
        {},
      );
      const local = topic(both.local, "offers");
      expect(local).toBeDefined();
      expect(both.tool.verdict).toEqual(local?.verdict);
      const scheduled = snapshot.discounts.filter((d: any) => d.status === "SCHEDULED");
      expect(both.tool.verdict.upcoming.map((u: any) => u.startsAt)).toEqual(scheduled.map((d: any) => d.startsAt));
      for (const discount of scheduled) {
        expect(JSON.stringify(both.tool)).not.toContain(discount.code);
        expect(both.local.text).not.toContain(discount.code);
      }
    });

    it("covers every kind of code", () => {
      const statuses = new Set(snapshot.discounts.map((d: any) => d.status));
      expect([...statuses].sort()).toEqual(["ACTIVE", "EXPIRED", "SCHEDULED"]);
      expect(snapshot.discounts.some((d: any) => d.usageLimit !== null)).toBe(true);
    });
  });

  describe(`${store.name}: hand-off`, () => {
    const owner = snapshot.orders.find((o: RawOrder) => o.customerId && o.email);
    const HANDOFF_CASES: {
      what: string;
      text: string;
      customerId: string | null;
      kind: string;
      contactEmail?: string;
    }[] = [
      {
        what: "a guest who gave no email",
        text: "I want to talk to a person please",
        customerId: null,
        kind: "ask_contact_email",
      },
      {
        what: "a guest who typed one",
        text: "I want to talk to a person, reply to ann.lee@example.com",
        customerId: null,
        kind: "hand_off",
        contactEmail: "ann.lee@example.com",
      },
      {
        what: "a logged-in customer",
        text: "I want to talk to a person please",
        customerId: owner.customerId,
        kind: "hand_off",
      },
    ];
    for (const c of HANDOFF_CASES) {
      it(`${c.what}: ${c.kind} from both engines`, async () => {
        const both = await bothEngines(c.text, c.customerId, humanHandoff, "start_handoff", {
          summary: "wants a person",
          ...(c.contactEmail ? { contact_email: c.contactEmail } : {}),
        });
        expect(topic(both.local, "handoff")?.verdict).toEqual(both.tool.verdict);
        expect(both.tool.verdict).toEqual(
          c.kind === "hand_off" ? { kind: "hand_off", contactEmail: c.contactEmail } : { kind: c.kind },
        );
      });
    }
  });
}
