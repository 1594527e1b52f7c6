/**
 * One name for the assistant: the merchant's, or else the shop's. The bubble's header uses the same
 * rule (extensions block test), so "hi" is answered by whoever the header says is there.
 */
import { describe, expect, it } from "vitest";
import { loadDemoSnapshot } from "../../demo/demo-store";
import { DEFAULT_SETTINGS } from "../../app/settings.server";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const shopName: string = (loadDemoSnapshot(SNAPSHOT_PATH) as any).shop.name;

describe("the assistant's name", () => {
  it("is the shop's name until the merchant gives one, and 'hi' is answered in it", async () => {
    expect(DEFAULT_SETTINGS.botName).toBe("");
    const say = await demoConversation({ overrides: { botName: "" } });
    const hi = await say("hi");
    expect(hi.intent).toBe("greeting");
    expect(hi.text).toContain(shopName);
    expect(hi.text).not.toContain(`${shopName} from ${shopName}`);
    expect(hi.text).not.toMatch(/\bSupport\b|assistant/);
  });

  it("is the merchant's when they named it", async () => {
    const say = await demoConversation({ overrides: { botName: "Scout" } });
    const hi = await say("hello");
    expect(hi.text).toContain("Scout");
    expect(hi.text).toContain(shopName);
  });

  it("the demo shop's settings name no assistant of their own", async () => {
    const { demoShopSettings } = await import("../../demo/demo-settings");
    expect(demoShopSettings(loadDemoSnapshot(SNAPSHOT_PATH)).botName ?? "").toBe("");
  });
});
