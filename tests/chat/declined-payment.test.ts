/**
 * A card or payment refused at checkout is a payment problem; the bank decides, so the help the
 * shop can give is its own list of the other ways to pay, quoted in the shopper's language.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("a declined card", () => {
  it("is answered with the shop's accepted ways to pay, even when it asks what else to use", async () => {
    const say = await demoConversation({ store: storeOf("northwind") });
    const reply = await say("my card keeps getting declined at checkout. what else can I pay with?");
    expect(reply.intent).toBe("payment_issue");
    expect(reply.text).toContain("PayPal");
    expect(reply.text).not.toMatch(/rather not guess|gift card" field/);
  });

  it("quotes the shop's text in the shopper's language", async () => {
    const fr = await demoConversation({ store: storeOf("maison-coquelicot") });
    expect((await fr("ma carte est refusée")).text).toContain("Nous acceptons");
    const es = await demoConversation({ store: storeOf("cafe-colibri") });
    expect((await es("mi tarjeta fue rechazada")).text).toContain("OXXO");
  });

  it("leaves a double charge to the shop's rule for it", async () => {
    const say = await demoConversation({ store: storeOf("northwind") });
    expect((await say("I was charged twice for one order")).text).toMatch(/3–7 business days/);
  });
});
