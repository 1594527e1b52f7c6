/**
 * After an invoice: its tax and its total come from the order's own amounts (added on top, or
 * already inside the prices, as the order's total says), and sending it to another address is
 * something only the team can do, said so with the shop's contact.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("follow-ups to an invoice", () => {
  it("gives the tax added to an order, then its total, from the order", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294059215558" });
    await say("I need a receipt for order 1057");
    const tax = await say("how much was the tax?");
    expect(tax.intent).toBe("get_invoice");
    expect(tax.text).toContain("tax $2.42");
    expect(tax.text).not.toMatch(/included in the prices/);
    const total = await say("what was the total?");
    expect(total.intent).toBe("get_invoice");
    expect(total.text).toContain("total $46.42");
  });

  it("says the tax was already in the prices when the total adds nothing on top", async () => {
    const say = await demoConversation({
      store: storeOf("maison-coquelicot"),
      customerId: "gid://shopify/Customer/8123400070411",
    });
    await say("Comment obtenir la facture de ma commande FR-3042 ?");
    const tax = await say("c'était combien la TVA ?");
    expect(tax.text).toMatch(/taxes 27,33\s€ \(déjà comprises dans les prix\)/);
  });

  it("says when the invoice comes with the shop's own sentence, and keeps 'until when?' for the deadline", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    await say("¿Cómo pido mi factura?");
    const until = await say("¿hasta cuándo la puedo pedir?");
    expect(until.text).toContain("mes calendario");
    const when = await say("¿en cuánto tiempo me llega?");
    expect(when.intent).toBe("get_invoice");
    expect(when.text).toContain("72 horas");
  });

  it("leaves another address to the team, with the shop's contact", async () => {
    const say = await demoConversation({
      store: storeOf("cafe-colibri"),
      customerId: "gid://shopify/Customer/8456700092489",
    });
    await say("Necesito factura de mi pedido MX5038-W");
    const elsewhere = await say("¿me la pueden mandar a otro correo?");
    expect(elsewhere.intent).toBe("get_invoice");
    expect(elsewhere.replyKind).toBe("no_answer");
    expect(elsewhere.text).toContain("hola@cafecolibri.mx");
  });

  it("doesn't take a product's price for an invoice amount", async () => {
    const say = await demoConversation({ customerId: "gid://shopify/Customer/7294059215558" });
    await say("I need a receipt for order 1057");
    const price = await say("how much is the Headlamp 400?");
    expect(price.intent).toBe("product_info");
  });
});
