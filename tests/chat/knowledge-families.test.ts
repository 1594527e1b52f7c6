/**
 * Retrieval families (issue #13, retr15): made-up shop texts, so no dev store's wording is assumed.
 */
import { describe, expect, it } from "vitest";
import { searchKnowledge, shopAnswer, terms } from "../../app/chat/knowledge";
import { withoutShopName } from "../../app/chat/knowledge/passages";

const first = (shop: Parameters<typeof shopAnswer>[0], question: string) => shopAnswer(shop, question)[0]?.passage.text;

describe("a shopper who asks what to do", () => {
  const shop = {
    policies: [
      {
        type: "REFUND_POLICY",
        title: "Refund policy",
        url: "https://shop.test/policies/refund-policy",
        body:
          "Return postage: it is yours to pay. If an item is faulty or broken on arrival, we send you a prepaid label. " +
          "You can return unused items within 30 days of delivery.\n\n" +
          "Damaged items: tell us within 3 days of delivery, with a photo of the parcel.",
      },
    ],
    faqs: [],
  };

  it("gets the shop's instruction, not the sentence restating their situation", () => {
    expect(first(shop, "The item arrived broken, what do I do?")).toMatch(/^tell us within 3 days/i);
  });

  it("asking something else, gets the sentence that says it", () => {
    expect(first(shop, "Do you send a prepaid label if it arrived broken?")).toBe(
      "If an item is faulty or broken on arrival, we send you a prepaid label.",
    );
  });
});

describe("paying in instalments", () => {
  it("'interest-free' is the Spanish 'meses sin intereses'", () => {
    const [instalments] = terms("meses sin intereses", "es");
    expect(terms("do you have interest-free payments?", "en")).toContain(instalments);
  });
});

describe("expiry", () => {
  it("is any form of 'válido' / 'valide' ('válida por 72 horas')", () => {
    const [expire] = terms("expire", "en");
    expect(terms("válida por 72 horas", "es")).toContain(expire);
    expect(terms("valide 1 an", "fr")).toContain(expire);
  });
});

describe("a refund that shows up", () => {
  it("appears on the statement, in every language", () => {
    const [appear] = terms("appear", "en");
    expect(terms("when will it show up on my card?", "en")).toContain(appear);
    expect(terms("¿cuándo se refleja en mi tarjeta?", "es")).toContain(appear);
    expect(terms("quand apparaît-il sur mon compte ?", "fr")).toContain(appear);
  });
});

describe("which days of the week", () => {
  const shop = {
    policies: [
      {
        type: "SHIPPING_POLICY",
        title: "Shipping policy",
        url: "https://shop.test/policies/shipping-policy",
        body:
          "Orders ship within 2 business days of payment. We bake on Mondays and Thursdays. " +
          "Bread is best eaten within 3 days of baking. Opened jars keep for 10 days. " +
          "Our bakery is open Tuesday to Saturday.",
      },
    ],
    faqs: [],
  };

  it("are answered by the sentence that names them, not by one that counts days", () => {
    expect(first(shop, "what days of the week do you bake?")).toBe("We bake on Mondays and Thursdays.");
    expect(first(shop, "¿qué días abren?")).toBe("Our bakery is open Tuesday to Saturday.");
    expect(first(shop, "quels jours ouvrez-vous ?")).toBe("Our bakery is open Tuesday to Saturday.");
  });
});

describe("the time allowed", () => {
  it("is the return window, 'el plazo' and 'le délai' alike", () => {
    const [deadline] = terms("window", "en");
    expect(terms("el plazo para devolver", "es")).toContain(deadline);
    expect(terms("le délai de rétractation", "fr")).toContain(deadline);
    expect(terms("when does the return period start?", "en")).toContain(deadline);
  });
});

describe("something that never came", () => {
  it("'never got' / 'didn't get' is 'didn't arrive' ('no me llegó'), while 'get' alone says nothing", () => {
    const [arrive] = terms("arrive", "en");
    expect(terms("I never got the email", "en")).toContain(arrive);
    expect(terms("I didn't get my parcel", "en")).toContain(arrive);
    expect(terms("no me llegó el correo", "es")).toContain(arrive);
    expect(terms("how do I get a refund?", "en")).not.toContain(arrive);
  });
});

describe("a place the shop names in its own language", () => {
  const shop = {
    policies: [
      {
        type: "SHIPPING_POLICY",
        title: "Política de envíos",
        url: "https://shop.test/policies/shipping-policy",
        body:
          "Los pedidos salen en 2 días hábiles. Estados Unidos: enviamos con FedEx en 5 a 8 días hábiles. " +
          "No enviamos a otros países.",
      },
    ],
    faqs: [],
  };

  it("is met by the shopper's place, not read as a country the shop never names", () => {
    expect(first(shop, "¿envían a Texas?")).toMatch(/FedEx/);
    expect(first(shop, "do you ship to the US?")).toMatch(/FedEx/);
  });
});

describe("where an appliance plugs in", () => {
  it("is the outlet, 'el enchufe' and 'la prise électrique' alike", () => {
    const [plug] = terms("plug", "en");
    expect(terms("will it work with US outlets?", "en")).toContain(plug);
    expect(terms("enchufe mexicano y estadounidense", "es")).toContain(plug);
    expect(terms("adapté à une prise électrique européenne", "fr")).toContain(plug);
    expect(terms("frais de retour pris en charge", "fr")).not.toContain(plug);
  });
});

describe("the shop's own name", () => {
  const shop = {
    name: "Café Luna",
    policies: [],
    faqs: [
      {
        question: "¿Venden tarjetas de regalo?",
        answer: "Sí. Las tarjetas de regalo Café Luna no caducan. El café molido está en su mejor momento 2 semanas.",
      },
    ],
  };

  it("names the shop, not what it sells: the gift card sentence says nothing of coffee", () => {
    expect(withoutShopName("Las tarjetas de regalo Café Luna no caducan.", "Café Luna")).not.toMatch(/caf/i);
    expect(withoutShopName("do cafe luna gift cards expire?", "Café Luna")).not.toMatch(/cafe/i);
    const [coffee] = terms("coffee", "en");
    const giftCard = searchKnowledge(shop, "is the coffee still good?").find((h) => /tarjetas/.test(h.passage.text));
    expect(giftCard?.covered ?? []).not.toContain(coffee);
  });

  it("'good', 'mejor', 'bon' are one word: 'is the coffee still good?' meets 'en su mejor momento'", () => {
    expect(first(shop, "le café reste-t-il bon ?")).toMatch(/mejor momento/);
  });
});

describe("what a shopper needs", () => {
  const shop = {
    policies: [
      {
        type: "TERMS_OF_SERVICE",
        title: "Terms",
        url: "https://shop.test/policies/terms-of-service",
        body:
          "Workshops are held online every month. For the workshop you need a laptop with a camera. " +
          "The workshop is live. Workshop recordings stay online.",
      },
    ],
    faqs: [],
  };

  it("is answered by the sentence saying what is needed", () => {
    expect(first(shop, "what do I need for the workshop?")).toMatch(/you need a laptop/);
  });
});
