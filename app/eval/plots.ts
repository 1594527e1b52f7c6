/** The eval report's two pictures, as standalone SVG: a reliability diagram and a confusion matrix. */
import type { ReliabilityBin } from "./calibration";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Accuracy per confidence bin against the diagonal a calibrated engine would follow. */
export function reliabilitySvg(bins: ReliabilityBin[], title: string, ece: number): string {
  const size = 320;
  const pad = 48;
  const x = (v: number) => pad + v * size;
  const y = (v: number) => pad + (1 - v) * size;
  const bars = bins
    .filter((b) => b.count > 0)
    .map((b) => {
      const height = b.accuracy * size;
      const gap = Math.abs(b.accuracy - b.confidence) * size;
      return [
        `<rect x="${x(b.lo) + 1}" y="${y(b.accuracy)}" width="${(b.hi - b.lo) * size - 2}" height="${height}" fill="#2c6ecb"><title>${b.count} messages, confidence ${b.confidence.toFixed(2)}, accuracy ${b.accuracy.toFixed(2)}</title></rect>`,
        `<rect x="${x(b.lo) + 1}" y="${y(Math.max(b.accuracy, b.confidence))}" width="${(b.hi - b.lo) * size - 2}" height="${gap}" fill="#d82c0d" fill-opacity="0.35"/>`,
        `<text x="${x((b.lo + b.hi) / 2)}" y="${y(0) + 14}" font-size="9" text-anchor="middle">${b.count}</text>`,
      ].join("");
    })
    .join("\n");
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<text x="${x(v)}" y="${y(0) + 30}" font-size="10" text-anchor="middle">${v}</text><text x="${pad - 6}" y="${y(v) + 3}" font-size="10" text-anchor="end">${v}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size + pad * 2}" height="${size + pad * 2 + 10}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${pad}" y="20" font-size="13" font-weight="bold">${escape(title)} — ECE ${ece.toFixed(3)}</text>
<rect x="${pad}" y="${pad}" width="${size}" height="${size}" fill="none" stroke="#999"/>
${bars}
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#333" stroke-dasharray="4 3"/>
${ticks}
<text x="${x(0.5)}" y="${size + pad * 2}" font-size="11" text-anchor="middle">confidence (message count under each bar; red: gap to calibrated)</text>
<text transform="translate(14 ${y(0.5)}) rotate(-90)" font-size="11" text-anchor="middle">accuracy</text>
</svg>
`;
}

/** Rows: the true intent; columns: the predicted one; darker is more. */
export function confusionSvg(labels: readonly string[], counts: number[][], title: string): string {
  const cell = 22;
  const left = 170;
  const top = 170;
  const max = Math.max(1, ...counts.flat());
  const cells = counts
    .flatMap((row, r) =>
      row.map((count, c) => {
        if (count === 0) return "";
        const shade =
          r === c ? `rgba(0,128,96,${0.15 + (0.85 * count) / max})` : `rgba(216,44,13,${0.25 + (0.75 * count) / max})`;
        return `<rect x="${left + c * cell}" y="${top + r * cell}" width="${cell - 1}" height="${cell - 1}" fill="${shade}"><title>${escape(labels[r])} → ${escape(labels[c])}: ${count}</title></rect><text x="${left + c * cell + cell / 2}" y="${top + r * cell + 15}" font-size="9" text-anchor="middle">${count}</text>`;
      }),
    )
    .join("\n");
  const rowLabels = labels
    .map(
      (l, i) => `<text x="${left - 6}" y="${top + i * cell + 15}" font-size="10" text-anchor="end">${escape(l)}</text>`,
    )
    .join("");
  const columnLabels = labels
    .map(
      (l, i) =>
        `<text transform="translate(${left + i * cell + 14} ${top - 6}) rotate(-60)" font-size="10">${escape(l)}</text>`,
    )
    .join("");
  const width = left + labels.length * cell + 20;
  const height = top + labels.length * cell + 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="20" font-size="13" font-weight="bold">${escape(title)} (rows: true intent, columns: predicted)</text>
<rect x="${left}" y="${top}" width="${labels.length * cell}" height="${labels.length * cell}" fill="none" stroke="#ccc"/>
${rowLabels}
${columnLabels}
${cells}
</svg>
`;
}
