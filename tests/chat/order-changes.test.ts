/**
 * Changing an order: its logged-in owner may; a guest who knows the order number and its email may
 * read the order's status but must first type the one-time code the app emails to the order's
 * address. After any change the bot reads the order again and confirms only what it now shows.
 * Facts come from the demo snapshot.
 */
import { describe, expect, it } from "vitest";
import { analyzeTurn } from "../../app/chat/pipeline";
import type { Commerce } from "../../app/commerce/store";
import { createCommerce } from "../../app/commerce/store";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { capturingMailer, demoChatContext, demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const orderNamed = (name: string) => snapshot.orders.find((o: any) => o.name === name);
const unshipped = orderNamed("#1063");
const EVIL = "9 Evil Rd, Reno, NV 89501";
const ALLOW_ALL = { allowCancel: true, allowReturns: true, allowAddressChange: true };

async function guestConversation(
  options: { allow?: boolean; mailer?: ReturnType<typeof capturingMailer> | null } = {},
) {
  const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
  const mailer = options.mailer === undefined ? capturingMailer() : options.mailer;
  const commerce = createCommerce(store.graphql);
  const say = await demoConversation({
    store,
    overrides:
      options.allow === false ? { allowCancel: false, allowReturns: false, allowAddressChange: false } : ALLOW_ALL,
    mailer,
  });
  return { say, mailer, commerce };
}

describe("a guest with the order number and email", () => {
  it("reads the order's status without a code", async () => {
    const { say, mailer } = await guestConversation();
    const status = await say(`where is order ${unshipped.name}? my email is ${unshipped.email}`);
    expect(status.text).toContain(unshipped.name);
    expect(status.text).toMatch(/hasn't shipped yet/);
    expect(mailer?.sent).toEqual([]);
  });

  it("can't redirect the parcel with one message and a yes: the change waits for the emailed code", async () => {
    const { say, mailer, commerce } = await guestConversation();
    expect((await say(`where is order ${unshipped.name}? my email is ${unshipped.email}`)).text).toContain(
      unshipped.name,
    );
    const asked = await say(`change the shipping address to ${EVIL}`);
    expect(asked.state.pendingAction).toBeUndefined();
    expect(asked.text).toContain("h•••@example.com");
    expect(asked.text).not.toContain(unshipped.email);
    expect(asked.text).toMatch(/code/);
    expect(mailer!.sent).toHaveLength(1);
    expect(mailer!.sent[0].to).toBe(unshipped.email);
    const code = mailer!.lastCode(unshipped.email)!;
    expect(code).toMatch(/^\d{6}$/);

    expect((await say("yes")).text).toMatch(/type the 6-digit code/);
    expect((await commerce.findOrderByNumber(unshipped.name))?.shippingAddress?.address1).toBe(
      unshipped.shippingAddress.address1,
    );

    // The code: the bot states exactly what it will do, and does it on yes.
    const stated = await say(code);
    expect(stated.text).toContain("9 Evil Rd");
    expect(stated.text).toMatch(/Shall I change/);
    expect(stated.state.pendingAction).toMatchObject({ kind: "update_address" });
    const done = await say("yes");
    const after = await commerce.findOrderByNumber(unshipped.name);
    expect(after?.shippingAddress?.address1).toBe("9 Evil Rd");
    expect(done.text).toMatch(/^Done/);
    expect(done.text).toContain("9 Evil Rd");
  });

  it("needs the code to cancel (and refund) too, and the code works once", async () => {
    const { say, mailer, commerce } = await guestConversation();
    await say(`please cancel order ${unshipped.name}, email ${unshipped.email}`);
    expect((await say("yes")).text).not.toMatch(/cancelled/);
    expect((await commerce.findOrderByNumber(unshipped.name))?.cancelledAt).toBeNull();
    const code = mailer!.lastCode(unshipped.email)!;
    expect((await say(code)).state.pendingAction).toMatchObject({ kind: "cancel_order" });
    const done = await say("yes");
    expect(done.text).toMatch(/^Done: order #1063 is now cancelled/);
    expect(done.text).toContain("$189.00");
    expect((await commerce.findOrderByNumber(unshipped.name))?.cancelledAt).not.toBeNull();
    // Replaying the code gets nothing.
    expect((await say(code)).state.pendingAction).toBeUndefined();
  });

  it("stops accepting a code after five wrong tries", async () => {
    const { say, mailer } = await guestConversation();
    await say(`cancel order ${unshipped.name} please, my email is ${unshipped.email}`);
    const code = mailer!.lastCode(unshipped.email)!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) expect((await say(wrong)).text).toContain(`Tries left: ${left}`);
    expect((await say(wrong)).text).toMatch(/can't be used any more/);
    const late = await say(code);
    expect(late.state.pendingAction).toBeUndefined();
    expect(late.text).not.toMatch(/Shall I cancel/);
  });

  it("needs the code even when the bot would only file a request for the team", async () => {
    const { say, mailer } = await guestConversation({ allow: false });
    const asked = await say(`cancel order ${unshipped.name}, my email is ${unshipped.email}`);
    expect(asked.state.pendingAction).toBeUndefined();
    const filed = await say("yes");
    expect(filed.ticket).toBeUndefined();
    await say(mailer!.lastCode(unshipped.email)!);
    expect((await say("yes")).ticket).toMatchObject({ kind: "cancel_request", orderNumber: unshipped.name });
  });

  it("without outgoing email, is sent to their account or the shop's inbox, and nothing changes", async () => {
    const { say, commerce } = await guestConversation({ mailer: null });
    const asked = await say(`cancel order ${unshipped.name}, my email is ${unshipped.email}`);
    expect(asked.text).toMatch(/log in to your account/);
    expect(asked.state.pendingAction).toBeUndefined();
    await say("yes");
    expect((await commerce.findOrderByNumber(unshipped.name))?.cancelledAt).toBeNull();
  });

  it("gets the same code step through the model's propose tools", async () => {
    const mailer = capturingMailer();
    const ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)), ALLOW_ALL, { mailer });
    const text = `send order ${unshipped.name} to ${EVIL} instead, email ${unshipped.email}`;
    const { turn } = analyzeTurn({ text, state: {}, shopper: { customerId: null } }, ctx);
    const effects = emptyEffects();
    const result = (await runTool(
      "propose_address_change",
      JSON.stringify({ order_number: "1063", address: EVIL }),
      turn,
      effects,
    )) as any;
    expect(result.awaiting_confirmation).toBe(false);
    expect(effects.answer.state?.pendingAction).toBeUndefined();
    expect(effects.answer.state?.codeChallenge).toMatchObject({ orderNumber: "1063" });
    expect(mailer.sent.map((m) => m.to)).toEqual([unshipped.email]);
  });
});

describe("the logged-in owner", () => {
  it("changes their own order without a code", async () => {
    const mailer = capturingMailer();
    const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
    const say = await demoConversation({ customerId: unshipped.customerId, store, overrides: ALLOW_ALL, mailer });
    expect(
      (await say(`change the shipping address of order ${unshipped.name} to 1120 NW Couch St, Portland, OR 97209`))
        .state.pendingAction,
    ).toMatchObject({ kind: "update_address" });
    expect((await say("yes")).text).toMatch(/^Done: order #1063 will now ship to 1120 NW Couch St/);
    expect(mailer.sent).toEqual([]);
  });
});

describe("after a change the bot reads the order again", () => {
  /** The demo store's commerce with one call replaced. */
  async function ownerWith(patch: (real: Commerce) => Partial<Commerce>) {
    const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
    const real = createCommerce(store.graphql);
    const commerce = { ...real, ...patch(real) } as Commerce;
    return demoConversation({ customerId: unshipped.customerId, store, overrides: ALLOW_ALL, commerce });
  }

  it("reports a mutation Shopify accepted but that left the order unchanged as not done", async () => {
    const say = await ownerWith(() => ({ cancelOrder: async () => ({ ok: true, jobId: null, jobDone: true }) }));
    await say(`cancel order ${unshipped.name}`);
    const reply = await say("yes");
    expect(reply.text).not.toMatch(/Done|is now cancelled/);
    expect(reply.text).toMatch(/doesn't show it/);
    expect(reply.ticket).toMatchObject({ kind: "cancel_request", orderNumber: unshipped.name });
  });

  it("reports a mutation's userErrors as not done", async () => {
    const say = await ownerWith(() => ({
      updateShippingAddress: async () => ({ ok: false, message: "Zip is not valid for Nevada" }),
    }));
    await say(`change the shipping address of order ${unshipped.name} to ${EVIL}`);
    const reply = await say("yes");
    expect(reply.text).not.toMatch(/Done/);
    expect(reply.text).toContain("Zip is not valid for Nevada");
    expect(reply.text).toMatch(/nothing has changed/);
    expect(reply.ticket?.kind).toBe("address_request");
  });

  it("states the address the order now shows, not the one it asked for", async () => {
    const say = await ownerWith((real) => ({
      // Shopify normalises what it stores (here: the street's case).
      updateShippingAddress: (id, address) =>
        real.updateShippingAddress(id, { ...address, address1: address.address1.toUpperCase() }),
    }));
    await say(`change the shipping address of order ${unshipped.name} to 1120 NW Couch St, Portland, OR 97209`);
    expect((await say("yes")).text).toContain("1120 NW COUCH ST");
  });
});
