/**
 * Told as a story first, then asked in few words: a return made, then "can you check?", "status?", "nothing on my
 * Visa"; an order placed, then "can I get just the poles?", "one headlamp less". The story's words pull the
 * model to tracking, a complaint or small talk; what was done and what is asked make it the refund or the change.
 */
import { describe, expect, it } from "vitest";
import { orderQuestionIntent } from "../../app/chat/intent/order-questions";

const read = (intent: Parameters<typeof orderQuestionIntent>[0], text: string) => orderQuestionIntent(intent, text, {});

describe("a return made, then asked after", () => {
  it("is the refund", () => {
    expect(
      read("track_order", "I returned a jacket from order 1047 about ten days ago. Could you tell me the status?"),
    ).toBe("refund_status");
    expect(
      read(
        "complaint",
        "The colour wasn't right, so I returned it using your form. Your email said the return was closed. I just want to make sure everything is settled.",
      ),
    ).toBe("refund_status");
    expect(
      read(
        "track_order",
        "Long story short, the fleece went back to your warehouse. My partner says nothing has come in from you.",
      ),
    ).toBe("refund_status");
    expect(read("out_of_scope", "Sent back the green fleece. Your site says processed. My card says nothing.")).toBe(
      "refund_status",
    );
    expect(
      read("out_of_scope", "OK so the fleece. Returned. Accepted. And then... nothing on my Visa. What gives?"),
    ).toBe("refund_status");
  });
});

describe("an order placed, then part of it asked", () => {
  it("is a change", () => {
    expect(
      read(
        "track_order",
        "I placed an order yesterday with poles and a headlamp. My brother bought me the same headlamp. Is it possible to get just the poles?",
      ),
    ).toBe("change_order");
    expect(read("track_order", "My order from yesterday isn't shipped yet. I need it with one headlamp less.")).toBe(
      "change_order",
    );
  });

  it("leaves where it is alone", () => {
    expect(
      read("track_order", "I placed an order yesterday with poles and a headlamp. When will it arrive?"),
    ).toBeNull();
  });
});
