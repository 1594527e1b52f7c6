import path from "node:path";
import type { Plugin } from "vite";

export const SESSION_STORAGE_PACKAGE = "@shopify/shopify-app-session-storage-prisma";

/**
 * The admin's component libraries, bundled into the production server build (vite.config.ts) so
 * that only the components the admin's pages use are in it: left external, every process loaded
 * each package whole at start-up (Polaris and its icons, about 9 MB of live heap), though the chat,
 * nearly every request, renders none of them. (The Remix package too: its React part imports Polaris.)
 */
export const ADMIN_UI_PACKAGES = ["@shopify/polaris", "@shopify/polaris-icons", "@shopify/shopify-app-remix"];

/**
 * Shopify's Prisma session storage imports `@prisma/client`, but this app generates its client
 * with the `prisma-client` generator (the only one whose JS engine runs without native binaries).
 * Bundle the session storage and point its import at our generated client: one client, one engine.
 */
export const prismaClientAlias = {
  resolve: {
    // Exact match only: the generated client itself imports @prisma/client/runtime/*.
    alias: [{ find: /^@prisma\/client$/, replacement: path.resolve("app/generated/prisma/client.ts") }],
  },
  ssr: { noExternal: [SESSION_STORAGE_PACKAGE], resolve: { mainFields: ["module", "main"] } },
};

const COMPILER_WASM_LOADER = path.resolve("app/prisma-compiler-wasm.server.ts");
const COMPILER_WASM_IMPORT =
  /await import\(\s*["']@prisma\/client\/runtime\/query_compiler_bg\.(sqlite|postgresql)\.wasm-base64\.mjs["']\s*\)/g;

/**
 * A generated client's import of its query compiler as a base64 module, replaced by a read of the
 * same package file when the client first needs it (app/prisma-compiler-wasm.server.ts): the
 * module's text and its string would otherwise stay in every process's heap (5 MB).
 */
export function withCompilerWasmFromPackage(code: string): string {
  return code.replace(
    COMPILER_WASM_IMPORT,
    (_, engine: string) =>
      `await import(${JSON.stringify(COMPILER_WASM_LOADER)}).then((loader) => loader.compilerWasmFromPackage(${JSON.stringify(engine)}))`,
  );
}

export function prismaCompilerWasmFromPackage(): Plugin {
  return {
    name: "prisma-compiler-wasm-from-package",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/app/generated/") || !code.includes("wasm-base64")) return null;
      return { code: withCompilerWasmFromPackage(code), map: null };
    },
  };
}
