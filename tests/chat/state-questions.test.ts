/** Questions about where an order or a return stands, told apart from requests for the action they name. */
import { describe, expect, it } from "vitest";
import { stateQuestionIntent } from "../../app/chat/intent/state-questions";

describe("state questions", () => {
  it("reads 'was it cancelled?' as a status question, 'please cancel' as a cancellation", () => {
    expect(stateQuestionIntent("cancel_order", "Was order 2044 actually cancelled?")).toBe("track_order");
    expect(stateQuestionIntent("cancel_order", "Ma commande a-t-elle été annulée ?")).toBe("track_order");
    expect(stateQuestionIntent("cancel_order", "¿Se canceló mi pedido?")).toBe("track_order");
    expect(stateQuestionIntent("cancel_order", "Can you cancel order 2044?")).toBeNull();
    expect(stateQuestionIntent("cancel_order", "Je voudrais annuler ma commande, c'est possible ?")).toBeNull();
    expect(stateQuestionIntent("cancel_order", "cancel my order")).toBeNull();
  });

  it("takes a question that names no cancellation away from cancel_order", () => {
    expect(stateQuestionIntent("cancel_order", "Did my parcel go out yet?")).toBe("track_order");
    expect(stateQuestionIntent("cancel_order", "Can I stop my order?")).toBeNull();
  });

  it("reads 'did you receive my return?' as a refund question and 'why was my return refused?' as a return one", () => {
    expect(stateQuestionIntent("return_item", "Did you receive my return yet?")).toBe("refund_status");
    expect(stateQuestionIntent("return_item", "¿Ya recibieron mi devolución?")).toBe("refund_status");
    expect(stateQuestionIntent("return_item", "I want to return my jacket, is that ok?")).toBeNull();
    expect(stateQuestionIntent("refund_status", "Why was my return declined?")).toBe("return_item");
    expect(stateQuestionIntent("refund_status", "When will my refund arrive?")).toBeNull();
  });

  it("keeps a refused return a return question when it also says the return arrived, or names the refusal first", () => {
    expect(
      stateQuestionIntent("return_item", "Why was my return of the mug refused? It arrived on the 3rd."),
    ).toBeNull();
    expect(stateQuestionIntent("refund_status", "¿Por qué rechazaron mi devolución de la taza?")).toBe("return_item");
    expect(stateQuestionIntent("refund_status", "Pourquoi avez-vous refusé mon retour ?")).toBe("return_item");
    expect(stateQuestionIntent("refund_status", "Why did you reject my return?")).toBe("return_item");
  });

  it("doesn't take a question about one's own return or purchase for a product question", () => {
    expect(stateQuestionIntent("product_info", "Why was my return of the teapot refused?")).toBe("return_item");
    expect(stateQuestionIntent("product_info", "I bought the lamp last month, was it shipped?")).toBe("track_order");
    expect(stateQuestionIntent("product_info", "Is the lamp dishwasher safe?")).toBeNull();
    expect(stateQuestionIntent("product_info", "Can I buy the lamp that was shipped in the photo?")).toBeNull();
  });

  it("reads 'where is my <item>?' as tracking the purchase, in three languages, but not 'where is the <item> made?'", () => {
    expect(stateQuestionIntent("product_info", "where's my lamp?")).toBe("track_order");
    expect(stateQuestionIntent("product_info", "où est mon plaid ?")).toBe("track_order");
    expect(stateQuestionIntent("product_search", "¿dónde está mi gotero?")).toBe("track_order");
    expect(stateQuestionIntent("product_info", "where is the lamp made?")).toBeNull();
    expect(stateQuestionIntent("product_info", "¿dónde está hecho el gotero?")).toBeNull();
  });

  it("reads an order's state asked in payment words as tracking, but not a charge problem", () => {
    expect(stateQuestionIntent("payment_issue", "I paid in cash, why is my order still pending?")).toBe("track_order");
    expect(stateQuestionIntent("payment_issue", "Why was I charged twice for my order?")).toBeNull();
    expect(stateQuestionIntent("payment_issue", "Mi pago sigue pendiente")).toBeNull();
  });
});

describe("'where is my <item>?' through the pipeline", () => {
  it("answers with the shopper's order holding that item, not the shop's texts about the product", async () => {
    const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
    const { devStorePath } = await import("../../demo/dev-stores");
    const { demoConversation } = await import("../helpers/chat-context");
    const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
    // A customer's order partly on its way, partly still to ship.
    const order = snapshot.orders.find(
      (o: any) =>
        o.customerId &&
        o.displayFulfillmentStatus === "PARTIALLY_FULFILLED" &&
        o.fulfillments.some((f: any) => f.displayStatus === "IN_TRANSIT"),
    );
    const item = order.lineItems[0].title.split(" ").slice(0, 2).join(" ").toLowerCase();
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))),
      customerId: order.customerId,
    });
    const reply = await say(`¿dónde está mi ${item}?`);
    expect(reply.intent).toBe("track_order");
    expect(reply.text).toContain(order.name);
  });
});

describe("a request said with 'I'd like to'", () => {
  it("is the request, not a question about where a return stands", () => {
    expect(
      stateQuestionIntent("return_item", "it hasn't even arrived yet but I'd like to return it, how long do I have?"),
    ).toBeNull();
    expect(stateQuestionIntent("return_item", "has my return arrived at your warehouse?")).toBe("refund_status");
  });
});
