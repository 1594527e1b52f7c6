import { describe, expect, it } from "vitest";
import { SpellingCorrector } from "../../app/chat/intent/spelling";
import { shippedClassifier } from "../../app/chat/intent/engine";

describe("spelling correction before intent features", () => {
  const corrector = SpellingCorrector.fromWords([
    "cancel",
    "cancel",
    "refund",
    "order",
    "from",
    "form",
    "form",
    "shipping",
    "sizes",
  ]);

  it.each([
    ["cancle", "cancel"], // swapped letters
    ["refnd", "refund"], // a dropped letter
    ["reffund", "refund"], // a doubled letter
    ["shiping", "shipping"],
    ["ordar", "order"], // a replaced letter
  ])("corrects %j to %j", (typed, known) => {
    expect(corrector.correct(typed)).toBe(known);
  });

  it("keeps known words, short words, numbers and words more than one edit away", () => {
    expect(corrector.correct("from")).toBe("from");
    expect(corrector.correct("ordr")).toBe("order");
    expect(corrector.correct("cat")).toBe("cat");
    expect(corrector.correct("10420")).toBe("10420");
    expect(corrector.correct("rfnda")).toBe("rfnda");
    expect(corrector.correct("xancey")).toBe("xancey"); // two replacements share a deletion key but are two edits
  });

  it("prefers the more frequent word when two are one edit away", () => {
    expect(corrector.correct("frorm")).toBe("form"); // one edit from both; "form" was seen twice, "from" once
  });

  it("lets a far more frequent word take the place of a rare form training saw (meant)", () => {
    const words = SpellingCorrector.fromWords([...Array(30).fill("return"), "retrun", "parcel", "parcels"]);
    expect(words.correct("retrun")).toBe("retrun"); // seen in training: the model keeps its own feature
    expect(words.meant("retrun")).toBe("return"); // seen once, "return" thirty times
    expect(words.meant("parcels")).toBe("parcels"); // "parcel" is not far more frequent
    expect(words.meant("retrn")).toBe("return");
  });

  it("lets the shipped model read misspelt messages", () => {
    expect(shippedClassifier().classify("i wnat to cancle my odrer").intent).toBe("cancel_order");
    expect(shippedClassifier().classify("wen do i get my refnud").intent).toBe("refund_status");
  });
});
