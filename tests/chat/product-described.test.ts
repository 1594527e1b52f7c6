/**
 * "¿Cómo es el … que venden?", "the … you sell": selling is what the shop does, not a fact asked of
 * the product, so the answer describes the product rather than quoting an unrelated FAQ. A generic
 * description runs on past a second sentence too short to say what the product is like.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { firstSentences } from "../../app/chat/answers/product/render";
import { demoConversation } from "../helpers/chat-context";

describe("the opening of a description", () => {
  it("runs past a short second sentence, and stops at two when they say enough", () => {
    const short =
      "A hand-thrown stoneware bowl glazed in a deep ocean colour, made in small batches. Wide rim. Holds a generous portion of soup, noodles or a hearty stew, and keeps it warm at the table. Dishwasher safe.";
    expect(firstSentences(short, 2)).toContain("generous portion");
    expect(firstSentences(short, 2)).not.toContain("Dishwasher");
    const long =
      "A hand-thrown stoneware bowl glazed in a deep ocean colour, made in small batches by a workshop on the coast. Its wide rim keeps the glaze from chipping and makes it easy to hold when it is full of hot soup. Dishwasher safe.";
    expect(firstSentences(long, 2)).not.toContain("Dishwasher");
  });
});

const cases = [
  { store: "northwind", ask: (title: string) => `tell me about the ${title} you sell` },
  { store: "maison-coquelicot", ask: (title: string) => `comment est le ${title} que vous vendez ?` },
  { store: "cafe-colibri", ask: (title: string) => `¿cómo es el ${title} que venden?` },
];
const GUIDANCE = /general guidance|indicaciones generales|indications générales/i;

describe("a product asked about as one the shop sells", () => {
  for (const c of cases) {
    it(`${c.store}: is described from its own text, with no FAQ guidance`, async () => {
      const snapshot = loadDemoSnapshot(devStorePath(c.store)) as any;
      const products = snapshot.products.filter((p: any) => p.status === "ACTIVE" && !p.isGiftCard).slice(0, 4);
      for (const product of products) {
        const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath(c.store))) });
        const reply = await say(c.ask(product.title));
        expect(reply.intent, product.title).toBe("product_info");
        expect(reply.text, product.title).not.toMatch(GUIDANCE);
        expect(reply.text, product.title).toContain(product.description.split(/(?<=\.)\s/)[0].slice(0, 40));
      }
    });
  }
});
