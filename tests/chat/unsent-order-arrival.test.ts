/**
 * "When will it get here?" about an order not sent yet: the days it should arrive by the method the
 * shopper chose, counted from when it was placed and the shop's own sending time, and never earlier
 * than it could still leave from today. Facts from the demo snapshot (its reference day is "today").
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT_PATH, "utf8"));

describe("an unsent order's arrival, asked", () => {
  it("gets the dates by its shipping method, not only the method's days", async () => {
    // A customer whose latest order is unfulfilled, placed the day before the snapshot's today.
    const unsent = snapshot.orders
      .filter((o: any) => o.displayFulfillmentStatus === "UNFULFILLED" && o.customerId && !o.cancelledAt)
      .sort((a: any, b: any) => b.createdAt.localeCompare(a.createdAt))[0];
    const say = await demoConversation({ customerId: unsent.customerId });
    await say("where is my order?");
    const reply = await say("when will it arrive?");
    expect(reply.text).toContain(unsent.name);
    expect(reply.text).toMatch(/should arrive (?:between \w+day, \w+ \d+ and \w+day, \w+ \d+|on \w+day, \w+ \d+)/);
  });
});
