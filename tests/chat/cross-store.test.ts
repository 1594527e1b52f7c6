/**
 * Every shop is another shop: nothing one dev store's bot says may carry a fact that only another
 * store has — its name, city, discount codes or currency. Each store is asked the same generic
 * questions and its own scenario messages (the scenario files of all three stores).
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot, type DemoSnapshot } from "../../demo/demo-store";
import { readScenariosFile } from "../../app/eval/scenarios";
import { DEV_STORES } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const SCENARIOS: Record<string, string> = {
  northwind: "tests/fixtures/eval/dev-scenarios.jsonl",
  "maison-coquelicot": "tests/fixtures/stores/maison-coquelicot/scenarios.jsonl",
  "cafe-colibri": "tests/fixtures/stores/cafe-colibri/scenarios.jsonl",
};

const GENERIC = [
  "hi",
  "what is your return policy?",
  "how long do refunds take?",
  "do you ship internationally?",
  "what payment methods do you take?",
  "any discount codes?",
  "when are you open?",
  "where are you based?",
  "I want to talk to a person",
  "¿cuál es su política de devoluciones?",
  "quels sont vos délais de livraison ?",
];

const snapshots = Object.fromEntries(
  Object.entries(DEV_STORES).map(([name, file]) => [name, loadDemoSnapshot(file)]),
) as Record<string, DemoSnapshot>;

/** Strings that belong to `store` alone among the dev stores. */
function ownFacts(store: string): string[] {
  const s = snapshots[store] as any;
  const others = Object.entries(snapshots)
    .filter(([name]) => name !== store)
    .map(([, o]) => o as any);
  const shared = (value: string) => others.some((o) => JSON.stringify(o).toLowerCase().includes(value.toLowerCase()));
  // The name's words too ("Northwind" in "Northwind assistant"), besides the whole name.
  const nameWords = s.shop.name.split(/\s+/).filter((word: string) => word.length >= 5);
  const facts = [
    s.shop.name,
    ...nameWords,
    s.shop.address?.city,
    s.shop.currencyCode,
    ...s.discounts.map((d: any) => d.code),
  ].filter((v): v is string => !!v);
  return facts.filter((fact) => !shared(fact));
}

describe("no store speaks another store's facts", () => {
  for (const store of Object.keys(DEV_STORES)) {
    it(`${store}'s bot names nothing that belongs only to another store`, async () => {
      const foreign = Object.keys(DEV_STORES)
        .filter((other) => other !== store)
        .flatMap(ownFacts);
      expect(foreign.length).toBeGreaterThan(6);
      const messages = [...GENERIC, ...readScenariosFile(SCENARIOS[store]).flatMap((s) => s.turns.map((t) => t.user))];
      const leaks: string[] = [];
      for (const message of messages) {
        const say = await demoConversation({ store: createDemoStore(snapshots[store]) });
        const reply = (await say(message)).text;
        for (const fact of foreign)
          if (reply.toLowerCase().includes(fact.toLowerCase()))
            leaks.push(`${fact} in reply to "${message}": ${reply.slice(0, 160)}`);
      }
      expect(leaks).toEqual([]);
    }, 120_000);
  }
});
