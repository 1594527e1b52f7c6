/**
 * A measurement asked against the shop's size chart ("which size fits a 34 inch bust?", "what size
 * duvet cover for a 160x200 bed?") is answered with the chart's sentence that holds it, and the size
 * it gives; that size stays chosen for the next question about the product. Facts from the dev snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("a size asked for a measurement", () => {
  it("quotes the FAQ chart's row for the product's cut and names the size", async () => {
    const say = await demoConversation({ store: storeOf("northwind") });
    const women = await say("For the Women's Alpine Shell, which size fits a 34 inch bust?");
    expect(women.text).toContain("S 33–35 in");
    expect(women.text).toMatch(/size chart says S\b/);
    const men = await say("my chest is 39 inches, what size should i get in the mens alpine shell jacket");
    expect(men.text).toMatch(/size chart says M\b/);
  });

  it("answers the only product of the kind from its own chart, and keeps that size for the next question", async () => {
    const say = await demoConversation({ store: storeOf("maison-coquelicot") });
    const size = await say("what size duvet cover do I need for a 160x200 bed?");
    expect(size.intent).toBe("product_info");
    expect(size.text).toContain("200 × 200 cm");
    expect(size.text).not.toMatch(/doesn't come in|n'existe pas/);
    const price = await say("how much is that one in terracotta, and is it in stock?");
    expect(price.text).toContain("€169.00");
  });

  it("leaves a size question without a measurement to the description", async () => {
    const say = await demoConversation({ store: storeOf("northwind") });
    const reply = await say("what sizes does the cascade rain jacket come in?");
    expect(reply.text).not.toMatch(/size chart says/);
  });
});
