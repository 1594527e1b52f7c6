/**
 * Scores reading the shop on its own: a labelled set of questions (tests/fixtures/…/retrieval.jsonl),
 * each with the sentences of the shop's text that answer it, or null when nothing in the shop's
 * text does. recall@1: the first sentence quoted is one of the labelled ones; correct abstention:
 * a question nothing answers gets no quote at all.
 */
import { readJsonl } from "./jsonl";

export interface RetrievalCase {
  id: string;
  lang?: string;
  question: string;
  /** Substrings of the shop's text that answer the question (any one will do), or null: nothing does. */
  answers: string[] | null;
}

export interface Quote {
  text: string;
  /** Where it came from ("REFUND_POLICY", "FAQ: …", "page: size-guide", "product: …"). */
  source: string;
  /** The retriever's own relevance for it (0–1), for calibrating the threshold. */
  relevance?: number;
}

export interface RetrievalResult {
  id: string;
  question: string;
  expected: string[] | null;
  quoted: Quote[];
  correct: boolean;
}

export interface RetrievalReport {
  n: number;
  answerable: number;
  unanswerable: number;
  /** Answerable questions whose first quote is a labelled sentence. */
  recallAt1: number;
  /** Unanswerable questions that got no quote. */
  abstention: number;
  /** Answerable questions that got no quote at all (a missed answer, not a wrong one). */
  wronglyAbstained: number;
  results: RetrievalResult[];
}

export function readRetrievalFile(file: string): RetrievalCase[] {
  return readJsonl(file, (row, line) => {
    const r = row as Partial<RetrievalCase>;
    const answersOk =
      r.answers === null ||
      (Array.isArray(r.answers) && r.answers.length > 0 && r.answers.every((a) => typeof a === "string" && a.trim()));
    if (typeof r.id !== "string" || typeof r.question !== "string" || !answersOk) {
      throw new Error(`${file}:${line}: expected {"id", "question", "answers": [substring, …] | null}`);
    }
    return { id: r.id, lang: r.lang, question: r.question, answers: r.answers ?? null };
  });
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

/** The quote is a labelled sentence: it contains one of the labels (or is a part of a longer label). */
export function quotesAnswer(quote: string, answers: string[]): boolean {
  const q = squash(quote);
  const bare = q.replace(/[.!?]+$/, "");
  return answers.some((answer) => {
    const a = squash(answer);
    return q.includes(a) || (bare.length >= 20 && a.includes(bare));
  });
}

export async function evaluateRetrieval(
  cases: RetrievalCase[],
  answer: (question: string) => Quote[] | Promise<Quote[]>,
): Promise<RetrievalReport> {
  const results: RetrievalResult[] = [];
  for (const c of cases) {
    const quoted = await answer(c.question);
    const correct =
      c.answers === null ? quoted.length === 0 : quoted.length > 0 && quotesAnswer(quoted[0].text, c.answers);
    results.push({ id: c.id, question: c.question, expected: c.answers, quoted, correct });
  }
  const answerable = results.filter((r) => r.expected !== null);
  const unanswerable = results.filter((r) => r.expected === null);
  const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    n: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt1: share(answerable.filter((r) => r.correct).length, answerable.length),
    abstention: share(unanswerable.filter((r) => r.correct).length, unanswerable.length),
    wronglyAbstained: answerable.filter((r) => r.quoted.length === 0).length,
    results,
  };
}

export interface SweepPoint {
  threshold: number;
  recallAt1: number;
  abstention: number;
}

/**
 * What recall@1 and correct abstention would be at each relevance threshold, from results taken
 * with no threshold at all (the first quote is the one the threshold would keep or drop): for
 * calibrating the threshold on one set and checking it on another.
 */
export function thresholdSweep(results: RetrievalResult[], thresholds: number[]): SweepPoint[] {
  const answerable = results.filter((r) => r.expected !== null);
  const unanswerable = results.filter((r) => r.expected === null);
  const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return thresholds.map((threshold) => {
    const kept = (r: RetrievalResult) => r.quoted.length > 0 && (r.quoted[0].relevance ?? 1) >= threshold;
    return {
      threshold,
      recallAt1: share(
        answerable.filter((r) => kept(r) && quotesAnswer(r.quoted[0].text, r.expected!)).length,
        answerable.length,
      ),
      abstention: share(unanswerable.filter((r) => !kept(r)).length, unanswerable.length),
    };
  });
}
