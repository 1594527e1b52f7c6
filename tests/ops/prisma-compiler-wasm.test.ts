/**
 * The generated clients' query compiler is read from the installed package when a client first
 * needs it, instead of imported as a module whose 5 MB of text would stay in the heap: the build
 * rewrites the import, and what the read returns is the module's own export.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withCompilerWasmFromPackage } from "../../vite.shared";
import { compilerWasmFromPackage } from "../../app/prisma-compiler-wasm.server";
import { createDb } from "../../app/db.server";
import { migratedDatabaseUrl } from "../helpers/test-db";

describe("the query compiler's WebAssembly", () => {
  for (const [client, engine] of [
    ["prisma", "sqlite"],
    ["prisma-postgres", "postgresql"],
  ] as const) {
    it(`is no longer imported as a module by the ${engine} client`, () => {
      const generated = fs.readFileSync(path.resolve("app", "generated", client, "internal", "class.ts"), "utf8");
      expect(generated).toContain(`query_compiler_bg.${engine}.wasm-base64.mjs`);
      const built = withCompilerWasmFromPackage(generated);
      expect(built).not.toContain("wasm-base64.mjs");
      expect(built).toContain(`compilerWasmFromPackage("${engine}")`);
    });

    it(`read from the package is the ${engine} module's own export, a valid module`, async () => {
      const read = await compilerWasmFromPackage(engine);
      const imported = await import(`@prisma/client/runtime/query_compiler_bg.${engine}.wasm-base64.mjs`);
      expect(read.wasm.length).toBeGreaterThan(1_000_000);
      expect(read.wasm).toBe(imported.wasm);
      expect(WebAssembly.validate(Buffer.from(read.wasm, "base64"))).toBe(true);
    });
  }

  it("compiles the queries of a client built this way", async () => {
    const db = createDb(migratedDatabaseUrl("compiler-wasm"));
    try {
      await db.shopSettings.create({ data: { shop: "wasm.myshopify.com" } });
      expect(await db.shopSettings.count({ where: { shop: "wasm.myshopify.com" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});
