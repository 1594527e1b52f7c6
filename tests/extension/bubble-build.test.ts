import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { BUBBLE_ASSET, minifyBubble } from "../../scripts/build-bubble.mjs";

describe("bubble asset", () => {
  it("is exactly the minified source (run npm run build:bubble after editing the source)", async () => {
    expect(fs.readFileSync(BUBBLE_ASSET, "utf8")).toBe(await minifyBubble());
  });
});
