import path from "node:path";

export const SESSION_STORAGE_PACKAGE = "@shopify/shopify-app-session-storage-prisma";

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
