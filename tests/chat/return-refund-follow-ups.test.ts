/**
 * A return or refund under way, on every dev store: an approved return waiting to arrive says how
 * long the money then takes (the shop's own sentences), and the short follow-ups of such a
 * conversation ("how long does that take?", "until when?", "then can I return it?", "and the other
 * thing from that order?") stay on the shopper's own purchase.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const snapshots: Record<string, any> = {};
function snapshotOf(store: string): any {
  return (snapshots[store] ??= loadDemoSnapshot(devStorePath(store)));
}

/** The store's order whose open return (approved, not yet refunded) came first. */
function orderWithOpenReturn(store: string): any {
  return snapshotOf(store).orders.find(
    (o: any) => o.customerId && o.refunds.length === 0 && o.returns.some((r: any) => r.status === "OPEN"),
  );
}

async function customerOf(store: string, order: any) {
  return demoConversation({
    customerId: order.customerId,
    store: createDemoStore(loadDemoSnapshot(devStorePath(store))),
  });
}

describe("a return on its way back", () => {
  it("says how long the refund takes to show once the shop has it (the shop's own delay)", async () => {
    const order = orderWithOpenReturn("northwind");
    const say = await customerOf("northwind", order);
    const out = await say("I posted my return back to you, any news on the money?");
    expect(out.intent).toBe("refund_status");
    expect(out.text).toMatch(/still pending/);
    // The policy's "Refunds take 5–10 business days to appear on your statement".
    expect(out.text).toMatch(/5–10 business days/);
  });

  it("quotes the refund policy's inspection sentence even when its heading names no return", async () => {
    const order = orderWithOpenReturn("cafe-colibri");
    const say = await customerOf("cafe-colibri", order);
    const out = await say("ya les regresé el paquete, ¿cuándo me reembolsan?");
    expect(out.intent).toBe("refund_status");
    expect(out.text).toMatch(/2 días hábiles/);
    expect(out.text).toMatch(/5 días hábiles/);
  });

  it("keeps a bare 'how long does it take?' after a refund answer on the refund", async () => {
    const order = snapshotOf("maison-coquelicot").orders.find(
      (o: any) => o.customerId && o.refunds.length > 0 && o.returns.length > 0 && !o.cancelledAt,
    );
    const say = await customerOf("maison-coquelicot", order);
    expect((await say(`où en est le remboursement de ma commande ${order.name} ?`)).intent).toBe("refund_status");
    const next = await say("et il faut compter combien de temps en général ?");
    expect(next.intent).toBe("refund_status");
    expect(next.text).toMatch(/3(–| à )5 jours ouvrés/);
  });
});

describe("follow-ups to the shopper's own return or exchange", () => {
  const liam = () => snapshotOf("northwind").orders.find((o: any) => o.name === "#1044");

  it("answers 'jusqu'à quand ?' with the order's window even though it reads like a thank-you", async () => {
    const order = snapshotOf("maison-coquelicot").orders.find((o: any) => o.name === "FR-3034");
    const say = await customerOf("maison-coquelicot", order);
    expect((await say("est-ce que je peux échanger la housse de coussin contre une autre couleur ?")).intent).toBe(
      "exchange_item",
    );
    const next = await say("jusqu'à quand ?");
    expect(next.intent).toBe("exchange_item");
  });

  it("reads 'ok, can I just return it instead?' after an exchange as a return of that order's item", async () => {
    const say = await customerOf("northwind", liam());
    await say("could I swap my shell jacket from order 1044 for another size?");
    const next = await say("ok, can I just return it instead?");
    expect(next.intent).toBe("return_item");
  });

  it("reads 'and the <other item> from that order?' after a return as the same return", async () => {
    const say = await customerOf("northwind", liam());
    expect((await say("I'd like to return the jacket from order 1044")).intent).toBe("return_item");
    const next = await say("and the beanie from that same order?");
    expect(next.intent).toBe("return_item");
  });
});

describe("the return rules asked again in other words", () => {
  it("answers a rule question opened with a filler ('bon, et …') as it answers it bare", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    const bare = await say("est-ce que vous acceptez les échanges ?");
    const say2 = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    const opened = await say2("bon, alors est-ce que vous acceptez les échanges ?");
    expect(opened.replyKind).not.toBe("no_answer");
    expect(opened.text).toBe(bare.text);
  });

  it("gives the whole policy for 'the return policy in general / for everything else'", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("northwind"))) });
    const out = await say("what's the return policy in general, for everything else?");
    expect(out.replyKind).not.toBe("no_answer");
    expect(out.text).toMatch(/30 days/);
  });
});

describe("the item a return conversation is about", () => {
  it("keeps 'how do I send it back?' on the item named before, not every item of the order", async () => {
    const order = snapshotOf("northwind").orders.find((o: any) => o.name === "#1046");
    const [first, second] = order.lineItems;
    const say = await customerOf("northwind", order);
    const asked = await say(`I'd like to return the ${first.title.toLowerCase()} from my last order`);
    expect(asked.text).toContain(first.title);
    expect(asked.text).not.toContain(second.title);
    const how = await say("how do I send it back?");
    expect(how.intent).toBe("return_item");
    expect(how.text).toContain(first.title);
    expect(how.text).not.toContain(second.title);
    // "Both" widens it again.
    expect((await say("actually can I return both items?")).text).toContain(second.title);
  });

  it("answers for the item named before, not another return of the same order", async () => {
    const order = snapshotOf("maison-coquelicot").orders.find(
      (o: any) =>
        o.customerId && o.returns.length === 1 && o.returns[0].status === "REQUESTED" && o.lineItems.length > 1,
    );
    const returned = new Set(order.returns[0].items.map((i: any) => i.lineItemId));
    const other = order.lineItems.find((l: any) => !returned.has(l.id));
    const say = await customerOf("maison-coquelicot", order);
    const word = other.title.split(/\s+/)[0].toLowerCase();
    await say(`je voudrais retourner la ${word} de ma dernière commande`);
    const how = await say("comment je la renvoie ?");
    expect(how.text).toContain(other.title);
    // How a return is made, in the shop's own words (its returns page).
    expect(how.text).toMatch(/pages\/retours/);
  });
});

describe("refund questions the order itself answers", () => {
  it("says a cancelled order that was never paid has nothing to refund, instead of 'start a return'", async () => {
    const order = snapshotOf("cafe-colibri").orders.find(
      (o: any) => o.customerId && o.cancelledAt && o.displayFinancialStatus === "EXPIRED",
    );
    const say = await customerOf("cafe-colibri", order);
    const out = await say(`¿ya me reembolsaron el pedido ${order.name}?`);
    expect(out.intent).toBe("refund_status");
    expect(out.text).not.toMatch(/inicia una devoluci/);
    expect(out.text).toMatch(/no se cobr|nada que reembolsar/);
  });

  it("answers 'can I have store credit instead?' with where the shop's refunds go", async () => {
    const order = orderWithOpenReturn("northwind");
    const say = await customerOf("northwind", order);
    await say("where is my refund?");
    const out = await say("could you give me store credit rather than the refund?");
    expect(out.text).toMatch(/original payment method/);
  });

  it("answers 'it's still not there, what should I do?' with the shop's late-refund advice", async () => {
    const order = snapshotOf("northwind").orders.find(
      (o: any) => o.customerId && o.displayFinancialStatus === "REFUNDED" && o.returns.length > 0,
    );
    const say = await customerOf("northwind", order);
    await say(`did the refund for order ${order.name} go through?`);
    const out = await say("still nothing on my card, what should I do now?");
    expect(out.intent).toBe("refund_status");
    expect(out.text).toMatch(/bank/);
  });
});

describe("who pays a return's postage, asked about the shopper's own return", () => {
  it("quotes the shop's postage rule even when the team, not the bot, opens the return", async () => {
    const order = snapshotOf("maison-coquelicot").orders.find((o: any) => o.name === "FR-3043");
    const say = await customerOf("maison-coquelicot", order);
    await say("je voudrais renvoyer la bougie de ma dernière commande");
    const out = await say("et c'est qui qui paie les frais de retour ?");
    expect(out.text).toMatch(/à votre charge/);
  });
});

describe("who pays a return's postage, asked as a rule", () => {
  it("quotes the shop's rule on who pays before its exception for faulty items", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    const out = await say("pour un retour, c'est moi qui paie le port ?");
    expect(out.intent).toBe("return_policy");
    expect(out.text).toMatch(/à votre charge/);
  });
});

describe("an objection to a return verdict", () => {
  it("stays on the shopper's return ('but I only got it on the 5th!')", async () => {
    const order = snapshotOf("northwind").orders.find((o: any) => o.name === "#1035");
    const say = await customerOf("northwind", order);
    expect((await say("can I still return the down jacket from order 1035?")).intent).toBe("return_item");
    const next = await say("but I only wore it once!");
    expect(next.intent).toBe("return_item");
    const nextEs = await customerOf(
      "cafe-colibri",
      snapshotOf("cafe-colibri").orders.find((o: any) => o.name === "MX5028-W"),
    );
    expect((await nextEs("quiero devolver el café de mi pedido")).intent).toBe("return_item");
    expect((await nextEs("pero está sin abrir")).intent).toBe("return_item");
  });
});

describe("the replacement of an exchange", () => {
  it("reads 'when does the new one ship?' after an exchange as that exchange, not delivery options", async () => {
    const order = snapshotOf("northwind").orders.find((o: any) => o.name === "#1045");
    const say = await customerOf("northwind", order);
    expect((await say("can I exchange my sleeping bag for the regular length?")).intent).toBe("exchange_item");
    const next = await say("and when does the new one get shipped out?");
    expect(next.intent).toBe("exchange_item");
    expect(next.text).toMatch(/scan/);
  });
});

describe("which order a return question without an item means", () => {
  it("isn't swayed by a word of time that a product's name happens to contain ('last day' / 'Day Hiker')", async () => {
    const order = snapshotOf("northwind").orders.find((o: any) => o.name === "#1046");
    const say = await customerOf("northwind", order);
    const out = await say("what's the last day I can send back my order?");
    expect(out.text).toContain("#1046");
  });
});

describe("a return window counted from the order date, before delivery", () => {
  it("already names its last day, which the order date fixes", async () => {
    const order = snapshotOf("maison-coquelicot").orders.find((o: any) => o.name === "FR-3042");
    const say = await customerOf("maison-coquelicot", order);
    const out = await say("I'd like to return the plaid from my latest order, how long do I have?");
    expect(out.intent).toBe("return_item");
    // Placed November 16 (Paris): 14 days from the order date.
    expect(out.text).toMatch(/November 30/);
  });
});
