/**
 * Build the Remix app once, before any test file starts a demo server: several browser test files
 * run in parallel and must not race to rebuild the same build/ folder. SKIP_BUILD=1 skips it when
 * running only unit tests.
 */
import { ensureBuild } from "../demo/server";

export default function setup(): void {
  if (process.env.SKIP_BUILD === "1") return;
  ensureBuild(() => {});
}
