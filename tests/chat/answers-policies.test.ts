/** Policy and FAQ answers on the demo store: quoted sentences are read from the snapshot's own texts. */
import { beforeAll, describe, expect, it } from "vitest";
import { accountHelp, knowledgeAnswer, paymentMethods, returnPolicy } from "../../app/chat/answers/policies";
import { shippingOptions } from "../../app/chat/answers/shipping";
import { shopProfile } from "../../app/chat/context.server";
import { extractEntities } from "../../app/chat/entities";
import { bestPassages, knowledgeFor, mentionedCountry } from "../../app/chat/knowledge";
import { respond, type TurnOutput } from "../../app/chat/pipeline";
import { preprocess } from "../../app/chat/preprocess";
import type { ChatContext, DialogueState, Turn } from "../../app/chat/types";
import { DEFAULT_SETTINGS } from "../../app/settings.server";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const refund = snapshot.policies.refundPolicy;
const shipping = snapshot.policies.shippingPolicy;
const faq = (pattern: RegExp) => snapshot.faqs.find((f: any) => pattern.test(f.question));
/** The sentence of `text` matching `pattern`, as the bot quotes it (without a "Heading:" label or bullet). */
const sentence = (text: string, pattern: RegExp) =>
  text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z"])/)
    .map((s) => s.replace(/^[-•]\s+/, "").replace(/^[A-Z][A-Za-z ,'&/-]{2,40}:\s+/, ""))
    .find((s) => pattern.test(s))!;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

let ctx: ChatContext;
beforeAll(async () => {
  ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)));
});

const say = (text: string, state: DialogueState = {}): Promise<TurnOutput> =>
  respond({ text, state, shopper: { customerId: null } }, ctx);

function turnFor(text: string, context: ChatContext = ctx): Turn {
  const pre = preprocess(text);
  const { entities, productHandle } = extractEntities(pre, context.catalog);
  return {
    pre,
    language: pre.language,
    entities,
    productHandle,
    intent: context.classifier.classify(text),
    state: {},
    shopper: { customerId: null },
    ctx: context,
  };
}

/** Every sentence of the reply's quote appears in the shop's texts: nothing is made up. */
function expectOnlyQuotes(text: string) {
  const sources = [
    ...Object.values(snapshot.policies).map((p: any) => p.body),
    ...snapshot.faqs.map((f: any) => f.answer),
  ].join("\n");
  const quoted = text
    .split("\n\n")[0]
    .split("\n")
    .pop()!
    .replace(/^(?:United States|Canada): /, "");
  for (const part of quoted.split(/(?<=[.!?])\s+(?=[A-Z"])/)) {
    const plain = part.replace(/^(?:United States|Canada): /, "");
    expect(sources.includes(plain) || sources.includes(lower(plain))).toBe(true);
  }
}

describe("return policy", () => {
  it("answers the general question with the core rules: window, condition, final-sale exclusions, who pays return postage", async () => {
    const out = await say("What's your return policy?");
    expect(out.intent).toBe("return_policy");
    expect(out.text).toContain(sentence(refund.body, /within 30 days of delivery/));
    expect(out.text).toMatch(/tags/);
    expect(out.text).toContain(sentence(refund.body, /Final sale/));
    expect(out.text).toContain(refund.url);
    expect(out.text.length).toBeLessThan(refund.body.length / 2);
    expect(out.text).toMatch(/return postage|prepaid return label/i);
    expect(out.lookups).toEqual([{ kind: "policy", ref: "REFUND_POLICY", outcome: "quoted 4 sentences" }]);
    expectOnlyQuotes(out.text);
  });

  it("uses the place the shopper names: a US state gets the US return-label rule", async () => {
    const out = await say("Do I have to pay for return shipping? I'm in Texas.");
    expect(out.text).toContain(sentence(refund.body, /prepaid return label/));
    expect(out.text).not.toContain(sentence(refund.body, /shipped to Canada/));
  });

  it("answers in Spanish and French, quoting the English policy with a translated frame", async () => {
    const es = await say("¿Cuál es su política de devoluciones?");
    expect(es.language).toBe("es");
    expect(es.text).toMatch(/en inglés/);
    expect(es.text).toContain(sentence(refund.body, /within 30 days of delivery/));
    expect(es.text).toContain(`Política completa: ${refund.url}`);
    const fr = await say("Combien de temps ai-je pour retourner un article ?");
    expect(fr.language).toBe("fr");
    expect(fr.text).toMatch(/en anglais/);
    expect(fr.text).toContain(sentence(refund.body, /within 30 days of delivery/));
    expect(fr.text).toContain(`Politique complète : ${refund.url}`);
  });
});

describe("shipping", () => {
  it("answers both parts of a two-part question (standard rate under the threshold, express)", async () => {
    const out = await say("How much is shipping on a $60 order, and what does express cost?");
    expect(out.intent).toBe("shipping_options");
    expect(out.text).toContain(sentence(shipping.body, /Standard shipping/));
    expect(out.text).toContain(sentence(shipping.body, /Express shipping/));
    expect(out.text).toContain(shipping.url);
  });

  it("finds the duties sentence for 'anything extra when it arrives'", async () => {
    const out = await shippingOptions(turnFor("Will I have to pay anything extra when it arrives?"));
    expect(out.text).toMatch(/duties/i);
  });

  it("says which countries the shop ships to when asked about another one", async () => {
    const out = await say("do you ship to the UK?");
    expect(out.text).toMatch(/United Kingdom isn't one of the places we ship to/);
    expect(out.text).toContain(sentence(shipping.body, /United States and Canada only/));
    expect(out.lookups[0].kind).toBe("policy");
    // What Shopify says needs no parcel (the gift card) can be bought from anywhere; a jacket can't.
    expect(out.text).toMatch(/What needs no shipping can be bought from anywhere: Northwind Gift Card\./);
    const served = await say("Do you ship to Canada? How much and how long does it take?");
    expect(served.text).not.toMatch(/needs no shipping/);
    expect(served.text).not.toMatch(/don't ship/);
    expect(served.text).toContain("14.95");
    expect(served.text).toMatch(/5–10/);
  });

  it("takes a large city the shopper names for its country", async () => {
    const out = await say("do you ship to London?");
    expect(out.text).toMatch(/United Kingdom isn't one of the places we ship to/);
    expect(out.text).toContain(sentence(shipping.body, /United States and Canada only/));
  });

  it("recognises places", () => {
    expect(mentionedCountry("I'm in Texas")).toMatchObject({ code: "US" });
    expect(mentionedCountry("shipping to Montréal?")).toMatchObject({ code: "CA" });
    expect(mentionedCountry("And to the UK?")).toMatchObject({ code: "GB" });
    expect(mentionedCountry("what about express?")).toBeNull();
  });
});

describe("payments and accounts (FAQs)", () => {
  it("quotes both the accepted and the refused method", async () => {
    const methods = faq(/payment methods/);
    const out = await paymentMethods(turnFor("Can I pay with PayPal? What about Discover?"));
    expect(out.text).toContain(sentence(methods.answer, /PayPal/));
    expect(out.text).toContain(sentence(methods.answer, /Discover/));
    expect(out.lookups).toEqual([{ kind: "faq", ref: methods.question, outcome: "quoted 2 sentences" }]);
  });

  it("helps with a sign-in code that never arrives", async () => {
    const login = faq(/log in/);
    const out = await accountHelp(turnFor("I can't log in. It says it emailed me a code but nothing ever arrives."));
    expect(out.text).toContain(sentence(login.answer, /spam/));
  });

  it("explains a double charge from the FAQ", async () => {
    const charges = faq(/two charges/);
    const out = await say("I think I got charged twice");
    expect(out.intent).toBe("payment_issue");
    expect(out.text).toContain(sentence(charges.answer, /authorization hold/));
  });
});

describe("when the shop's texts don't answer", () => {
  it("says it doesn't know and offers a person instead of guessing", () => {
    const out = knowledgeAnswer(
      turnFor("Do you accept zebra quantum teleportation vouchers for llamas?"),
      "return_policy",
    );
    expect(out.text).toContain(ctx.shop.email);
    expect(out.text).toMatch(/rather not guess/);
    expect(out.quickReplies?.length).toBeGreaterThan(0);
  });

  it("says so when the shop has no such policy", () => {
    // No policy, FAQ or page: a page about returns would be the shop's return policy.
    const bare = { ...ctx, shop: { ...ctx.shop, policies: [], faqs: [], pages: [] } };
    const out = returnPolicy(turnFor("What's your return policy?", bare));
    expect(out.text).toMatch(/return policy/);
    expect(out.text).toContain(ctx.shop.email);
  });
});

describe("knowledge index", () => {
  it("is built once per shop profile and rebuilt when the FAQs change", () => {
    const first = knowledgeFor(ctx.shop);
    expect(knowledgeFor({ ...ctx.shop })).toBe(first);
    // The same FAQs parsed again (a new array, as each message's settings give) reuse the index.
    expect(knowledgeFor({ ...ctx.shop, faqs: ctx.shop.faqs.map((f) => ({ ...f })) })).toBe(first);
    const changed = knowledgeFor({
      ...ctx.shop,
      faqs: [...ctx.shop.faqs, { question: "Do you rent tents?", answer: "No, we only sell gear." }],
    });
    expect(changed).not.toBe(first);
    expect(changed.passages.some((p) => p.text === "No, we only sell gear.")).toBe(true);
  });

  it("gives a message's profile the same FAQ array while the merchant's FAQs don't change", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      shop: "a-shop.myshopify.com",
      createdAt: new Date(),
      updatedAt: new Date(),
      faqs: JSON.stringify([{ question: "Do you rent tents?", answer: "No." }]),
    };
    const info = { ...ctx.shop, policies: ctx.shop.policies } as unknown as Parameters<typeof shopProfile>[0];
    expect(shopProfile(info, settings).faqs).toBe(shopProfile(info, { ...settings }).faqs);
    expect(shopProfile(info, { ...settings, faqs: "[]" }).faqs).toEqual([]);
  });

  it("quotes sentences with their heading, and 1–3 of them", () => {
    const hits = bestPassages(ctx.shop, "how much does shipping to Canada cost?", { prefer: ["SHIPPING_POLICY"] });
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.some((h) => h.passage.quote.startsWith("Canada: ") && h.passage.text.includes("14.95"))).toBe(true);
  });
});
