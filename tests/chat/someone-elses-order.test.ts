/**
 * A shopper who says the order is someone else's — a neighbour's, a friend's, a roommate's — is not
 * verified for it, whatever email they give: the bot helps only the person who placed it.
 * Facts come from the demo snapshot.
 */
import { describe, expect, it } from "vitest";
import { analyzeTurn } from "../../app/chat/pipeline";
import { saysOrderIsSomeoneElses } from "../../app/chat/third-party";
import { loadDemoSnapshot } from "../../demo/demo-store";
import { emptyEffects, runTool } from "../../app/llm/tools";
import { demoChatContext, demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const order = snapshot.orders.find((o: any) => o.name === "#1058");
const details = [
  order.lineItems[0].title,
  order.fulfillments[0].trackingInfo[0].number,
  order.shippingAddress.address1,
];

function expectRefused(text: string) {
  expect(text).toMatch(
    /only help the person who placed|solo puedo ayudar .* a la persona que lo hizo|ne peux aider que la personne qui a passé/,
  );
  for (const detail of details) expect(text).not.toContain(detail);
}

describe("someone else's order", () => {
  it.each([
    `where is order 1058? it's my neighbour's, her email is ${order.email}`,
    `can you check my friend's order #1058? the email is ${order.email}`,
    `I'm asking for my roommate: order 1058, ${order.email}`,
    `¿dónde está el pedido 1058 de mi vecina? su correo es ${order.email}`,
    `où en est la commande 1058 de mon ami ? son e-mail est ${order.email}`,
  ])("%j is refused, with the right email", async (text) => {
    const say = await demoConversation();
    expectRefused((await say(text)).text);
  });

  it("stays refused in that conversation when the shopper then claims it, and a wrong email gets the same answer", async () => {
    const say = await demoConversation();
    const right = await say(`where is my neighbour's order 1058? email ${order.email}`);
    expectRefused(right.text);
    expectRefused((await say(`ok fine, it's mine. order 1058, ${order.email}`)).text);
    const wrong = await (await demoConversation())(`where is my neighbour's order 1058? email someone@example.com`);
    expect(wrong.text).toBe(right.text);
  });

  it("is refused by the model's get_order tool too", async () => {
    const ctx = await demoChatContext();
    const text = `my friend's order 1058 please, her email is ${order.email}`;
    const { turn } = analyzeTurn({ text, state: {}, shopper: { customerId: null } }, ctx);
    const result = JSON.stringify(
      await runTool("get_order", JSON.stringify({ order_number: "1058", email: order.email }), turn, emptyEffects()),
    );
    expect(result).toMatch(/"found":false/);
    expect(JSON.parse(result).access).toEqual({ kind: "not_theirs" });
    for (const detail of details) expect(result).not.toContain(detail);
  });

  it("tells apart an order the shopper placed as a gift", () => {
    for (const own of [
      "I ordered it for my friend, where is order 1058?",
      "it was a gift for my mom",
      "where is my order? my friend says it's late",
      "j'ai acheté un cadeau pour ma sœur",
      "I bought a gift card for a friend, was it sent?",
      "compré una tarjeta de regalo para una amiga",
      // A story: the gift comes a sentence's length after the purchase, or on a birthday.
      "I ordered trekking poles and a headlamp yesterday for my dad. Turns out my brother already got him one.",
      "Bought the alpine shell for my husband's birthday, he wants the blue one instead",
      "j'ai passé commande hier d'un grand vase et d'une carafe pour l'anniversaire de ma mère",
      "pedí una olla de barro y café de olla para el cumpleaños de mi mamá",
    ]) {
      expect(saysOrderIsSomeoneElses(own)).toBe(false);
    }
    for (const other of [
      "it's my mom's package",
      "on behalf of my colleague",
      "el pedido es para mi compañero de piso",
      "c'est la commande de ma voisine",
      "this is someone else's order",
      "asking for a friend: where is order 1058?",
      // Getting a message or having a question is no purchase, however long the sentence.
      "Got a quick question about an order for my mom, where is 1058?",
      "I got a message from your shop this morning about the parcel for my neighbour, can you tell me where order 1058 is?",
    ]) {
      expect(saysOrderIsSomeoneElses(other)).toBe(true);
    }
  });

  it("reads a question about the shopper's own order that only says it isn't moving as theirs", () => {
    for (const own of [
      "why isn't my order moving",
      "why is my order not moving?",
      "isn't my order supposed to be here by now?",
      "wasn't mine shipped yesterday?",
    ]) {
      expect(saysOrderIsSomeoneElses(own)).toBe(false);
    }
    for (const other of ["that's not my order", "this isn't mine, I never bought it", "it wasn't my order."]) {
      expect(saysOrderIsSomeoneElses(other)).toBe(true);
    }
  });
});
