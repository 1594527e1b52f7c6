/**
 * A shop that writes its return policy in two languages is quoted in the shopper's: the overview
 * looks for each aspect in the shopper's words, and a rule found in the other version gives way to
 * the same text's sentence in the shopper's language (often written under a heading that carries
 * the rule's words).
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

describe("return policy quoted in the shopper's language", () => {
  it("gives a French overview from the French version", async () => {
    const say = await demoConversation({ store: storeOf("maison-coquelicot") });
    const policy = await say("Quelle est votre politique de retour ?");
    expect(policy.intent).toBe("return_policy");
    expect(policy.text).toContain("14 jours");
    // Who pays the postage back, from the French version even when the English one matches the aspect better.
    expect(policy.text).toContain("à votre charge");
    expect(policy.text).not.toMatch(/en anglais/);
  });

  it("quotes the Spanish sentence on return shipping, not the English one", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    await say("¿Cuál es su política de devoluciones?");
    const who = await say("¿quién paga el envío de regreso?");
    expect(who.text).toContain("lo pagas tú");
    expect(who.text).not.toMatch(/en inglés/);
  });

  it("still quotes English to a shopper whose language the shop doesn't write in", async () => {
    const say = await demoConversation();
    const policy = await say("¿Cuál es su política de devoluciones?");
    expect(policy.text).toMatch(/30 days/);
  });
});
