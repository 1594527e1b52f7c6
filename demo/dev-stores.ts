/**
 * The development stores by name: the snapshots `npm run demo` can serve (DEMO_STORE=name) and the
 * held-out evaluation files refer to (a line's "store").
 */
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export const DEV_STORES: Record<string, string> = {
  northwind: path.join(ROOT, "demo", "demo-store.json"),
  "maison-coquelicot": path.join(ROOT, "demo", "stores", "maison-coquelicot.json"),
  "cafe-colibri": path.join(ROOT, "demo", "stores", "cafe-colibri.json"),
};

export function devStorePath(name: string): string {
  const file = DEV_STORES[name];
  if (!file) throw new Error(`Unknown dev store "${name}": one of ${Object.keys(DEV_STORES).join(", ")}`);
  return file;
}
