/**
 * "and the mug in bleu nuit?" after a question about the bowl: a colour both products come in is the
 * colour of the product the message turns to, not a reason to stay on the one discussed.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("a follow-up naming another product in a shared colour", () => {
  it("answers for the newly named product in that colour", async () => {
    const say = await demoConversation({ store: storeOf("maison-coquelicot") });
    await say("Is the Lune bowl in bleu nuit in stock?");
    const reply = await say("and the mug in bleu nuit?");
    expect(reply.text).toMatch(/^Mug en grès/);
    expect(reply.text).toMatch(/out of stock/);
  });

  it("still reads a colour of the discussed product that another product is named after as that colour", async () => {
    const say = await demoConversation({ store: storeOf("northwind") });
    await say("tell me about the men's alpine shell jacket");
    const reply = await say("What about Glacier Blue in M?");
    expect(reply.text).toMatch(/Alpine Shell/);
  });
});
