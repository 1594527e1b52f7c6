/**
 * Build the Remix app once, before any test file starts a demo server: several browser test files
 * run in parallel and must not race to rebuild the same build/ folder.
 */
import { ensureBuild } from "../demo/server";

export default function setup(): void {
  ensureBuild(() => {});
}
