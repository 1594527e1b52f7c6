/**
 * The fifth round of order readings: a swap or a part of the order asked in cancel words is a change,
 * an annoyed "why is it taking so long?" or "can someone tell me where my order is?" asks where it is,
 * the money of a return already made in deposit words, and one fact of the order in focus (its total,
 * the shipping paid, whether it's paid, the city it's in, a new date, from when or when to collect it).
 */
import { describe, expect, it } from "vitest";
import { stateQuestionIntent } from "../../app/chat/intent/state-questions";
import { readsAs } from "../helpers/order-question-rows";

const fresh = {};
const afterTracking = { lastIntent: "track_order" as const, orderNumber: "2051" };
const afterRefund = { lastIntent: "refund_status" as const, orderNumber: "2043" };

describe("a cancellation that says what comes instead, or cancels a part", () => {
  it("is a change of the order, in English, French and Spanish", () => {
    readsAs(fresh, [
      ["cancel_order", "I need to cancel the moss colour on my order, I want sky", "change_order"],
      ["cancel_order", "Can I cancel the size on my jacket order? I need L not M", "change_order"],
      ["cancel_order", "please cancel the blue one and replace it with the red one", "change_order"],
      ["cancel_order", "Cancel the moss, send sky", "change_order"],
      ["cancel_order", "I picked the wrong size, please cancel and reorder it in a medium", "change_order"],
      ["cancel_order", "I want to cancel one item from my order", "change_order"],
      ["cancel_order", "annulez le grand vase et mettez le petit à la place svp", "change_order"],
      ["cancel_order", "quiero cancelar los filtros y que me manden otro café en su lugar", "change_order"],
      ["product_info", "cancelen el de 1 kg y pónganme el de 250 g", "change_order"],
    ]);
  });

  it("stays a cancellation when it ends the whole order, asks for the money, or cancels instead of changing", () => {
    readsAs(fresh, [
      ["cancel_order", "please cancel my order and send me a refund", null],
      ["cancel_order", "cancel the whole order, I want my money back", null],
      ["cancel_order", "and can I cancel it instead?", null],
      ["cancel_order", "cancel my order and send me a confirmation email", null],
      ["cancel_order", "I want to cancel my order", null],
    ]);
  });
});

describe("an annoyed question about where the order is", () => {
  it("is tracking, even in a person's or a grievance's words", () => {
    readsAs(fresh, [
      ["complaint", "Why is my order taking so long? This is unacceptable!", "track_order"],
      ["complaint", "So disappointed. Is my order ever going to arrive?", "track_order"],
      ["human_agent", "This is ridiculous! Can someone tell me where my order is?", "track_order"],
      ["complaint", "¿y mi báscula? nadie vino", "track_order"],
      ["complaint", "nunca me llegó nada, ¿qué onda con mi olla?", "track_order"],
      ["return_item", "the tracking says return to sender?? where is my sleeping bag", "track_order"],
      ["return_item", "I'm so angry, the tracking says return to sender??", "track_order"],
    ]);
  });

  it("stays a complaint or a request for a person when it asks nothing of the order", () => {
    readsAs(fresh, [
      ["complaint", "this is ridiculous, my tent is so late. terrible service", null],
      ["human_agent", "can someone call me back?", null],
      ["return_item", "I want to return it to the sender", null],
    ]);
  });
});

describe("the money of a return already made, in other words", () => {
  it("is the refund", () => {
    readsAs(fresh, [
      ["return_item", "hello, i am return the boots, i want know if money come back already", "refund_status"],
      ["product_info", "ya regresé la prensa, ¿cuándo me depositan?", "refund_status"],
      ["return_policy", "devolví el molino porque venía defectuoso, ¿me regresaron también el envío?", "refund_status"],
    ]);
  });

  it("a return still to make is not", () => {
    readsAs(fresh, [["return_item", "quiero devolver la prensa, ¿me regresan el dinero?", null]]);
  });
});

describe("one fact of the order in focus", () => {
  it("after its tracking: the total, the shipping paid, whether it's paid, its city, a date, when to collect it", () => {
    readsAs(afterTracking, [
      ["out_of_scope", "what was the total again?", "track_order"],
      ["shipping_options", "how much was shipping?", "track_order"],
      ["payment_methods", "elle est payée ?", "track_order"],
      ["product_info", "which city is the parcel in now", "track_order"],
      ["product_search", "et vous avez une nouvelle date ?", "track_order"],
      ["out_of_scope", "à partir de quand ?", "track_order"],
      ["out_of_scope", "je peux y aller quand ?", "track_order"],
      ["change_shipping_address", "and it's going to Fremont Ave, correct?", "track_order"],
      ["product_info", "is the water bottle in there too?", "track_order"],
      ["track_order", "¿hasta cuándo lo puedo devolver?", "return_item"],
    ]);
  });

  it("an address to correct is still a change of address", () => {
    readsAs(afterTracking, [["change_shipping_address", "can you correct the address it's going to?", null]]);
  });

  it("a date asked right after a refund stays on the refund", () => {
    readsAs(afterRefund, [
      ["greeting", "which day?", "refund_status"],
      ["thanks_goodbye", "c'était quand ?", "refund_status"],
      ["track_order", "when was that?", "refund_status"],
      ["thanks_goodbye", "how much?", "refund_status"],
      ["out_of_scope", "¿cuánto?", "refund_status"],
      ["greeting", "¿qué día?", "refund_status"],
      ["shipping_options", "combien ?", "refund_status"],
      ["return_item", "¿me devuelven todo?", "refund_status"],
      ["out_of_scope", "so I get everything back?", "refund_status"],
    ]);
  });

  it("leaves the same words alone with no order in focus", () => {
    readsAs(fresh, [
      ["out_of_scope", "what was the total again?", null],
      ["out_of_scope", "à partir de quand ?", null],
      ["greeting", "which day?", null],
      ["thanks_goodbye", "how much?", null],
    ]);
  });

  it("'delivered today?' asks about an order already placed; 'shipped to Canada?' is the shop's shipping", () => {
    readsAs(fresh, [
      ["shipping_options", "livrée aujourd'hui ?", "track_order"],
      ["shipping_options", "shipped yet?", "track_order"],
      ["shipping_options", "shipped to Canada?", null],
    ]);
  });
});

describe("an order said to be cancelled, read as a payment problem", () => {
  it("is where that order stands, unless it names a charge", () => {
    expect(
      stateQuestionIntent("payment_issue", "I got an email saying my order was cancelled?? I never asked for that"),
    ).toBe("track_order");
    expect(stateQuestionIntent("payment_issue", "my order was cancelled but I was still charged?")).toBeNull();
  });
});
