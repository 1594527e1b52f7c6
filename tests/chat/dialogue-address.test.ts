/** A new address typed as free text, in the forms of each shop's countries, read and completed from the order's. */
import { describe, expect, it } from "vitest";
import { looksLikeAddress, parseAddress } from "../../app/chat/address";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const current = {
  name: "Ana Ruiz",
  address1: "Old St 1",
  address2: null,
  city: "Oldtown",
  provinceCode: "OT",
  zip: "99999",
  countryCode: "FR",
} as any;

describe("reading an address", () => {
  it.each([
    [
      "12 rue de la Paix, 1050 Ixelles, Belgique",
      { address1: "12 rue de la Paix", zip: "1050", city: "Ixelles", countryCode: "BE" },
    ],
    [
      "Av. Juárez 45, Col. Centro, 72000 Puebla, Pue.",
      { address1: "Av. Juárez 45", address2: "Col. Centro", zip: "72000", city: "Puebla", provinceCode: "PUE" },
    ],
    ["Hauptstraße 5, 10115 Berlin", { address1: "Hauptstraße 5", zip: "10115", city: "Berlin" }],
    [
      "please send it to 12 rue de la Paix, 75002 Paris",
      { address1: "12 rue de la Paix", zip: "75002", city: "Paris" },
    ],
    ["Calle Mayor 5, 28013 Madrid, España", { address1: "Calle Mayor 5", city: "Madrid", countryCode: "ES" }],
    [
      "1200 SE Morrison St, Portland OR 97214",
      { address1: "1200 SE Morrison St", city: "Portland", provinceCode: "OR", zip: "97214" },
    ],
  ])("%j", (text, expected) => {
    expect(looksLikeAddress(text)).toBe(true);
    expect(parseAddress(text, current)).toMatchObject(expected);
  });

  it("completes a street alone from the current address, and keeps the country when none is named", () => {
    expect(parseAddress("5 avenue Foch", current)).toMatchObject({
      address1: "5 avenue Foch",
      city: "Oldtown",
      zip: "99999",
      countryCode: "FR",
    });
  });

  it.each(["I ordered 2 mugs", "my order 1042 please", "it's 3 of them", "the 200 × 200 one"])(
    "%j is no address",
    (text) => {
      expect(looksLikeAddress(text)).toBe(false);
    },
  );
});

describe("the address the bot asked for", () => {
  it("keeps a postcode from being read as an order number, and is confirmed back", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
    const order = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        o.displayFulfillmentStatus === "UNFULFILLED" &&
        o.displayFinancialStatus === "PAID" &&
        !o.cancelledAt,
    );
    const say = await demoConversation({ store: createDemoStore(snapshot), customerId: order.customerId });
    const asked = await say(`quiero cambiar la dirección de envío de mi pedido ${order.name}`);
    expect(asked.state.awaiting).toBe("address");
    const proposed = await say("Av. Juárez 45, Col. Centro, 72000 Puebla, Pue.");
    expect(proposed.intent).toBe("change_shipping_address");
    expect(proposed.text).toContain("Av. Juárez 45");
    expect(proposed.text).toContain("72000");
    expect(proposed.state.orderNumber).toBe(order.name.replace(/^#/, ""));
  });
});

describe("an address given in pieces", () => {
  it("completes the street read back with the city and ZIP that follow, even after a 'no'", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("northwind")) as any;
    const order = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        o.displayFulfillmentStatus === "UNFULFILLED" &&
        o.displayFinancialStatus === "PAID" &&
        !o.cancelledAt,
    );
    const say = await demoConversation({ store: createDemoStore(snapshot), customerId: order.customerId });
    await say(`can you ship order ${order.name.slice(1)} to a different address?`);
    const street = await say("1200 SE Morrison St");
    expect(street.state.pendingAction).toMatchObject({
      kind: "update_address",
      address: { address1: "1200 SE Morrison St" },
    });
    const corrected = await say("no, it's Beaverton, OR 97005");
    expect(corrected.intent).toBe("change_shipping_address");
    expect(corrected.state.pendingAction).toMatchObject({
      address: { address1: "1200 SE Morrison St", city: "Beaverton", provinceCode: "OR", zip: "97005" },
    });
    expect(corrected.state.orderNumber).toBe(order.name.slice(1));
  });

  it("reads only a city and postcode as the rest of an address", async () => {
    const { addressRest } = await import("../../app/chat/address");
    expect(addressRest("Portland, OR 97214")).toBe("Portland, OR 97214");
    expect(addressRest("no, it's 75002 Paris")).toBe("75002 Paris");
    expect(addressRest("no")).toBeNull();
    expect(addressRest("no, cancel it")).toBeNull();
    expect(addressRest("12 rue de la Paix, 75002 Paris")).toBeNull();
  });
});
