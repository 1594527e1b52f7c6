import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { ADMIN_UI_PACKAGES, prismaClientAlias, prismaCompilerWasmFromPackage } from "./vite.shared";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: false,
      },
    }),
    tsconfigPaths(),
    prismaCompilerWasmFromPackage(),
  ],
  build: { assetsInlineLimit: 0 },
  optimizeDeps: { include: ["@shopify/app-bridge-react", "@shopify/polaris"] },
  ...prismaClientAlias,
  ssr: { ...prismaClientAlias.ssr, noExternal: [...prismaClientAlias.ssr.noExternal, ...ADMIN_UI_PACKAGES] },
});
