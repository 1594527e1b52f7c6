/**
 * Plays scenario files (tests/fixtures/eval/FORMAT.md) through the real chat pipeline, on a fresh
 * shop per scenario that the caller opens (scripts/eval.ts: a local demo store), with the shop's
 * clock as "today".
 */
import { buildChatContext } from "../chat/context.server";
import type { IntentClassifier } from "../chat/intent/engine";
import { respond, type TurnOutput } from "../chat/pipeline";
import type { EngineConfig } from "../llm/config";
import { respondWithEngine } from "../llm/engine-router";
import type { HistoryMessage } from "../llm/model-engine";
import type { DialogueState } from "../chat/types";
import { createCommerce } from "../commerce/store";
import type { AdminGraphql } from "../commerce/types";
import type { ShopSettings } from "../settings.server";
import { readJsonl } from "./jsonl";

export interface ScenarioTurn {
  user: string;
  expect: { intent?: string; facts?: string[][]; forbid?: string[] };
}

export interface Scenario {
  id: string;
  shopper: { email: string; customerId: string } | null;
  turns: ScenarioTurn[];
  note?: string;
  /** The dev store the scenario is about, in files that span several. */
  store?: string;
}

export function readScenariosFile(file: string): Scenario[] {
  return readJsonl(file, (row, line) => {
    const s = row as Partial<Scenario>;
    if (typeof s.id !== "string" || !Array.isArray(s.turns))
      throw new Error(`${file}:${line}: expected {"id", "shopper", "turns": [...]}`);
    return {
      id: s.id,
      shopper: s.shopper ?? null,
      turns: s.turns,
      note: s.note,
      ...(typeof s.store === "string" ? { store: s.store } : {}),
    };
  });
}

export interface TurnResult {
  scenario: string;
  turn: number;
  user: string;
  reply: string;
  intent: string;
  /** The label the turn expects, when it names one. */
  expectedIntent?: string;
  /** What the reply did (answer, clarification, no_answer, ...), as the answer code set it. */
  replyKind: string;
  /** The kind of each fact group the reply lacked (a date, a number, a word...). */
  missingKinds: FactKind[];
  /** For each lacked word: which part of the shop's data has it (see `wordSource`). */
  missingWordSources: string[];
  passed: boolean;
  problems: string[];
  forbidden: string[];
}

export interface ScenarioReport {
  scenarios: number;
  scenariosPassed: number;
  turns: number;
  passed: number;
  forbidden: number;
  results: TurnResult[];
  medianMs: number;
  p95Ms: number;
}

/** The shop a scenario is played on: its Admin API, its "now" and its merchant's settings. */
export interface ScenarioShop {
  shopDomain: string;
  graphql: AdminGraphql;
  now: Date;
  settings: ShopSettings;
  /**
   * The shop's data as named, lower-cased texts in the order they are searched (e.g. its orders,
   * its products, its policies and pages): tells where a word a reply lacked lives. Optional.
   */
  dataSections?: DataSection[];
}

export interface DataSection {
  name: string;
  text: string;
}

export interface ScenarioOptions {
  /** A fresh shop for the scenario: the one it names ("store": "maison-coquelicot") or the default. */
  openShop: (scenario: Scenario) => ScenarioShop;
  classifier?: IntentClassifier;
  /** Answer through this engine (local when absent), exactly as the proxy route does. */
  engine?: EngineConfig;
}

export async function evaluateScenarios(scenarios: Scenario[], options: ScenarioOptions): Promise<ScenarioReport> {
  const results: TurnResult[] = [];
  const times: number[] = [];
  let scenariosPassed = 0;
  for (const scenario of scenarios) {
    const store = options.openShop(scenario);
    const ctx = await buildChatContext({
      shop: store.shopDomain,
      commerce: createCommerce(store.graphql),
      settings: store.settings,
      classifier: options.classifier,
      now: store.now,
    });
    let state: DialogueState = {};
    const history: HistoryMessage[] = [];
    let allPassed = true;
    for (const [index, turn] of scenario.turns.entries()) {
      const started = performance.now();
      const input = { text: turn.user, state, shopper: { customerId: scenario.shopper?.customerId ?? null } };
      const output = options.engine
        ? (await respondWithEngine(input, ctx, options.engine, { shop: store.shopDomain, history: [...history] }))
            .output
        : await respond(input, ctx);
      times.push(performance.now() - started);
      state = output.state;
      history.push({ role: "shopper", text: turn.user }, { role: "bot", text: output.text });
      const result = checkTurn(scenario.id, index, turn, output, store.dataSections ?? []);
      allPassed &&= result.passed;
      results.push(result);
    }
    if (allPassed) scenariosPassed += 1;
  }
  const sorted = times.sort((a, b) => a - b);
  return {
    scenarios: scenarios.length,
    scenariosPassed,
    turns: results.length,
    passed: results.filter((r) => r.passed).length,
    forbidden: results.reduce((sum, r) => sum + r.forbidden.length, 0),
    results,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
  };
}

/** What the shopper sees: the reply text and the product cards under it. */
export function visibleReply(output: TurnOutput): string {
  const cards = (output.products ?? []).map(
    (p) => `${p.title} ${p.price}${p.compareAtPrice ? ` (was ${p.compareAtPrice})` : ""}`,
  );
  return [output.text, ...cards].join("\n");
}

function checkTurn(
  scenario: string,
  index: number,
  turn: ScenarioTurn,
  output: TurnOutput,
  sections: DataSection[],
): TurnResult {
  const reply = visibleReply(output);
  const lower = reply.toLowerCase();
  const problems: string[] = [];
  const missingKinds: FactKind[] = [];
  const missingWordSources: string[] = [];
  if (turn.expect.intent && turn.expect.intent !== output.intent)
    problems.push(`intent ${output.intent}, expected ${turn.expect.intent}`);
  for (const group of turn.expect.facts ?? []) {
    if (!group.some((alternative) => lower.includes(alternative.toLowerCase()))) {
      problems.push(`missing one of ${JSON.stringify(group)}`);
      const kind = factKind(group);
      missingKinds.push(kind);
      if (kind === "word" && sections.length > 0) missingWordSources.push(wordSource(group, sections));
    }
  }
  const forbidden = (turn.expect.forbid ?? []).filter((f) => lower.includes(f.toLowerCase()));
  for (const f of forbidden) problems.push(`forbidden ${JSON.stringify(f)}`);
  return {
    scenario,
    turn: index + 1,
    user: turn.user,
    reply,
    intent: output.intent,
    expectedIntent: turn.expect.intent,
    replyKind: output.replyKind,
    missingKinds,
    missingWordSources,
    passed: problems.length === 0,
    problems,
    forbidden,
  };
}

export type FactKind = "date" | "money" | "number" | "link" | "word";

/**
 * What kind of fact a group of alternatives expects, read off its alternatives' shape: counts of
 * these say whether failing replies lack a date, an amount, an identifier or a word, without
 * showing the words.
 */
export function factKind(group: string[]): FactKind {
  const MONTH =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|janv|févr|avr|mai|juin|juil|août|déc)[a-zéû]*\.?\s/i;
  const shaped = (test: (a: string) => boolean) => group.some(test);
  if (shaped((a) => /https?:\/\/|\/[a-z-]+\//i.test(a))) return "link";
  if (
    shaped(
      (a) =>
        /\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?/.test(a) || MONTH.test(`${a} `) || /\b\d{1,2}\s+(de\s+)?[a-zé]{3,}/i.test(a),
    )
  )
    return "date";
  if (shaped((a) => /[$€£¥]|\d[.,]\d{2}\b|\b(usd|eur|mxn|cad|gbp)\b/i.test(a))) return "money";
  if (shaped((a) => /\d{2,}/.test(a))) return "number";
  return "word";
}

/**
 * Which part of the shop's data holds one of a word group's alternatives (the first section that
 * does), or "bot copy" when none does: the word can only come from the bot's own phrasing (a
 * status said in words, an apology, a next step). Names a place, never the word.
 */
export function wordSource(group: string[], sections: DataSection[]): string {
  const alternatives = group.map((a) => a.toLowerCase());
  return sections.find((s) => alternatives.some((a) => s.text.includes(a)))?.name ?? "bot copy";
}

/** The label a turn counts under: its own, or (a follow-up) its conversation's first label. */
function groupKeys(results: TurnResult[]): string[] {
  const topic = new Map<string, string>();
  for (const r of results) if (r.expectedIntent && !topic.has(r.scenario)) topic.set(r.scenario, r.expectedIntent);
  return results.map((r) => r.expectedIntent ?? `… after ${topic.get(r.scenario) ?? "(no label)"}`);
}

/**
 * For failed turns: per label, what the bot did (its label and reply kind) and what kind of fact
 * it left out. Counts only, no item's words.
 */
export function failureShapes(results: TurnResult[]) {
  const keys = groupKeys(results);
  const shapes = new Map<string, Map<string, number>>();
  const bump = (key: string, shape: string) => {
    const row = shapes.get(key) ?? new Map<string, number>();
    row.set(shape, (row.get(shape) ?? 0) + 1);
    shapes.set(key, row);
  };
  results.forEach((r, index) => {
    if (r.passed) return;
    bump(keys[index], `→ ${r.intent}/${r.replyKind}`);
    for (const kind of r.missingKinds) bump(keys[index], `lacks ${kind}`);
    for (const where of r.missingWordSources ?? []) bump(keys[index], `lacks word: ${where}`);
  });
  return shapes;
}

/** Per expected label: turns, passed, and why the rest failed. Counts only, no item's words. */
export function failuresByIntent(results: TurnResult[]) {
  const rows = new Map<string, { turns: number; passed: number; wrongIntent: number; missingFacts: number }>();
  // An unlabelled turn is a follow-up: it counts under the conversation's first label.
  const keys = groupKeys(results);
  for (const [index, r] of results.entries()) {
    const key = keys[index];
    const row = rows.get(key) ?? { turns: 0, passed: 0, wrongIntent: 0, missingFacts: 0 };
    row.turns += 1;
    if (r.passed) row.passed += 1;
    if (r.problems.some((p) => p.startsWith("intent "))) row.wrongIntent += 1;
    if (r.problems.some((p) => p.startsWith("missing "))) row.missingFacts += 1;
    rows.set(key, row);
  }
  return [...rows.entries()].sort((a, b) => b[1].turns - b[1].passed - (a[1].turns - a[1].passed));
}
