/**
 * Each webhook delivery is handled once. Shopify retries a delivery it thinks failed, and a
 * captured body can be sent again: the delivery's id (X-Shopify-Webhook-Id) is claimed before
 * the work and released if the work fails, so Shopify's retry still gets done.
 */
import type { Db } from "../db.server";

export interface Delivery {
  webhookId: string;
  shop: string;
  topic: string;
}

/** Claims the delivery; false when it was already handled (or is being handled right now). */
export async function claimDelivery(db: Db, delivery: Delivery): Promise<boolean> {
  try {
    await db.webhookReceipt.create({ data: { id: delivery.webhookId, shop: delivery.shop, topic: delivery.topic } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

export async function releaseDelivery(db: Db, delivery: Delivery): Promise<void> {
  await db.webhookReceipt.deleteMany({ where: { id: delivery.webhookId } });
}

/**
 * Runs `work` once per delivery id; a repeated delivery gets 200 without running it. A refusal
 * (4xx/5xx) or an error releases the id: nothing was done, so a retry may try again.
 */
export async function oncePerDelivery(db: Db, delivery: Delivery, work: () => Promise<Response>): Promise<Response> {
  if (!(await claimDelivery(db, delivery))) return Response.json({ duplicate: true });
  try {
    const response = await work();
    if (response.status >= 400) await releaseDelivery(db, delivery);
    return response;
  } catch (error) {
    await releaseDelivery(db, delivery).catch(() => {});
    throw error;
  }
}

/** Receipts outlive Shopify's retries (48 hours) by far; older ones are dropped by the retention job. */
export const RECEIPT_DAYS = 30;

export async function deleteOldReceipts(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.webhookReceipt.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - RECEIPT_DAYS * 86_400_000) } },
  });
  return count;
}
