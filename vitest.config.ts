import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import { prismaClientAlias, prismaCompilerWasmFromPackage, SESSION_STORAGE_PACKAGE } from "./vite.shared";

export default defineConfig({
  plugins: [tsconfigPaths(), prismaCompilerWasmFromPackage()],
  resolve: prismaClientAlias.resolve,
  ssr: prismaClientAlias.ssr,
  test: {
    server: { deps: { inline: [new RegExp(SESSION_STORAGE_PACKAGE)] } },
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
