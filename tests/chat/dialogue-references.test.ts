/** References to products the conversation already mentioned resolve to them ("for it", "the 2 person one", "the one before that"). */
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../app/chat/entities";
import { referredProduct, rememberProducts } from "../../app/chat/references";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const northwind = loadDemoSnapshot(SNAPSHOT_PATH);
const catalog = buildCatalog(northwind.products);
const handleOf = (title: string) => northwind.products.find((p: any) => p.title === title)!.handle;
const tent = handleOf("Ridgeline 2 Backpacking Tent");
const solo = handleOf("Ridgeline 1 Solo Tent");
const footprint = handleOf("Ridgeline 2 Footprint");

describe("the dialogue's memory of products", () => {
  it("keeps the most recent last, once each, and only a few", () => {
    expect(rememberProducts(["a", "b"], ["a", null, "c"])).toEqual(["b", "a", "c"]);
    expect(rememberProducts(undefined, ["1", "2", "3", "4", "5", "6", "7"])).toEqual(["2", "3", "4", "5", "6", "7"]);
    expect(rememberProducts(undefined, [null])).toBeUndefined();
  });
});

describe("a reference to a product", () => {
  it("reads 'for it' as what goes with the last product", () => {
    expect(referredProduct("is there a footprint for it?", catalog, { mentionedProducts: [tent] })).toBe(footprint);
  });

  it("reads 'the 2 person one' as the sibling of the last product", () => {
    expect(referredProduct("and the 2 person one?", catalog, { mentionedProducts: [solo] })).toBe(tent);
  });

  it("reads 'the one before that' as the mention before the last", () => {
    expect(referredProduct("what about the one before that?", catalog, { mentionedProducts: [solo, tent] })).toBe(solo);
  });

  it("leaves a question whose subject is the last product to it", () => {
    expect(referredProduct("does it come with a footprint?", catalog, { mentionedProducts: [tent] })).toBeNull();
  });

  it("reads nothing without a product in the conversation, or from a long message", () => {
    expect(referredProduct("is there a footprint for it?", catalog, {})).toBeNull();
    expect(
      referredProduct(
        "I am planning a long trip next summer and I wonder whether a footprint would be good for it",
        catalog,
        { mentionedProducts: [tent] },
      ),
    ).toBeNull();
  });
});

describe("in a conversation", () => {
  it("answers about the product referred to, price included", async () => {
    const say = await demoConversation();
    await say("how much is the Ridgeline 2 Backpacking Tent?");
    const reply = await say("is there a footprint for it?");
    expect(reply.intent).toBe("product_info");
    expect(reply.products?.map((p) => p.title)).toEqual(["Ridgeline 2 Footprint"]);
    expect(reply.state.mentionedProducts).toEqual([tent, footprint]);
  });

  it("in French, on another shop: 'le mug assorti' is the mug of the teapot's line", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("maison-coquelicot"));
    const teapot = snapshot.products.find((p: any) => p.handle.startsWith("theiere"))!;
    const say = await demoConversation({ store: createDemoStore(snapshot) });
    await say(`Combien coûte la ${teapot.title} ?`);
    const reply = await say("et le mug assorti ?");
    expect(reply.products?.[0]?.title).toMatch(/^Mug/);
  });
});

describe("follow-ups in context", () => {
  it("reads a bare order number the engine can't place as a question about that order", async () => {
    const order = northwind.orders.find((o: any) => o.name === "#1044") as any;
    const say = await demoConversation({ customerId: order.customerId });
    const reply = await say(`what did I buy in ${order.name}?`);
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toContain(order.lineItems[0].title);
  });

  it("reads '¿y la de 1 litro?' after a product as a question about it, not an order change", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri"));
    const press = snapshot.products.find((p: any) => p.handle.startsWith("prensa"))!;
    const say = await demoConversation({ store: createDemoStore(snapshot) });
    await say(`¿Cuánto cuesta la ${press.title}?`);
    const reply = await say("¿y la de 1 litro?");
    expect(reply.intent).toBe("product_info");
  });

  it("reads an item named in answer to a return as the item chosen, not a product question", async () => {
    const order = northwind.orders.find((o: any) => o.name === "#1044") as any;
    const say = await demoConversation({ customerId: order.customerId });
    await say("I want to return something");
    const reply = await say(order.lineItems[1].title.split(" ").slice(-1)[0].toLowerCase());
    expect(reply.intent).toBe("return_item");
  });
});

describe("a short follow-up about a return", () => {
  it("'who pays for shipping?' is about the return's shipping, answered from the return policy", async () => {
    const order = northwind.orders.find((o: any) => o.name === "#1041") as any;
    const say = await demoConversation({ customerId: order.customerId });
    await say("I want to return my bottoms");
    const reply = await say("who pays for shipping?");
    expect(reply.intent).toBe("return_policy");
    expect(reply.text).toMatch(/return label/i);
  });
});
