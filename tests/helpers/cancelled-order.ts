/**
 * The Northwind demo snapshot with a cancelled copy of one open order, placed a day before or after
 * it: for tests of which order a message about a cancellation means.
 */
import { loadDemoSnapshot } from "../../demo/demo-store";
import { SNAPSHOT_PATH } from "./chat-context";

export function withCancelledCopy(openName: string, daysFromOpen: -1 | 1) {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  const open = snapshot.orders.find((o: any) => o.name === openName);
  const placed = new Date(Date.parse(open.createdAt) + daysFromOpen * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
  const numbers = snapshot.orders.map((o: any) => Number(o.name.replace(/\D/g, ""))).filter(Number.isFinite);
  const cancelled = {
    ...structuredClone(open),
    id: `${open.id}9`,
    name: `#${Math.max(...numbers) + 1}`,
    createdAt: placed,
    cancelledAt: placed,
    cancelReason: "CUSTOMER",
    displayFinancialStatus: "REFUNDED",
  };
  snapshot.orders.push(cancelled);
  return { snapshot, open, cancelled };
}
