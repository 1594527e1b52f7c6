/**
 * A word in capitals for emphasis ("the jacket LEAKS", "it NEVER came") is a shout, not a discount code:
 * a complaint that shouts one word stays the complaint it is, while a real code (letters and digits, a word
 * no language has, or one after "code") still reads as a code.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

async function anonymous(store = "northwind") {
  return demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath(store))) });
}

describe("a word shouted for emphasis", () => {
  it("is no discount code", async () => {
    const say = await anonymous();
    const reply = await say(
      "Third time writing about this. The jacket LEAKS, I already asked to return it, nobody has answered me. #1042 ethan.walker@example.org",
    );
    expect(reply.intent).not.toBe("discount_code");
    expect(reply.text).not.toMatch(/not a valid code/i);
  });

  it("leaves real codes alone", async () => {
    const say = await anonymous();
    expect((await say("does TRAIL20 still work?")).intent).toBe("discount_code");
    const again = await anonymous();
    expect((await again("my code FREESHIP is not working")).intent).toBe("discount_code");
  });
});
