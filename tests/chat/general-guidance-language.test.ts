/**
 * A product question the description doesn't answer, answered from the shop's FAQ: the label says
 * the quote is in English only when it is (answers/product/facts.ts, as the discount rules do). A shop that writes its FAQ in the shopper's language
 * (any shop: a Spanish one here, made from the demo snapshot) is not said to be quoted "en inglés".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import type { ChatContext } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const SPANISH_FAQ = {
  question: "¿Cómo se lava la ropa?",
  answer: "Lava la ropa a mano con agua fría y jabón neutro, y sécala a la sombra.",
};

async function shopWith(faqs: { question: string; answer: string }[]) {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  const product = snapshot.products.find((p: any) => p.status === "ACTIVE" && !p.isGiftCard);
  product.description = "Una prenda ligera.";
  snapshot.faqs = faqs;
  return { ctx: await demoChatContext(createDemoStore(snapshot)), title: product.title as string };
}

const ask = (ctx: ChatContext, text: string) => respond({ text, state: {}, shopper: { customerId: null } }, ctx);

describe("the label on general guidance quoted for a product", () => {
  let spanish: { ctx: ChatContext; title: string };
  beforeAll(async () => {
    spanish = await shopWith([SPANISH_FAQ]);
  });

  it("says nothing of English when the shop's FAQ is in the shopper's language", async () => {
    const out = await ask(spanish.ctx, `¿Cómo se lava la ropa ${spanish.title}?`);
    expect(out.text).toContain("Lava la ropa a mano");
    expect(out.text).not.toMatch(/en inglés/);
  });

  it("still introduces the guidance when shopper and FAQ are both English", async () => {
    const english = await shopWith([
      { question: "How do I wash it?", answer: "Wash it by hand in cold water with mild soap." },
    ]);
    const out = await ask(english.ctx, `How do I wash the ${english.title}?`);
    expect(out.text).toContain("Our general guidance:");
    expect(out.text).toContain("Wash it by hand");
  });
});
