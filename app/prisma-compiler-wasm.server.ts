/**
 * Prisma's query compiler (WebAssembly) as the generated clients load it, without keeping its text.
 * The clients import it as a module holding the binary as a base64 string literal: once imported,
 * the module's 2.5 MB source and the 2.5 MB literal stay in the heap for the life of the process.
 * The build (vite.shared.ts, `prismaCompilerWasmFromPackage`) points that import here instead: the
 * same file of the installed package, read when a client first needs its compiler, then dropped.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

export type CompilerEngine = "sqlite" | "postgresql";

const require = createRequire(import.meta.url);

/** `{ wasm }` as the package's `query_compiler_bg.<engine>.wasm-base64.mjs` exports it. */
export async function compilerWasmFromPackage(engine: CompilerEngine): Promise<{ wasm: string }> {
  const file = require.resolve(`@prisma/client/runtime/query_compiler_bg.${engine}.wasm-base64.mjs`);
  const text = await readFile(file, "utf8");
  const match = /^const wasm = "([A-Za-z0-9+/=]+)";\s*export \{ wasm \};?\s*$/.exec(text);
  if (!match) throw new Error(`${file}: not the expected \`const wasm = "<base64>"; export { wasm }\``);
  return { wasm: match[1] };
}
