/**
 * A grievance that tells of a return ("I had to return the boots twice, poor quality", "your return process is a
 * nightmare", "tuve que devolver la cafetera y nadie me responde") vents; it asks for no return, so it is the
 * complaint it is. Asking to make a return ("can I return it?") stays a return, however annoyed.
 */
import { describe, expect, it } from "vitest";
import { orderQuestionIntent } from "../../app/chat/intent/order-questions";

const read = (intent: Parameters<typeof orderQuestionIntent>[0], text: string) => orderQuestionIntent(intent, text, {});

describe("a return told inside a grievance", () => {
  it("is a complaint, in en/fr/es", () => {
    expect(read("return_item", "I had to return the boots twice because of defects, really poor quality control")).toBe(
      "complaint",
    );
    expect(
      read("return_item", "Your return process is a nightmare. I've been trying to send this jacket back for a week."),
    ).toBe("complaint");
    expect(read("return_item", "qué decepción, tuve que devolver la cafetera y nadie me responde")).toBe("complaint");
    expect(read("return_item", "j'ai dû renvoyer la nappe tachée, franchement décevant")).toBe("complaint");
  });

  it("leaves a return asked for alone", () => {
    expect(read("return_item", "this jacket is a disappointment, can I return it?")).toBeNull();
    expect(read("return_item", "the boots fell apart, I want to send them back")).toBeNull();
    expect(read("return_item", "I returned the boots last week, where is my refund?")).not.toBe("complaint");
  });
});
