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

describe("other voices of the same questions", () => {
  it("reads an annoyed question about when the order comes or what is going on with it as tracking", () => {
    expect(orderQuestionIntent("complaint", "two weeks already!! when will my order arrive?", fresh)).toBe(
      "track_order",
    );
    expect(orderQuestionIntent("complaint", "what is going on with my order? unbelievable", fresh)).toBe("track_order");
    expect(
      orderQuestionIntent("complaint", "c'est n'importe quoi, quand est-ce que ma commande va arriver ?", fresh),
    ).toBe("track_order");
    expect(orderQuestionIntent("complaint", "¿qué pasa con mi pedido? ya es mucho", fresh)).toBe("track_order");
    expect(
      orderQuestionIntent("complaint", "Your shipping is incredibly slow, I've been waiting two weeks.", fresh),
    ).toBeNull();
  });

  it("reads a refund asked about a return as the refund, but a wish to return as a return", () => {
    expect(orderQuestionIntent("return_item", "you got my return last week, when is the refund coming?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "j'ai renvoyé le plaid, où en est le remboursement ?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "devolví la taza, ¿ya procesaron el reembolso?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "I want to return the boots and get a refund", fresh)).toBeNull();
    expect(orderQuestionIntent("return_item", "¿puedo devolverlo y que me den reembolso?", fresh)).toBeNull();
  });

  it("reads removing or changing something on the order, without cancelling it, as a change", () => {
    expect(orderQuestionIntent("cancel_order", "can you remove the beanie from my order?", fresh)).toBe("change_order");
    expect(orderQuestionIntent("cancel_order", "je voudrais retirer les torchons de ma commande", fresh)).toBe(
      "change_order",
    );
    expect(orderQuestionIntent("cancel_order", "quiero quitar la taza de mi pedido", fresh)).toBe("change_order");
    expect(orderQuestionIntent("cancel_order", "I need to change the quantity on my order", fresh)).toBe(
      "change_order",
    );
    expect(
      orderQuestionIntent("exchange_item", "the jacket from my order is too small, can I change it?", fresh),
    ).toBeNull();
    expect(orderQuestionIntent("cancel_order", "please cancel my order and remove my card", fresh)).toBeNull();
  });
});

describe("money put back without the word refund, about a return", () => {
  it("is a refund question", () => {
    expect(orderQuestionIntent("return_item", "my return arrived days ago, when will I be credited?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "retour reçu par vous, quand serai-je recréditée ?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "ya llegó mi devolución, ¿cuándo me depositan?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "can I return it for store credit instead?", fresh)).toBeNull();
  });
});
