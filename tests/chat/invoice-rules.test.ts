/**
 * An invoice request quotes the shop's own invoice rules (how to get one, what a company invoice
 * needs, until when), whatever the shop: nothing about invoices is written in the bot's copy.
 */
import { describe, expect, it } from "vitest";
import { loadDemoSnapshot, createDemoStore } from "../../demo/demo-store";
import { DEV_STORES } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const ASK: Record<string, (order: string) => string> = {
  en: (order) => `I need an invoice for my order ${order}.`,
  fr: (order) => `J'ai besoin d'une facture pour ma commande ${order}.`,
  es: (order) => `Necesito factura de mi pedido ${order}.`,
};

function ownerAndOrder(snapshot: any) {
  const order = snapshot.orders.find((o: any) => o.customerId && !o.cancelledAt);
  return { customerId: order.customerId as string, name: order.name as string };
}

/** The sentences of the shop's texts that mention invoices (the test's own reading of the snapshot). */
function invoiceSentences(snapshot: any): string[] {
  const texts = [
    ...snapshot.faqs.map((f: any) => f.answer),
    ...(snapshot.pages ?? []).map((p: any) => p.body),
    ...Object.values(snapshot.policies).map((p: any) => p.body),
  ];
  return texts
    .flatMap((text: string) => text.split(/(?<=[.!?])\s+|\n+/))
    .filter((sentence) => /\b(?:invoices?|facturas?|factures?)\b/i.test(sentence));
}

describe("invoice requests quote the shop's own invoice rules", () => {
  for (const [name, file] of Object.entries(DEV_STORES)) {
    const snapshot = loadDemoSnapshot(file) as any;
    const sentences = invoiceSentences(snapshot);
    if (sentences.length === 0) continue;
    it(`${name}: quotes one of its invoice sentences`, async () => {
      const { customerId, name: order } = ownerAndOrder(snapshot);
      const language = snapshot.shop.primaryLocale ?? "en";
      const say = await demoConversation({ customerId, store: createDemoStore(snapshot) });
      const out = await say((ASK[language] ?? ASK.en)(order));
      expect(out.intent).toBe("get_invoice");
      expect(sentences.some((sentence) => out.text.includes(sentence.trim()))).toBe(true);
    });
  }

  const northwind = loadDemoSnapshot(DEV_STORES.northwind) as any;
  const { customerId, name: order } = ownerAndOrder(northwind);

  it("a shop that writes nothing about invoices gets no quoted rule", async () => {
    expect(invoiceSentences(northwind)).toEqual([]);
    const say = await demoConversation({ customerId, store: createDemoStore(northwind) });
    const out = await say(ASK.en(order));
    expect(out.intent).toBe("get_invoice");
    expect(out.text).not.toMatch(/Our policy|“/);
  });

  it("a shop's invoice FAQ, whatever it says, is what the bot quotes", async () => {
    const rule = "For a business invoice, send us the order number and the company's registration number.";
    const faqs = JSON.stringify([
      ...northwind.faqs,
      { question: "Can I get an invoice?", answer: `Invoices come with the shipping email. ${rule}` },
    ]);
    const say = await demoConversation({ customerId, store: createDemoStore(northwind), overrides: { faqs } });
    const out = await say(ASK.en(order));
    expect(out.text).toContain(rule);
  });
});
