// The bubble's sources live in app/storefront/bubble/; the theme extension ships them minified.
// `npm run build:bubble` regenerates extensions/support-chat/assets/chat-bubble.{js,css}; a test
// checks the committed assets are exactly what this produces, so they never drift.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const source = (ext) => path.join(root, "app", "storefront", "bubble", `chat-bubble.${ext}`);
const asset = (ext) => path.join(root, "extensions", "support-chat", "assets", `chat-bubble.${ext}`);
export const BUBBLE_SOURCE = source("js");
export const BUBBLE_ASSET = asset("js");
export const BUBBLE_CSS_ASSET = asset("css");

async function minify(ext) {
  const { code } = await transform(fs.readFileSync(source(ext), "utf8"), {
    loader: ext,
    minify: true,
    target: ext === "js" ? "es2018" : undefined,
    legalComments: "none",
  });
  // The stylesheet is close to its 2 KB budget: only the script says where it comes from.
  return ext === "js"
    ? `/* Support chat bubble — generated from app/storefront/bubble/chat-bubble.js by npm run build:bubble */\n${code}`
    : code;
}

export const minifyBubble = () => minify("js");
export const minifyBubbleCss = () => minify("css");

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(BUBBLE_ASSET, await minifyBubble());
  fs.writeFileSync(BUBBLE_CSS_ASSET, await minifyBubbleCss());
  console.log(`wrote ${path.relative(root, BUBBLE_ASSET)} and ${path.relative(root, BUBBLE_CSS_ASSET)}`);
}
