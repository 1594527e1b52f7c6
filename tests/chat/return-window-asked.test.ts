/**
 * "How long is the return window?" in the shopper's words ("délai de retour", "plazo para devolver")
 * rarely shares a word with the shop's sentence ("you can return it within N days of delivery"):
 * the answer still quotes the shop's window, read from its own policy, in every dev store.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { factsFor } from "../../app/chat/shop/facts";
import { demoChatContext, demoConversation } from "../helpers/chat-context";

const cases = [
  {
    store: "northwind",
    asks: ["how long is the return window?", "how many days do I have to return something?"],
  },
  {
    store: "maison-coquelicot",
    asks: [
      "c'est quoi le délai de retour ?",
      "combien de jours pour renvoyer un article ?",
      "how long is the return window?",
    ],
  },
  {
    store: "cafe-colibri",
    asks: [
      "¿de cuánto es el plazo para devolver?",
      "¿cuántos días tengo para devolver algo?",
      "how long is the return window?",
    ],
  },
];

describe("the length of the return window, asked", () => {
  for (const c of cases) {
    it(`${c.store}: each wording is answered with the shop's own window`, async () => {
      const store = () => createDemoStore(loadDemoSnapshot(devStorePath(c.store)));
      const ctx = await demoChatContext(store());
      const window = factsFor(ctx.shop).returnWindow;
      expect(window).not.toBeNull();
      for (const ask of c.asks) {
        const reply = await (await demoConversation({ store: store() }))(ask);
        expect(reply.intent, ask).toBe("return_policy");
        expect(reply.text, ask).toMatch(new RegExp(`\\b${window!.value.days}\\b`));
      }
    });
  }

  it("'can I return a <kind of thing the shop sells>?' states the shop's window too", async () => {
    for (const [store, ask] of [
      ["northwind", "Can I return a backpack?"],
      ["cafe-colibri", "¿puedo devolver una taza?"],
    ]) {
      const make = () => createDemoStore(loadDemoSnapshot(devStorePath(store)));
      const days = factsFor((await demoChatContext(make())).shop).returnWindow!.value.days;
      const reply = await (await demoConversation({ store: make() }))(ask);
      expect(reply.intent, ask).toBe("return_policy");
      expect(reply.text, ask).toMatch(new RegExp(`\\b${days}\\b`));
    }
  });

  it("a kind the shop's policy excludes keeps the exclusion the question finds before the general rules", async () => {
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    const reply = await say("can I return a lit candle?");
    expect(reply.intent).toBe("return_policy");
    expect(reply.text).toMatch(/candle|bougie/i);
  });

  it("a question about something else in the returns (who pays) is not answered with the window", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("northwind"))) });
    const reply = await say("who pays for return shipping?");
    expect(reply.text).not.toMatch(/within \d+ days of delivery/);
  });
});
