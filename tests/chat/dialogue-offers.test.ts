/**
 * Every offer the bot makes can be taken up: "yes", or the shopper naming it in their own words,
 * carries it out or files it for the team. Facts come from the demo snapshots.
 */
import { describe, expect, it } from "vitest";
import { acceptsOffer, namedOffer, offer } from "../../app/chat/offers";
import { confirmationReply } from "../../app/chat/actions";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const northwind = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const customerOf = (snapshot: any, name: string) =>
  snapshot.orders.find((o: any) => o.name === name).customerId as string;
// A parcel more than 5 business days past its ETA, for a guest who gives its number and email.
const lateOrder = northwind.orders.find((o: any) => o.name === "#1048");

describe("an open offer", () => {
  it("is taken up by yes or by naming it, never by no or by another order", () => {
    const open = offer("trace", "#1048");
    expect(acceptsOffer(open, "yes please", undefined)).toBe(true);
    expect(acceptsOffer(open, "can you open a trace?", undefined)).toBe(true);
    expect(acceptsOffer(open, "no thanks", undefined)).toBe(false);
    expect(acceptsOffer(open, "yes", "1051")).toBe(false);
    expect(acceptsOffer(undefined, "yes", undefined)).toBe(false);
    expect(acceptsOffer(open, "what's your return policy?", undefined)).toBe(false);
    expect(acceptsOffer(open, "ok thanks", undefined)).toBe(false);
  });

  it("is not taken up by a yes that picks the other option", () => {
    const reship = offer("reship", "#1050");
    expect(acceptsOffer(reship, "ok refund it", undefined)).toBe(false);
    expect(acceptsOffer(reship, "oui, remboursez-moi", undefined)).toBe(false);
    expect(acceptsOffer(reship, "ok please reship it", undefined)).toBe(true);
    expect(acceptsOffer(offer("trace", "#1048"), "yes, or just refund me", undefined)).toBe(false);
  });

  it("is named in the shoppers' languages", () => {
    expect(namedOffer("please reship it")).toBe("reship");
    expect(namedOffer("renvoyez-le s'il vous plaît")).toBe("reship");
    expect(namedOffer("reenvíenlo por favor")).toBe("reship");
    expect(namedOffer("pouvez-vous ouvrir une enquête ?")).toBe("trace");
    expect(namedOffer("where is my order?")).toBeNull();
  });
});

describe("a yes in the shopper's words", () => {
  it.each([
    ["sounds good", "yes"],
    ["perfecto", "yes"],
    ["parfait !", "yes"],
    ["go for it", "yes"],
    ["not now", "no"],
    ["mejor no", "no"],
    ["perfect, and can I also return the socks I bought last month?", null],
    ["great, thanks", null],
  ])("%j is %s", (text, expected) => {
    expect(confirmationReply(text)).toBe(expected);
  });
});

describe("the trace the bot offers for a late parcel", () => {
  it("is filed when the shopper says yes", async () => {
    const say = await demoConversation();
    const tracked = await say(`Order ${lateOrder.name.slice(1)}, ${lateOrder.email}. Where is it?`);
    expect(tracked.text).toMatch(/open a trace/);
    expect(tracked.state.offer).toEqual({ kind: "trace", orderNumber: "1048" });
    expect(tracked.quickReplies).toHaveLength(2);
    const yes = await say(tracked.quickReplies![0]);
    expect(yes.intent).toBe("track_order");
    expect(yes.ticket).toMatchObject({ kind: "trace_request", orderNumber: "#1048" });
    expect(yes.state.offer).toBeUndefined();
  });

  it("is filed when the shopper asks for it in their own words", async () => {
    const say = await demoConversation();
    await say(`Order ${lateOrder.name.slice(1)}, ${lateOrder.email}. Where is it?`);
    const asked = await say("can you open a trace?");
    expect(asked.ticket).toMatchObject({ kind: "trace_request" });
  });

  it("is dropped by a no, which the bot doesn't take for anything else", async () => {
    const say = await demoConversation();
    const tracked = await say(`Order ${lateOrder.name.slice(1)}, ${lateOrder.email}. Where is it?`);
    const no = await say(tracked.quickReplies![1]);
    expect(no.ticket).toBeUndefined();
    expect(no.state.offer).toBeUndefined();
  });
});

describe("a parcel coming back to the shop", () => {
  it("is offered a reship, not a trace, and 'please reship it' asks where to, then files it", async () => {
    const say = await demoConversation({ customerId: customerOf(northwind, "#1050") });
    const tracked = await say("where is my order 1050?");
    expect(tracked.text).not.toMatch(/trace/);
    expect(tracked.state.offer).toEqual({ kind: "reship", orderNumber: "1050" });
    const reship = await say("please reship it");
    expect(reship.intent).toBe("change_shipping_address");
    expect(reship.text).not.toMatch(/can't be cancelled/);
    expect(reship.state.awaiting).toBe("address");
    const proposed = await say("3768 Utah St Apt 12, San Diego, CA 92104");
    expect(proposed.text).toMatch(/3768 Utah St Apt 12/);
    const done = await say("yes");
    expect(done.ticket).toMatchObject({ kind: "reship_request", orderNumber: "#1050" });
  });

  it("works the same in French on another shop", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("maison-coquelicot")) as any;
    const failed = snapshot.orders.find((o: any) => o.fulfillments.some((f: any) => f.displayStatus === "FAILURE"));
    const say = await demoConversation({ store: createDemoStore(snapshot), customerId: failed.customerId });
    const tracked = await say(`Où est ma commande ${failed.name} ?`);
    expect(tracked.state.offer?.kind).toBe("reship");
    const reship = await say("renvoyez-la s'il vous plaît");
    expect(reship.intent).toBe("change_shipping_address");
    expect(reship.state.awaiting).toBe("address");
  });
});
