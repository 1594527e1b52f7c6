import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { createDemoStore, loadDemoSnapshot, type DemoStore } from "../commerce/demo-store";

let demoStore: DemoStore | null = null;

/** The running demo store (demo mode only): seeding and the demo server read it. */
export function getDemoStore(): DemoStore | null {
  return demoStore;
}

/**
 * Route the Shopify library's HTTP calls for the demo shop's Admin API to the local demo store.
 * Calls for any other shop still go to the network, so this cannot hide a real store's data.
 */
export function installDemoStoreTransport(snapshotPath: string): DemoStore {
  if (demoStore) return demoStore;
  const store = createDemoStore(loadDemoSnapshot(snapshotPath));
  const networkFetch = abstractFetch;
  setAbstractFetchFunc(async (input, init) => {
    const request = new Request(input as RequestInfo, init as RequestInit);
    if (new URL(request.url).hostname === store.shopDomain) return store.handleHttp(request);
    return networkFetch(input, init);
  });
  demoStore = store;
  return store;
}

/**
 * "Now" for the bot. In demo mode it is the snapshot's reference date, so the demo's orders are
 * as fresh as the day the snapshot describes; otherwise the real clock.
 */
export function currentTime(): Date {
  return demoStore?.now ?? new Date();
}
