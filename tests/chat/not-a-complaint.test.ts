/** A question is answered, not filed as a complaint; a grievance still reaches a person. */
import { describe, expect, it } from "vitest";
import { demoConversation } from "../helpers/chat-context";
import { isPlainQuestion } from "../../app/chat/intent/grievance";
import { normalize } from "../../app/chat/preprocess";

const CUSTOMER = "gid://shopify/Customer/7294051849937";

describe("questions are not complaints", () => {
  it.each([
    "if i throw my puffy in the washing machine will it be ruined?",
    "is your down ethically sourced?",
    "did everything from my last order arrive?",
  ])("%s gets an answer, not a ticket", async (question) => {
    const say = await demoConversation({ customerId: CUSTOMER });
    const out = await say(question);
    expect(out.intent).not.toBe("complaint");
    expect(out.ticket).toBeUndefined();
    expect(out.handoff).toBe(false);
  });

  it("still hands a real grievance to a person", async () => {
    const say = await demoConversation({ customerId: CUSTOMER });
    const out = await say("this is the worst service ever, my boots fell apart after a week");
    expect(out.intent).toBe("complaint");
    expect(out.ticket?.kind).toBe("complaint");
  });

  it.each([
    ["is it waterproof?", true],
    ["¿Qué molienda uso para V60?", true],
    ["Es el colmo, mi café llegó con la bolsa rota y nadie me contesta.", false],
    ["why the hell is my order still not here?", false],
    ["C'est inadmissible, mon colis est en retard !", false],
  ])("%s reads as a plain question: %s", (text, plain) => {
    expect(isPlainQuestion(normalize(text))).toBe(plain);
  });
});
