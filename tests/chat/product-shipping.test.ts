/**
 * A product named with a place to send it to asks whether it ships there: the product's own word on
 * shipping comes first, and the shop's blanket "yes, we ship to …" is not said over a product whose
 * description says it doesn't leave the country. "the US" in capitals is the country. Dev snapshots.
 */
import { describe, expect, it } from "vitest";
import { mentionedCountry } from "../../app/chat/knowledge/places";
import { productShippingIntent } from "../../app/chat/intent/product-shipping";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("a product asked to be sent somewhere", () => {
  it("reads 'the US' as the country, not the pronoun", () => {
    expect(mentionedCountry("what about the US, can I get it sent there?")?.code).toBe("US");
    expect(mentionedCountry("can you send us a sample?")).toBeNull();
    expect(mentionedCountry("CONTACT US NOW")).toBeNull();
  });

  it("is a shipping question when it names a place and a way of sending", () => {
    expect(productShippingIntent("product_info", "can I get the electric kettle sent to the US?", true)).toBe(
      "shipping_options",
    );
    expect(productShippingIntent("product_info", "is the electric kettle made in the US?", true)).toBeNull();
  });

  it("quotes the product's own shipping restriction instead of 'yes, we ship there'", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    const reply = await say("can you ship the Baratza grinder to Texas?");
    expect(reply.intent).toBe("shipping_options");
    expect(reply.text).toContain("No se envía fuera de México");
    expect(reply.text).not.toMatch(/Yes, we ship to/);
  });
});
