/**
 * One product named by a description rather than its title ("that charcoal zip-up fleece thing you sell",
 * "the waterproof boots for women"), then a question about it ("is it windproof?", "do they run small?"):
 * a question about that product, not a search, however much the description reads like one. A search still
 * asks for things ("do you have…", "any…", "looking for…", "recommend…").
 */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";

async function ask(text: string) {
  return (await demoConversation())(text);
}

describe("a described product, then a question about it", () => {
  it("is a product question", async () => {
    expect((await ask("that charcoal zip-up fleece thing you sell, is it windproof?")).intent).toBe("product_info");
    expect((await ask("the waterproof boots for women, do they run small?")).intent).toBe("product_info");
    expect((await ask("your big 65 litre pack - does it have a rain cover?")).intent).toBe("product_info");
  });

  it("leaves searches alone", async () => {
    expect((await ask("do you have waterproof boots for women? do they run small?")).intent).toBe("product_search");
    expect((await ask("any rain jackets under $150?")).intent).toBe("product_search");
  });
});
