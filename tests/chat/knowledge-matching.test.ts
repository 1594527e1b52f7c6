/**
 * How a question meets the shop's sentences: stop words through the vocabulary, numbers inside
 * ranges, measures written as symbols, a product's name that picks the product but not the
 * sentence, a clause before a colon, the question's subject. Made-up shop texts only.
 */
import { describe, expect, it } from "vitest";
import { madeUpProduct as product } from "../helpers/made-up-product";
import { bestPassages, shopAnswer, terms } from "../../app/chat/knowledge";
import { buildCatalog, extractEntities } from "../../app/chat/entities";
import { preprocess } from "../../app/chat/preprocess";

const shop = {
  policies: [
    {
      type: "SHIPPING_POLICY",
      title: "Shipping policy",
      url: "https://shop.test/policies/shipping-policy",
      body: "We ship to Chile and Peru.\n\nWe don't ship anywhere else: not to Switzerland, Brazil or Japan.",
    },
    {
      type: "REFUND_POLICY",
      title: "Refund policy",
      url: "https://shop.test/policies/refund-policy",
      body: "Online courses can't be returned once the access link is sent. Other items can be returned within 20 days.",
    },
  ],
  faqs: [
    {
      question: "How do I open my online course?",
      answer: "The course link arrives by email; you keep access for a year.",
    },
  ],
  pages: [
    {
      title: "Size guide",
      handle: "size-guide",
      url: "https://shop.test/pages/size-guide",
      body: "Measure your chest at its widest point to choose a size. Chest measurements: S 35–37 in, M 38–40 in, L 41–43 in.",
    },
  ],
};

describe("matching a question to the shop's sentences", () => {
  it("drops a word whose English pivot is a stop word: '¿Cuál es su política de devoluciones?' asks only about returns", () => {
    expect(terms("¿Cuál es su política de devoluciones?", "es")).toEqual(terms("What is your return policy?", "en"));
    expect(terms("Quelle est votre politique de retour ?", "fr")).toEqual(terms("What is your return policy?", "en"));
  });

  it("finds a number inside a range the shop wrote, and reads 'in' after a number as inches", () => {
    const [top] = shopAnswer(shop, "My chest is 39 inches, which size should I get?");
    expect(top?.passage.text).toContain("M 38–40 in");
  });

  it("reads measures written as symbols as words", () => {
    expect(terms("Comfort-rated to -25°F.", "en")).toEqual(expect.arrayContaining(terms("minus 25 degrees", "en")));
  });

  it("lets a product's name pick the product, not the sentence, and never answer alone", () => {
    const products = new Map([
      [
        "glacier-winter-boot",
        product("Glacier Winter Boot", "A warm winter boot with a felt liner. Comfort-rated to -25°F (-32°C)."),
      ],
    ]);
    const [top] = shopAnswer(shop, "Is the Glacier Winter Boot good for minus 30 degrees?", { products });
    expect(top?.passage.text).toBe("Comfort-rated to -25°F (-32°C).");
    expect(shopAnswer(shop, "Is the Glacier Winter Boot vegan?", { products })).toEqual([]);
  });

  it("keeps a clause before a colon in the sentence it starts", () => {
    const [top] = shopAnswer(shop, "Do you ship to Switzerland?");
    expect(top?.passage.quote).toBe("We don't ship anywhere else: not to Switzerland, Brazil or Japan.");
  });

  it("answers a question about returning a course with a sentence about returning, not one about courses", () => {
    const [top] = bestPassages(shop, "Can I return an online course?", { subject: "return refund exchange" });
    expect(top?.passage.text).toBe("Online courses can't be returned once the access link is sent.");
  });
});

describe("what a sentence says", () => {
  it("quotes a question the shop asks itself together with the sentence that answers it", () => {
    const texts = {
      policies: [
        {
          type: "REFUND_POLICY",
          title: "Refund policy",
          url: "https://shop.test/policies/refund-policy",
          body: "Didn't like a coffee? Opened bags can't be returned. Unopened bags can be returned within 10 days.",
        },
      ],
      faqs: [],
      pages: [],
    };
    const [top] = shopAnswer(texts, "Can I return a coffee I didn't like?");
    expect(top?.passage.text).toBe("Didn't like a coffee? Opened bags can't be returned.");
  });

  it("reads 'how much' with a measure as that measure, not a price", () => {
    const products = new Map([
      [
        "trail-tent",
        product(
          "Trail Tent",
          "A two-person tent for $249 with a free stuff sack. Trail weight 1.9 kg, packed weight 2.2 kg.",
        ),
      ],
    ]);
    const [top] = shopAnswer({ policies: [], faqs: [], pages: [] }, "How much does the Trail Tent weigh?", {
      products,
    });
    expect(top?.passage.text).toBe("Trail weight 1.9 kg, packed weight 2.2 kg.");
  });
});

describe("an FAQ's opening and the sentence that says what is asked", () => {
  const texts = {
    policies: [],
    faqs: [
      {
        question: "Quels moyens de paiement acceptez-vous ?",
        answer: "Nous acceptons les cartes Visa et Mastercard. Nous n'acceptons pas American Express.",
      },
    ],
    pages: [],
  };

  it("quotes the sentence naming the card asked about, by its short or long name, before the FAQ's opening", () => {
    expect(shopAnswer(texts, "Vous acceptez la carte Amex ?")[0]?.passage.text).toContain("American Express");
    expect(shopAnswer(texts, "Do you take Amex cards?")[0]?.passage.text).toContain("American Express");
  });

  it("still opens with the FAQ's first sentence when it says what is asked", () => {
    expect(shopAnswer(texts, "Vous acceptez les cartes Visa ?")[0]?.passage.text).toContain("Visa et Mastercard");
  });
});

describe("the FAQ's own question asked in other words", () => {
  const texts = {
    policies: [],
    faqs: [
      {
        question: "Do you have a physical store?",
        answer: "We're online only. Our Lisbon warehouse doesn't offer in-person shopping or pickup.",
      },
      {
        question: "When is my card charged, and why do I see two charges?",
        answer:
          "Payment is taken when you place your order. If you see two charges for one order, one is a temporary hold your bank releases.",
      },
    ],
    pages: [],
  };

  it("opens with the FAQ's answer, whatever words that only name what is asked the shopper adds", () => {
    expect(shopAnswer(texts, "Can I come and shop in person somewhere?")[0]?.passage.text).toBe("We're online only.");
  });

  it("not an FAQ that asks two things, whose opening answers the first", () => {
    expect(shopAnswer(texts, "why do I see two charges on my card?")[0]?.passage.text).toMatch(
      /^If you see two charges/,
    );
  });
});

describe("size charts", () => {
  it("keeps chest and bust apart, as size charts do", () => {
    const texts = {
      policies: [],
      faqs: [],
      pages: [
        {
          title: "Size guide",
          handle: "size-guide",
          url: "https://shop.test/pages/size-guide",
          body: "Women's bust measurements: S 33–35 in, M 35–37 in.\n\nMen's chest measurements: S 35–37 in, M 38–40 in.",
        },
      ],
    };
    expect(shopAnswer(texts, "Which size for a 36 inch chest?")[0]?.passage.section).toBe("Men's chest measurements");
    expect(shopAnswer(texts, "¿Qué talla si mi busto mide 36 pulgadas?")[0]?.passage.section).toBe(
      "Women's bust measurements",
    );
  });
});

describe("where a sentence comes from", () => {
  it("lets the privacy policy and terms yield to the shop's other texts saying about as much", () => {
    const texts = {
      policies: [
        {
          type: "TERMS_OF_SERVICE",
          title: "Terms of service",
          url: "https://shop.test/policies/terms-of-service",
          body: "We repair zippers.",
        },
      ],
      faqs: [],
      pages: [
        {
          title: "Workshop",
          handle: "workshop",
          url: "https://shop.test/pages/workshop",
          body: "We repair zippers and seams.",
        },
      ],
    };
    const [top] = bestPassages(texts, "Do you repair zippers?");
    expect(top?.passage.kind).toBe("page");
    // Asked about payments, where the terms are a preferred source, they keep their rank.
    expect(bestPassages(texts, "Do you repair zippers?", { prefer: ["TERMS_OF_SERVICE"] })[0]?.passage.kind).toBe(
      "policy",
    );
  });
});

describe("naming a product", () => {
  it("does not read an article or preposition of a title ('Vase en grès') as the product", () => {
    const catalog = buildCatalog([{ title: "Vase en grès", handle: "vase-en-gres", status: "ACTIVE", options: [] }]);
    expect(
      extractEntities(preprocess("Est-ce que je peux payer en plusieurs fois ?"), catalog).entities.product,
    ).toBeUndefined();
    expect(extractEntities(preprocess("Le vase en grès est-il étanche ?"), catalog).entities.product).toBeDefined();
  });
});

describe("words that are also names of a JavaScript object's own properties", () => {
  // A shopper's "constructor" or "__proto__" once reached the widening table's prototype and threw.
  it("are searched like any other word", () => {
    for (const question of [
      "constructor toString",
      "__proto__ hasOwnProperty valueOf",
      "what is the constructor of this boot?",
      "isPrototypeOf propertyIsEnumerable toLocaleString",
    ]) {
      expect(() => shopAnswer(shop, question)).not.toThrow();
    }
  });
});

describe("a message that says one thing and asks another", () => {
  // "I got the course email, but what about the mug?": the shopper has what the first part is about.
  it("does not answer what the shopper says they already have, only what they ask after 'but'", () => {
    expect(shopAnswer(shop, "I already got the course email, but what about my tent?")).toEqual([]);
    expect(shopAnswer(shop, "Ya me llegó el correo del curso, pero ¿y mi tienda de campaña?")).toEqual([]);
    expect(shopAnswer(shop, "J'ai bien reçu le mail du cours, mais et ma tente ?")).toEqual([]);
  });

  it("answers the part asked after 'but' when the shop's text says it", () => {
    const [top] = shopAnswer(shop, "I got the course email, but do you ship to Switzerland?");
    expect(top?.passage.text).toContain("Switzerland");
  });

  it("leaves a question that only names a product to the product's own answers", () => {
    const products = new Map([
      ["glacier-winter-boot", product("Glacier Winter Boot", "A warm winter boot.")],
      // Another product's text names it: still no answer to what the shopper asks about the boot.
      ["glacier-boot-laces", product("Glacier boot laces", "Waxed laces for every Glacier winter boot.")],
    ]);
    expect(shopAnswer(shop, "What about the Glacier Winter Boot?", { products })).toEqual([]);
    expect(shopAnswer(shop, "I got the course email, but what about the Glacier Winter Boot?", { products })).toEqual(
      [],
    );
    expect(shopAnswer(shop, "Is the Glacier Winter Boot warm?", { products })[0]?.passage.text).toContain("warm");
  });

  it("reads a question whose 'but' is inside what it asks as a whole", () => {
    // The words before "but" are asked too: the FAQ about the course link answers them.
    const [top] = shopAnswer(shop, "How do I open my online course but on my phone?");
    expect(top?.passage.text).toContain("course link");
  });
});
