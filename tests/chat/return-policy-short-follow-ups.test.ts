/**
 * A few words of the return rule's own after the return policy ("quelles sont les exceptions ?",
 * "qui paie le retour ?") stay on the rule, not a shipping question or the shopper's own return.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

describe("short follow-ups to the return policy", () => {
  it("stay return_policy (Coquelicot)", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("Quelle est votre politique de retour ?");
    expect((await say("quelles sont les exceptions ?")).intent).toBe("return_policy");
    const who = await say("qui paie le retour ?");
    expect(who.intent).toBe("return_policy");
    expect(who.text).toMatch(/à votre charge/);
  });
  it("a product-looking question in the sign-in's own words stays account help (Coquelicot)", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("je n'arrive pas à me connecter");
    const code = await say("le code est valable combien de temps ?");
    expect(code.intent).toBe("account_help");
    expect(code.text).toMatch(/10 minutes/);
  });
});
