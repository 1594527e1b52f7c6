/**
 * Order tracking that holds together: a parcel's arrival asked in the words shoppers use when it
 * hasn't come ("I never got my baskets", "got the candle but not the throw", "nobody was home, what
 * now?"), and the follow-ups after a tracking answer that ask one fact of it (where it is now, where
 * it was left, a new attempt, when one item came, the order before) answered from the order's data.
 */
import { describe, expect, it } from "vitest";
import { asksLastScan, asksOrderAddress, orderQuestionIntent } from "../../app/chat/intent/order-questions";
import { refersToEarlierOrder } from "../../app/chat/policy/which-order";
import { normalize } from "../../app/chat/preprocess";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";
import { readsAs } from "../helpers/order-question-rows";

const fresh = {};
const afterTracking = { lastIntent: "track_order" as const, orderNumber: "2051" };

describe("a parcel that hasn't come, in the shopper's words", () => {
  it("is where the order stands, whatever product or complaint the words suggest", () => {
    readsAs(fresh, [
      ["product_info", "I never received my lanterns, what's going on?", "track_order"],
      ["product_search", "je n'ai jamais reçu mes bols", "track_order"],
      ["product_info", "nunca me llegaron las tazas", "track_order"],
      ["product_search", "I got the tent but not the poles??", "track_order"],
      ["product_search", "j'ai reçu le vase mais pas les bougies", "track_order"],
      ["product_search", "me llegó el café pero no la prensa", "track_order"],
      ["complaint", "ma nappe est arrivée ? je suis en déplacement", "track_order"],
      ["complaint", "¿ya llegó mi molino?", "track_order"],
      ["complaint", "ups says nobody was home, what do I do", "track_order"],
      ["complaint", "le livreur dit que personne n'était là ??", "track_order"],
      ["complaint", "dice que no había nadie en casa, q hago", "track_order"],
      ["shipping_options", "did I already pick up my order from the shop?", "track_order"],
      ["shipping_options", "est-ce que j'ai déjà retiré ma commande à la boutique ?", "track_order"],
    ]);
  });

  it("leaves what isn't a parcel alone: a refund, a code, an email, a received item that's wrong", () => {
    readsAs(fresh, [
      ["account_help", "I never received the login code", null],
      ["complaint", "I haven't received the confirmation code to sign in", null],
      ["exchange_item", "I received the wrong size", null],
      ["product_info", "can I pick up my order at the shop?", null],
    ]);
  });
});

describe("one fact of the shipment just shown", () => {
  it("reads where it is now, where it was left and a new delivery attempt as tracking", () => {
    expect(asksLastScan(normalize("and where it is now exactly?"))).toBe(true);
    expect(asksLastScan(normalize("où est-il maintenant ?"))).toBe(true);
    expect(asksLastScan(normalize("¿y dónde está ahora?"))).toBe(true);
    expect(asksLastScan(normalize("il est où là ?"))).toBe(true);
    expect(asksOrderAddress(normalize("livré où exactement"))).toBe(true);
    expect(asksOrderAddress(normalize("where was it delivered?"))).toBe(true);
    expect(asksOrderAddress(normalize("¿dónde lo entregaron?"))).toBe(true);
    readsAs(afterTracking, [
      ["shipping_options", "livré où exactement", "track_order"],
      ["change_shipping_address", "can they deliver it again instead?", "track_order"],
      ["change_order", "ils peuvent repasser demain ?", "track_order"],
      ["shipping_options", "¿pueden volver a intentar la entrega?", "track_order"],
      ["shipping_options", "still in customs or what", "track_order"],
      ["shipping_options", "when does it get to Austin", "track_order"],
      ["shipping_options", "¿sigue en la aduana?", "track_order"],
    ]);
  });

  it("reads 'the one before, with …' as the earlier order", () => {
    expect(refersToEarlierOrder(normalize("and the one before, with the candle and the vase?"))).toBe(true);
    expect(refersToEarlierOrder(normalize("the one before with the boots?"))).toBe(true);
  });

  it("still reads a change of address as one", () => {
    expect(
      orderQuestionIntent("change_shipping_address", "can you deliver it to my office instead?", afterTracking),
    ).toBe(null);
  });
});

function storeNamed(name: string) {
  const snapshot = loadDemoSnapshot(devStorePath(name)) as any;
  return { snapshot, store: createDemoStore(loadDemoSnapshot(devStorePath(name))) };
}

describe("tracking conversations on the dev stores", () => {
  it("'where is it now?' after a parcel in transit gives the carrier's latest scan", async () => {
    const { snapshot, store } = storeNamed("northwind");
    const order = snapshot.orders.find(
      (o: any) =>
        !o.customerId &&
        o.fulfillments.some((f: any) => f.displayStatus === "IN_TRANSIT" && f.events?.some((e: any) => e.message)),
    );
    const latest = order.fulfillments.find((f: any) => f.displayStatus === "IN_TRANSIT").events.at(-1);
    const say = await demoConversation({ store });
    await say(`where is order ${order.name}? ${order.email}`);
    const reply = await say("and where it is now exactly?");
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toContain(latest.message);
  });

  it("'delivered where?' after a delivered order gives the address it went to", async () => {
    const { snapshot, store } = storeNamed("maison-coquelicot");
    const order = snapshot.orders.find(
      (o: any) => o.customerId && o.shippingAddress && o.fulfillments.some((f: any) => f.displayStatus === "DELIVERED"),
    );
    const say = await demoConversation({ store, customerId: order.customerId });
    await say(`où en est ma commande ${order.name} ?`);
    const reply = await say("livrée où exactement");
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toContain(order.shippingAddress.address1);
  });

  it("'the one before, with …' after the newest order answers about the order placed before it", async () => {
    const { snapshot, store } = storeNamed("maison-coquelicot");
    const mine = (id: string) =>
      snapshot.orders
        .filter((o: any) => o.customerId === id)
        .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt));
    const customer = snapshot.customers.find((c: any) => mine(c.id).length >= 3);
    const [, before] = mine(customer.id);
    const items = before.lineItems.map((l: any) => l.title.split(" ")[0].toLowerCase());
    const say = await demoConversation({ store, customerId: customer.id });
    await say("has my latest order shipped?");
    const reply = await say(`and the one before, with the ${items.join(" and the ")}?`);
    expect(reply.intent).toBe("track_order");
    expect(reply.text.split("\n")[0]).toContain(before.name);
  });

  it("an order waiting for its payment says how soon it leaves once paid", async () => {
    const { snapshot, store } = storeNamed("cafe-colibri");
    const order = snapshot.orders.find(
      (o: any) => o.customerId && o.displayFinancialStatus === "PENDING" && o.fulfillments.length === 0,
    );
    const say = await demoConversation({ store, customerId: order.customerId });
    const reply = await say(`¿ya enviaron mi pedido ${order.name}?`);
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toMatch(/d[ií]as h[aá]biles/);
  });

  it("an emailed-only order waiting for its payment promises no warehouse time", async () => {
    const { snapshot, store } = storeNamed("cafe-colibri");
    const order = snapshot.orders.find(
      (o: any) => !o.customerId && o.displayFinancialStatus === "PENDING" && !o.shippingAddress,
    );
    const say = await demoConversation({ store });
    const reply = await say(`pedido ${order.name} ${order.email} ¿ya salió?`);
    expect(reply.intent).toBe("track_order");
    expect(reply.text).not.toMatch(/suelen salir/);
  });
});

describe("a parcel marked delivered that the shopper can't find", () => {
  for (const c of [
    { store: "northwind", says: "tracking says delivered but it's not here", then: "what should I do?" },
    {
      store: "maison-coquelicot",
      says: "le suivi dit livré mais je n'ai rien reçu",
      then: "je fais quoi maintenant ?",
    },
    { store: "cafe-colibri", says: "dice entregado pero no tengo nada", then: "¿qué hago?" },
  ]) {
    it(`${c.store}: gives the day the carrier marked it delivered, offers a trace, and "${c.then}" opens it`, async () => {
      const { snapshot, store } = storeNamed(c.store);
      const order = snapshot.orders.find(
        (o: any) =>
          !o.customerId &&
          o.fulfillments.length === 1 &&
          o.fulfillments[0].displayStatus === "DELIVERED" &&
          o.fulfillments[0].trackingInfo?.[0]?.company,
      );
      const carrier = order.fulfillments[0].trackingInfo[0].company;
      const say = await demoConversation({ store });
      const first = await say(`${order.name} ${order.email} — ${c.says}`);
      expect(first.intent).toBe("track_order");
      expect(first.text.split(carrier).length).toBeGreaterThan(2);
      expect(first.state.offer?.kind).toBe("trace");
      const next = await say(c.then);
      expect(next.handoff).toBe(true);
      expect(next.text).toContain(carrier);
    });
  }
});

describe("the rest of an order after its shipment", () => {
  it("'et les autres articles ?' stays on the order shown", async () => {
    const { snapshot, store } = storeNamed("maison-coquelicot");
    const order = snapshot.orders.find(
      (o: any) => o.customerId && o.displayFulfillmentStatus === "PARTIALLY_FULFILLED",
    );
    const say = await demoConversation({ store, customerId: order.customerId });
    await say(`où en est ma commande ${order.name} ?`);
    const reply = await say("et les autres articles ?");
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toContain(order.name);
  });
});

describe("an open trace offer", () => {
  it("is taken up by a yes, not by a yes-word opening another question", async () => {
    const { acceptsOffer, offer } = await import("../../app/chat/offers");
    const open = offer("trace", "#1048");
    expect(acceptsOffer(open, "yes please", undefined)).toBe(true);
    expect(acceptsOffer(open, "ok, open a trace", undefined)).toBe(true);
    expect(acceptsOffer(open, "ok whatever, can I change the delivery address?", undefined)).toBe(false);
  });
});

describe("an order waiting at the shop for collection", () => {
  it("is ready to collect, not also 'not shipped yet'", async () => {
    const { snapshot, store } = storeNamed("cafe-colibri");
    const order = snapshot.orders.find((o: any) =>
      o.fulfillments.some((f: any) => f.status === "OPEN" && f.displayStatus === "READY_FOR_PICKUP"),
    );
    const say = await demoConversation({ store, customerId: order.customerId });
    const reply = await say(`¿ya está listo mi pedido ${order.name}? correo ${order.email}`);
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toMatch(/listo para recoger/);
    expect(reply.text).not.toMatch(/sin enviar/i);
  });
});

describe("whether an item was sent", () => {
  it("is the order's tracking, whatever the item's name suggests", () => {
    readsAs(fresh, [
      ["payment_issue", "was my gift card sent? FR-3016", "track_order"],
      ["product_info", "has the e-book been emailed yet?", "track_order"],
      ["payment_issue", "was my payment sent?", null],
    ]);
  });
});

describe("a slow parcel", () => {
  it("reads 'why did it take so long?' in the past tense too", () => {
    readsAs(afterTracking, [
      ["out_of_scope", "¿por qué se tardó tanto?", "track_order"],
      ["out_of_scope", "why did it take this long", "track_order"],
      ["complaint", "pourquoi ça a pris autant de temps ?", "track_order"],
    ]);
  });

  it("still moving past its estimated day is called delayed, and once delivered its delay is the why", async () => {
    const { snapshot, store } = storeNamed("cafe-colibri");
    const order = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        o.fulfillments.some(
          (f: any) => f.displayStatus === "DELIVERED" && f.events?.some((e: any) => e.status === "DELAYED"),
        ),
    );
    const delay = order.fulfillments.flatMap((f: any) => f.events ?? []).find((e: any) => e.status === "DELAYED");
    const say = await demoConversation({ store, customerId: order.customerId });
    await say(`¿dónde está mi pedido ${order.name}?`);
    const reply = await say("¿por qué se tardó tanto?");
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toContain(delay.message);
  });

  it("in transit past its estimated day says it is delayed", async () => {
    const { snapshot, store } = storeNamed("maison-coquelicot");
    const order = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        o.fulfillments.some(
          (f: any) => f.displayStatus === "DELAYED" && f.estimatedDeliveryAt < snapshot.referenceDate,
        ),
    );
    const say = await demoConversation({ store, customerId: order.customerId });
    const reply = await say(`where is my order ${order.name}?`);
    expect(reply.text).toMatch(/delayed: it was expected/);
  });
});

describe("an order sent in several parcels", () => {
  it("answers for the parcel holding the item named", async () => {
    const { snapshot, store } = storeNamed("northwind");
    const order = snapshot.orders.find(
      (o: any) => o.customerId && o.fulfillments.filter((f: any) => f.trackingInfo?.length).length > 1,
    );
    const [first, second] = order.fulfillments;
    const word = first.fulfillmentLineItems[0].title.split(" ").at(-1).toLowerCase();
    const say = await demoConversation({ store, customerId: order.customerId });
    await say(`where's my order ${order.name}?`);
    const reply = await say(`which tracking number was the ${word} in?`);
    expect(reply.text).toContain(first.trackingInfo[0].number);
    expect(reply.text).not.toContain(second.trackingInfo[0].number);
    // Naming the item that came to ask about the rest shows every parcel.
    const rest = await say(`got the ${word} but not the rest?`);
    expect(rest.text).toContain(second.trackingInfo[0].number);
  });
});

describe("what a parcel holds", () => {
  it("lists that parcel's items, not the emailed ones of the same order", async () => {
    const { snapshot, store } = storeNamed("maison-coquelicot");
    const order = snapshot.orders.find(
      (o: any) =>
        !o.customerId &&
        o.fulfillments.some((f: any) => !f.trackingInfo?.length) &&
        o.fulfillments.some((f: any) => f.trackingInfo?.length),
    );
    const emailed = order.fulfillments.find((f: any) => !f.trackingInfo?.length).fulfillmentLineItems[0].title;
    const parcel = order.fulfillments.find((f: any) => f.trackingInfo?.length);
    const say = await demoConversation({ store });
    await say(`where is order ${order.name}? ${order.email}`);
    const reply = await say(`what is in the ${parcel.trackingInfo[0].company} parcel?`);
    const [answer] = reply.text.split("\n");
    expect(answer).toContain(parcel.fulfillmentLineItems[0].title);
    expect(answer).not.toContain(emailed);
  });
});
