/**
 * "If I order today, when does it arrive?" then "and with express?": the follow-up naming another
 * delivery option asks the same thing, a date, not the option's number of days again.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

describe("a delivery option asked after a delivery date", () => {
  it("gives that option's dates (Northwind, express)", async () => {
    const say = await demoConversation();
    await say("so if i order today when does it get here");
    const express = await say("and with express");
    expect(express.text).toMatch(/Express/i);
    expect(express.text).toMatch(/November 2\d/);
    const cost = await say("how much is express");
    expect(cost.text).toMatch(/19\.95/);
  });
  it("gives the carrier's dates in French (Coquelicot, Chronopost)", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("si je commande aujourd'hui en Colissimo, je suis livrée quand ?");
    const chrono = await say("et en Chronopost ?");
    expect(chrono.text).toMatch(/\d{1,2} novembre/);
  });
});
