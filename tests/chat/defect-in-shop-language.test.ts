/**
 * "It arrived broken" told in French or Spanish: the bot sees the defect and quotes the shop's own
 * rule for damaged items, in whatever language the shop wrote it. The words for a defect and the
 * rule's sentence were English-only ("broken", "damaged", "warranty"), so a French or Mexican shop's
 * shopper got the plain return window and no rule.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const cases = [
  {
    store: "maison-coquelicot",
    customerId: "gid://shopify/Customer/8123400012243",
    says: "La housse de coussin de ma dernière commande est arrivée déchirée, je fais quoi ?",
    rule: /48 heures|étiquette de retour prépayée/,
  },
  {
    store: "cafe-colibri",
    customerId: "gid://shopify/Customer/8456700066076",
    says: "la tetera que me llegó la semana pasada vino rota, ¿qué hago?",
    rule: /gu[ií]a prepagada|prepaid/,
  },
];

describe("a defect told in the shop's language", () => {
  for (const c of cases) {
    it(`${c.store}: the shop's rule for damaged items is quoted and the team is involved`, async () => {
      const store = createDemoStore(loadDemoSnapshot(devStorePath(c.store)));
      const say = await demoConversation({ store, customerId: c.customerId });
      const reply = await say(c.says);
      expect(reply.text).toMatch(c.rule);
      expect(reply.handoff).toBe(true);
    });
  }
});
