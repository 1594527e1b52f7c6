/**
 * Asked when the team is in, the bot answers with the shop's own support hours and offers the team
 * as a quick reply; it files nothing and asks for no reply address. Asked for a person, it hands off.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

// Straight from the snapshot, independent of the code under test.
const hours: string = JSON.parse(readFileSync(SNAPSHOT_PATH, "utf8")).shop.supportHours;

describe("support hours asked as a question", () => {
  it.each([
    "what are your support hours?",
    "when is customer service open?",
    "what are your hours?",
    "quels sont les horaires du service client ?",
  ])("%s — the shop's hours, the team a tap away, no hand-off", async (text) => {
    const reply = await (await demoConversation())(text);
    expect(reply.text).toContain(hours.replace(/[.\s]+$/, ""));
    expect(reply.text).not.toMatch(/email address should they reply|passing this conversation/i);
    expect(reply.quickReplies).toHaveLength(1);
    expect(reply.ticket).toBeUndefined();
    expect(reply.handoff).toBeFalsy();
  });

  it("leaves a question about the time elsewhere alone", async () => {
    const reply = await (await demoConversation())("what time is it in Paris?");
    expect(reply.text).not.toContain(hours.replace(/[.\s]+$/, ""));
  });

  it("hands off when the shopper asks to be put through, hours or not", async () => {
    const reply = await (await demoConversation())("can I talk to someone? what are your hours?");
    expect(reply.text).toMatch(/email address should they reply|passing this conversation/i);
  });
});
