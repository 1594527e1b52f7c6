/**
 * A contact detail asked for (a phone number, an email address) is answered by a sentence that writes
 * one, not by one that only names the kind of detail (the data a privacy policy collects). The shopper's
 * own detail ("do you keep my phone number?") is answered by that sentence. Made-up shop texts.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer, tracedShopAnswer } from "../../app/chat/knowledge";

const privacy = {
  type: "PRIVACY_POLICY",
  title: "Privacy policy",
  url: "https://shop.test/policies/privacy-policy",
  body: "We collect the name, email address, phone number and delivery address you give us when you order.",
};
const withoutNumber = { policies: [privacy], faqs: [], pages: [] };
const withNumber = {
  policies: [privacy],
  faqs: [],
  pages: [
    {
      handle: "contact",
      title: "Contact",
      url: "https://shop.test/pages/contact",
      body: "Atelier: 3 calle Luna, Oaxaca. Teléfono: +52 951 123 4567. Correo: hola@shop.test.",
    },
  ],
};
const first = (shop: typeof withNumber, question: string) => shopAnswer(shop, question)[0]?.passage.text;

describe("a contact detail asked for", () => {
  it("gets no quote where no sentence writes one", () => {
    const { hits, gate } = tracedShopAnswer(withoutNumber, "is there a phone number I can call?");
    expect(hits).toEqual([]);
    expect(gate).toBe("no-contact-detail");
  });

  it("is answered by the sentence that writes it, in any language", () => {
    expect(first(withNumber, "what's your phone number?")).toMatch(/\+52 951/);
    expect(first(withNumber, "quel est votre numéro de téléphone ?")).toMatch(/\+52 951/);
  });

  it("the shopper's own detail is answered by the sentence naming the kind", () => {
    expect(first(withoutNumber, "do you collect my phone number?")).toMatch(/^We collect the name/);
  });

  it("is not asked by a question that only mentions one: an order's email, a number the checkout asks for", () => {
    const shop = {
      ...withNumber,
      faqs: [
        {
          question: "Can I change the email address on my order?",
          answer: "Yes: write to us before it ships and we update it.",
        },
      ],
    };
    expect(first(shop as never, "can I change the email address on an order?")).toMatch(/^Yes: write to us/);
    expect(tracedShopAnswer(withNumber, "is a phone number required at checkout?").gate).not.toBe("no-contact-detail");
    expect(first(withNumber, "is a phone number required at checkout?") ?? "").not.toMatch(/\+52 951/);
  });
});
