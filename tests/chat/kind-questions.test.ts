/**
 * A question about what a kind of product is like ("vos céramiques vont au lave-vaisselle ?"), of a
 * kind the shop sells several of, is answered from the shop's FAQ for all of them, above the list;
 * asking whether the shop has them ("do you have waterproof jackets?") stays a plain search.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

describe("a question about a kind of product", () => {
  it("quotes the shop's FAQ above the products of that kind", async () => {
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    const reply = await say("vos céramiques vont au lave-vaisselle ?");
    expect(reply.text).toMatch(/Oui pour toute la collection/);
    expect(reply.products!.length).toBeGreaterThan(1);
  });

  it("leaves a search for products of that kind as a list", async () => {
    const say = await demoConversation();
    expect((await say("do you have waterproof jackets?")).text).not.toMatch(/general guidance/);
  });
});
