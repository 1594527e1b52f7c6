/**
 * "Are you open on Saturdays?" asks when the shop is open, whatever the intent model reads into it
 * (a greeting, a complaint, shipping): the shop's own text about its opening hours when it has one,
 * else its support hours, never a clarifying question. Questions that only share a word ("open"
 * items, what time a parcel comes) are left to their own answers.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

// Straight from the snapshot, independent of the code under test.
const hours: string = JSON.parse(readFileSync(SNAPSHOT_PATH, "utf8")).shop.supportHours.replace(/[.\s]+$/, "");

describe("when the shop is open, asked in any words", () => {
  it.each([
    "are you open on saturdays?",
    "what time do you close today?",
    "are you guys open sunday",
    "¿abren los domingos?",
    "¿están abiertos el sábado?",
    "vous êtes ouverts le samedi ?",
    "êtes-vous ouverts le dimanche ?",
  ])("%s — the shop's hours, no clarifying question, no hand-off", async (text) => {
    const reply = await (await demoConversation())(text);
    expect(reply.text).toContain(hours);
    expect(reply.handoff).toBeFalsy();
    expect(reply.ticket).toBeUndefined();
  });

  it("quotes the shop's own opening hours when its pages state them", async () => {
    const snapshot = loadDemoSnapshot(SNAPSHOT_PATH);
    // A made-up showroom, so no dev store's wording is assumed; its own domain, as an edited shop's data is cached per shop.
    snapshot.shop.myshopifyDomain = "made-up-showroom.myshopify.com";
    snapshot.pages = [
      ...(snapshot.pages ?? []),
      {
        title: "Visit our showroom",
        handle: "showroom",
        body: "Our showroom at 8 Example Lane is open Wednesday to Sunday, 11 am to 5 pm.",
      },
    ];
    const say = await demoConversation({ store: createDemoStore(snapshot) });
    const reply = await say("are you open on sundays?");
    expect(reply.text).toContain("Wednesday to Sunday, 11 am to 5 pm");
  });

  it.each(["do you take back open items?", "what time will my parcel arrive?", "the box came open, what do I do?"])(
    "%s — not an opening-hours question",
    async (text) => {
      const reply = await (await demoConversation())(text);
      expect(reply.text).not.toContain(hours);
    },
  );
});
