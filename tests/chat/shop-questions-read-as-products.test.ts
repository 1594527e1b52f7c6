/**
 * A question about the shop itself ("do you have a physical store?", "what are the boutique's
 * hours?") that the intent model reads as a product question names nothing the shop sells: the
 * shop's own texts answer it, not a product list. Facts are read from the store snapshot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { answerLocally } from "../../app/chat/pipeline";
import { extractEntities } from "../../app/chat/entities";
import { preprocess } from "../../app/chat/preprocess";
import type { ChatContext, Turn } from "../../app/chat/types";
import type { Intent } from "../../app/chat/intent/labels";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(path.resolve("demo", "stores", "maison-coquelicot.json")) as any;
let ctx: ChatContext;
beforeAll(async () => {
  ctx = await demoChatContext(createDemoStore(snapshot));
});

/** The turn as the pipeline builds it, read as `intent` whatever the classifier says. */
function turnAs(text: string, intent: Intent): Turn {
  const pre = preprocess(text);
  const { entities, productHandle } = extractEntities(pre, ctx.catalog);
  return {
    pre,
    language: pre.language,
    entities,
    productHandle,
    intent: { intent, confidence: 0.9, predicted: intent, lowConfidence: false, alternatives: [] },
    state: {},
    shopper: { customerId: null },
    ctx,
  };
}

// The shop's FAQ about its premises (the one whose question asks for a physical shop), as the merchant wrote it.
const premisesFaq = () => snapshot.faqs.find((f: any) => /boutique physique/i.test(f.question));
const firstSentence = (text: string) => text.split(/(?<=[.!?])\s+/)[0];

describe("a question about the shop read as a product question", () => {
  it("quotes the shop's text about its premises instead of a product search", async () => {
    const faq = premisesFaq();
    expect(faq).toBeDefined();
    const answer = await answerLocally({
      turn: turnAs("¿Tienen tienda física?", "product_search"),
      confirmation: null,
      code: null,
    });
    expect(answer.products ?? []).toEqual([]);
    expect(answer.text).toContain(firstSentence(faq.answer));
  });

  it("quotes the opening hours the shop wrote instead of listing products", async () => {
    const faq = premisesFaq();
    const hours = faq.answer.split(/(?<=[.!?])\s+/).find((s: string) => /\d+\s?h\b/.test(s));
    expect(hours).toBeDefined();
    // The hours as the shop wrote them, wherever they are quoted from (the FAQ or the click-and-collect page).
    const [opening, closing] = hours.match(/\d+\s?h(?!\w)/g)!;
    const answer = await answerLocally({
      turn: turnAs("Quels sont les horaires de la boutique ?", "product_info"),
      confirmation: null,
      code: null,
    });
    expect(answer.products ?? []).toEqual([]);
    expect(answer.text).toContain(opening);
    expect(answer.text).toContain(closing);
  });

  it("still searches the catalog for a question naming something the shop sells", async () => {
    const answer = await answerLocally({
      turn: turnAs("Avez-vous des bougies ?", "product_search"),
      confirmation: null,
      code: null,
    });
    expect(answer.products?.length ?? 0).toBeGreaterThan(0);
  });
});
