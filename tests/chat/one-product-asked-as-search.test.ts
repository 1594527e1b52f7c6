/**
 * A search that names the only product of its kind with a definite article ("looking for the merino
 * socks", "busco la báscula") asks about that product: it is answered (description, price, stock) and
 * labelled product_info, while "do you have merino socks?" stays a search. Search verbs ("looking",
 * "busco") ask nothing of the product, so no FAQ or "the description doesn't say" is added.
 * Facts from the dev snapshots.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("one product asked for in search words", () => {
  it("answers the only product of the kind named with 'the'", async () => {
    const say = await demoConversation();
    const reply = await say("looking for the merino socks");
    expect(reply.intent).toBe("product_info");
    expect(reply.text).toContain("Merino Hiking Socks 2-Pack");
    expect(reply.text).toContain("$32.00");
    expect(reply.text).not.toMatch(/doesn't say|rather not guess/);
  });

  it("counts a search answered with the one product that comes in the colour named as that product's question", async () => {
    const say = await demoConversation();
    const reply = await say("I'm looking for the women's merino crew in plum");
    expect(reply.intent).toBe("product_info");
    expect(reply.text).toContain("Women's Merino 200 Crew");
  });

  it("keeps 'do you have merino socks?' a search", async () => {
    const say = await demoConversation();
    expect((await say("do you have merino socks?")).intent).toBe("product_search");
  });

  it("answers a named product looked for without quoting unrelated shop guidance", async () => {
    const say = await demoConversation();
    const reply = await say("I'm looking for the ridgeline jacket");
    expect(reply.intent).toBe("product_info");
    expect(reply.text).toContain("$189.00");
    expect(reply.text).not.toMatch(/size chart|general guidance/i);
  });

  it("does the same in Spanish, with the stock of a sold-out product", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    const scale = await say("busco la báscula");
    expect(scale.intent).toBe("product_info");
    expect(scale.text).toContain("0.1 g");
    const geisha = await (
      await demoConversation({ store: storeOf("cafe-colibri") })
    )("I'm looking for the Geisha coffee");
    expect(geisha.text).toMatch(/out of stock/i);
  });
});

describe("a product's own code-like words", () => {
  it("reads 'USB-C' in a question about the product under discussion as the product's word, not a discount code", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    await say("¿Qué tan precisa es la báscula?");
    const reply = await say("¿se carga con USB-C?");
    expect(reply.intent).toBe("product_info");
    expect(reply.text).toContain("USB-C");
    expect(reply.text).not.toMatch(/código válido/);
  });
});
