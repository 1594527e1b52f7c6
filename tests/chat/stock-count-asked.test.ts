/**
 * "How many are left?", "combien il en reste ?", "¿cuántos les quedan?": a count asked of a product
 * (or the variant in focus) is answered with the number the shop's inventory gives, not only "in stock".
 */
import { describe, expect, it } from "vitest";
import { asksStockCount } from "../../app/chat/answers/product/render";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

describe("asksStockCount", () => {
  it.each([
    ["how many do you have left?", true],
    ["how many glacier ones do u have", true],
    ["combien il en reste ?", true],
    ["¿cuántos les quedan?", true],
    ["how many liters is it", false],
    ["how many lessons does it have?", false],
    ["is it in stock?", false],
  ])("%j → %s", (text, expected) => {
    expect(asksStockCount(text)).toBe(expected);
  });
});

describe("a count asked", () => {
  it("gives a one-variant product's count (Colibrí, Baratza)", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))) });
    await say("¿de cuántos gramos es la tolva del Baratza Encore?");
    const count = await say("¿cuántos les quedan?");
    expect(count.text).toMatch(/Quedan 2/);
  });
  it("gives the variant in focus's count (Coquelicot, housse 200 × 200 Terracotta)", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("la housse de couette en lin lavé en 200 x 200 c'est combien ?");
    const count = await say("combien il vous en reste en terracotta dans cette taille ?");
    expect(count.text).toMatch(/Il en reste 2/);
  });
});
