/**
 * Order questions in the voices shoppers use when things go wrong: an annoyed shopper who still
 * asks where the parcel is, a refund awaited in return words, a change (not a cancellation) before
 * the order ships, and one fact of the shipment in focus (last scan, until when, a chase).
 */
import { describe, expect, it } from "vitest";
import { asksLastScan } from "../../app/chat/intent/order-questions";
import { readsAs } from "../helpers/order-question-rows";

const fresh = {};
const afterTracking = { lastIntent: "track_order" as const, orderNumber: "2051" };
const afterRefund = { lastIntent: "refund_status" as const, orderNumber: "1043" };

describe("a complaint that asks where the order is", () => {
  it("is a tracking question, in English, French and Spanish", () => {
    readsAs(fresh, [
      ["complaint", "this is a joke, where is my parcel?", "track_order"],
      ["out_of_scope", "so annoyed, my shoes never showed up. where are they?", "track_order"],
      ["complaint", "c'est honteux, il est où mon colis ?", "track_order"],
      ["complaint", "¡pésimo servicio! ¿dónde está mi pedido?", "track_order"],
      ["out_of_scope", "is my order coming or not??", "track_order"],
      ["complaint", "toujours aucune nouvelle de ma commande, c'est lamentable", "track_order"],
    ]);
  });

  it("stays a complaint when it asks nothing about the order, or asks for a person", () => {
    readsAs(fresh, [
      ["complaint", "your delays are a disgrace", null],
      ["complaint", "where is your manager? this is unacceptable", null],
      ["human_agent", "where is my parcel, I want a human now", null],
    ]);
  });
});

describe("one fact of the shipment in focus", () => {
  it("reads the last scan, 'stuck?', 'until when?', who delivered it and a chase as tracking", () => {
    readsAs(afterTracking, [
      ["product_info", "what was the last scan?", "track_order"],
      ["out_of_scope", "¿dónde fue el último escaneo?", "track_order"],
      ["complaint", "is it stuck?", "track_order"],
      ["thanks_goodbye", "jusqu'à quand ?", "track_order"],
      ["shipping_options", "¿hasta cuándo lo guardan?", "track_order"],
      ["shipping_options", "je peux le récupérer quand ?", "track_order"],
      ["shipping_options", "who delivered it?", "track_order"],
      ["cancel_order", "can you chase it?", "track_order"],
    ]);
  });

  it("leaves the same words alone with no order in focus", () => {
    readsAs(fresh, [
      ["thanks_goodbye", "jusqu'à quand ?", null],
      ["product_info", "what was the last scan?", null],
    ]);
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
    readsAs(fresh, [
      ["return_item", "I mailed the boots back two weeks ago, still no money", "refund_status"],
      ["return_item", "I returned the lamp last month and haven't seen a cent", "refund_status"],
      ["return_item", "mandé las botas de vuelta y no me ha llegado el dinero", "refund_status"],
    ]);
    readsAs(afterRefund, [["track_order", "so when do I get it?", "refund_status"]]);
  });

  it("leaves a return request, and 'when do I get it' about a parcel, alone", () => {
    readsAs(fresh, [["return_item", "I sent the boots back, can I get a label for the other pair?", null]]);
    readsAs(afterTracking, [["track_order", "so when do I get it?", null]]);
  });
});

describe("a change before the order ships", () => {
  it("is a change, not a cancellation or an exchange", () => {
    readsAs(fresh, [
      ["exchange_item", "can I swap the size before it ships?", "change_order"],
      ["cancel_order", "can I change my order before you send it?", "change_order"],
      ["exchange_item", "je peux changer la couleur avant l'envoi ?", "change_order"],
      ["exchange_item", "¿puedo cambiar la talla antes de que lo envíen?", "change_order"],
      ["cancel_order", "please add one more bottle to my order", "change_order"],
    ]);
  });

  it("leaves a cancellation and an exchange of what arrived alone", () => {
    readsAs(fresh, [
      ["cancel_order", "cancel it before it ships", null],
      ["exchange_item", "I want to exchange the boots I received for a bigger size", null],
    ]);
  });
});

describe("other voices of the same questions", () => {
  it("reads an annoyed question about when the order comes or what is going on with it as tracking", () => {
    readsAs(fresh, [
      ["complaint", "two weeks already!! when will my order arrive?", "track_order"],
      ["complaint", "what is going on with my order? unbelievable", "track_order"],
      ["complaint", "c'est n'importe quoi, quand est-ce que ma commande va arriver ?", "track_order"],
      ["complaint", "¿qué pasa con mi pedido? ya es mucho", "track_order"],
      ["complaint", "Your shipping is incredibly slow, I've been waiting two weeks.", null],
    ]);
  });

  it("reads a refund asked about a return as the refund, but a wish to return as a return", () => {
    readsAs(fresh, [
      ["return_item", "you got my return last week, when is the refund coming?", "refund_status"],
      ["return_item", "j'ai renvoyé le plaid, où en est le remboursement ?", "refund_status"],
      ["return_item", "devolví la taza, ¿ya procesaron el reembolso?", "refund_status"],
      ["return_item", "I want to return the boots and get a refund", null],
      ["return_item", "¿puedo devolverlo y que me den reembolso?", null],
    ]);
  });

  it("reads removing or changing something on the order, without cancelling it, as a change", () => {
    readsAs(fresh, [
      ["cancel_order", "can you remove the beanie from my order?", "change_order"],
      ["cancel_order", "je voudrais retirer les torchons de ma commande", "change_order"],
      ["cancel_order", "quiero quitar la taza de mi pedido", "change_order"],
      ["cancel_order", "I need to change the quantity on my order", "change_order"],
      ["exchange_item", "the jacket from my order is too small, can I change it?", null],
      ["cancel_order", "please cancel my order and remove my card", null],
    ]);
  });
});

describe("money put back without the word refund, about a return", () => {
  it("is a refund question", () => {
    readsAs(fresh, [
      ["return_item", "my return arrived days ago, when will I be credited?", "refund_status"],
      ["return_item", "retour reçu par vous, quand serai-je recréditée ?", "refund_status"],
      ["return_item", "ya llegó mi devolución, ¿cuándo me depositan?", "refund_status"],
      ["return_item", "can I return it for store credit instead?", null],
    ]);
  });
});
