/**
 * The V8 flags server.mjs asks production to start node with (NODE_FLAGS: they size the heap at
 * start-up, so the process can't set them itself) are the ones `npm start` and the image use.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../../server.mjs";

describe("server.mjs NODE_FLAGS", () => {
  it("are on the command lines that start production", () => {
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    const start = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts.start as string;
    expect(start).toBe(`node ${NODE_FLAGS.join(" ")} server.mjs`);
    const cmd = fs
      .readFileSync("Dockerfile", "utf8")
      .split("\n")
      .filter((line) => line.startsWith("CMD "))
      .at(-1);
    expect(JSON.parse(cmd!.slice(4))).toEqual(["node", ...NODE_FLAGS, "server.mjs"]);
  });

  it("are flags this node accepts", () => {
    for (const flag of NODE_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(flag.split("=")[0])).toBe(true);
  });
});
