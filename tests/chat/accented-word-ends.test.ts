/**
 * A regex `\b` only knows ASCII letters: after "é", "à" or "ù" it finds no word end, so a pattern
 * like /\b(?:cassé|déchiré)\b/ never matches what a French shopper writes. Word ends after a
 * letter that may be accented are written `(?![\p{L}\p{N}_])` (see app/chat/question-words.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

// An accented letter (or a class ending in one, "[eé]") right before `)\b` or `\b`.
const BOUNDARY_AFTER_ACCENT = /[À-ÿ]\]?\)?\\\\?b/;
// …or an alternative opening with one inside a `\b(?:…)` group: "\b(?:ella|él|ese)".
const BOUNDARY_BEFORE_ACCENT = /\\b(?:\(\?:(?:[^()]*\|)?)?[À-ÿ]/;

describe("word ends after accented letters", () => {
  it("no pattern in app/ ends a word with \\b after a letter that may be accented", () => {
    const offenders = sources("app").flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => BOUNDARY_AFTER_ACCENT.test(line) || BOUNDARY_BEFORE_ACCENT.test(line))
        .map(({ where }) => where),
    );
    expect(offenders).toEqual([]);
  });

  it("the pattern this test looks for is found where it should be", () => {
    expect(BOUNDARY_AFTER_ACCENT.test(String.raw`/\b(?:cassé|déchiré)\b/`)).toBe(true);
    expect(BOUNDARY_AFTER_ACCENT.test(String.raw`/\b(?:march[eé])\b/`)).toBe(true);
    expect(BOUNDARY_AFTER_ACCENT.test(String.raw`"(?:qu[eé])\\b"`)).toBe(true); // built from a string
    expect(BOUNDARY_AFTER_ACCENT.test(String.raw`/\b(?:casse|broken)\b/`)).toBe(false);
    expect(BOUNDARY_BEFORE_ACCENT.test(String.raw`/\b(?:ella|él|ese)\b/`)).toBe(true);
    expect(BOUNDARY_BEFORE_ACCENT.test(String.raw`/\b(?:état|colis)/`)).toBe(true);
    expect(BOUNDARY_BEFORE_ACCENT.test(String.raw`/\b(?:ella|el|ese)\b/`)).toBe(false);
    expect(BOUNDARY_BEFORE_ACCENT.test(String.raw`/(?:x\b|×)/`)).toBe(false);
  });
});
