/**
 * One fact asked about the return under way: "until when?" stays on the shopper's own return (its
 * answer gives that order's last day), "who pays the postage?" is the shop's rule, and "how do I send
 * it back?" quotes the shop's own sentence on making a return, in the shopper's language.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("follow-ups to a return", () => {
  it("gives the order's last day, then who pays", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294053800422" });
    await say("I want to return the Alpine Shell jacket from my last order");
    const until = await say("until when can I send it back?");
    expect(until.intent).toBe("return_item");
    expect(until.text).toContain("December 5");
    const who = await say("who pays the postage?");
    expect(who.intent).toBe("return_policy");
    expect(who.text).toMatch(/prepaid return label/);
  });

  it("keeps the order's window after a general question on the way", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294054742113" });
    await say("I'd like to return my jacket");
    await say("do I have to pay for the return shipping?");
    const last = await say("what's the last day I can return it?");
    expect(last.intent).toBe("return_item");
    expect(last.text).toContain("December 19");
  });

  it("answers who pays the postage when the shopper asks it as a grumble, then keeps the order's last day", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294054742113" });
    await say("I need to return my Alpine Shell jacket");
    const who = await say("ugh, so I have to pay the shipping back myself??");
    expect(who.intent).toBe("return_policy");
    expect(who.text).toContain("return postage is paid by the customer");
    const last = await say("fine. what's the last day I can send it?");
    expect(last.intent).toBe("return_item");
    expect(last.text).toContain("December 19");
  });

  it("answers the condition an item must be in with the shop's rule, not the order's window again", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294052600726" });
    await say("can I still return the daypack I got last month?");
    const condition = await say("what condition does it need to be in?");
    expect(condition.intent).toBe("return_policy");
    expect(condition.text).toContain("original tags");
  });

  it("gives the last day in the shop's language", async () => {
    const say = await demoConversation({
      store: storeOf("cafe-colibri"),
      customerId: "gid://shopify/Customer/8456700092489",
    });
    await say("Quiero devolver el molino Baratza");
    const until = await say("¿hasta cuándo tengo?");
    expect(until.intent).toBe("return_item");
    expect(until.text).toContain("28 de noviembre");
  });

  it("answers how to send an exchange with the shop's sentence on making a return, in its language", async () => {
    const say = await demoConversation({
      store: storeOf("cafe-colibri"),
      customerId: "gid://shopify/Customer/8456700092489",
    });
    await say("¿Puedo cambiar el molino eléctrico por el Timemore?");
    const how = await say("¿cómo lo envío?");
    expect(how.text).toContain("cafecolibri.mx/pages/devoluciones");
  });

  it("reads 'how do I send it?' after the general policy as the policy, not a return of an order", async () => {
    const say = await demoConversation();
    await say("what's your return policy?");
    const how = await say("and how do I send it?");
    expect(how.intent).toBe("return_policy");
    expect(how.text).toContain("northwindoutfitters.com/pages/returns");
  });

  it("leaves a deadline question alone when no order is in focus", async () => {
    const say = await demoConversation();
    await say("what's your return policy?");
    const until = await say("until when can I return something?");
    expect(until.intent).toBe("return_policy");
  });
});
