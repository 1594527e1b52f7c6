/**
 * "Is the beanie returnable?" after the return policy: the shop sells one beanie, a final-sale one,
 * so the answer says that product can't be returned, not that the policies don't say.
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

describe("a return question naming a kind the shop sells one of", () => {
  it("answers for that product (Northwind Beanie, final sale)", async () => {
    const say = await demoConversation();
    await say("what's your return policy");
    const beanie = await say("is the beanie returnable");
    expect(beanie.intent).toBe("return_policy");
    expect(beanie.text).toMatch(/Northwind Beanie is final sale/);
  });
});
