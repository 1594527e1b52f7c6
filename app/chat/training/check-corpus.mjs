#!/usr/bin/env node
// Validates app/chat/training/corpus.jsonl (the intent training corpus). No dependencies.
//
//   node app/chat/training/check-corpus.mjs [path/to/corpus.jsonl]
//
// Checks: every line is a JSON object {text, intent, lang}; intent is one of the 21 labels
// (cross-checked against tests/fixtures/eval/INTENTS.md when present); lang is en|es|fr;
// no empty or untrimmed text; no case-insensitive duplicates (also across intents);
// at least MIN_PER_INTENT lines per intent; language share per intent roughly 70/15/15.
// Prints a per-intent / per-language table. Exit code 1 on any error (warnings don't fail).

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const corpusPath = resolve(process.argv[2] ?? join(here, "corpus.jsonl"));
const intentsDoc = resolve(here, "../../../tests/fixtures/eval/INTENTS.md");

const INTENTS = [
  "track_order",
  "cancel_order",
  "change_order",
  "change_shipping_address",
  "return_item",
  "exchange_item",
  "refund_status",
  "return_policy",
  "shipping_options",
  "product_info",
  "product_search",
  "payment_methods",
  "payment_issue",
  "discount_code",
  "get_invoice",
  "account_help",
  "complaint",
  "human_agent",
  "greeting",
  "thanks_goodbye",
  "out_of_scope",
];
const LANGS = ["en", "es", "fr"];
const MIN_PER_INTENT = 90;
const MIN_TOTAL = 2200;
// Target share per language within an intent; outside [lo, hi] is a warning.
const SHARE = { en: [0.6, 0.8], es: [0.1, 0.2], fr: [0.1, 0.2] };
const MAX_TEXT = 1000; // MAX_MESSAGE_LENGTH in app/chat/protocol.ts

const errors = [];
const warnings = [];

if (existsSync(intentsDoc)) {
  const documented = new Set(
    [...readFileSync(intentsDoc, "utf8").matchAll(/^\|\s*([a-z_]+)\s*\|/gm)]
      .map((m) => m[1])
      .filter((l) => l !== "intent"),
  );
  for (const l of INTENTS) if (!documented.has(l)) errors.push(`label ${l} is not in INTENTS.md`);
  for (const l of documented) if (!INTENTS.includes(l)) errors.push(`INTENTS.md label ${l} missing from checker`);
}

if (!existsSync(corpusPath)) {
  console.error(`corpus not found: ${corpusPath}`);
  process.exit(1);
}

const raw = readFileSync(corpusPath, "utf8");
if (raw.charCodeAt(0) === 0xfeff) errors.push("file starts with a BOM");
if (raw.includes("\r")) errors.push("file contains CR characters (use LF line endings)");
const lines = raw.split("\n");
if (lines[lines.length - 1] === "") lines.pop(); // trailing newline is fine

const counts = Object.fromEntries(INTENTS.map((i) => [i, Object.fromEntries(LANGS.map((l) => [l, 0]))]));
const seen = new Map(); // normalised text -> { line, intent }
let valid = 0;

const norm = (s) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
// Looser key for near-duplicates (accents, punctuation, emoji and spacing ignored): a warning only.
const loose = (s) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
const seenLoose = new Map();

lines.forEach((line, idx) => {
  const n = idx + 1;
  if (line.trim() === "") return void errors.push(`line ${n}: empty line`);
  let obj;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return void errors.push(`line ${n}: invalid JSON (${e.message})`);
  }
  if (obj === null || typeof obj !== "object" || Array.isArray(obj))
    return void errors.push(`line ${n}: not a JSON object`);
  const extra = Object.keys(obj).filter((k) => !["text", "intent", "lang", "entities"].includes(k));
  if (extra.length) errors.push(`line ${n}: unexpected keys ${extra.join(", ")}`);
  const { text, intent, lang } = obj;
  let ok = true;
  if (typeof text !== "string" || text.trim() === "") {
    errors.push(`line ${n}: empty or missing text`);
    ok = false;
  } else {
    if (text !== text.trim()) errors.push(`line ${n}: text has leading/trailing whitespace`);
    if (text.length > MAX_TEXT) errors.push(`line ${n}: text longer than ${MAX_TEXT} chars`);
  }
  if (!INTENTS.includes(intent)) {
    errors.push(`line ${n}: unknown intent ${JSON.stringify(intent)}`);
    ok = false;
  }
  if (!LANGS.includes(lang)) {
    errors.push(`line ${n}: lang must be one of ${LANGS.join("/")}, got ${JSON.stringify(lang)}`);
    ok = false;
  }
  if (!ok) return;
  const key = norm(text);
  const prev = seen.get(key);
  if (prev) {
    const how = prev.intent === intent ? "duplicate" : `CONFLICTING duplicate (${prev.intent} vs ${intent})`;
    errors.push(`line ${n}: ${how} of line ${prev.line}: ${JSON.stringify(text)}`);
    return;
  }
  seen.set(key, { line: n, intent });
  const lkey = loose(text);
  const lprev = seenLoose.get(lkey);
  if (lprev) {
    const msg = `line ${n}: near-duplicate of line ${lprev.line}: ${JSON.stringify(text)}`;
    if (lprev.intent !== intent) errors.push(`${msg} (CONFLICTING labels ${lprev.intent} vs ${intent})`);
    else warnings.push(msg);
  } else if (lkey) seenLoose.set(lkey, { line: n, intent });
  counts[intent][lang]++;
  valid++;
});

// Table
const pad = (s, w) => String(s).padEnd(w);
const lpad = (s, w) => String(s).padStart(w);
const W = Math.max(...INTENTS.map((i) => i.length), 6) + 2;
const header =
  pad("intent", W) +
  LANGS.map((l) => lpad(l, 6)).join("") +
  lpad("total", 7) +
  lpad("en%", 6) +
  lpad("es%", 6) +
  lpad("fr%", 6);
console.log(header);
console.log("-".repeat(header.length));
const langTotals = Object.fromEntries(LANGS.map((l) => [l, 0]));
for (const intent of INTENTS) {
  const c = counts[intent];
  const total = LANGS.reduce((s, l) => s + c[l], 0);
  for (const l of LANGS) langTotals[l] += c[l];
  const pct = (l) => (total ? Math.round((100 * c[l]) / total) : 0);
  const flag = total < MIN_PER_INTENT ? "  < min" : "";
  console.log(
    pad(intent, W) +
      LANGS.map((l) => lpad(c[l], 6)).join("") +
      lpad(total, 7) +
      LANGS.map((l) => lpad(pct(l), 6)).join("") +
      flag,
  );
  if (total < MIN_PER_INTENT) errors.push(`${intent}: ${total} lines, need at least ${MIN_PER_INTENT}`);
  for (const l of LANGS) {
    const share = total ? c[l] / total : 0;
    if (total && (share < SHARE[l][0] || share > SHARE[l][1]))
      warnings.push(
        `${intent}: ${l} share ${Math.round(share * 100)}% outside ${SHARE[l][0] * 100}-${SHARE[l][1] * 100}%`,
      );
  }
}
console.log("-".repeat(header.length));
const pctAll = (l) => (valid ? Math.round((100 * langTotals[l]) / valid) : 0);
console.log(
  pad("TOTAL", W) +
    LANGS.map((l) => lpad(langTotals[l], 6)).join("") +
    lpad(valid, 7) +
    LANGS.map((l) => lpad(pctAll(l), 6)).join(""),
);
if (valid < MIN_TOTAL) warnings.push(`total ${valid} lines, target is ${MIN_TOTAL}+`);

console.log(
  `\n${lines.length} lines read, ${valid} valid and unique, ${errors.length} error(s), ${warnings.length} warning(s)`,
);
for (const w of warnings) console.log(`WARN  ${w}`);
const shown = errors.slice(0, 50);
for (const e of shown) console.log(`ERROR ${e}`);
if (errors.length > shown.length) console.log(`ERROR ... and ${errors.length - shown.length} more`);
process.exit(errors.length ? 1 : 0);
