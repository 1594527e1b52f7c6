/** Order questions whose words belong to another topic too, read as the order question they are. */
import { describe, expect, it } from "vitest";
import { orderQuestionIntent } from "../../app/chat/intent/order-questions";

const fresh = {};
const afterRefund = { lastIntent: "refund_status" as const, orderNumber: "1043" };
const afterTracking = { lastIntent: "track_order" as const, orderNumber: "2051" };

describe("order questions read as another topic", () => {
  it("reads the shopper's money coming back as a refund question, in English, French and Spanish", () => {
    expect(orderQuestionIntent("track_order", "where's my money for order 2044?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("product_info", "mon argent pour le vase, il est où ?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "¿cuándo me regresan mi dinero?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("out_of_scope", "was I reimbursed?", fresh)).toBe("refund_status");
  });

  it("leaves a request to return or cancel, and a general question, to the model", () => {
    expect(orderQuestionIntent("return_item", "je veux me faire rembourser le plaid", fresh)).toBeNull();
    expect(orderQuestionIntent("cancel_order", "cancel it and give me my money back", fresh)).toBeNull();
    expect(orderQuestionIntent("track_order", "where is my order?", fresh)).toBeNull();
    expect(orderQuestionIntent("shipping_options", "do you refund shipping?", fresh)).toBeNull();
  });

  it("reads when a refund shows on the card or account as the refund's delay, only right after a refund", () => {
    expect(orderQuestionIntent("account_help", "et je le verrai quand sur mon compte ?", afterRefund)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("track_order", "when will it show up on my card?", afterRefund)).toBe("refund_status");
    expect(orderQuestionIntent("account_help", "et je le verrai quand sur mon compte ?", fresh)).toBeNull();
    expect(orderQuestionIntent("account_help", "I can't log into my account", afterRefund)).toBeNull();
  });

  it("reads the carrier or tracking number of the order in focus as tracking, not shipping options", () => {
    expect(orderQuestionIntent("product_search", "which carrier?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("out_of_scope", "quel transporteur ?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "¿qué paquetería es?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "which carrier do you use?", fresh)).toBeNull();
    expect(
      orderQuestionIntent("return_policy", "which carrier should I use to send it back?", afterTracking),
    ).toBeNull();
  });

  it("reads 'my order is late' as where it is, not a change, unless the shopper asks for one", () => {
    expect(orderQuestionIntent("change_order", "ma commande a du retard", fresh)).toBe("track_order");
    expect(orderQuestionIntent("cancel_order", "my package is delayed", fresh)).toBe("track_order");
    expect(orderQuestionIntent("cancel_order", "it's late, I want to cancel it", fresh)).toBeNull();
    expect(orderQuestionIntent("complaint", "your delays are a disgrace", fresh)).toBeNull();
  });
});

describe("a refund awaited or short, without the word", () => {
  it("reads a sent-back item with no news, nothing on the account, or the amount back as a refund question", () => {
    expect(orderQuestionIntent("greeting", "hi, i returned something and i havent heard anything", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("track_order", "commande FR-3038 annulée, toujours rien sur mon compte", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("shipping_options", "how much will I get back?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("return_policy", "¿cuánto me van a devolver?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "pourquoi je n'ai reçu que 49 € ?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "have you received my parcel back?", fresh)).toBe("refund_status");
  });

  it("leaves the general rule, a login problem and a plain return request alone", () => {
    expect(orderQuestionIntent("return_policy", "how much will I get back if I return a used item?", fresh)).toBeNull();
    expect(orderQuestionIntent("account_help", "nothing works on my account, I can't log in", fresh)).toBeNull();
    expect(orderQuestionIntent("return_item", "I returned the wrong size, can I swap it?", fresh)).toBeNull();
  });
});

describe("a fact of the order in focus, asked in another topic's words", () => {
  it("reads what it cost, where it goes and when it comes as a question about that order", () => {
    expect(orderQuestionIntent("shipping_options", "how much did it cost?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "what did I pay for shipping?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("product_info", "where is it being shipped to?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("product_info", "will it come before the weekend?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "¿cuánto pagué?", afterTracking)).toBe("track_order");
  });

  it("reads any other short question about the shipment just shown as that shipment, not the topic of a noun in it", () => {
    expect(orderQuestionIntent("account_help", "can I see it in my account?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "is it coming by truck?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("out_of_scope", "which day exactly?", afterTracking)).toBe("track_order");
    // An action, a return, a charge or a general question with nothing pointing back stays what it is.
    expect(orderQuestionIntent("change_order", "can I change it to black?", afterTracking)).toBeNull();
    expect(
      orderQuestionIntent("shipping_options", "do you ship to Canada as well for other orders?", afterTracking),
    ).toBeNull();
    expect(orderQuestionIntent("payment_methods", "can I pay for it with PayPal next time?", afterTracking)).toBeNull();
  });

  it("leaves product questions, charges on delivery and questions with no order in focus alone", () => {
    expect(orderQuestionIntent("product_info", "how much does the bottle cost?", afterTracking, true)).toBeNull();
    // The pipeline says when a product's fact is asked (catalog/aspects.ts): "waterproof" is one.
    expect(orderQuestionIntent("product_info", "is it waterproof?", afterTracking, false, true)).toBeNull();
    expect(
      orderQuestionIntent("shipping_options", "Will I have to pay anything extra when it arrives?", afterTracking),
    ).toBeNull();
    expect(orderQuestionIntent("shipping_options", "how long will it take to arrive?", fresh)).toBeNull();
  });
});

describe("a later return of the order just shown", () => {
  it("reads it as that order's return; the general rule asked outright stays the rule", () => {
    expect(orderQuestionIntent("return_policy", "can I send it back when it comes?", afterTracking)).toBe(
      "return_item",
    );
    expect(orderQuestionIntent("return_policy", "¿la puedo regresar si no me gusta?", afterTracking)).toBe(
      "return_item",
    );
    expect(orderQuestionIntent("return_policy", "what is your return policy?", afterTracking)).toBeNull();
    expect(orderQuestionIntent("return_policy", "can I send it back when it comes?", fresh)).toBeNull();
  });
});

describe("a return already made, asked whether it went through", () => {
  it("reads it as the refund of that return; how a return is going stays the return", () => {
    expect(orderQuestionIntent("return_item", "I returned the boots, has it been processed?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "j'ai renvoyé le diffuseur, le retour est traité ?", fresh)).toBe(
      "refund_status",
    );
    expect(orderQuestionIntent("return_item", "¿Cómo va mi devolución del molino?", fresh)).toBeNull();
    expect(
      orderQuestionIntent("return_item", "I want to return the boots, how do I send them back?", fresh),
    ).toBeNull();
  });
});

describe("what the order in focus holds, who carries it and why it takes long", () => {
  it("reads them as questions about that order", () => {
    expect(orderQuestionIntent("out_of_scope", "il y a quoi dedans ?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("product_search", "what did I order?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "pourquoi c'est si long ?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "c'est DPD qui livre ?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "pourquoi c'est si long ?", fresh)).toBeNull();
  });
});

describe("details of the refund just given", () => {
  it("reads its amount, card and shipping as the refund's, and a bare 'when?' as the last answer's", () => {
    expect(orderQuestionIntent("discount_code", "why not the full amount?", afterRefund)).toBe("refund_status");
    expect(orderQuestionIntent("payment_methods", "which card did it go to?", afterRefund)).toBe("refund_status");
    expect(orderQuestionIntent("return_policy", "et les frais de livraison ?", afterRefund)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "ok so when exactly?", afterRefund)).toBe("refund_status");
    expect(orderQuestionIntent("payment_methods", "which card did it go to?", fresh)).toBeNull();
    expect(orderQuestionIntent("return_policy", "what's your return window?", afterRefund)).toBeNull();
  });
});

describe("a question the shop's note on the order just shown answers", () => {
  const withNote = {
    ...afterTracking,
    language: "en" as const,
    orderNote: "The tent is backordered until December 3; it will ship then at no extra cost.",
  };
  it("reads it as a question about that order, whose reply shows the note", () => {
    expect(orderQuestionIntent("payment_issue", "will I be charged extra for the second parcel?", withNote)).toBe(
      "track_order",
    );
    expect(
      orderQuestionIntent("payment_methods", "¿hasta cuándo tengo para pagar?", {
        ...afterTracking,
        language: "es",
        orderNote: "Pago pendiente: la referencia vence el 3 de marzo.",
      }),
    ).toBe("track_order");
  });

  it("leaves general questions, and any question once no note is at hand", () => {
    expect(orderQuestionIntent("shipping_options", "how much is shipping to Canada?", withNote)).toBeNull();
    expect(
      orderQuestionIntent("payment_issue", "will I be charged extra for the second parcel?", afterTracking),
    ).toBeNull();
  });
});

describe("money back in everyday words", () => {
  it("reads slang, store credit and a goodwill gesture as a refund question, not a card payment", () => {
    expect(orderQuestionIntent("track_order", "et mes sous ?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("track_order", "J'attends toujours mon avoir", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("get_invoice", "geste commercial reçu ?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("shipping_options", "combien je vais récupérer ?", fresh)).toBe("refund_status");
    expect(orderQuestionIntent("payment_methods", "can I pay with my credit card?", fresh)).toBeNull();
  });
});

describe("where to collect the order in focus", () => {
  it("reads it as a question about that order, whose status names the collection point", () => {
    expect(orderQuestionIntent("out_of_scope", "¿dónde lo recojo?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("out_of_scope", "c'est où la boutique ?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "where do I pick it up?", afterTracking)).toBe("track_order");
    expect(orderQuestionIntent("out_of_scope", "c'est où la boutique ?", fresh)).toBeNull();
  });
});

describe("a follow-up to the shop's rules", () => {
  const afterPolicy = { lastIntent: "return_policy" as const };
  it("asks whether the same rule covers something, or the rule's refund timing", () => {
    expect(orderQuestionIntent("discount_code", "does that apply to socks?", afterPolicy)).toBe("return_policy");
    expect(orderQuestionIntent("product_search", "même pour les bougies ?", afterPolicy)).toBe("return_policy");
    expect(orderQuestionIntent("refund_status", "how long does the refund take?", afterPolicy)).toBe("return_policy");
    expect(orderQuestionIntent("refund_status", "how long does my refund take?", afterPolicy)).toBeNull();
    expect(orderQuestionIntent("discount_code", "does that apply to socks?", fresh)).toBeNull();
  });
});

describe("an order that doesn't move, or whose confirmation never came", () => {
  it("reads it as where the order is", () => {
    expect(orderQuestionIntent("cancel_order", "ma commande n'avance pas", fresh)).toBe("track_order");
    expect(orderQuestionIntent("product_info", "c'est normal que ça prenne autant de temps ?", fresh)).toBe(
      "track_order",
    );
    expect(orderQuestionIntent("shipping_options", "I never got a shipping confirmation", fresh)).toBe("track_order");
    expect(orderQuestionIntent("shipping_options", "no me ha llegado el correo de confirmación de envío", fresh)).toBe(
      "track_order",
    );
    expect(orderQuestionIntent("shipping_options", "how long does shipping take?", fresh)).toBeNull();
  });
});

describe("wanting to know about one's order", () => {
  it("reads it as where the order stands, not a change, unless a change is named", () => {
    expect(orderQuestionIntent("change_order", "hola, quiero saber de mi pedido", fresh)).toBe("track_order");
    expect(orderQuestionIntent("cancel_order", "I'd like an update on my order", fresh)).toBe("track_order");
    expect(orderQuestionIntent("change_order", "quiero saber si puedo cambiar mi pedido", fresh)).toBeNull();
  });
});
