/**
 * A change the shopper states outright on an order not shipped yet (add an item, another way of
 * delivery, one parcel with another order, a name typo, one item dropped) is read as a change, not
 * a cancellation or a tracking question, and is passed to the team in the shopper's words instead
 * of asking what to change. A refund found in the shopper's history names its order. Orders come
 * from the dev store snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

async function customerOf(store: string, orderName: string) {
  const snapshot = loadDemoSnapshot(devStorePath(store)) as any;
  const order = snapshot.orders.find((o: any) => o.name === orderName);
  const say = await demoConversation({
    store: createDemoStore(loadDemoSnapshot(devStorePath(store))),
    customerId: order.customerId,
  });
  return { say, order };
}

describe("a change stated on an order not shipped yet", () => {
  const cases = [
    { store: "northwind", order: "#1061", text: "could you send my order by express instead of standard?" },
    { store: "northwind", order: "#1061", text: "order 1061: please send it express instead" },
    { store: "northwind", order: "#1065", text: "I'd like to add one more pair of the moccasins to my order" },
    { store: "northwind", order: "#1064", text: "can you ship my order together with the one I'm placing tonight?" },
    { store: "northwind", order: "#1063", text: "there's a typo in my name on my order, can it be fixed?" },
    {
      store: "maison-coquelicot",
      order: "FR-3050",
      text: "Pouvez-vous regrouper ma commande avec celle que je passe ce soir ?",
    },
    {
      store: "cafe-colibri",
      order: "MX5050-W",
      text: "mejor paso a recoger mi pedido a la tienda en vez de que me lo envíen",
    },
  ];
  for (const c of cases)
    it(`${c.store}: "${c.text}" is a change passed to the team`, async () => {
      const { say } = await customerOf(c.store, c.order);
      const reply = await say(c.text);
      expect(reply.intent).toBe("change_order");
      expect(reply.text).toContain(c.order);
      expect(reply.state.pendingAction?.kind).toBe("request");
      expect(reply.text).not.toMatch(/What would you like to change|Que souhaitez-vous changer|Qué quieres cambiar/);
    });
});

describe("one item dropped, the rest kept", () => {
  it("don't send X, keep Y: a removal of X", async () => {
    const { say } = await customerOf("northwind", "#1061");
    const reply = await say("don't send the headlamp, keep the trekking poles");
    expect(reply.intent).toBe("change_order");
    expect(reply.text).toMatch(/remove Headlamp 400/);
  });
  it("quiten X pero déjenme Y: a removal of X", async () => {
    const { say } = await customerOf("cafe-colibri", "MX5048-W");
    const reply = await say("Quiten el Veracruz pero déjenme el Chiapas");
    expect(reply.intent).toBe("change_order");
    expect(reply.text).toMatch(/quite Café Veracruz/);
  });
  it("enlevez X mais gardez le reste: a removal of X", async () => {
    const { say } = await customerOf("maison-coquelicot", "FR-3050");
    const reply = await say("Enlevez les bols de ma commande mais gardez le reste");
    expect(reply.intent).toBe("change_order");
    expect(reply.text).toMatch(/retirer 2 × Bol/);
  });
});

describe("the money of an order cancelled or returned", () => {
  it("'did you pay me back for the order you cancelled?' asks for the refund", async () => {
    const { say } = await customerOf("northwind", "#1052");
    const reply = await say("did you pay me back for the jacket order you cancelled?");
    expect(reply.intent).toBe("refund_status");
    expect(reply.text).toContain("199.40");
  });
  it("a refund found in the shopper's orders names its order", async () => {
    const { say } = await customerOf("northwind", "#1043");
    const reply = await say("where's my money for the boots I sent back?");
    expect(reply.intent).toBe("refund_status");
    expect(reply.text).toContain("#1043");
  });
});

describe("money paid back, asked without the word refund", () => {
  for (const text of [
    "did you pay me back for the fleece?",
    "have you paid me back yet",
    "¿ya me devolvieron el dinero?",
  ])
    it(`"${text}" asks for the refund`, async () => {
      const { say } = await customerOf("northwind", "#1047");
      const reply = await say(text);
      expect(reply.intent).toBe("refund_status");
      expect(reply.text).toContain("96.14");
    });
});

describe("a return under way, nothing refunded yet", () => {
  it("says there is no refund yet before where the return stands", async () => {
    const { say } = await customerOf("northwind", "#1040");
    const reply = await say("when do I get my refund for the backpack I sent back?");
    expect(reply.intent).toBe("refund_status");
    expect(reply.text).toMatch(/There's no refund on order #1040 yet/);
  });
});

describe("one product swapped for another on an order not shipped yet", () => {
  it("passes the swap to the team in the shopper's words", async () => {
    const { say } = await customerOf("cafe-colibri", "MX5050-W");
    const reply = await say("can I swap the Oaxaca in my order for the Veracruz?");
    expect(reply.intent).toBe("change_order");
    expect(reply.state.pendingAction?.kind).toBe("request");
    expect(reply.text).toMatch(/swap that item/);
  });
});

describe("a change refused on an order already shipped", () => {
  it("offers the team and says what the policy allows", async () => {
    const { say } = await customerOf("northwind", "#1058");
    const reply = await say("can you change the daypack in my order to moss?");
    expect(reply.text).toMatch(/can't be changed any more/);
    expect(reply.text).toMatch(/30 days/);
    expect(reply.text).toContain("support@northwindoutfitters.com");
  });
});

describe("which order a money question means", () => {
  it("a cancelled order said cancelled outweighs another order's refund", async () => {
    const { say } = await customerOf("cafe-colibri", "MX5037-W");
    const reply = await say("me cobraron el pedido que se canceló? quiero mi dinero");
    expect(reply.text).toContain("MX5037-W");
  });
  it("'I requested a return, will I get a refund?' asks for that refund", async () => {
    const { say } = await customerOf("northwind", "#1042");
    const reply = await say("I requested a return for the rain jacket, will I get a refund?");
    expect(reply.intent).toBe("refund_status");
  });
});

describe("near-cancellations that change the order", () => {
  const cases = [
    { store: "northwind", order: "#1063", text: "don't send the ember one, send the slate instead", reply: /Slate/ },
    {
      store: "cafe-colibri",
      order: "MX5048-W",
      text: "ya no quiero el Veracruz, nada más mándenme el Chiapas",
      reply: /quite Café Veracruz/,
    },
    {
      store: "cafe-colibri",
      order: "MX5048-W",
      text: "cancelen el Chiapas molido y pónganme el de grano entero",
      reply: /Grano entero/,
    },
  ];
  for (const c of cases)
    it(`"${c.text}" is a change`, async () => {
      const { say } = await customerOf(c.store, c.order);
      const reply = await say(c.text);
      expect(reply.intent).toBe("change_order");
      expect(reply.text).toContain(c.order);
      expect(reply.text).toMatch(c.reply);
    });
});

describe("whether an order can still change", () => {
  for (const text of ["is it too late to make a change to my order?", "c'est trop tard pour modifier ma commande ?"])
    it(`"${text}" is a change question, not a late parcel`, async () => {
      const { say } = await customerOf("northwind", "#1061");
      const reply = await say(text);
      expect(reply.intent).toBe("change_order");
    });
});

describe("a change asked on a pickup order already waiting at the shop", () => {
  it("says it is prepared, not shipped", async () => {
    const { say } = await customerOf("maison-coquelicot", "FR-3036");
    const reply = await say("je voudrais changer la couleur des housses de coussin de ma commande");
    expect(reply.intent).toBe("change_order");
    expect(reply.text).toMatch(/déjà prête pour le retrait/);
    expect(reply.text).not.toMatch(/expédiée/);
  });
});

describe("'ok thanks' to a cancellation the bot would make itself", () => {
  it("asks again instead of cancelling or dropping it; a yes then cancels", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("northwind")) as any;
    const order = snapshot.orders.find((o: any) => o.name === "#1064");
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("northwind"))),
      customerId: order.customerId,
      overrides: { allowCancel: true },
    });
    expect((await say("never mind the whole order, I don't want the daypack anymore")).state.pendingAction?.kind).toBe(
      "cancel_order",
    );
    const unsure = await say("ok thanks");
    expect(unsure.text).toMatch(/shall I go ahead\? Please answer yes or no/);
    expect(unsure.state.pendingAction?.kind).toBe("cancel_order");
    const done = await say("yes");
    expect(done.intent).toBe("cancel_order");
    expect(done.text).toMatch(/now cancelled/);
  });
});

describe("nothing on the card for a cancelled order", () => {
  const cases = [
    {
      store: "northwind",
      order: "#1052",
      text: "still nothing on my card from the order you guys cancelled",
      amount: "199.40",
    },
    {
      store: "maison-coquelicot",
      order: "FR-3038",
      text: "toujours rien sur ma carte pour la commande annulée",
      amount: "128,00",
    },
  ];
  for (const c of cases)
    it(`"${c.text}" asks for the cancellation's refund`, async () => {
      const { say } = await customerOf(c.store, c.order);
      const reply = await say(c.text);
      expect(reply.intent).toBe("refund_status");
      expect(reply.text).toContain(c.amount);
    });
});

describe("more changes stated outright", () => {
  const cases = [
    {
      store: "northwind",
      order: "#1061",
      text: "I would like to amend my recent order by removing the headlamp.",
      reply: /remove Headlamp 400/,
    },
    { store: "northwind", order: "#1061", text: "can u put 2 poles instead of 1", reply: /change the quantity/ },
    {
      store: "northwind",
      order: "#1061",
      text: "can you hold my order until next week, I'm travelling",
      reply: /hold the shipment/,
    },
    {
      store: "maison-coquelicot",
      order: "FR-3050",
      text: "je me suis trompée de couleur pour les mugs, merci de corriger",
      reply: /FR-3050/,
    },
  ];
  for (const c of cases)
    it(`"${c.text}"`, async () => {
      const { say } = await customerOf(c.store, c.order);
      const reply = await say(c.text);
      expect(reply.intent).toBe("change_order");
      expect(reply.text).toMatch(c.reply);
      expect(reply.state.pendingAction?.kind).toBe("request");
    });
});
