/**
 * "how cold is it rated to?" after a list: the listed product whose own text states it; "actually
 * wait, how heavy are they?" after a goodbye: still the product in focus.
 */
import { describe, expect, it } from "vitest";
import { asksOfProductInFocus } from "../../app/chat/references";
import { demoConversation } from "../helpers/chat-context";

describe("asksOfProductInFocus", () => {
  it.each([
    ["actually wait, how heavy are they", true],
    ["how much does it weigh?", true],
    ["thanks, bye", false],
    ["where is my order?", false],
  ])("%j → %s", (text, expected) => {
    expect(
      asksOfProductInFocus(
        text,
        { productHandle: "glacier-insulated-winter-boot", lastIntent: "thanks_goodbye" },
        "en",
      ),
    ).toBe(expected);
  });
  it("needs a product in focus, and product talk just before", () => {
    expect(asksOfProductInFocus("how heavy are they", {}, "en")).toBe(false);
    const afterReturn = { productHandle: "glacier-insulated-winter-boot", lastIntent: "return_item" as const };
    expect(asksOfProductInFocus("what's the last day I can send it?", afterReturn, "en")).toBe(false);
  });
});

describe("a fact asked after a list, then after a goodbye", () => {
  it("answers about the boot that states it, and keeps it", async () => {
    const say = await demoConversation();
    await say("I need boots for snow, like really cold");
    const rating = await say("how cold is it rated to");
    expect(rating.text).toMatch(/Glacier Insulated Winter Boot/);
    expect(rating.text).toMatch(/-25°F/);
    await say("ok thanks");
    const weight = await say("actually wait, how heavy are they");
    expect(weight.intent).toBe("product_info");
    expect(weight.text).toMatch(/1,620 g/);
  });
});
