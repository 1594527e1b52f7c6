import fs from "node:fs";

/** Read a JSON Lines file, naming the line of any malformed row. */
export function readJsonl<T>(file: string, check: (row: unknown, line: number) => T): T[] {
  const rows: T[] = [];
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${index + 1}: not valid JSON`);
    }
    rows.push(check(value, index + 1));
  });
  return rows;
}
