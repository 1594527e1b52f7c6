/**
 * A return-policy overview in Spanish or French finds each aspect (how long, in what state, what
 * can't come back, who pays the postage back) in a shop's own words, whoever wrote them: the shop
 * here is made up, its policy worded unlike any dev store's, in the shopper's language and in English.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const SPANISH = `Cambios y reembolsos

Dispones de 21 días desde que recibes el paquete para pedir el reembolso de un artículo.

Estado de los artículos: deben volver sin estrenar, con las etiquetas puestas y en la caja en que llegaron.

Excepciones: la ropa interior, los artículos rebajados y los encargos a medida no admiten reembolso ni cambio.

Gastos de envío de la devolución: corren por cuenta del cliente, salvo que el artículo llegue defectuoso.

Abonamos el importe al medio de pago original en un máximo de 5 días hábiles.`;

const FRENCH = `Retours et remboursements

Vous disposez de 21 jours après réception du colis pour demander un remboursement.

État des articles : ils doivent revenir non portés, avec leurs étiquettes, dans leur boîte d'origine.

Exceptions : la lingerie, les articles soldés et les commandes sur mesure ne sont pas remboursables.

Frais de retour : ils restent à la charge du client, sauf article défectueux.

Nous créditons le moyen de paiement d'origine sous 5 jours ouvrés.`;

const ENGLISH = `English version

You have 21 days from receiving the parcel to ask for a refund. Items must come back unworn, with tags attached, in the box they came in. Underwear, sale items and made-to-measure orders can't be refunded or exchanged. Return postage is paid by the customer unless the item arrived faulty. Refunds go to the original payment method within 5 business days.`;

let shops = 0;
function shopWithReturns(body: string) {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH);
  // Its own domain: a shop's data is cached by domain.
  snapshot.shop.myshopifyDomain = `made-up-returns-${++shops}.myshopify.com`;
  snapshot.policies.refundPolicy!.body = body;
  return createDemoStore(snapshot);
}

describe("a return-policy overview in the shopper's language, on a shop worded its own way", () => {
  it("quotes each aspect from the Spanish version", async () => {
    const say = await demoConversation({ store: shopWithReturns(`${SPANISH}\n\n${ENGLISH}`) });
    const policy = await say("¿Cuál es su política de devoluciones?");
    expect(policy.intent).toBe("return_policy");
    expect(policy.text).toContain("Dispones de 21 días");
    expect(policy.text).toContain("sin estrenar, con las etiquetas puestas");
    expect(policy.text).toContain("no admiten reembolso ni cambio");
    expect(policy.text).toContain("corren por cuenta del cliente");
    expect(policy.text).not.toMatch(/unworn|paid by the customer/);
  });

  it("quotes each aspect from the French version", async () => {
    const say = await demoConversation({ store: shopWithReturns(`${FRENCH}\n\n${ENGLISH}`) });
    const policy = await say("Quelle est votre politique de retour ?");
    expect(policy.intent).toBe("return_policy");
    expect(policy.text).toContain("Vous disposez de 21 jours");
    expect(policy.text).toContain("non portés, avec leurs étiquettes");
    expect(policy.text).toContain("ne sont pas remboursables");
    expect(policy.text).toContain("restent à la charge du client");
    expect(policy.text).not.toMatch(/unworn|paid by the customer/);
  });
});
