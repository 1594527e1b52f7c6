/**
 * Order questions in the voices shoppers use when things go wrong: an annoyed shopper who still
 * asks where the parcel is, a refund awaited in return words, a change (not a cancellation) before
 * the order ships, and one fact of the shipment in focus (last scan, until when, a chase).
 */
import { describe, expect, it } from "vitest";
import { asksLastScan, orderQuestionIntent } from "../../app/chat/intent/order-questions";

const fresh = {};
const afterTracking = { lastIntent: "track_order" as const, orderNumber: "2051" };
const afterRefund = { lastIntent: "refund_status" as const, orderNumber: "1043" };

describe("a complaint that asks where the order is", () => {
  it("is a tracking question, in English, French and Spanish", () => {
    expect(orderQuestionIntent("complaint", "this is a joke, where is my parcel?", fresh)).toBe("track_order");
    expect(orderQuestionIntent("out_of_scope", "so annoyed, my shoes never showed up. where are they?", fresh)).toBe(
      "track_order",
    );
    expect(orderQuestionIntent("complaint", "c'est honteux, il est où mon colis ?", fresh)).toBe("track_order");
    expect(orderQuestionIntent("complaint", "¡pésimo servicio! ¿dónde está mi pedido?", fresh)).toBe("track_order");
    expect(orderQuestionIntent("out_of_scope", "is my order coming or not??", fresh)).toBe("track_order");
    expect(orderQuestionIntent("complaint", "toujours aucune nouvelle de ma commande, c'est lamentable", fresh)).toBe(
      "track_order",
    );
  });

  it("stays a complaint when it asks nothing about the order, or asks for a person", () => {
    expect(orderQuestionIntent("complaint", "your delays are a disgrace", fresh)).toBeNull();
    expect(orderQuestionIntent("complaint", "where is your manager? this is unacceptable", fresh)).toBeNull();
    expect(orderQuestionIntent("human_agent", "where is my parcel, I want a human now", fresh)).toBeNull();
  });
});

describe("one fact of the shipment in focus", () => {
  it("reads the last scan, 'stuck?', 'until when?', who delivered it and a chase as tracking", () => {
    expect(orderQuestionIntent("product_info", "what was the last scan?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("out_of_scope", "¿dónde fue el último escaneo?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("complaint", "is it stuck?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("thanks_goodbye", "jusqu'à quand ?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "¿hasta cuándo lo guardan?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "je peux le récupérer quand ?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "who delivered it?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("cancel_order", "can you chase it?", afterTracking)).toBe("track_order");
  });

  it("leaves the same words alone with no order in focus", () => {
    expect(orderQuestionIntent("thanks_goodbye", "jusqu'à quand ?", fresh)).toBeNull();
    expect(orderQuestionIntent("product_info", "what was the last scan?", fresh)).toBeNull();
  });

  it("knows a question about the latest carrier scan", () => {
    expect(asksLastScan("where was it last scanned?")).toBe(true);
    expect(asksLastScan("is it stuck?")).toBe(true);
    expect(asksLastScan("derniere mise a jour du suivi ?")).toBe(true);
    expect(asksLastScan("where is it now")).toBe(true);
    expect(asksLastScan("which carrier?")).toBe(false);
  });
});

describe("a refund awaited in return words", () => {
  it("is a refund question", () => {
    expect(orderQuestionIntent("return_item", "I mailed the boots back two weeks ago, still no money", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "I returned the lamp last month and haven't seen a cent", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "mandé las botas de vuelta y no me ha llegado el dinero", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("track_order", "so when do I get it?", afterRefund)).toBe("refund_status");
  });

  it("leaves a return request, and 'when do I get it' about a parcel, alone", () => {
    expect(
      orderQuestionIntent("return_item", "I sent the boots back, can I get a label for the other pair?", fresh),
    ).toBeNull();
    expect(orderQuestionIntent("track_order", "so when do I get it?", afterTracking)).toBeNull();
  });
});

describe("a change before the order ships", () => {
  it("is a change, not a cancellation or an exchange", () => {
    expect(orderQuestionIntent("exchange_item", "can I swap the size before it ships?", fresh)).toBe("change_order");
    expect(orderQuestionIntent("cancel_order", "can I change my order before you send it?", fresh)).toBe(
      "change_order",
    );
    expect(orderQuestionIntent("exchange_item", "je peux changer la couleur avant l'envoi ?", fresh)).toBe(
      "change_order",
    );
    expect(orderQuestionIntent("exchange_item", "¿puedo cambiar la talla antes de que lo envíen?", fresh)).toBe(
      "change_order",
    );
    expect(orderQuestionIntent("cancel_order", "please add one more bottle to my order", fresh)).toBe("change_order");
  });

  it("leaves a cancellation and an exchange of what arrived alone", () => {
    expect(orderQuestionIntent("cancel_order", "cancel it before it ships", fresh)).toBeNull();
    expect(
      orderQuestionIntent("exchange_item", "I want to exchange the boots I received for a bigger size", fresh),
    ).toBeNull();
  });
});
