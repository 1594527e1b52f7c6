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
      const result = checkTurn(scenario.id, index, turn, output);
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

function checkTurn(scenario: string, index: number, turn: ScenarioTurn, output: TurnOutput): TurnResult {
  const reply = visibleReply(output);
  const lower = reply.toLowerCase();
  const problems: string[] = [];
  if (turn.expect.intent && turn.expect.intent !== output.intent)
    problems.push(`intent ${output.intent}, expected ${turn.expect.intent}`);
  for (const group of turn.expect.facts ?? []) {
    if (!group.some((alternative) => lower.includes(alternative.toLowerCase())))
      problems.push(`missing one of ${JSON.stringify(group)}`);
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
    passed: problems.length === 0,
    problems,
    forbidden,
  };
}

/** Per expected label: turns, passed, and why the rest failed. Counts only, no item's words. */
export function failuresByIntent(results: TurnResult[]) {
  const rows = new Map<string, { turns: number; passed: number; wrongIntent: number; missingFacts: number }>();
  // An unlabelled turn is a follow-up: it counts under the conversation's first label.
  const topic = new Map<string, string>();
  for (const r of results) if (r.expectedIntent && !topic.has(r.scenario)) topic.set(r.scenario, r.expectedIntent);
  for (const r of results) {
    const key = r.expectedIntent ?? `… after ${topic.get(r.scenario) ?? "(no label)"}`;
    const row = rows.get(key) ?? { turns: 0, passed: 0, wrongIntent: 0, missingFacts: 0 };
    row.turns += 1;
    if (r.passed) row.passed += 1;
    if (r.problems.some((p) => p.startsWith("intent "))) row.wrongIntent += 1;
    if (r.problems.some((p) => p.startsWith("missing "))) row.missingFacts += 1;
    rows.set(key, row);
  }
  return [...rows.entries()].sort((a, b) => b[1].turns - b[1].passed - (a[1].turns - a[1].passed));
}
