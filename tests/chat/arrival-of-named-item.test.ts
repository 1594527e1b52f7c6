/**
 * An item the shopper bought, named with the day it should come ("is the headlamp coming today?", "will the
 * boots make it tonight?", "¿la cafetera llega hoy?") or a delivery attempt asked about ("did they even try to
 * deliver them?"): where that order stands, not a question about the product nor a change to the order.
 * Before buying ("if I order now, will it arrive tomorrow?") stays the shop's delivery times.
 */
import { describe, expect, it } from "vitest";
import { parcelStateIntent } from "../../app/chat/intent/order-questions";
import { normalize } from "../../app/chat/preprocess";

const read = (intent: Parameters<typeof parcelStateIntent>[0], text: string) =>
  parcelStateIntent(intent, normalize(text));

describe("a bought item named with the day it should come", () => {
  it("is tracking, in en/fr/es", () => {
    expect(read("product_info", "is the headlamp coming today?")).toBe("track_order");
    expect(read("shipping_options", "Will the winter boots arrive tonight?")).toBe("track_order");
    expect(read("out_of_scope", "are my boots going to make it by tonight?")).toBe("track_order");
    expect(read("complaint", "Will the Glacier winter boots make it tonight? Paid for express.")).toBe("track_order");
    expect(read("product_info", "the glacier boots, still on for today?")).toBe("track_order");
    expect(read("product_info", "le plaid arrive bien aujourd'hui ?")).toBe("track_order");
    expect(read("product_info", "¿la cafetera me llega hoy?")).toBe("track_order");
  });

  it("leaves delivery before buying alone", () => {
    expect(read("shipping_options", "if I order the boots now, will they arrive tomorrow?")).toBeNull();
    expect(read("shipping_options", "do you deliver today?")).toBeNull();
    expect(read("shipping_options", "si je commande le plaid, il arrive demain ?")).toBeNull();
    expect(read("product_info", "is the headlamp waterproof?")).toBeNull();
  });
});

describe("a delivery attempt asked about", () => {
  it("is tracking, even when the model heard a change", () => {
    expect(read("change_order", "the fig candle and the diffuser I ordered - did they even try to deliver them?")).toBe(
      "track_order",
    );
    expect(read("product_info", "did the courier try to deliver my lamp?")).toBe("track_order");
  });
});

describe("waiting on a bought item, any news", () => {
  it("is tracking", () => {
    expect(read("product_info", "I'm waiting on the Glacier boots I paid express for, any news?")).toBe("track_order");
    expect(read("product_info", "j'attends toujours mon plaid, des nouvelles ?")).toBe("track_order");
    expect(read("product_info", "sigo esperando mi molino, ¿alguna noticia?")).toBe("track_order");
  });

  it("leaves money and messages awaited alone", () => {
    expect(read("product_info", "still waiting on my refund for the boots, any news?")).toBeNull();
    expect(read("out_of_scope", "waiting for a reply to my email, any update?")).toBeNull();
  });
});

describe("typed phone-style, without the question mark", () => {
  it("is still tracking", () => {
    expect(read("change_order", "the fig candle and the diffuser i ordered - did they even try to deliver them")).toBe(
      "track_order",
    );
    expect(read("shipping_options", "will the winter boots arrive tonight")).toBe("track_order");
  });
});
