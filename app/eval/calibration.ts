/**
 * Does the engine's confidence mean what it says? Expected calibration error over equal-width
 * confidence bins (Guo et al. 2017), the bins behind a reliability diagram, and a confusion matrix.
 */

/** Ten bins is the usual choice: fine enough to see a slope, coarse enough that each bin has examples. */
export const CALIBRATION_BINS = 10;

export interface ReliabilityBin {
  /** The bin covers confidences in (lo, hi]; the first one also takes 0. */
  lo: number;
  hi: number;
  count: number;
  /** Share of the bin's predictions that were right; 0 for an empty bin. */
  accuracy: number;
  /** Mean confidence of the bin's predictions; 0 for an empty bin. */
  confidence: number;
}

export interface Calibration {
  /** Σ over bins of (bin size ÷ n) × |accuracy − confidence|: 0 is perfectly calibrated. */
  ece: number;
  bins: ReliabilityBin[];
}

export function calibration(
  confidences: readonly number[],
  correct: readonly boolean[],
  binCount = CALIBRATION_BINS,
): Calibration {
  if (confidences.length !== correct.length) throw new Error("calibration: one correctness flag per confidence");
  const bins = Array.from({ length: binCount }, (_, i) => ({
    lo: i / binCount,
    hi: (i + 1) / binCount,
    count: 0,
    right: 0,
    sum: 0,
  }));
  confidences.forEach((c, i) => {
    const clamped = Math.min(1, Math.max(0, c));
    const bin = bins[Math.max(0, Math.ceil(clamped * binCount) - 1)];
    bin.count += 1;
    bin.sum += clamped;
    if (correct[i]) bin.right += 1;
  });
  const n = confidences.length;
  const out = bins.map((b) => ({
    lo: b.lo,
    hi: b.hi,
    count: b.count,
    accuracy: b.count ? b.right / b.count : 0,
    confidence: b.count ? b.sum / b.count : 0,
  }));
  const ece = n ? out.reduce((sum, b) => sum + (b.count / n) * Math.abs(b.accuracy - b.confidence), 0) : 0;
  return { ece, bins: out };
}

/** counts[expected][predicted] over `labels` (rows: the true label). */
export function confusionMatrix(
  expected: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): number[][] {
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = labels.map(() => labels.map(() => 0));
  expected.forEach((e, i) => {
    const row = index.get(e);
    const column = index.get(predicted[i]);
    if (row !== undefined && column !== undefined) counts[row][column] += 1;
  });
  return counts;
}
