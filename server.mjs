// Production HTTP server: the built Remix app behind Express. `npm run build && npm start`.
// The demo server (demo/server.ts) mounts the same app next to its storefront and app proxy.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";

const root = path.dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = path.join(root, "build");

export async function loadBuild() {
  return import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href);
}

/** Mount the Remix app (static assets + request handler) on an Express app. */
export function mountRemixApp(app, build) {
  app.use("/assets", express.static(path.join(BUILD_DIR, "client", "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
}

export function listen(app, port) {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, "127.0.0.1" === process.env.HOST ? "127.0.0.1" : process.env.HOST, () => resolve(server));
    server.on("error", reject);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const app = express();
  app.disable("x-powered-by");
  mountRemixApp(app, await loadBuild());
  const port = Number(process.env.PORT ?? 3000);
  await listen(app, port);
  console.log(`App listening on http://localhost:${port}`);
}
