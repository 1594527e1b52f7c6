/**
 * Chooses the approved-answer threshold on tests/fixtures/approved-answers/validation.jsonl:
 * prints each pair's similarity and, per candidate threshold, the paraphrases it matches and the
 * different questions it wrongly matches, with precision and recall.
 * Usage: npx tsx scripts/approved-threshold.ts [tests/fixtures/learning/validation.jsonl]
 */
import fs from "node:fs";
import { questionProfile, questionSimilarity } from "../app/chat/knowledge/question-similarity";

const file = process.argv[2] ?? "tests/fixtures/approved-answers/validation.jsonl";
const pairs = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { stored: string; asked: string; same: boolean });
const scored = pairs.map((p) => ({
  ...p,
  score: questionSimilarity(questionProfile(p.asked), questionProfile(p.stored)),
}));
for (const p of [...scored].sort((a, b) => b.score - a.score))
  console.log(`${p.same ? "same" : "diff"} ${p.score.toFixed(3)}  ${p.stored}  ||  ${p.asked}`);
for (let t = 0.3; t <= 0.8001; t += 0.05) {
  const hits = scored.filter((p) => p.same && p.score >= t).length;
  const wrong = scored.filter((p) => !p.same && p.score >= t).length;
  const recall = hits / scored.filter((p) => p.same).length;
  const precision = hits + wrong === 0 ? 1 : hits / (hits + wrong);
  console.log(
    `threshold ${t.toFixed(2)}: ${hits}/${scored.filter((p) => p.same).length} paraphrases matched, ${wrong} wrong matches (precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)})`,
  );
}
