/**
 * Right after a list of codes, "when does the free shipping one end?" or "¿el de molinos tiene
 * mínimo?" names one of the listed codes by what it gives: that code is described with what was asked.
 */
import { describe, expect, it } from "vitest";
import { listedCodeNamed } from "../../app/chat/answers/discounts";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const listed = [
  { code: "WELCOME10", summary: "10% off entire order • For first-time customers" },
  { code: "FREESHIP", summary: "Free standard shipping on any order to the United States • No minimum" },
];

describe("a listed code named by what it gives", () => {
  it("is the one code whose summary alone says the message's words", () => {
    expect(listedCodeNamed("when does the free shipping one end?", listed)).toBe("FREESHIP");
    expect(listedCodeNamed("is the first-time one for my first order?", listed)).toBe("WELCOME10");
    expect(listedCodeNamed("does it expire?", listed)).toBeNull();
    // Sharing a word with one code's summary is not pointing to it.
    expect(listedCodeNamed("do you ship to the United States?", listed)).toBeNull();
    // The rules for codes, not one of them.
    expect(listedCodeNamed("can I use two on the same order, the free shipping one too?", listed)).toBeNull();
    expect(listedCodeNamed("when does the free shipping one end?", listed.slice(0, 1))).toBeNull();
  });

  it("answers that code's end date after a list, in the store's words", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))) });
    await say("¿tienen cupones?");
    const reply = await say("¿el de molinos tiene mínimo?");
    expect(reply.intent).toBe("discount_code");
    expect(reply.text).toMatch(/^MOLIENDA15/);
    expect(reply.text).toContain("$1,000.00");
  });
});
