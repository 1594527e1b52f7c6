/**
 * A snapshot in the shared format says nothing of the shop's order-name format or time zone, which
 * Shopify always answers: the fake reads them off the snapshot's orders and address instead of
 * answering "#" and UTC (a shop naming its orders "FR-3017" was then unable to find any of them).
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot, type DemoSnapshot } from "../../demo/demo-store";
import { orderNameFormat, timeZoneOfAddress } from "../../demo/shop-defaults";
import { createCommerce } from "../../app/commerce/store";

const address = (city: string | null, province: string | null, countryCodeV2: string | null) => ({
  address1: null,
  address2: null,
  city,
  province,
  provinceCode: null,
  zip: null,
  country: null,
  countryCodeV2,
});

describe("a shop's order-name format, read off its orders' names", () => {
  it("keeps what every name has before and after the number", () => {
    expect(orderNameFormat(["FR-3017", "FR-3020"])).toEqual({ prefix: "FR-", suffix: "" });
    expect(orderNameFormat(["MX5027-W", "MX5031-W"])).toEqual({ prefix: "MX", suffix: "-W" });
    expect(orderNameFormat(["#1001", "#1002"])).toEqual({ prefix: "#", suffix: "" });
  });

  it("falls back to Shopify's own default when the names disagree or there are none", () => {
    expect(orderNameFormat(["#1001", "NW-1002"])).toEqual({ prefix: "#", suffix: "" });
    expect(orderNameFormat([])).toEqual({ prefix: "#", suffix: "" });
  });
});

describe("a shop's time zone, read off its address", () => {
  it("goes by the city within its province and country", () => {
    expect(timeZoneOfAddress(address("Portland", "Oregon", "US"))).toBe("America/Los_Angeles");
    expect(timeZoneOfAddress(address("Portland", "Maine", "US"))).toBe("America/New_York");
  });

  it("else by the largest city of the province, else of the country", () => {
    expect(timeZoneOfAddress(address("Nowhereville", "Oregon", "US"))).toBe("America/Los_Angeles");
    expect(timeZoneOfAddress(address("Ciudad de México", "Ciudad de México", "MX"))).toBe("America/Mexico_City");
    expect(timeZoneOfAddress(address("Ludlow", "Shropshire", "GB"))).toBe("Europe/London");
  });

  it("is UTC when the country isn't known", () => {
    expect(timeZoneOfAddress(undefined)).toBe("UTC");
    expect(timeZoneOfAddress(address("Somewhere", null, null))).toBe("UTC");
  });
});

describe("the fake Admin API on a snapshot without those fields", () => {
  it("answers the shop's query with the derived format and zone, and finds an order by its own name", async () => {
    const snapshot = structuredClone(
      loadDemoSnapshot(new URL("../../demo/stores/maison-coquelicot.json", import.meta.url)),
    ) as DemoSnapshot;
    delete snapshot.shop.ianaTimezone;
    delete snapshot.shop.orderNumberFormatPrefix;
    delete snapshot.shop.orderNumberFormatSuffix;
    const commerce = createCommerce(createDemoStore(snapshot).graphql);
    const shop = await commerce.shopInfo();
    expect(shop.timezone).toBe("Europe/Paris");
    expect(shop.orderNameFormat).toEqual({ prefix: "FR-", suffix: "" });
    const name = snapshot.orders[0]!.name;
    expect((await commerce.findOrderByNumber(name))?.name).toBe(name);
  });
});
