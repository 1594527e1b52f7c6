/**
 * Product follow-ups in the shopper's words: "¿a qué sabe?" asks the taste (the tasting notes the
 * description gives), not a discount; "¿qué trae el …?" right after a list names one of its cards.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const store = () => createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri")));
const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
const sentences = (text: string) => text.split(/(?<=\.)\s+/);

describe("the taste of the product under discussion", () => {
  const tasted = snapshot.products.filter(
    (p: any) => p.status === "ACTIVE" && sentences(p.description).some((s: string) => /^Notas de/.test(s)),
  );

  it("is its tasting-notes sentence, in Spanish and English", async () => {
    expect(tasted.length).toBeGreaterThan(1);
    for (const product of tasted.slice(0, 3)) {
      const notes = sentences(product.description).find((s: string) => /^Notas de/.test(s));
      for (const ask of ["¿a qué sabe?", "what does it taste like?"]) {
        const say = await demoConversation({ store: store() });
        await say(`¿Cuánto cuesta el ${product.title}?`);
        const reply = await say(ask);
        expect(reply.intent, `${product.title}: ${ask}`).toBe("product_info");
        expect(reply.text, `${product.title}: ${ask}`).toContain(notes!.slice(0, 30));
      }
    }
  });
});

describe("a card of the list just shown, named with what it holds", () => {
  it("is that product's answer, for each card its first word tells apart", async () => {
    const list = await (await demoConversation({ store: store() }))("¿tienen café en grano?");
    const titles = (list.products ?? []).map((p) => p.title);
    const first = (title: string) => title.split(" ")[0];
    const distinct = titles.filter((t) => titles.filter((o) => first(o) === first(t)).length === 1);
    expect(distinct.length).toBeGreaterThan(1);
    for (const card of distinct) {
      const say = await demoConversation({ store: store() });
      await say("¿tienen café en grano?");
      const reply = await say(`¿qué trae el ${first(card).toLowerCase()}?`);
      expect(reply.intent, card).toBe("product_info");
      expect(reply.text.startsWith(card), card).toBe(true);
    }
  });
});

describe("a short question about 'it' right after a product answer, read as no topic", () => {
  it("asks about that product, answered from its description", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("maison-coquelicot")) as any;
    const teapot = snapshot.products.find((p: any) => p.handle === "theiere-gres-lune");
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("Combien coûte la théière Lune ?");
    const reply = await say("elle a un couvercle ?");
    expect(reply.intent).toBe("product_info");
    const sentence = sentences(teapot.description).find((s: string) => /couvercle/.test(s))!;
    expect(reply.text).toContain(sentence.slice(0, 30));
  });
});
