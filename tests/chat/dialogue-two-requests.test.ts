/** A message with two requests gets both answered; one request said with an aside stays one. */
import { describe, expect, it } from "vitest";
import { shippedClassifier } from "../../app/chat/intent/engine";
import { separateRequests } from "../../app/chat/requests";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";
import { loadDemoSnapshot } from "../../demo/demo-store";

const classifier = shippedClassifier();
const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const inTransit = snapshot.orders.find(
  (o: any) => o.fulfillments.some((f: any) => f.displayStatus === "IN_TRANSIT") && !o.customerId?.endsWith("0"),
);

describe("separating requests", () => {
  it.each([
    [
      "Where's my order 1058, email emma.larsen@example.com, and what's your return policy?",
      ["Where's my order 1058, email emma.larsen@example.com", "what's your return policy?"],
    ],
    ["¿Aceptan pagos en OXXO y hacen envíos a Canadá?", ["¿Aceptan pagos en OXXO", "hacen envíos a Canadá?"]],
    [
      "Quels sont vos délais de livraison en Belgique et acceptez-vous PayPal ?",
      ["Quels sont vos délais de livraison en Belgique", "acceptez-vous PayPal ?"],
    ],
  ])("%j is two requests", (text, parts) => {
    expect(separateRequests(text, classifier)).toEqual(parts);
  });

  it.each([
    "Where is my order 1058? My email is emma.larsen@example.com",
    "Hi! Where is my order?",
    "do you have it in black and blue?",
    "where is it? has it shipped yet?",
  ])("%j is one request", (text) => {
    expect(separateRequests(text, classifier)).toBeNull();
  });
});

describe("answering both", () => {
  it("tracks the order and quotes the return policy in one reply", async () => {
    const say = await demoConversation();
    const number = inTransit.name.slice(1);
    const reply = await say(`Where's my order ${number}, email ${inTransit.email}, and what's your return policy?`);
    const carrier = inTransit.fulfillments.find((f: any) => f.displayStatus === "IN_TRANSIT").trackingInfo[0].company;
    expect(reply.text).toContain(carrier);
    expect(reply.text).toMatch(/30 days/);
    expect(reply.intent).toBe("track_order");
    // The conversation goes on about that order.
    expect(reply.state.orderNumber).toBe(number);
  });
});

describe("one question about two products", () => {
  it("is asked of each", async () => {
    const [a, b] = ["Headlamp 400", "Trailblazer Trekking Poles"].map((title) =>
      snapshot.products.find((p: any) => p.title === title),
    );
    const say = await demoConversation();
    const reply = await say(`how much is the ${a.title} and the ${b.title}?`);
    expect(reply.intent).toBe("product_info");
    expect(reply.products?.map((p) => p.title)).toEqual([a.title, b.title]);
    expect(reply.text).toContain(a.variants[0].price);
    expect(reply.text).toContain(b.variants[0].price);
  });

  it("leaves two values of one product's option to that product", async () => {
    const say = await demoConversation();
    const reply = await say("do you have the Summit 30 Daypack in black and blue?");
    expect(reply.products?.map((p) => p.title)).toEqual(["Summit 30 Daypack"]);
  });
});

describe("two requests, one of which asks the shopper something", () => {
  it("answers the other first and waits on the question", async () => {
    const say = await demoConversation();
    const number = inTransit.name.slice(1);
    const reply = await say(`where is my order ${number} and what is your return policy?`);
    expect(reply.text.indexOf("30 days")).toBeLessThan(reply.text.indexOf("email"));
    expect(reply.state).toMatchObject({ awaiting: "email", lastIntent: "track_order", orderNumber: number });
    const tracked = await say(inTransit.email);
    expect(tracked.intent).toBe("track_order");
  });
});
