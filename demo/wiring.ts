/**
 * Demo mode's wiring, done from outside the app: the host (demo/server.ts, server.mjs with
 * DEMO_STORE_SNAPSHOT, or a test running the app in-process) calls `installDemo` with the app's
 * `configureApp` before serving.
 *
 * The demo stands in for Shopify's servers, not for the app's code: requests for the demo shop's
 * Admin API are answered by the local demo store at the Shopify library's transport, so the app's
 * documents, signature checks and sessions run exactly as in production.
 */
// The library's own adapter sets its fetch when first imported: import it first, so that the app
// importing it later (in-process tests) cannot replace the demo's transport with the network.
import "@shopify/shopify-api/adapters/web-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import type { ConfigureApp } from "../app/composition.server";
import { createDemoStore, loadDemoSnapshot, type DemoStore } from "./demo-store";

/** Where the surrogate admin serves App Bridge (demo/server.ts): there is no CDN offline. */
export const DEMO_APP_BRIDGE_URL = "/demo/app-bridge.js";

let installed: DemoStore | null = null;

export function installDemo(configureApp: ConfigureApp, snapshotPath: string): DemoStore {
  const store = installDemoStoreTransport(snapshotPath);
  // "Now" is the snapshot's reference date, so the demo's orders are as fresh as the day it describes.
  configureApp({ now: () => store.now, appBridgeUrl: DEMO_APP_BRIDGE_URL });
  return store;
}

/**
 * Route the Shopify library's HTTP calls for the demo shop's Admin API to the local demo store.
 * Calls for any other shop still go to the network, so this cannot hide a real store's data.
 * Once per process: the library's fetch is process-wide.
 */
function installDemoStoreTransport(snapshotPath: string): DemoStore {
  if (installed) return installed;
  const store = createDemoStore(loadDemoSnapshot(snapshotPath));
  const networkFetch = abstractFetch;
  setAbstractFetchFunc(async (input, init) => {
    const request = new Request(input as RequestInfo, init as RequestInit);
    if (new URL(request.url).hostname === store.shopDomain) return store.handleHttp(request);
    return networkFetch(input, init);
  });
  installed = store;
  return store;
}
