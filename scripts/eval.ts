/**
 * npm run eval -- intents FILE [--store SNAPSHOT] [--json] [--min-accuracy 0.9] [--show-failures] [--out DIR]
 * npm run eval -- scenarios FILE --store SNAPSHOT [--json] [--min-pass 0.9]
 * npm run eval -- retrieval FILE --store SNAPSHOT [--json] [--min-recall 0.9] [--min-abstention 0.9] [--show-failures] [--sweep] [--gates]
 *
 * The regression runner for merchants and developers. With --json the last line of output is
 * one JSON summary; a missed --min-* threshold exits 1 so CI can gate on it.
 */
import fs from "node:fs";
import path from "node:path";
import { INTENTS } from "../app/chat/intent/labels";
import { confusionSvg, reliabilitySvg } from "../app/eval/plots";
import { parseArgs } from "node:util";
import { buildCatalog } from "../app/chat/entities";
import { shippedClassifier } from "../app/chat/intent/engine";
import { createDemoStore, loadDemoSnapshot, type DemoSnapshot } from "../demo/demo-store";
import { createCommerce } from "../app/commerce/store";
import { buildChatContext } from "../app/chat/context.server";
import {
  languageOf,
  searchKnowledge,
  shopAnswer,
  sourceLabel,
  topicReader,
  tracedShopAnswer,
} from "../app/chat/knowledge";
import { evaluateRetrieval, quotesAnswer, readRetrievalFile, thresholdSweep } from "../app/eval/retrieval";
import { devStorePath } from "../demo/dev-stores";
import { demoShopSettings } from "../demo/demo-settings";
import {
  evaluateIntents,
  localLabeler,
  readIntentsFile,
  ENTITY_KEYS,
  type IntentReport,
  type Labeler,
} from "../app/eval/intents";
import { resolveEngineConfig, type EngineConfig } from "../app/llm/config";
import { HYBRID_CONFIDENCE } from "../app/llm/engine-router";
import { classifyWithModel, openaiClient } from "../app/llm/model-engine";
import {
  evaluateScenarios,
  failuresByIntent,
  failureShapes,
  readScenariosFile,
  type DataSection,
} from "../app/eval/scenarios";
import { settingsFor } from "../app/settings.server";
import { courteously, inPhoneStyle, withTypos } from "../app/eval/variants";

const USAGE = `usage:
  npm run eval -- intents FILE [--store SNAPSHOT] [--shop DOMAIN] [--engine local|openai|hybrid] [--json] [--min-accuracy N] [--show-failures] [--out DIR]
  npm run eval -- scenarios FILE --store SNAPSHOT [--json] [--min-pass N] [--by-intent] [--typos SEED] [--phone-style] [--courteous]
    --typos SEED: one typo in each shopper message (swapped, dropped, doubled or neighbouring letter), seeded
    --phone-style: each shopper message in lower case, without its closing "?", "." or "!"
    --courteous: a greeting before the first message and a thanks after each, in its language
    --by-intent: counts per expected label instead of the failed turns (for frozen sets)
  npm run eval -- retrieval FILE --store SNAPSHOT [--json] [--min-recall N] [--min-abstention N] [--show-failures] [--sweep] [--gates]
    --sweep: recall@1 and abstention at each relevance threshold, for calibrating it
    --gates: for the answerable questions that got no quote, which gate dropped the answer (counts; items with --show-failures)`;

const DEFAULT_SNAPSHOT = path.resolve("demo", "demo-store.json");

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      store: { type: "string" },
      json: { type: "boolean", default: false },
      "min-accuracy": { type: "string" },
      "min-pass": { type: "string" },
      "min-recall": { type: "string" },
      "min-abstention": { type: "string" },
      "show-failures": { type: "boolean", default: false },
      sweep: { type: "boolean", default: false },
      gates: { type: "boolean", default: false },
      "by-intent": { type: "boolean", default: false },
      typos: { type: "string" },
      "phone-style": { type: "boolean", default: false },
      courteous: { type: "boolean", default: false },
      out: { type: "string" },
      engine: { type: "string", default: "local" },
      shop: { type: "string" },
    },
  });
  const [mode, file] = positionals;
  if (!file || (mode !== "intents" && mode !== "scenarios" && mode !== "retrieval")) {
    console.error(USAGE);
    return 2;
  }
  if (!["local", "openai", "hybrid"].includes(values.engine!)) {
    console.error(`--engine must be local, openai or hybrid`);
    return 2;
  }
  const engine = resolveEngineConfig({ engineMode: values.engine!, openaiModel: "", openaiKey: null });
  if (engine.mode !== values.engine) {
    console.error(`--engine ${values.engine} needs OPENAI_API_KEY (and optionally OPENAI_MODEL, OPENAI_BASE_URL)`);
    return 2;
  }
  const snapshot = loadDemoSnapshot(values.store ? path.resolve(values.store) : DEFAULT_SNAPSHOT);
  // --shop: that shop's active model (its merchant corrections) from DATABASE_URL, else the shipped one.
  const classifier = values.shop ? await shopClassifier(values.shop) : shippedClassifier();

  if (mode === "intents") {
    const vocabulary = (snap: DemoSnapshot) => ({
      catalog: buildCatalog(snap.products),
      orderNameFormat: {
        prefix: snap.shop.orderNumberFormatPrefix ?? "#",
        suffix: snap.shop.orderNumberFormatSuffix ?? "",
      },
    });
    const byStore = new Map<string, ReturnType<typeof vocabulary>>();
    const shopFor = (store: string) =>
      byStore.get(store) ?? byStore.set(store, vocabulary(loadDemoSnapshot(devStorePath(store)))).get(store)!;
    const local = localLabeler(classifier, vocabulary(snapshot), shopFor);
    const report = await evaluateIntents(
      readIntentsFile(file),
      engine.mode === "local" ? local : modelLabeler(engine, local),
    );
    const minimum = values["min-accuracy"] !== undefined ? Number(values["min-accuracy"]) : null;
    printIntentReport(report, values["show-failures"]);
    if (values.out) writeIntentPictures(report, values.out, path.basename(file));
    const summary = {
      accuracy: round(report.accuracy),
      macroF1: round(report.macroF1),
      n: report.n,
      entities: Object.fromEntries(ENTITY_KEYS.map((k) => [k, round(report.entities[k].accuracy)])),
      medianMs: round(report.medianMs),
      p95Ms: round(report.p95Ms),
      ece: round(report.calibration.ece),
    };
    if (values.json) console.log(JSON.stringify(summary));
    if (minimum !== null && report.accuracy < minimum) {
      console.error(`accuracy ${pct(report.accuracy)} is below --min-accuracy ${pct(minimum)}`);
      return 1;
    }
    return 0;
  }

  if (mode === "retrieval") {
    if (!values.store) {
      console.error("retrieval needs --store SNAPSHOT (the store the questions' facts refer to)");
      return 2;
    }
    return retrievalMode(file, snapshot, values);
  }
  // The same conversations typed otherwise (app/eval/variants.ts): one typo a message, or phone style.
  const read = readScenariosFile(file);
  const typed = values.typos !== undefined ? withTypos(read, Number(values.typos)) : read;
  const styled = values["phone-style"] ? inPhoneStyle(typed) : typed;
  const scenarios = values.courteous ? courteously(styled, languageOf) : styled;
  if (!values.store && !scenarios.every((s) => s.store)) {
    console.error(
      'scenarios need --store SNAPSHOT (the store the scenarios\' facts refer to), unless each names its "store"',
    );
    return 2;
  }
  const snapshots = new Map<string, DemoSnapshot>();
  const snapshotFor = (store: string) =>
    snapshots.get(store) ?? snapshots.set(store, loadDemoSnapshot(devStorePath(store))).get(store)!;
  const report = await evaluateScenarios(scenarios, {
    openShop: (scenario) => {
      const shopSnapshot = scenario.store ? snapshotFor(scenario.store) : snapshot;
      const store = createDemoStore(shopSnapshot);
      return {
        shopDomain: store.shopDomain,
        graphql: store.graphql,
        now: store.now,
        settings: settingsFor(store.shopDomain, demoShopSettings(shopSnapshot)),
        dataSections: dataSectionsFor(shopSnapshot),
      };
    },
    classifier,
    engine,
  });
  if (values["by-intent"]) {
    // Counts only, so a frozen set can say where it fails without showing its items.
    console.log("expected intent                    passed  wrong intent  missing facts");
    for (const [intent, row] of failuresByIntent(report.results))
      console.log(
        `${intent.padEnd(34)} ${`${row.passed}/${row.turns}`.padStart(7)}  ${String(row.wrongIntent).padStart(12)}  ${String(row.missingFacts).padStart(13)}`,
      );
    const confusions = new Map<string, number>();
    for (const r of report.results)
      if (r.expectedIntent && r.expectedIntent !== r.intent) {
        const pair = `${r.expectedIntent} → ${r.intent}`;
        confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
      }
    console.log("\nwrong intent (expected → got):");
    for (const [pair, count] of [...confusions].sort((a, b) => b[1] - a[1])) console.log(`${count} × ${pair}`);
    console.log("\nfailed turns: what the bot did (label/reply kind) and the kind of fact it left out:");
    for (const [key, shapes] of failureShapes(report.results))
      console.log(
        `${key.padEnd(34)} ${[...shapes]
          .sort((a, b) => b[1] - a[1])
          .map(([s, n]) => `${n} ${s}`)
          .join(", ")}`,
      );
  } else
    for (const result of report.results.filter((r) => !r.passed)) {
      console.log(`✗ ${result.scenario} turn ${result.turn} (${result.intent}): ${result.user}`);
      console.log(`  reply: ${result.reply.replace(/\n/g, "\n         ")}`);
      for (const problem of result.problems) console.log(`  - ${problem}`);
    }
  console.log(
    `\n${report.passed}/${report.turns} turns passed (${pct(report.passed / Math.max(1, report.turns))}), ` +
      `${report.scenariosPassed}/${report.scenarios} scenarios, ${report.forbidden} forbidden strings, ` +
      `median ${report.medianMs.toFixed(2)} ms, p95 ${report.p95Ms.toFixed(2)} ms per turn`,
  );
  if (values.json) {
    console.log(
      JSON.stringify({
        turns: report.turns,
        passed: report.passed,
        forbidden: report.forbidden,
        scenarios: report.scenarios,
        scenariosPassed: report.scenariosPassed,
      }),
    );
  }
  const minimum = values["min-pass"] !== undefined ? Number(values["min-pass"]) : null;
  if (minimum !== null && report.passed / Math.max(1, report.turns) < minimum) {
    console.error(`pass rate ${pct(report.passed / report.turns)} is below --min-pass ${pct(minimum)}`);
    return 1;
  }
  return 0;
}

/** A snapshot's data in the order a missing word's home is looked for (counts-only diagnostics). */
function dataSectionsFor(snapshot: DemoSnapshot): DataSection[] {
  const text = (...parts: unknown[]) => JSON.stringify(parts).toLowerCase();
  return [
    // Products first: an order's lines repeat product titles, which a product answer should name.
    { name: "product", text: text(snapshot.products) },
    { name: "order", text: text(snapshot.orders, snapshot.customers) },
    { name: "shop text", text: text(snapshot.policies, snapshot.faqs, snapshot.pages) },
    { name: "shop settings", text: text(snapshot.shop, snapshot.conventions, snapshot.discounts) },
  ];
}

async function retrievalMode(
  file: string,
  snapshot: DemoSnapshot,
  values: {
    json?: boolean;
    "show-failures"?: boolean;
    "min-recall"?: string;
    "min-abstention"?: string;
    sweep?: boolean;
    gates?: boolean;
  },
): Promise<number> {
  const store = createDemoStore(snapshot);
  const ctx = await buildChatContext({
    shop: store.shopDomain,
    commerce: createCommerce(store.graphql),
    settings: settingsFor(store.shopDomain, demoShopSettings(snapshot)),
    now: store.now,
  });
  // As the bot asks it: with the intent model's reading of the question, for the passages' topics.
  const read = topicReader(ctx.classifier);
  const topics = (question: string) => ({ asked: read(question), read });
  if (values.sweep) {
    const open = await evaluateRetrieval(readRetrievalFile(file), (question) =>
      shopAnswer(ctx.shop, question, { products: ctx.productsByHandle, minRelevance: 0, topics: topics(question) }).map(
        (hit) => ({
          text: hit.passage.text,
          source: sourceLabel(hit.passage),
          relevance: hit.relevance,
        }),
      ),
    );
    const thresholds = Array.from({ length: 21 }, (_, i) => round(0.2 + i * 0.01));
    for (const p of thresholdSweep(open.results, thresholds))
      console.log(`threshold ${p.threshold.toFixed(2)}: recall@1 ${pct(p.recallAt1)}, abstention ${pct(p.abstention)}`);
    if (values.json) console.log(JSON.stringify(thresholdSweep(open.results, thresholds)));
    return 0;
  }
  if (values.gates) {
    // Where the right sentence ranks among everything retrieved (not at all: no word of the question reaches it).
    const counts = new Map<string, number>();
    for (const c of readRetrievalFile(file).filter((c) => c.answers !== null)) {
      const query = { products: ctx.productsByHandle, topics: topics(c.question) };
      const { hits, gate } = tracedShopAnswer(ctx.shop, c.question, query);
      if (hits.length > 0 || !gate) continue;
      const all = searchKnowledge(ctx.shop, c.question, { ...query, limit: 10_000 });
      const rank = all.findIndex((h) => quotesAnswer(h.passage.text, c.answers!)) + 1;
      const where = rank === 0 ? "not retrieved" : rank === 1 ? "ranked first" : "ranked lower";
      const key = `${gate} / ${where}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (values["show-failures"]) {
        const right = all[rank - 1];
        if (rank > 1)
          console.log(
            `  above it: [${all[0].relevance.toFixed(2)} ${all[0].covered.join(" ")}] ${all[0].passage.text}`,
          );
        console.log(
          `${c.id} ${key}${right ? ` (rank ${rank}, relevance ${right.relevance.toFixed(2)}, unknown: ${right.unknown?.join(" ") || "-"}, covered: ${right.covered.join(" ")})` : ""}: ${c.question}`,
        );
      }
    }
    for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`gate ${key}: ${n}`);
    return 0;
  }
  // --show-failures also shows, for each question, the best sentence below the threshold: what calibrating it needs.
  const report = await evaluateRetrieval(readRetrievalFile(file), (question) =>
    shopAnswer(ctx.shop, question, { products: ctx.productsByHandle, topics: topics(question) }).map((hit) => ({
      text: hit.passage.text,
      source: sourceLabel(hit.passage),
      relevance: hit.relevance,
    })),
  );
  for (const r of report.results.filter((r) => values["show-failures"] && !r.correct)) {
    console.log(`✗ ${r.id} ${r.question}`);
    console.log(`  expected: ${r.expected ? r.expected.map((a) => JSON.stringify(a)).join(" | ") : "no quote"}`);
    console.log(
      `  quoted:   ${r.quoted.length > 0 ? r.quoted.map((q) => `[${q.source} ${q.relevance?.toFixed(2)}] ${q.text}`).join("\n            ") : "nothing"}`,
    );
  }
  console.log(
    `\n${report.n} questions: recall@1 ${pct(report.recallAt1)} (${report.answerable} answerable, ${report.wronglyAbstained} got no quote), ` +
      `correct abstention ${pct(report.abstention)} (${report.unanswerable} that nothing answers)`,
  );
  if (values.json)
    console.log(
      JSON.stringify({ n: report.n, recallAt1: round(report.recallAt1), abstention: round(report.abstention) }),
    );
  const minRecall = values["min-recall"] !== undefined ? Number(values["min-recall"]) : null;
  const minAbstention = values["min-abstention"] !== undefined ? Number(values["min-abstention"]) : null;
  if (minRecall !== null && report.recallAt1 < minRecall) {
    console.error(`recall@1 ${pct(report.recallAt1)} is below --min-recall ${pct(minRecall)}`);
    return 1;
  }
  if (minAbstention !== null && report.abstention < minAbstention) {
    console.error(`correct abstention ${pct(report.abstention)} is below --min-abstention ${pct(minAbstention)}`);
    return 1;
  }
  return 0;
}

async function shopClassifier(shop: string) {
  const { createDb } = await import("../app/db.server");
  const { classifierForVersion } = await import("../app/admin/training.server");
  const db = createDb();
  try {
    const active = await db.modelVersion.findFirst({ where: { shop, status: "active" } });
    if (!active) console.error(`${shop} has no active model version: using the shipped model`);
    return active ? classifierForVersion(active) : shippedClassifier();
  } finally {
    await db.$disconnect();
  }
}

/** The model labels the message (hybrid: only when the local engine is unsure); any failure → local. */
function modelLabeler(engine: EngineConfig, local: Labeler): Labeler {
  const client = openaiClient(engine.openai!);
  return async (text) => {
    const localLabel = await local(text);
    if (engine.mode === "hybrid" && localLabel.confidence >= HYBRID_CONFIDENCE) return localLabel;
    try {
      const labelled = await classifyWithModel(await client, engine.openai!, text, []);
      return { intent: labelled.intent, confidence: labelled.confidence, entities: { ...labelled.entities } };
    } catch {
      return localLabel;
    }
  };
}

function printIntentReport(report: IntentReport, showFailures: boolean): void {
  console.log(`${report.n} messages: accuracy ${pct(report.accuracy)}, macro-F1 ${report.macroF1.toFixed(3)}`);
  console.log(
    `calibration: expected calibration error ${report.calibration.ece.toFixed(3)} over ${report.calibration.bins.length} confidence bins`,
  );
  console.log(
    `speed: median ${report.medianMs.toFixed(3)} ms, p95 ${report.p95Ms.toFixed(3)} ms per message (intent + entities)\n`,
  );
  console.log("intent                     precision  recall   f1     n");
  for (const [intent, s] of Object.entries(report.perIntent)) {
    console.log(
      `${intent.padEnd(34)} ${pct(s.precision).padStart(8)} ${pct(s.recall).padStart(7)} ${s.f1.toFixed(2).padStart(6)} ${String(s.support).padStart(5)}`,
    );
  }
  console.log("\nmost confused (expected → predicted):");
  for (const c of report.confusions.slice(0, 10)) console.log(`  ${c.count} × ${c.expected} → ${c.predicted}`);
  console.log("\nentity exact match:");
  for (const key of ENTITY_KEYS)
    console.log(`  ${key.padEnd(13)} ${pct(report.entities[key].accuracy).padStart(7)}  (n=${report.entities[key].n})`);
  if (showFailures) {
    console.log("\nfailures:");
    for (const f of report.failures)
      console.log(`  ${f.expected} → ${f.predicted} (${f.confidence.toFixed(2)}): ${f.text}`);
  }
  console.log("");
}

/** The report's pictures beside it: a reliability diagram and a confusion matrix (SVG). */
function writeIntentPictures(report: IntentReport, dir: string, name: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const stem = name.replace(/\.jsonl$/, "");
  fs.writeFileSync(
    path.join(dir, `${stem}.reliability.svg`),
    reliabilitySvg(report.calibration.bins, stem, report.calibration.ece),
  );
  fs.writeFileSync(path.join(dir, `${stem}.confusion.svg`), confusionSvg(INTENTS, report.confusionMatrix, stem));
  console.log(`pictures: ${path.join(dir, `${stem}.reliability.svg`)}, ${path.join(dir, `${stem}.confusion.svg`)}`);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const round = (x: number) => Math.round(x * 10000) / 10000;

// Exit once stdout has drained: a parent reading the report through a pipe must get its last line.
main(process.argv.slice(2)).then(
  (code) => process.stdout.write("", () => process.exit(code)),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
