import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { BUBBLE_ASSET, BUBBLE_CSS_ASSET, minifyBubble, minifyBubbleCss } from "../../scripts/build-bubble.mjs";

describe("bubble assets", () => {
  it("are exactly the minified sources (run npm run build:bubble after editing them)", async () => {
    expect(fs.readFileSync(BUBBLE_ASSET, "utf8")).toBe(await minifyBubble());
    expect(fs.readFileSync(BUBBLE_CSS_ASSET, "utf8")).toBe(await minifyBubbleCss());
  });
});
