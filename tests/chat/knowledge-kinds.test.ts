/**
 * Kinds of goods across languages (the catalog's retail and attribute lexicons) and function
 * words of one language only. Made-up shop texts only.
 */
import { describe, expect, it } from "vitest";
import { searchKnowledge, terms } from "../../app/chat/knowledge";

// A shop that writes its product notes in Spanish and French, and one English FAQ.
const shop = {
  policies: [],
  faqs: [{ question: "Do you gift wrap?", answer: "Every order ships in a plain box." }],
  pages: [
    {
      title: "Notas",
      handle: "notas",
      url: "https://shop.test/x",
      body:
        "La tetera eléctrica tiene control de temperatura de 40 a 100 °C.\n\n" +
        "Las housses de couette sont en lin lavé, certifiées par un laboratoire.\n\n" +
        "La tienda de campaña pesa 2 kg.\n\n" +
        "La tienda abre de 9 a 18 h.",
    },
  ],
};

describe("kinds of goods in another language", () => {
  it("finds a Spanish sentence about a 'tetera eléctrica' for a question about a kettle", () => {
    expect(searchKnowledge(shop, "Can I set the temperature on the kettle?")[0]?.passage.text).toMatch(/tetera/);
    expect(terms("kettle", "en")).toEqual(terms("tetera eléctrica", "es"));
  });

  it("reads a kind named in several words, in the plural too", () => {
    expect(terms("housses de couette", "fr")).toEqual(terms("housse de couette", "fr"));
    expect(terms("duvet cover", "en")).toEqual(["duvet", "cover"].map((w) => terms(w, "en")[0]));
    expect(terms("la tienda de campaña", "es")).toEqual(terms("tent", "en"));
  });

  it("leaves a form that more often means something else ('media': half, medium, not a stocking)", () => {
    expect(terms("molienda media", "es")).not.toContain(terms("sock", "en")[0]);
    expect(terms("molido medio", "es")).not.toContain(terms("sock", "en")[0]);
  });

  it("keeps the support vocabulary's own meaning of a word ('tienda' alone is a shop, not a tent)", () => {
    expect(terms("tienda", "es")).toEqual(terms("store", "en"));
  });
});

describe("function words of one language", () => {
  it("drops French 'comment' and 'chez', but keeps an English 'comment'", () => {
    expect(terms("Comment payer chez vous ?", "fr")).toEqual(terms("payer", "fr"));
    expect(terms("Can I leave a comment?", "en")).toContain(terms("comment", "en")[0]);
  });

  it("drops Spanish 'desde' and forms of 'poder' and 'usar'", () => {
    expect(terms("¿Pueda pedir desde Canadá?", "es")).toEqual(terms("pedir Canadá", "es"));
    expect(terms("¿Qué molienda uso?", "es")).toEqual(terms("molienda", "es"));
  });
});
