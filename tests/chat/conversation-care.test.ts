/**
 * What a shopper's short answers and asides must not break: the email given for a hand-off, the
 * address given when asked for one, the conversation's language, staff notes, and guessing emails.
 * Facts come from the demo snapshot.
 */
import { describe, expect, it } from "vitest";
import { discountCodesIn } from "../../app/chat/answers/discounts";
import { confirmationReply } from "../../app/chat/actions";
import { SHAREABLE_NOTE_MARKER, shopperFacingNote } from "../../app/chat/answers/orders";
import { ATTEMPT_LIMITS } from "../../app/chat/attempts";
import { analyzeTurn } from "../../app/chat/pipeline";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { createCommerce } from "../../app/commerce/store";
import { demoChatContext, demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const orderNamed = (name: string) => snapshot.orders.find((o: any) => o.name === name);

const conversation = (customerId: string | null = null) => demoConversation({ customerId });

describe("a guest's reply address for a hand-off", () => {
  it.each(["test.shopper2@example.com", "my email is test.shopper@example.com"])(
    "%j completes the hand-off with what they asked for",
    async (reply) => {
      const say = await conversation();
      const asked = await say("I want to talk to a human about my broken tent");
      // Nothing the team couldn't answer is filed: the request waits for the reply address.
      expect(asked.ticket).toBeUndefined();
      const done = await say(reply);
      expect(done.intent).toBe("human_agent");
      expect(done.text).not.toMatch(/valid code|order number/i);
      expect(done.ticket).toMatchObject({
        kind: "handoff",
        reason: "asked_for_person",
        summary: "I want to talk to a human about my broken tent",
        contactEmail: reply.replace("my email is ", ""),
      });
    },
  );

  it("never reads a discount code out of an email address or a link", () => {
    expect(discountCodesIn("test.shopper2@example.com")).toEqual([]);
    expect(discountCodesIn("see https://shop.example/promo/SAVE20 or mail sale25@shop.example")).toEqual([]);
    expect(discountCodesIn("does SAVE20 work? my email is ann25@example.com")).toEqual(["SAVE20"]);
  });
});

describe("the new address, given when the bot asks for it", () => {
  it("continues the address change, with city, state and ZIP without a comma between them", async () => {
    const order = orderNamed("#1065");
    const say = await conversation(order.customerId);
    const asked = await say("I need to change the shipping address on my camp moc order");
    expect(asked.text).toMatch(/full new address/);
    const proposed = await say("123 Main St, Asheville NC 28801");
    expect(proposed.intent).toBe("change_shipping_address");
    expect(proposed.state.pendingAction).toMatchObject({
      address: { address1: "123 Main St", city: "Asheville", provinceCode: "NC", zip: "28801" },
    });
  });
});

describe("the conversation's language", () => {
  it("stays English for asides with Spanish or French-looking words, and switches for a real message", async () => {
    const order = orderNamed("#1063");
    const say = await conversation(order.customerId);
    expect((await say("I need to change the shipping address on my order")).language).toBe("en");
    const address = await say("123 Main St, El Paso TX 79901");
    expect(address.language).toBe("en");
    expect(address.text).toMatch(/Shall I change/);
    expect((await say("no wait, don't")).language).toBe("en");
    expect((await say("my email is j.dubois@example.com")).language).toBe("en");
    const spanish = await say("¿puedo devolver las botas que compré?");
    expect(spanish.language).toBe("es");
  });
});

describe("order notes", () => {
  it("shows what the merchant marked shareable, never a guess at what looks harmless", () => {
    // Nothing here reads as internal, but nobody marked it and it is none of the shopper's facts.
    expect(shopperFacingNote("Packed by Sam; ship with the Tuesday pickup.")).toBeNull();
    expect(shopperFacingNote(`${SHAREABLE_NOTE_MARKER} Restock expected December 1.\nCustomer emailed Nov 10.`)).toBe(
      "Restock expected December 1.",
    );
    expect(
      shopperFacingNote(
        `Fraud check pending.\n  ${SHAREABLE_NOTE_MARKER.toUpperCase()}  Ships once payment clears.\n${SHAREABLE_NOTE_MARKER}`,
      ),
    ).toBe("Ships once payment clears.");
    expect(shopperFacingNote(null)).toBeNull();
  });

  it("shows an unmarked sentence only when it is a fact the shopper is owed and names nothing of the staff's", () => {
    // A shop that never heard of the marker: the backorder is the shopper's, the email log is not.
    expect(
      shopperFacingNote(
        "Trail Quilt (Long) is backordered. Restock expected Dec 3; ships then. Customer emailed Nov 10.",
      ),
    ).toBe("Trail Quilt (Long) is backordered. Restock expected Dec 3; ships then.");
    expect(shopperFacingNote("Bank transfer payment pending; the order ships once it clears.")).toBe(
      "Bank transfer payment pending; the order ships once it clears.",
    );
    expect(shopperFacingNote("Colis revenu à l'atelier. En attente de la réponse de la cliente.")).toBe(
      "Colis revenu à l'atelier. En attente de la réponse de la cliente.",
    );
    // The same kinds of fact beside a check, a remark or a gesture of the staff stay private.
    expect(shopperFacingNote("Fraud check: billing address doesn't match. Payment pending review.")).toBeNull();
    expect(
      shopperFacingNote("Note interne : la cliente a menacé de laisser un avis négatif à cause du retard."),
    ).toBeNull();
    expect(shopperFacingNote("Verificación antifraude: pago pendiente de confirmar.")).toBeNull();
    // The merchant can always keep a line private.
    expect(shopperFacingNote("[private] Backordered until Dec 3; we may cancel instead.")).toBeNull();
  });

  it("keeps an unmarked note out of the reply and out of what the model is given", async () => {
    const order = orderNamed("#1062");
    const copy = loadDemoSnapshot(SNAPSHOT_PATH) as any;
    copy.orders.find((o: any) => o.name === order.name).note = "Packed by Sam; ship with the Tuesday pickup.";
    const edited = createDemoStore(copy);
    const say = await demoConversation({ customerId: order.customerId, store: edited });
    expect((await say(`where is order ${order.name}?`)).text).not.toMatch(/Packed by Sam|Tuesday/);
    const ctx = await demoChatContext(edited);
    const turn = analyzeTurn(
      { text: `where is order ${order.name}?`, state: {}, shopper: { customerId: order.customerId } },
      ctx,
    ).turn;
    const facts = JSON.stringify(
      await runTool("get_order", JSON.stringify({ order_number: order.name.slice(1) }), turn, emptyEffects()),
    );
    expect(facts).toContain(order.name);
    expect(facts).not.toMatch(/Packed by Sam/);
  });

  it("on the demo shop: the backorder and payment notes are shown, the staff's remarks are not", async () => {
    const backordered = orderNamed("#1049");
    expect(backordered.note).toMatch(/Customer emailed/);
    const say = await conversation(backordered.customerId);
    const status = await say("where is order 1049?");
    expect(status.text).toMatch(/Restock expected December 1/);
    expect(status.text).not.toMatch(/Customer emailed/);

    const held = orderNamed("#1059");
    expect(held.note).toMatch(/Fraud check/);
    const text = (await (await conversation(held.customerId))("where is order 1059?")).text;
    expect(text).toContain("#1059");
    expect(text).not.toMatch(/fraud|billing address|verification/i);

    const pending = orderNamed("#1062");
    const paypal = (await (await conversation(pending.customerId))("where is order 1062?")).text;
    expect(paypal).toMatch(/payment pending/i);
  });
});

describe("guessing the email of an order", () => {
  it(`stops checking after ${ATTEMPT_LIMITS.failuresBeforeLock} wrong emails, even for the right one`, async () => {
    const order = orderNamed("#1021");
    const say = await conversation();
    await say("track order 1021");
    for (let i = 0; i < ATTEMPT_LIMITS.failuresBeforeLock - 1; i++) {
      const miss = await say(`guess${i}@example.com`);
      expect(miss.text).toMatch(/couldn't find an order/);
    }
    expect((await say("guess-last@example.com")).text).toMatch(/too many attempts/);
    const locked = await say(order.email);
    expect(locked.text).toMatch(/can't look up order details right now/);
    expect(locked.text).not.toContain(order.lineItems[0].title);
  });
});

describe("questions outside the intents", () => {
  it("are answered from the shop's FAQs when one answers them, and politely declined otherwise", async () => {
    const say = await conversation();
    const care = await say("how do I wash my down jacket?");
    expect(care.text).toMatch(/down-specific soap/);
    expect(care.lookups).toContainEqual(expect.objectContaining({ kind: "faq" }));
    for (const offTopic of ["tell me a joke", "can you recommend a good restaurant in Portland?"]) {
      const out = await (await conversation())(offTopic);
      expect(out.text).toMatch(/outside what I can help with/);
      expect(out.lookups).toEqual([]);
    }
  });
});

describe("a follow-up about the product just discussed", () => {
  it('"how much is it?" is the product\'s price, not a policy', async () => {
    const jacket = snapshot.products.find((p: any) => p.handle === "cascade-rain-jacket");
    const say = await conversation();
    expect((await say("is the cascade rain jacket waterproof?")).intent).toBe("product_info");
    const price = await say("how much is it?");
    expect(price.intent).toBe("product_info");
    expect(price.text).toContain(jacket.title);
    expect(price.text).toContain(`$${Number(jacket.variants[0].price).toFixed(2)}`);
  });
});

describe("returns by destination", () => {
  const customerOf = (name: string) => orderNamed(name).customerId;
  it("quotes the shop's own rule for sending a return back from the order's country, not a US label for everyone", async () => {
    const canada = orderNamed("#1053");
    expect(canada.shippingAddress.countryCodeV2).toBe("CA");
    const say = await conversation(customerOf("#1053"));
    await say("I'd like to return my jacket");
    const done = await say("yes please open the return");
    expect(done.text).toMatch(/return .* is requested/);
    expect(done.text).toMatch(/For orders shipped to Canada, return postage is paid by the customer/);
    expect(done.text).not.toMatch(/prepaid return label/);

    const us = await conversation(customerOf("#1044"));
    await us("I'd like to return the jacket from my last order");
    expect((await us("yes")).text).toMatch(/free prepaid return label for orders shipped to a US address/);
  });

  it('says "delivered yesterday", not "on yesterday"', async () => {
    const say = await conversation(customerOf("#1053"));
    const text = (await say("I'd like to return my jacket")).text;
    expect(text).not.toMatch(/\bon (?:yesterday|today|tomorrow)\b/);
  });
});

describe("yes and no in three languages", () => {
  it.each([
    ["sí", "yes"],
    ["sí, cancélalo", "yes"],
    ["Sí por favor", "yes"],
    ["oui, allez-y", "yes"],
    ["yes please", "yes"],
    ["no, gracias", "no"],
    ["non merci", "no"],
    ["nope", "no"],
    ["yesterday it arrived", null],
    ["sin duda", null],
    ["nothing else", null],
    // A lone "y" is a hurried yes; "¿y el molino?" is Spanish "and the grinder?", a new question.
    ["y", "yes"],
    ["¿y el molino?", null],
    ["y la otra?", null],
  ])("%j is %s", (text, expected) => {
    expect(confirmationReply(text)).toBe(expected);
  });
});

describe("a confirmation that names another order", () => {
  it('"yes, cancel order #1061" doesn\'t confirm a pending cancellation of #1063', async () => {
    const pending = orderNamed("#1063");
    const other = orderNamed("#1061");
    const store = createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH));
    const say = await demoConversation({ customerId: pending.customerId, store, overrides: { allowCancel: true } });
    const offer = await say(`please cancel order ${pending.name}`);
    expect(offer.state.pendingAction).toMatchObject({ kind: "cancel_order", orderNumber: "1063" });
    const reply = await say(`yes, cancel order ${other.name}`);
    expect(reply.text).not.toMatch(/is (?:now )?cancelled/);
    const commerce = createCommerce(store.graphql);
    expect((await commerce.findOrderByNumber(pending.name))?.cancelledAt).toBeNull();
    expect((await commerce.findOrderByNumber(other.name))?.cancelledAt).toBeNull();
    // The same words naming the pending order are a confirmation.
    const again = await demoConversation({ customerId: pending.customerId, store, overrides: { allowCancel: true } });
    await again(`please cancel order ${pending.name}`);
    expect((await again(`yes, cancel order ${pending.name}`)).text).toMatch(/cancelled/);
    expect((await commerce.findOrderByNumber(pending.name))?.cancelledAt).not.toBeNull();
  });
});

describe("cancelling part of an order that partly shipped", () => {
  it("offers to cancel a backordered item the shopper names, and files it on yes", async () => {
    const order = orderNamed("#1049");
    const waiting = order.lineItems.find((l: any) => /sleeping bag/i.test(l.title));
    const say = await conversation(order.customerId);
    const offer = await say("can I cancel just the sleeping bag that's backordered?");
    expect(offer.text).toContain(waiting.title);
    expect(offer.text).toMatch(/hasn't shipped yet/);
    expect(offer.state.pendingAction).toMatchObject({
      kind: "request",
      ticket: { kind: "cancel_request", orderNumber: "#1049" },
    });
    const done = await say("yes");
    expect(done.ticket).toMatchObject({ kind: "cancel_request", orderNumber: "#1049" });
    // Naming nothing still waiting, or the whole order: it has shipped.
    expect((await (await conversation(order.customerId))("cancel my order 1049")).text).toMatch(/already shipped/);
  });
});

describe("signing off", () => {
  it('thanks get "you\'re welcome"; a bare "ok" or "no" gets a plain sign-off, in English', async () => {
    expect((await (await conversation())("thanks, bye")).text).toMatch(/^You're welcome!/);
    for (const text of ["ok", "no"]) {
      const out = await (await conversation())(text);
      expect(out.language).toBe("en");
      expect(out.text).not.toMatch(/welcome/i);
    }
  });
});
