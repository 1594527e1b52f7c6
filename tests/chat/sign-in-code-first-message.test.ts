/**
 * "I can't log in, the code never shows up" names the sign-in and its code in one message: the
 * shop's sign-in answer, not "no answer" nor the discount-code FAQ.
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

describe("a sign-in code in the first message", () => {
  for (const ask of ["I can't log into my account, the code never shows up", "the login code never shows up"]) {
    it(`"${ask}" gets the sign-in answer`, async () => {
      const say = await demoConversation({});
      const reply = await say(ask);
      expect(reply.intent).toBe("account_help");
      expect(reply.text).toContain("6-digit code");
      expect(reply.text).not.toMatch(/discount code/i);
    });
  }
});
