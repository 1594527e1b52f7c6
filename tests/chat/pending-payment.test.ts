/**
 * A payment that hasn't gone through yet is a payment question, however it reads (a parcel that
 * hasn't left, a refund): its answer gives the order's payment state and the merchant's note marked
 * for the shopper (the transfer's or cash reference's deadline), in the shopper's language.
 */
import { describe, expect, it } from "vitest";
import { pendingPaymentIntent } from "../../app/chat/intent/pending-payment";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("a payment not through yet", () => {
  it("is read as a payment problem in en/es/fr, whatever the first reading", () => {
    expect(pendingPaymentIntent("track_order", "my bank transfer is still pending, when will you ship?")).toBe(
      "payment_issue",
    );
    expect(pendingPaymentIntent("track_order", "Todavía no pago en OXXO mi pedido, ¿hasta cuándo tengo?")).toBe(
      "payment_issue",
    );
    expect(
      pendingPaymentIntent("refund_status", "J'ai choisi le virement et ma commande est toujours en attente"),
    ).toBe("payment_issue");
  });

  it("stays a payment problem when the order is said to be pending because of how it was paid", async () => {
    // "it still says payment pending" names the order's state, but what waits is the payment.
    const nw = await demoConversation({
      store: storeOf("northwind"),
      customerId: "gid://shopify/Customer/7294060896040",
    });
    expect((await nw("I paid with PayPal for my last order but it still says payment pending, why?")).intent).toBe(
      "payment_issue",
    );
    const mx = await demoConversation({
      store: storeOf("cafe-colibri"),
      customerId: "gid://shopify/Customer/8456700045228",
    });
    expect((await mx("Pagué en OXXO mi pedido y sigue pendiente, ¿qué pasa?")).intent).toBe("payment_issue");
    // The way of paying and its waiting a few words apart in one clause.
    expect(
      pendingPaymentIntent(
        "refund_status",
        "J'ai payé par virement ma dernière commande mais elle est toujours en attente, c'est normal ?",
      ),
    ).toBe("payment_issue");
  });

  it("counts a payment only held (authorized, not captured) as not through yet", () => {
    expect(pendingPaymentIntent("track_order", "ma commande est autorisée mais pas encaissée ?")).toBe("payment_issue");
    expect(pendingPaymentIntent("track_order", "why does my order say authorized?")).toBe("payment_issue");
  });

  it("leaves refunds, tracking after payment and requests for an action alone", () => {
    expect(pendingPaymentIntent("refund_status", "my refund is still pending on my card payment")).toBeNull();
    expect(pendingPaymentIntent("track_order", "I paid last week, where is my parcel?")).toBeNull();
    expect(pendingPaymentIntent("cancel_order", "cancel my order, the transfer is still pending")).toBeNull();
  });

  it("answers with the order's state and the note's deadline instead of 'I don't know'", async () => {
    const say = await demoConversation({
      store: storeOf("maison-coquelicot"),
      customerId: "gid://shopify/Customer/8123400065090",
    });
    const reply = await say("J'ai choisi le virement et ma commande est toujours en attente");
    expect(reply.intent).toBe("payment_issue");
    expect(reply.text).toContain("25/11");
    expect(reply.text).not.toMatch(/je préfère ne pas deviner/);
  });

  it("gives the cash reference's expiry from the order's note", async () => {
    const say = await demoConversation({
      store: storeOf("cafe-colibri"),
      customerId: "gid://shopify/Customer/8456700045228",
    });
    const reply = await say("Todavía no pago en OXXO mi pedido, ¿hasta cuándo tengo?");
    expect(reply.intent).toBe("payment_issue");
    expect(reply.text).toContain("21/11");
  });

  it("reads a short Spanish message as Spanish and answers the shop's double-charge rule", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    const reply = await say("Me cobraron dos veces");
    expect(reply.text).toContain("3 a 7 días hábiles");
  });
});
