// The bubble's source lives in app/storefront/bubble/; the theme extension ships it minified.
// `npm run build:bubble` regenerates extensions/support-chat/assets/chat-bubble.js; a test checks
// the committed asset is exactly what this produces, so the two never drift.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const BUBBLE_SOURCE = path.join(root, "app", "storefront", "bubble", "chat-bubble.js");
export const BUBBLE_ASSET = path.join(root, "extensions", "support-chat", "assets", "chat-bubble.js");

export async function minifyBubble() {
  const source = fs.readFileSync(BUBBLE_SOURCE, "utf8");
  const { code } = await transform(source, { minify: true, target: "es2018", legalComments: "none" });
  return `/* Support chat bubble — generated from app/storefront/bubble/chat-bubble.js by npm run build:bubble */\n${code}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(BUBBLE_ASSET, await minifyBubble());
  console.log(`wrote ${path.relative(root, BUBBLE_ASSET)}`);
}
