/**
 * The intent model's reading as what a question and a passage are about (app/chat/knowledge/topics.ts):
 * a paraphrase in words the shop never writes is answered when the model reads the question and
 * the passage's FAQ question or policy type as one topic, and only then. Made-up shop texts; the
 * shipped model.
 */
import { describe, expect, it } from "vitest";
import { answers, readingOf, shopAnswer, topicReader, type KnowledgeHit } from "../../app/chat/knowledge";
import { topicAgreement, topicOf } from "../../app/chat/knowledge/topics";
import { knowledgeFor } from "../../app/chat/knowledge/passages";
import { shippedClassifier } from "../../app/chat/intent/engine";

const shop = {
  policies: [
    {
      type: "SHIPPING_POLICY",
      title: "Shipping policy",
      url: "https://shop.test/policies/shipping-policy",
      body: "Parcels leave our workshop within 3 business days. We ship to Chile and Peru only.",
    },
  ],
  faqs: [
    {
      question: "What is your return policy?",
      answer: "You can send items back within 21 days of delivery, unused and in their box.",
    },
  ],
  pages: [],
};

const read = topicReader(shippedClassifier());
const ask = (question: string, withTopics: boolean) =>
  shopAnswer(shop, question, withTopics ? { topics: { asked: read(question), read } } : {}).map((h) => h.passage.text);

describe("a word the shop never writes, beside the topic's one word", () => {
  const discounts = {
    policies: [],
    faqs: [
      {
        question: "How do I use a discount code?",
        answer: "Type the discount code at checkout, in the field under your basket. One code per order.",
      },
    ],
    pages: [],
  };
  const answer = (question: string) =>
    shopAnswer(discounts, question, { topics: { asked: read(question), read } }).map((h) => h.passage.text);

  it("is not answered by a sentence that shares only the topic's word ('student discount': 'discount')", () => {
    expect(answer("do you have a student discount")).toEqual([]);
  });

  it("is answered when the sentence says more of the question", () => {
    expect(answer("where do i type a discount code at checkout, the promo thing")[0]).toMatch(
      /^Type the discount code/,
    );
  });
});

describe("the share of the question a sentence of the topic asked must say", () => {
  const passage = knowledgeFor(shop).passages.find((p) => p.kind === "faq")!;
  const hit = (relevance: number, covered: string[], unknown: string[]): KnowledgeHit => ({
    passage,
    score: 1,
    relevance,
    matched: covered,
    covered,
    answered: covered,
    unknown,
  });

  it("is a little over a quarter, two of its words where one is a word the shop never writes", () => {
    expect(answers(hit(0.28, ["return", "deliveri"], ["scuf"]), 0.35, 0.9)).toBe(true);
    expect(answers(hit(0.26, ["return", "deliveri"], ["scuf"]), 0.35, 0.9)).toBe(false);
    expect(answers(hit(0.4, ["discount"], ["student"]), 0.35, 0.9)).toBe(false);
  });
});

describe("a best sentence of another topic than the one asked", () => {
  const texts = {
    policies: [
      {
        type: "REFUND_POLICY",
        title: "Refund policy",
        url: "https://shop.test/policies/refund-policy",
        body: "Returns within 14 days. We don't exchange by post. Refunds go to the card you paid with. Exchanges are possible in the shop.",
      },
    ],
    faqs: [
      {
        question: "How do I wash linen?",
        answer: "Machine wash at 40 °C. Keep colours alike in one load. Never tumble dry.",
      },
    ],
    pages: [],
  };
  const answer = (question: string) =>
    shopAnswer(texts, question, { topics: { asked: read(question), read } }).map((h) => h.passage.text);

  it("yields to a sentence nearly as good of the topic asked", () => {
    expect(answer("¿Puedo cambiar un artículo por otro color?")[0]).toMatch(/exchange/i);
  });

  it("still leads where it is of the topic asked", () => {
    expect(answer("how do I wash linen so the colours don't run?")[0]).toMatch(/^(Machine wash|Keep colours)/);
  });
});

describe("topics as the model reads them", () => {
  const passages = knowledgeFor(shop).passages;
  const faq = passages.find((p) => p.kind === "faq")!;
  const shipping = passages.find((p) => p.sourceKey === "SHIPPING_POLICY")!;

  it("gives an FAQ its question's reading and a policy its type's, read once per model", () => {
    expect(topicOf(faq, read).get("return_policy")).toBeGreaterThan(0.5);
    expect(topicOf(shipping, read).get("shipping_options")).toBe(1);
    expect(topicOf(faq, read)).toBe(topicOf(faq, read));
  });

  it("agrees where the question and the passage are one topic", () => {
    const asked = read("what if it doesn't work out, how long have I got to change my mind?");
    expect(topicAgreement(asked, faq, read)).toBeGreaterThan(topicAgreement(asked, shipping, read));
  });

  it("answers a paraphrase the words alone don't, and still nothing where the shop says nothing", () => {
    const paraphrase = "how long do I have to return something that doesn't fit";
    expect(ask(paraphrase, false)).toEqual([]);
    expect(ask(paraphrase, true)[0]).toMatch(/within 21 days/);
    expect(ask("do you have a loyalty programme with points?", true)).toEqual([]);
  });

  it("reads a classification by the model's own guess and its runners-up", () => {
    const reading = readingOf({
      predicted: "return_policy",
      confidence: 0.6,
      alternatives: [{ intent: "refund_status", confidence: 0.3 }],
    });
    expect([...reading]).toEqual([
      ["return_policy", 0.6],
      ["refund_status", 0.3],
    ]);
  });
});
