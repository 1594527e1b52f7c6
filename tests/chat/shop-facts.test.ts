import { describe, expect, it } from "vitest";
import { shopFacts } from "../../app/chat/shop/facts";
import { findDurations } from "../../app/chat/shop/durations";
import { formatDuration } from "../../app/chat/format";
import { normalize } from "../../app/chat/preprocess";
import type { ShopPolicy } from "../../app/commerce/types";

const policy = (type: string, body: string): ShopPolicy => ({ type, title: type, body, url: "" });

describe("durations as shops write them", () => {
  it.each([
    ["Refunds take 5–10 business days", { min: 5, max: 10, unit: "business_days" }],
    ["within 1 working day", { min: 1, max: 1, unit: "business_days" }],
    ["expédiée sous 48 h", { min: 48, max: 48, unit: "hours" }],
    ["de 3 a 5 días hábiles", { min: 3, max: 5, unit: "business_days" }],
    ["3 à 5 jours ouvrés", { min: 3, max: 5, unit: "business_days" }],
    ["you have thirty days", { min: 30, max: 30, unit: "days" }],
    ["dentro de los quince días", { min: 15, max: 15, unit: "days" }],
    ["two weeks", { min: 2, max: 2, unit: "weeks" }],
  ])("%s", (text, expected) => {
    expect(findDurations(normalize(text))[0]).toMatchObject(expected);
  });

  it("writes them back in the shopper's language", () => {
    expect(formatDuration({ min: 5, max: 10, unit: "business_days" }, "en")).toBe("5–10 business days");
    expect(formatDuration({ min: 1, max: 1, unit: "business_days" }, "fr")).toBe("1 jour ouvré");
    expect(formatDuration({ min: 2, max: 3, unit: "days" }, "es")).toMatch(/^2.3 días$/);
  });
});

describe("shop facts read from the shop's own texts", () => {
  const homeware = {
    policies: [
      policy(
        "REFUND_POLICY",
        "Vous disposez de 14 jours à compter de la date de commande pour nous retourner un article. " +
          "Les frais de retour sont à la charge du client, sauf article défectueux. " +
          "Dès réception de votre retour, nous vérifions l'article et vous remboursons sous 5 jours ouvrés. " +
          "Le remboursement apparaît sur votre relevé bancaire sous 3 à 7 jours ouvrés. " +
          "Les bougies entamées sont en vente finale et ne sont ni reprises ni échangées.",
      ),
      policy(
        "SHIPPING_POLICY",
        "Les commandes sont préparées et expédiées sous 48 h. Livraison Colissimo en 2 à 3 jours ouvrés après expédition.",
      ),
    ],
    faqs: [{ question: "Quand répondez-vous ?", answer: "Notre équipe répond aux messages sous 2 jours ouvrés." }],
  };

  it("reads a window counted from the order, in French", () => {
    const facts = shopFacts(homeware);
    expect(facts.returnWindow?.value).toEqual({ days: 14, from: "order" });
    expect(facts.returnWindow?.source.sentence).toContain("14 jours");
  });

  it("tells the bank's refund delay from the shop's processing, and dispatch from transit", () => {
    const facts = shopFacts(homeware);
    expect(facts.refundTiming?.value).toEqual({ min: 3, max: 7, unit: "business_days" });
    expect(facts.handlingTime?.value).toEqual({ min: 48, max: 48, unit: "hours" });
    expect(facts.replyTime?.value).toEqual({ min: 2, max: 2, unit: "business_days" });
  });

  it("reads the bank's delay, not the inspection time, from one sentence that gives both", () => {
    const facts = shopFacts({
      policies: [
        policy(
          "REFUND_POLICY",
          "We inspect your return within 2 business days of receiving it and refund you within 10 days; your bank then takes 4–6 business days to show the credit.",
        ),
      ],
      faqs: [],
    });
    expect(facts.refundTiming?.value).toEqual({ min: 4, max: 6, unit: "business_days" });
    const french = shopFacts({
      policies: [
        policy(
          "REFUND_POLICY",
          "Nous contrôlons votre retour sous 2 jours ouvrés puis vous remboursons ; votre banque met ensuite 4 à 6 jours ouvrés à afficher le crédit.",
        ),
      ],
      faqs: [],
    });
    expect(french.refundTiming?.value).toEqual({ min: 4, max: 6, unit: "business_days" });
  });

  it("keeps the sentences to quote for what happens on receipt and for final-sale items", () => {
    const facts = shopFacts(homeware);
    expect(facts.returnReceipt?.value).toMatch(/^Dès réception/);
    expect(facts.finalSale?.value).toMatch(/vente finale/);
  });

  it("reads a Spanish policy counted from delivery", () => {
    const facts = shopFacts({
      policies: [
        policy(
          "REFUND_POLICY",
          "Aceptamos devoluciones dentro de los 10 días siguientes a la entrega. Los productos abiertos no admiten devolución.",
        ),
      ],
      faqs: [],
    });
    expect(facts.returnWindow?.value).toEqual({ days: 10, from: "delivery" });
  });

  it("leaves out what the shop never wrote instead of assuming it", () => {
    const facts = shopFacts({ policies: [policy("REFUND_POLICY", "Contact us about returns.")], faqs: [] });
    expect(facts.returnWindow).toBeNull();
    expect(facts.refundTiming).toBeNull();
    expect(facts.handlingTime).toBeNull();
    expect(facts.replyTime).toBeNull();
    expect(facts.finalSale).toBeNull();
  });

  it("doesn't take a warranty or price-adjustment period for the return window", () => {
    const facts = shopFacts({
      policies: [
        policy(
          "REFUND_POLICY",
          "Defects are covered by our 2-year warranty. If an item is returned within 7 days of a price drop we refund the difference. Returns are accepted within 60 days of delivery.",
        ),
      ],
      faqs: [],
    });
    expect(facts.returnWindow?.value).toEqual({ days: 60, from: "delivery" });
  });

  it("applies the merchant's corrections over what was read, and a cleared fact stays unknown", () => {
    const facts = shopFacts(homeware, { returnWindow: { days: 21, from: "delivery" }, refundTiming: null });
    expect(facts.returnWindow).toEqual({
      value: { days: 21, from: "delivery" },
      source: { kind: "merchant", where: "Settings", sentence: null },
    });
    expect(facts.refundTiming).toBeNull();
    expect(facts.handlingTime?.value.unit).toBe("hours");
  });
});
