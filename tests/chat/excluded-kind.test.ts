/**
 * "Can I return the coffee I didn't like?" asked about a product of a kind the shop's own
 * exclusions sentence names: whichever way the question is read (the return policy, or a return of
 * an order), the answer starts with that exclusion, quoted from the shop.
 */
import { describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext } from "../helpers/chat-context";

describe("a product of a kind the shop excludes from returns", () => {
  it("is answered with the shop's exclusion first, in the policy answer and the order one", async () => {
    const ctx = await demoChatContext(createDemoStore(loadDemoSnapshot("demo/stores/cafe-colibri.json")));
    const product = [...ctx.productsByHandle.values()].find((p) => /oaxaca/i.test(p.title))!;
    expect(product).toBeDefined();
    for (const text of [
      `What is your return policy for the ${product.title}?`,
      `Can I return the ${product.title}? I didn't like it.`,
    ]) {
      const out = await respond({ text, state: {}, shopper: { customerId: null } }, ctx);
      expect(out.text.split("\n")[0], text).toMatch(/exclusion/i);
    }
  });
});
