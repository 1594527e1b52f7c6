/**
 * Words that must stay apart or come together in the index, and how sure a long sentence's
 * answer is. Made-up shop texts only.
 */
import { describe, expect, it } from "vitest";
import { MIN_ANSWER_RELEVANCE, mentionedCountry, searchKnowledge, shopAnswer, terms } from "../../app/chat/knowledge";

describe("index terms", () => {
  it("keeps customs apart from customers, and origin apart from original", () => {
    expect(terms("customs", "en")).not.toEqual(terms("customer", "en"));
    expect(terms("Where does it come from?", "en")).not.toContain(terms("original", "en")[0]);
    expect(terms("What is the origin?", "en")).toEqual(terms("Where does it come from?", "en"));
  });

  it("reads a phrasal verb with its object in the middle ('send the boots back')", () => {
    expect(terms("Can I send the boots back?", "en")).toContain(terms("return", "en")[0]);
    expect(terms("send it back", "en")).toEqual(terms("return", "en"));
  });

  it("reads 'grown up' as an adult, not where a thing is grown, and 'swing by' as coming in person", () => {
    expect(terms("can a grown up stand inside?", "en")).toContain(terms("adults", "en")[0]);
    expect(terms("can a grown up stand inside?", "en")).not.toContain(terms("origin", "en")[0]);
    expect(terms("where are the beans grown?", "en")).toContain(terms("origin", "en")[0]);
    expect(terms("could I swing by and grab my order?", "en")).toEqual(terms("in-person pickup order", "en"));
    expect(terms("can I grab a discount code?", "en")).not.toContain(terms("pickup", "en")[0]);
  });

  it("reads someone collecting for the shopper as one concept, in every language", () => {
    const proxy = terms("someone else", "en");
    expect(terms("Can my partner collect the order?", "en")).toEqual(expect.arrayContaining(proxy));
    expect(terms("otra persona puede recogerlo", "es")).toEqual(expect.arrayContaining(proxy));
    expect(terms("un proche peut la retirer à votre place", "fr")).toEqual(expect.arrayContaining(proxy));
    // Not the adjective: "des couleurs proches" are close colours.
    expect(terms("avec des couleurs proches", "fr")).not.toEqual(expect.arrayContaining(proxy));
  });

  it("reads water resistance asked with the verb as waterproof, in every language", () => {
    const waterproof = terms("waterproof", "en");
    expect(terms("does it resist water?", "en")).toEqual(waterproof);
    expect(terms("¿aguanta el agua?", "es")).toEqual(waterproof);
    expect(terms("La lampe résiste-t-elle à l'eau ?", "fr")).toEqual(expect.arrayContaining(waterproof));
  });

  it("reads an abbreviated street as the street", () => {
    expect(terms("1420 NW Lovejoy St", "en")).toEqual(expect.arrayContaining(terms("street", "en")));
    expect(terms("12 rue des Lilas", "fr")).toEqual(expect.arrayContaining(terms("street", "en")));
  });

  it("reads 'info' as the information it is short for, in every language", () => {
    expect(terms("do you sell my info?", "en")).toEqual(terms("sell your information", "en"));
    expect(terms("vous gardez mes infos ?", "fr")).toContain(terms("information", "en")[0]);
  });

  it("reads what was forgotten, not the forgetting, as what is asked, in every language", () => {
    expect(terms("I forgot my password", "en")).toEqual(terms("password", "en"));
    expect(terms("J'ai oublié mon mot de passe", "fr")).toEqual(terms("mot de passe", "fr"));
    expect(terms("Olvidé mi contraseña", "es")).toEqual(terms("contraseña", "es"));
  });

  it("reads the fillers of a typed message as saying nothing, in every language", () => {
    expect(terms("ugh, there's no password link anywhere", "en")).toEqual(terms("no password link", "en"));
    expect(terms("I live in the US, can I order?", "en")).toEqual(terms("US order", "en"));
    expect(terms("Je voudrais l'échanger contre une taille au-dessus", "fr")).toEqual(
      terms("l'échanger une taille au-dessus", "fr"),
    );
    expect(terms("todavía no me llega nada", "es")).toEqual(terms("no me llega", "es"));
  });

  it("reads an irregular English past form as its verb ('wore' as 'wear', 'kept' as 'keep', 'sent back' as a return)", () => {
    expect(terms("I wore them once", "en")).toEqual(terms("I wear them once", "en"));
    expect(terms("chats are kept", "en")).toEqual(terms("chats we keep", "en"));
    expect(terms("I sent it back", "en")).toEqual(terms("return", "en"));
  });

  it("reads not being charged as being free, in every language", () => {
    const free = terms("free", "en")[0];
    expect(terms("¿desde cuánto no me cobran el envío?", "es")).toContain(free);
    expect(terms("livraison sans frais ?", "fr")).toContain(free);
    expect(terms("is delivery free of charge?", "en")).toContain(free);
  });

  it("reads 'tomorrow' and 'before the weekend' as asking how fast, and 'le lendemain' as the next day", () => {
    const texts = {
      policies: [
        {
          type: "SHIPPING_POLICY",
          title: "Livraison",
          url: "https://shop.test/policies/shipping-policy",
          body: "Colissimo : 3 à 5 jours ouvrés, 6 €. Express : livraison le lendemain de l'expédition, 14 €. Les colis sont emballés à la main.",
        },
      ],
      faqs: [],
      pages: [],
    };
    expect(shopAnswer(texts, "c'est pour demain, vous pouvez livrer ?")[0]?.passage.text).toContain("Express");
    expect(searchKnowledge(texts, "can you deliver before the weekend?")[0]?.passage.text).toContain("Express");
  });

  it("reads a superlative as the adjective the vocabulary knows ('cheapest' as 'cheap', 'quickest' as express)", () => {
    expect(terms("cheapest shipping", "en")).toEqual(terms("cheap shipping", "en"));
    expect(terms("your quickest delivery", "en")).toEqual(terms("express delivery", "en"));
    // Not a superlative, or an adjective nobody widens: the word itself.
    expect(terms("a request", "en")).toEqual(["request"]);
  });

  it("answers 'how much' with a price and reads a currency the shop writes as a symbol as a detail", () => {
    const texts = {
      policies: [
        {
          type: "SHIPPING_POLICY",
          title: "Shipping policy",
          url: "https://shop.test/policies/shipping-policy",
          body: "Standard delivery is free on orders of $80 or more and $7.50 below that. Parcels are packed by hand.",
        },
      ],
      faqs: [],
      pages: [],
    };
    const [top] = shopAnswer(texts, "How much is delivery on an order of about 50 dollars?");
    expect(top?.passage.text).toContain("$7.50");
    expect(top?.unknown).toEqual([]);
  });

  it("reads 'pagué' (I paid) as paying, as the shop's 'los pagos en efectivo' is", () => {
    expect(terms("Pagué en efectivo", "es")).toEqual(terms("los pagos en efectivo", "es"));
  });

  it("reads 'livrée avec' (agreeing with a feminine noun) as 'comes with', like 'livré avec'", () => {
    const included = terms("Does it come with a case?", "en").filter((t) => !terms("case", "en").includes(t));
    expect(terms("La housse est-elle livrée avec le coussin ?", "fr")).toEqual(expect.arrayContaining(included));
    expect(terms("¿Vienen con estuche?", "es")).toEqual(expect.arrayContaining(included));
  });

  it("knows the common forms of expiry, cracked and spreading a payment in each language", () => {
    expect(terms("fecha de vencimiento", "es")).toContain(terms("expire", "en")[0]);
    expect(terms("mon mug est arrivé fêlé", "fr")).toContain(terms("broken", "en")[0]);
    expect(terms("the carafe came shattered", "en")).toContain(terms("broken", "en")[0]);
    expect(terms("Peut-on étaler le paiement ?", "fr")).toContain(terms("installments", "en")[0]);
  });

  it("reads a thing that stopped working as a fault, in every language", () => {
    const defective = terms("defective", "en")[0];
    expect(terms("the lamp stopped working after a month", "en")).toContain(defective);
    expect(terms("la lámpara ya no funciona", "es")).toContain(defective);
    expect(terms("la radio dejó de funcionar", "es")).toContain(defective);
    expect(terms("la lampe ne marche plus", "fr")).toContain(defective);
    expect(terms("ma bouilloire est en panne", "fr")).toContain(defective);
    // Working hours and "how does it work?" stay what they were.
    expect(terms("does it work with a phone?", "en")).not.toContain(defective);
  });

  it("quotes the sentence about faults for a thing that stopped working, not one that shares the product's word", () => {
    const shop = {
      policies: [
        {
          type: "REFUND_POLICY",
          title: "Returns",
          url: "https://shop.test/policies/refund-policy",
          body: "Lamps are shipped in a padded box. Lamp shades are sold separately. Faulty items are repaired or replaced for 2 years.",
        },
      ],
      faqs: [],
    };
    expect(shopAnswer(shop, "my lamp stopped working, what can you do?")[0]?.passage.text).toBe(
      "Faulty items are repaired or replaced for 2 years.",
    );
  });

  it("drops the French elisions the tokenizer leaves as words ('jusqu'à', 'qu'il')", () => {
    expect(terms("Jusqu'à quand est-elle valable ?", "fr")).toEqual(terms("quand est-elle valable ?", "fr"));
    expect(terms("Est-ce qu'il est lavable ?", "fr")).toEqual(terms("Est-il lavable ?", "fr"));
  });

  it("reads 'how does it work?' apart from 'working days'", () => {
    expect(terms("How does it work?", "en")).not.toEqual(terms("working", "en"));
    expect(terms("¿Cómo funciona?", "es")).toEqual(terms("How does it work?", "en"));
  });
});

describe("places", () => {
  it("takes 'la montaña' for a mountain, and 'Montana' for the state", () => {
    expect(mentionedCountry("¿Puedo devolver botas que usé en la montaña?")).toBeNull();
    expect(mentionedCountry("I live in Montana")?.code).toBe("US");
  });
});

describe("a long sentence that says every word of the question", () => {
  const shop = {
    policies: [
      {
        type: "REFUND_POLICY",
        title: "Refunds",
        url: "https://shop.test/x",
        body:
          "Not returnable: perishable goods, anything opened or with a broken seal, personalised items and " +
          "digital products such as online courses and e-books once access has been sent.\n\n" +
          "Courses start on the first Monday of each month.\n\nOnline orders ship in two days.\n\nRefunds take five days.",
      },
    ],
    faqs: [],
  };

  it("is nearly a whole answer, though shorter sentences match each word more strongly", () => {
    const [top] = searchKnowledge(shop, "Can I get a refund for an online course?");
    expect(top?.passage.text).toMatch(/^Perishable goods/);
    expect(top?.relevance).toBeGreaterThan(0.8);
  });
});

describe("an FAQ's answer", () => {
  const shop = {
    policies: [],
    faqs: [
      {
        question: "How does paying by bank transfer work?",
        answer:
          "Pay by transfer to the bank details we email you after checkout, from any bank in the country, within three days of your order. " +
          "Your order waits as pending payment until the transfer arrives. " +
          "Transfers for online courses unlock the course once the payment arrives.",
      },
    ],
  };

  it("leads with its first sentence when a later one is only as good", () => {
    expect(shopAnswer(shop, "How does paying by transfer work?")[0]?.passage.order).toBe(0);
  });

  it("leads with a later sentence that says clearly more of the question", () => {
    expect(shopAnswer(shop, "When does a transfer for an online course unlock it?")[0]?.passage.text).toMatch(
      /^Transfers for online courses/,
    );
  });
});

describe("a place the shopper names", () => {
  const shop = {
    policies: [
      {
        type: "SHIPPING_POLICY",
        title: "Shipping",
        url: "https://shop.test/policies/shipping-policy",
        body: "We ship to the United States and Canada only.\n\nOrders are packed within 2 business days.",
      },
    ],
    faqs: [{ question: "What are your jackets made of?", answer: "Recycled polyester with a waterproof membrane." }],
  };

  it("counts once, however many words its name has", () => {
    expect(shopAnswer(shop, "Do you ship to the USA?")[0]?.passage.text).toMatch(/^We ship to the United States/);
    // "Made in the USA?" is not answered by where the shop ships: "United States" is one word of the question, not two.
    const shipping = searchKnowledge(shop, "Are your jackets made in the USA?").find((h) =>
      h.passage.text.startsWith("We ship to"),
    );
    expect(shipping?.relevance).toBeLessThan(MIN_ANSWER_RELEVANCE);
  });
});
