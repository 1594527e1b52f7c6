/**
 * A question one FAQ answers is answered from that FAQ: another FAQ that only shares a synonym of
 * its words ("log in" widens to "code", which the discount-code FAQ says) is not quoted with it.
 * Texts come from the demo snapshot.
 */
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../app/chat/knowledge";
import { loadDemoSnapshot } from "../../demo/demo-store";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const faq = (words: RegExp) => snapshot.faqs.find((f: any) => words.test(f.question));

describe("an FAQ answer stays with its FAQ", () => {
  it("'I can't log in' quotes the login FAQ, not the discount-code one", async () => {
    const login = faq(/log in/i);
    const codes = faq(/discount code/i);
    const say = await demoConversation();
    const out = await say("I can't log in");
    expect(out.intent).toBe("account_help");
    expect(splitSentences(login.answer).some((s: string) => out.text.includes(s))).toBe(true);
    for (const sentence of splitSentences(codes.answer)) expect(out.text).not.toContain(sentence);
  });
});
