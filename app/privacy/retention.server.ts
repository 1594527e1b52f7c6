/** Transcripts older than each shop's retention period are deleted (messages, feedback and tickets with them). */
import type { Db } from "../db.server";
import { deleteOldReceipts } from "./webhook-receipts.server";

export async function deleteExpiredTranscripts(db: Db, now: Date = new Date()): Promise<number> {
  const shops = await db.shopSettings.findMany({ select: { shop: true, retentionDays: true } });
  let deleted = 0;
  for (const { shop, retentionDays } of shops) {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const { count } = await db.conversation.deleteMany({ where: { shop, lastMessageAt: { lt: cutoff } } });
    deleted += count;
  }
  return deleted;
}

/** Run the retention job now and then every `intervalMs` (default daily); returns a stop function. */
export function scheduleRetention(db: Db, intervalMs = 24 * 3_600_000): () => void {
  const run = () =>
    Promise.all([deleteExpiredTranscripts(db), deleteOldReceipts(db)]).catch((error) =>
      console.error("retention job failed", error instanceof Error ? error.message : error),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
