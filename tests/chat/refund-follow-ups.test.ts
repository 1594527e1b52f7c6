/** Follow-ups to a refund just given, and money already given back, read as that refund (issue #14). */
import { describe, expect, it } from "vitest";
import { orderQuestionIntent } from "../../app/chat/intent/order-questions";

const fresh = {};
const afterRefund = { lastIntent: "refund_status" as const, orderNumber: "2032" };

describe("refund follow-ups", () => {
  it("reads why only part of the order was refunded as the refund, in English, French and Spanish", () => {
    expect(orderQuestionIntent("track_order", "why only part of it? I paid over 300 for that order", afterRefund)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("payment_issue", "Pourquoi seulement 49 € ? J'avais payé 158 €.", afterRefund)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("track_order", "¿por qué sólo la mitad?", afterRefund)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "why only part of it?", fresh)).toBeNull();
  });

  it("reads store credit or a gift card instead of the refund as the refund's form", () => {
    expect(orderQuestionIntent("exchange_item", "could I get a gift card instead of the refund?", afterRefund)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "can I have store credit instead?", afterRefund)).toBe("refund_status");
    expect(orderQuestionIntent("exchange_item", "¿me lo pueden dar en saldo a favor?", afterRefund)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("exchange_item", "can I exchange it for a size M instead?", afterRefund)).toBeNull();
  });

  it("reads an amount already given back as a refund, not a discount", () => {
    expect(orderQuestionIntent("discount_code", "why did I get 10 euros back on my order?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("discount_code", "I received $15 back on my card, what is it?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("discount_code", "do you have a code to get 10% back?", fresh)).toBeNull();
  });
});

describe("a swap stated on a named order", () => {
  it("reads another way of delivery instead of the one chosen, on a named order, as a change of that order", () => {
    expect(
      orderQuestionIntent(
        "shipping_options",
        "je voudrais passer en Rapidex au lieu de Postal pour FR-9001, c'est possible ?",
        {},
        false,
        false,
        true,
      ),
    ).toBe("change_order");
    expect(
      orderQuestionIntent("shipping_options", "je voudrais passer en Rapidex au lieu de Postal, c'est possible ?", {}),
    ).toBeNull();
  });
});

describe("a return sent back, asked whether it arrived", () => {
  it("reads whether the shop got the item sent back as its refund", () => {
    expect(orderQuestionIntent("track_order", "¿ya les llegó la cafetera que regresé?", {})).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "I sent the lamp back last week, did it arrive?", {})).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("track_order", "I returned from holiday, has my parcel arrived?", {})).toBeNull();
  });

  it("reads store credit instead, whatever change the model reads, as the refund's form", () => {
    expect(orderQuestionIntent("change_shipping_address", "can you put it on store credit instead", afterRefund)).toBe(
      "refund_status",
    );
  });
});

describe("store credit asked as a favour", () => {
  it("reads '¿me lo pueden dar en saldo a favor?' after a refund as the refund, and a person asked for as a person", () => {
    expect(orderQuestionIntent("human_agent", "¿me lo pueden dar en saldo a favor?", afterRefund)).toBe(
      "refund_status",
    );
    expect(
      orderQuestionIntent("human_agent", "can I talk to someone about getting store credit instead?", afterRefund),
    ).toBeNull();
  });
});

describe("money received, said with its currency", () => {
  it("reads an amount received from the shop as a refund, and a number of items as nothing of the kind", () => {
    expect(orderQuestionIntent("track_order", "pourquoi j'ai reçu 10 € ?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("discount_code", "recibí $200 en mi tarjeta, ¿de qué es?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "j'ai reçu 2 mugs mais pas les bols", fresh)).not.toBe("refund_status");
  });

  it("reads 'why less?' after a refund as that refund", () => {
    expect(orderQuestionIntent("out_of_scope", "why less?", afterRefund)).toBe("refund_status");
  });
});

describe("trouble again, said as a grievance", () => {
  it("reads a repeated trouble with an order, stated in anger and asking nothing, as a complaint", () => {
    expect(
      orderQuestionIntent(
        "track_order",
        "Third time an order of mine is late. #2230 still hasn't left and I'm sick of it.",
        fresh,
      ),
    ).toBe("complaint");
    expect(orderQuestionIntent("track_order", "encore une fois ma commande est en retard, j'en ai marre", fresh)).toBe(
      "complaint",
    );
    expect(orderQuestionIntent("track_order", "otra vez mi pedido atrasado, qué decepción", fresh)).toBe("complaint");
  });

  it("leaves a repeated trouble that asks where the order is, or says no grievance, to tracking", () => {
    expect(orderQuestionIntent("track_order", "late again and I'm fed up, where is order 2230?", fresh)).not.toBe(
      "complaint",
    );
    expect(orderQuestionIntent("track_order", "can you check my order again please", fresh)).not.toBe("complaint");
  });
});

describe("money received, in any currency's words", () => {
  it("reads an amount got back in pounds, or written with a currency code, as a refund", () => {
    expect(orderQuestionIntent("discount_code", "why did I get £12 back on my order?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("discount_code", "I received 15 GBP back, what is it for?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("track_order", "j'ai reçu 20 £, c'est quoi ?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "j'ai reçu 2 livres, où est le troisième ?", fresh)).toBeNull();
    expect(orderQuestionIntent("track_order", "j'ai reçu 2 mugs", fresh)).toBeNull();
  });
});

describe("ordinary words after a refund answer are not the refund (a review's examples)", () => {
  it("the French verb 'avoir' and a credit card are no store credit", () => {
    expect(orderQuestionIntent("track_order", "puis-je avoir le suivi de mon autre commande ?", afterRefund)).not.toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("payment_methods", "¿puedo pagar a crédito?", afterRefund)).not.toBe("refund_status");
    expect(orderQuestionIntent("exchange_item", "je voudrais un avoir plutôt", afterRefund)).toBe("refund_status");
  });

  it("'only' and 'solo' alone ask of a product or another order", () => {
    expect(orderQuestionIntent("product_search", "¿solo tienen el negro?", afterRefund)).not.toBe("refund_status");
    expect(orderQuestionIntent("track_order", "solo quiero saber dónde está mi otro pedido", afterRefund)).not.toBe(
      "refund_status",
    );
  });

  it("money taken off a price, or pounds of goods, are no refund", () => {
    expect(
      orderQuestionIntent("discount_code", "I got $10 off with the code but the total looks wrong", fresh),
    ).not.toBe("refund_status");
    expect(orderQuestionIntent("discount_code", "recibí $200 de descuento en mi pedido", fresh)).not.toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("track_order", "I received 2 pounds of coffee instead of 5", fresh)).not.toBe(
      "refund_status",
    );
  });

  it("an item that arrived broken and was sent back asks what now, not whether the return arrived", () => {
    for (const text of [
      "I sent it back because it arrived broken, what now?",
      "ya devolví la taza porque llegó rota",
      "j'ai renvoyé le pull car il est arrivé abîmé",
    ])
      expect(orderQuestionIntent("return_item", text, fresh), text).not.toBe("refund_status");
  });
});

describe("a card asked about as a way to pay, right after a refund", () => {
  it("is a payment-methods question, not the refund's card", () => {
    for (const text of ["¿aceptan tarjeta de crédito?", "do you accept credit cards?", "vous acceptez la carte Amex ?"])
      expect(orderQuestionIntent("payment_methods", text, afterRefund), text).not.toBe("refund_status");
    expect(orderQuestionIntent("payment_methods", "was it refunded to my card?", afterRefund)).toBe("refund_status");
  });
});
