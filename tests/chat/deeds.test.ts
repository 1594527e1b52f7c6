/**
 * Who already did what, read by the classifier itself (so the intent figures see it, not only the
 * conversation): a deed done and the question asked about it settle a reading the model gave to the deed's word.
 */
import { describe, expect, it } from "vitest";
import { deedIntent } from "../../app/chat/intent/deeds";
import { strongCue } from "../../app/chat/intent/cues";
import { orderQuestionIntent } from "../../app/chat/intent/order-questions";
import { pendingPaymentIntent } from "../../app/chat/intent/pending-payment";
import { shippedClassifier } from "../../app/chat/intent/engine";

describe("a cancellation already made, then the money", () => {
  it("is the refund, in en/fr/es", () => {
    expect(
      deedIntent("cancel_order", "they cancelled order 7781 on their side, has my card been credited the money back?"),
    ).toBe("refund_status");
    expect(deedIntent("cancel_order", "la commande 5512 a été annulée, je récupère mon argent quand ?")).toBe(
      "refund_status",
    );
    expect(deedIntent("track_order", "me anularon el pedido 2230, ¿cuándo me devuelven el dinero?")).toBe(
      "refund_status",
    );
  });

  it("leaves a request to cancel, and a cancellation with no money asked, alone", () => {
    expect(deedIntent("cancel_order", "please cancel order 7781 and refund me")).toBeNull();
    expect(deedIntent("cancel_order", "my order was cancelled, can you tell me why?")).toBeNull();
  });
});

describe("a payment made, then when it comes", () => {
  it("is tracking, not a payment problem", () => {
    expect(deedIntent("payment_issue", "I already paid with my card for 4410, which day does it get here?")).toBe(
      "track_order",
    );
    expect(deedIntent("payment_issue", "j'ai bien payé la commande 3120, elle part quand ?")).toBe("track_order");
    expect(deedIntent("payment_issue", "ya pagué el pedido 8801, ¿cuándo me llega?")).toBe("track_order");
  });

  it("leaves a payment gone wrong and an invoice alone", () => {
    expect(deedIntent("payment_issue", "I paid twice for order 4410, when will it arrive?")).toBeNull();
    expect(deedIntent("payment_issue", "j'ai payé mais la commande est en attente, elle part quand ?")).toBeNull();
    expect(deedIntent("get_invoice", "I paid already, when does the invoice arrive?")).toBeNull();
  });
});

describe("an order named with an edit", () => {
  it("is a change", () => {
    expect(deedIntent("out_of_scope", "AB-7781: two notebooks instead of one please")).toBe("change_order");
    expect(deedIntent("product_info", "sur la 5512, ajoutez un tablier svp")).toBe("change_order");
    expect(deedIntent("product_search", "pedido 2230: agrégale unos guantes")).toBe("change_order");
  });

  it("leaves an item already received, a cancellation and a message with no order alone", () => {
    expect(deedIntent("out_of_scope", "order 7781 arrived, the scarf is too small, the large instead?")).toBeNull();
    expect(deedIntent("out_of_scope", "cancel the gloves instead of the scarf on 7781")).toBeNull();
    expect(deedIntent("product_info", "do you have the scarf in red instead of blue?")).toBeNull();
  });
});

describe("the readings the conversation shares with the classifier", () => {
  it("reads the refund of a return made and the annoyed 'where is it?' the same in both", () => {
    const text = "I dropped my return at the post office, when am I credited?";
    expect(deedIntent("return_item", text)).toBe("refund_status");
    expect(orderQuestionIntent("return_item", text, {})).toBe("refund_status");
    expect(deedIntent("complaint", "this is ridiculous, where is my parcel?")).toBe("track_order");
  });

  it("keeps 'a receipt for my refund' a document, and 'does my order have a refund?' the refund", () => {
    expect(orderQuestionIntent("get_invoice", "I need a receipt for my refund", {})).toBeNull();
    expect(orderQuestionIntent("get_invoice", "ma commande 5512 a un remboursement ?", {})).toBe("refund_status");
  });

  it("reads where the shopper lives, then 'can you deliver?', as where the shop delivers", () => {
    expect(orderQuestionIntent("change_shipping_address", "j'habite au Japon, vous livrez chez moi ?", {})).toBe(
      "shipping_options",
    );
    expect(
      orderQuestionIntent("change_shipping_address", "I live elsewhere now, change the address on my order", {}),
    ).toBeNull();
  });

  it("reads 'that's the blue one, right?' after an order answer as that order's items", () => {
    const after = { lastIntent: "track_order" as const, orderNumber: "5512" };
    expect(orderQuestionIntent("product_info", "and that's the blue scarf, right?", after)).toBe("track_order");
    expect(orderQuestionIntent("product_info", "c'est bien le tablier rouge, non ?", after)).toBe("track_order");
  });
});

describe("a cue that beats a confident reading", () => {
  it("reads what is owed on delivery as the shipping rules, however sure the tracking reading", () => {
    expect(strongCue("will I have to pay more when the parcel is delivered?", "track_order", 0.9)).toBe(
      "shipping_options",
    );
    expect(strongCue("will I have to pay more when the parcel is delivered?", "payment_issue", 0.9)).toBeNull();
    expect(strongCue("my parcel is stuck in customs, where is it?", "track_order", 0.9)).toBeNull();
  });
});

describe("a pending payment", () => {
  it("is read in one clause: the order waiting after a payment made is its state", () => {
    expect(pendingPaymentIntent("track_order", "paid by bank transfer, why is my order still pending?")).toBeNull();
    expect(pendingPaymentIntent("track_order", "my bank transfer is still pending, when will you ship?")).toBe(
      "payment_issue",
    );
  });
});

describe("the shipped classifier", () => {
  it("applies the deeds whatever the model's first reading", () => {
    const result = shippedClassifier().classify(
      "you cancelled order 7781 yesterday, has the money gone back to my card?",
    );
    expect(result.intent).toBe("refund_status");
    expect(result.lowConfidence).toBe(false);
  });
});

describe("why it hasn't left yet", () => {
  it("is where the order stands, unless a change or a cancellation is asked", () => {
    expect(deedIntent("change_order", "why hasn't my order 5512 shipped yet?")).toBe("track_order");
    expect(deedIntent("change_order", "¿por qué mi pedido todavía no ha salido?")).toBe("track_order");
    expect(deedIntent("change_order", "it hasn't shipped yet, why not change the size to L?")).toBeNull();
    expect(deedIntent("cancel_order", "why isn't it sent yet? just cancel it")).toBeNull();
  });
});

describe("a compensation promised and not seen", () => {
  it("is the refund, not a discount code", () => {
    expect(
      deedIntent("discount_code", "you promised me a store credit for the torn apron, it isn't in my account"),
    ).toBe("refund_status");
    expect(deedIntent("discount_code", "on m'a promis un avoir de 5 €, je ne le trouve pas")).toBe("refund_status");
    expect(deedIntent("complaint", "I was promised a refund and still nothing. Pathetic.")).toBeNull();
    expect(deedIntent("discount_code", "do you have a code for my next order?")).toBeNull();
  });
});

describe("an annoyed question about when or where", () => {
  it("asks where the parcel is, at what time or on what date it comes", () => {
    expect(deedIntent("complaint", "ras-le-bol, mes colis sont passés où ?")).toBe("track_order");
    expect(deedIntent("complaint", "déçue, la livraison arrive à quelle heure ma commande ?")).toBe("track_order");
    expect(deedIntent("complaint", "so annoyed. what time will my order be delivered?")).toBe("track_order");
    expect(deedIntent("complaint", "your deliveries are always late. shameful.")).toBeNull();
  });
});

describe("a reading too unsure to name", () => {
  it("is still settled by a deed", () => {
    expect(deedIntent("out_of_scope", "ZX-4471: two aprons instead of one")).toBe("change_order");
  });
});

describe("a return already sent back, or a bank that shows nothing, then the money", () => {
  it("reads 'I mailed it back, still nothing' as the refund even when the model heard a complaint", () => {
    expect(deedIntent("complaint", "I mailed the tent back ten days ago and still nothing")).toBe("refund_status");
    expect(deedIntent("complaint", "j'ai renvoyé les draps il y a deux semaines et toujours rien")).toBe(
      "refund_status",
    );
    // A grievance said outright stays one.
    expect(deedIntent("complaint", "I sent it back weeks ago and still nothing, this is a scam")).toBeNull();
  });

  it("reads a statement, account or card that shows no credit as the refund, not a payment problem", () => {
    expect(deedIntent("payment_issue", "my card statement doesn't show any refund from you yet")).toBe("refund_status");
    expect(deedIntent("payment_issue", "mi estado de cuenta no muestra ningún reembolso")).toBe("refund_status");
    expect(deedIntent("payment_issue", "mon relevé ne montre aucun remboursement")).toBe("refund_status");
    // A charge seen twice is the payment problem it reads as.
    expect(deedIntent("payment_issue", "my statement shows two charges and no refund of the second")).toBeNull();
  });
});

describe("a return made, then the charge still standing", () => {
  it("is the refund awaited, in en/fr/es, told as a story", () => {
    expect(
      deedIntent(
        "payment_issue",
        "so i ordered a lamp for my brother, it came broken and I sent it back last week. my card still shows the whole charge.",
      ),
    ).toBe("refund_status");
    expect(
      deedIntent(
        "payment_issue",
        "le vase ne me plaisait pas, j'ai tout renvoyé lundi. je suis toujours débitée du montant.",
      ),
    ).toBe("refund_status");
    expect(
      deedIntent("change_order", "ya devolví las dos tazas el martes. en mi tarjeta todavía aparece el cargo."),
    ).toBe("refund_status");
  });

  it("leaves a charge gone wrong, a charge with nothing sent back, and a cancelled order's charge alone", () => {
    expect(deedIntent("payment_issue", "I cancelled my order but I still see the charge on my card.")).toBeNull();
    expect(deedIntent("payment_issue", "I sent the boots back and now I was charged twice")).toBeNull();
    expect(deedIntent("payment_issue", "my card still shows the charge but the order never shipped")).toBeNull();
  });
});
