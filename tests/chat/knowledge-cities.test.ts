/**
 * A city the shopper names is asked about as its country, in the words the shop writes about
 * countries; a city the shop writes about itself stays a word of the question. Made-up shop texts.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer } from "../../app/chat/knowledge";

const shop = {
  policies: [
    {
      type: "SHIPPING_POLICY",
      title: "Shipping",
      url: "https://shop.test/policies/shipping-policy",
      body:
        "We ship to Norway, Sweden and Germany by parcel, €9 per order. " +
        "We don't ship to the United Kingdom or outside Europe. " +
        "Parcels leave our workshop in Oslo within 2 business days. " +
        "Orders are packed by hand.",
    },
  ],
  faqs: [],
};

const first = (question: string) => shopAnswer(shop, question)[0]?.passage.text ?? null;

describe("cities asked as their countries", () => {
  it("answers a city in a country the shop doesn't ship to with its rule for that country", () => {
    expect(first("do you ship to london?")).toMatch(/United Kingdom/);
  });

  it("answers a city in a country it ships to with that country's rate", () => {
    expect(first("how much is delivery to Berlin")).toMatch(/Germany/);
  });

  it("answers a city named in the shopper's language with its country's rule", () => {
    expect(first("¿Hacen envíos a Londres?")).toMatch(/United Kingdom/);
    expect(first("Vous livrez à Londres ?")).toMatch(/United Kingdom/);
  });

  it("keeps a city the shop names itself as a word the shop's sentence says", () => {
    expect(first("can I collect my parcel in Oslo?")).toMatch(/workshop in Oslo/);
  });
});
