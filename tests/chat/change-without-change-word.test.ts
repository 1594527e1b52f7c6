/**
 * A change to an order asked without "change": "make it two", "drop the headlamp from it", "I only want the
 * poles now, not the headlamp", in en/fr/es. The model hears a product, a complaint or a cancellation; the
 * edit asked makes it a change of the order (whether it can still be made, the order decides).
 */
import { describe, expect, it } from "vitest";
import { orderQuestionIntent } from "../../app/chat/intent/order-questions";

const read = (intent: Parameters<typeof orderQuestionIntent>[0], text: string) =>
  orderQuestionIntent(intent, text, {}, true);

describe("another quantity: make it two", () => {
  it("is a change", () => {
    expect(read("complaint", "make it two headlamps")).toBe("change_order");
    expect(read("product_info", "can you make it 3 bottles on my order?")).toBe("change_order");
    expect(read("product_info", "mettez-en deux au lieu d'un sur ma commande")).toBe("change_order");
    expect(read("product_info", "que sean dos bolsas en mi pedido")).toBe("change_order");
  });

  it("leaves an outright grievance alone", () => {
    expect(read("complaint", "make it two weeks late again, what a joke")).toBeNull();
  });
});

describe("an item dropped from it", () => {
  it("is a change", () => {
    expect(read("product_info", "drop the headlamp from it please")).toBe("change_order");
    expect(read("product_info", "can you take the beanie off it?")).toBe("change_order");
  });

  it("leaves a product question alone", () => {
    expect(read("product_info", "how do I take the batteries out of it?")).toBeNull();
  });
});

describe("only part of it wanted now", () => {
  it("is a change", () => {
    expect(read("complaint", "I only want the poles now, not the headlamp")).toBe("change_order");
    expect(read("cancel_order", "je veux seulement le plaid maintenant, pas les bougies")).toBe("change_order");
    expect(read("cancel_order", "ya solo quiero el café, no la taza")).toBe("change_order");
  });

  it("leaves the whole order cancelled alone", () => {
    expect(read("cancel_order", "I don't want any of it now, cancel the whole order")).toBeNull();
  });
});

describe("an item left out of an order not shipped", () => {
  it("is a change", () => {
    expect(read("complaint", "not shipped yet right? then leave out the headlamp")).toBe("change_order");
  });
});

describe("one item cancelled, the rest kept", () => {
  it("is a change, in en/fr/es", () => {
    expect(read("cancel_order", "cancel the headlamp only, I still want the poles")).toBe("change_order");
    expect(read("product_info", "forget the headlamp, just the poles please")).toBe("change_order");
    expect(read("cancel_order", "Hi, can you cancel half my order? Just the headlamp.")).toBe("change_order");
    expect(read("product_info", "don't ship the headlamp, the poles are fine")).toBe("change_order");
    expect(read("complaint", "annulez juste les mugs, je garde les assiettes et les bols")).toBe("change_order");
    expect(read("cancel_order", "cancelen la mitad de mi pedido, solo los filtros")).toBe("change_order");
  });

  it("leaves the whole order cancelled alone", () => {
    expect(read("cancel_order", "cancel my order, I still want a refund")).toBeNull();
    expect(read("cancel_order", "please cancel the whole order")).toBeNull();
  });
});
