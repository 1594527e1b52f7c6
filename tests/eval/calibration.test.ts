import { describe, expect, it } from "vitest";
import { calibration, confusionMatrix } from "../../app/eval/calibration";
import { confusionSvg, reliabilitySvg } from "../../app/eval/plots";

describe("calibration", () => {
  it("is 0 when confidence matches accuracy in every bin, and grows with overconfidence", () => {
    // Ten at 0.8 with eight right: calibrated.
    const calibrated = calibration(Array(10).fill(0.8), [true, true, true, true, true, true, true, true, false, false]);
    expect(calibrated.ece).toBeCloseTo(0, 10);
    // Ten at 0.95 with half right: 0.45 off.
    const overconfident = calibration(
      Array(10).fill(0.95),
      Array.from({ length: 10 }, (_, i) => i < 5),
    );
    expect(overconfident.ece).toBeCloseTo(0.45, 10);
    expect(overconfident.bins[9]).toMatchObject({ count: 10, accuracy: 0.5 });
  });

  it("weights each bin by its share of the messages", () => {
    const result = calibration([0.15, 0.15, 0.95, 0.95], [false, false, true, true]);
    // Bin 2: |0 − 0.15| × ½; bin 10: |1 − 0.95| × ½.
    expect(result.ece).toBeCloseTo(0.1, 10);
    expect(result.bins.filter((b) => b.count > 0).map((b) => b.count)).toEqual([2, 2]);
  });

  it("counts confusions by true and predicted label, and draws both pictures", () => {
    const counts = confusionMatrix(["a", "a", "b"], ["a", "b", "b"], ["a", "b"]);
    expect(counts).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(confusionSvg(["a", "b"], counts, "t")).toMatch(/^<svg[\s\S]*a → b: 1[\s\S]*<\/svg>\n$/);
    expect(reliabilitySvg(calibration([0.9], [true]).bins, "t", 0.1)).toContain("ECE 0.100");
  });
});
