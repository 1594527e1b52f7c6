/**
 * Store facts in the admin: every fact the bot states about the shop, what it says now, where it
 * came from (the shop's sentence, or the merchant), and the merchant's confirm / correct / clear.
 */
import { z } from "zod";
import type { Db } from "../db.server";
import { invalidateShop } from "../shop-cache.server";
import type { Commerce } from "../commerce/store";
import { getShopSettings, parseJsonArray } from "../settings.server";
import {
  FACT_KEYS,
  parseFactOverrides,
  shopFacts,
  TRACE_AFTER_DEFAULT,
  type Fact,
  type FactKey,
  type FactOverrides,
} from "../chat/shop/facts";
import { formatDuration } from "../chat/format";
import type { DurationRange } from "../chat/shop/durations";

export const FACT_LABELS: Record<
  FactKey,
  { title: string; help: string; kind: "window" | "duration" | "sentence"; fallback?: DurationRange }
> = {
  returnWindow: {
    title: "Return window",
    help: "How long shoppers have to return an item, and what it counts from.",
    kind: "window",
  },
  refundTiming: {
    title: "Refund timing",
    help: "How long a refund takes to reach the shopper's bank once issued.",
    kind: "duration",
  },
  handlingTime: { title: "Handling time", help: "How soon an order leaves after it is placed.", kind: "duration" },
  replyTime: { title: "Team reply time", help: "How soon your team answers a hand-off.", kind: "duration" },
  returnReceipt: {
    title: "When a return arrives",
    help: "What you do once a return reaches you (quoted to shoppers).",
    kind: "sentence",
  },
  finalSale: {
    title: "Final-sale items",
    help: "Which items can't be returned (quoted to shoppers).",
    kind: "sentence",
  },
  traceAfter: {
    title: "Late parcel: when to offer a trace",
    help: "How far past its estimated delivery a parcel must be before the bot offers to open a trace with the carrier.",
    kind: "duration",
    fallback: TRACE_AFTER_DEFAULT,
  },
};

export interface FactRow {
  key: FactKey;
  title: string;
  help: string;
  kind: "window" | "duration" | "sentence";
  /** What the bot states now, in words; null when it states nothing. */
  statement: string | null;
  /** What the bot goes by when nothing is stated, for a fact with a documented default. */
  fallback: string | null;
  status: "read" | "merchant" | "cleared" | "unknown";
  /** The shop's sentence the bot read it from, and where (policy or FAQ title). */
  readFrom: { where: string; sentence: string | null; statement: string } | null;
  value: unknown;
}

export async function storeFactsView(db: Db, shop: string, commerce: Pick<Commerce, "shopInfo">): Promise<FactRow[]> {
  const [settings, info] = await Promise.all([getShopSettings(db, shop), commerce.shopInfo()]);
  const texts = { policies: info.policies, faqs: parseJsonArray<{ question: string; answer: string }>(settings.faqs) };
  const overrides = parseFactOverrides(settings.factOverrides);
  const read = shopFacts(texts);
  const now = shopFacts(texts, overrides);
  return FACT_KEYS.map((key) => {
    const current = now[key] as Fact<unknown> | null;
    const fromText = read[key] as Fact<unknown> | null;
    const status = key in overrides ? (current ? "merchant" : "cleared") : current ? "read" : "unknown";
    return {
      key,
      ...FACT_LABELS[key],
      statement: current ? describe(key, current.value) : null,
      fallback: FACT_LABELS[key].fallback ? formatDuration(FACT_LABELS[key].fallback, "en") : null,
      status,
      readFrom: fromText
        ? { where: fromText.source.where, sentence: fromText.source.sentence, statement: describe(key, fromText.value) }
        : null,
      value: current?.value ?? fromText?.value ?? null,
    };
  });
}

function describe(key: FactKey, value: unknown): string {
  const kind = FACT_LABELS[key].kind;
  if (kind === "sentence") return String(value);
  if (kind === "duration") return formatDuration(value as DurationRange, "en");
  const window = value as { days: number; from: string };
  return `${window.days} days${window.from === "delivery" ? " from delivery" : window.from === "order" ? " from the order date" : ""}`;
}

const durationForm = z
  .object({
    min: z.coerce
      .number({ invalid_type_error: "Enter a number" })
      .int("Use whole numbers")
      .min(0, "Use a number from 0")
      .max(365, "Use at most 365"),
    max: z.coerce
      .number({ invalid_type_error: "Enter a number" })
      .int("Use whole numbers")
      .min(0, "Use a number from 0")
      .max(365, "Use at most 365"),
    unit: z.enum(["hours", "days", "business_days", "weeks"]),
  })
  .refine((d) => d.max >= d.min, { message: "The longest time can't be shorter than the shortest", path: ["max"] });
const windowForm = z.object({
  days: z.coerce
    .number({ invalid_type_error: "Enter a number of days" })
    .int("Use a whole number of days")
    .min(1, "Use at least 1 day")
    .max(730, "Use at most 730 days"),
  from: z.enum(["delivery", "order", "unknown"]),
});
const sentenceForm = z
  .string()
  .trim()
  .min(1, "Write the sentence shoppers should read")
  .max(400, "Keep it under 400 characters");

export type FactChange = {
  key: FactKey;
  action: "set" | "clear" | "reset";
  fields: Record<string, FormDataEntryValue>;
};

/** Apply one merchant change; returns a plain-words error per field when the value is not usable. */
export async function changeFact(
  db: Db,
  shop: string,
  change: FactChange,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  if (!FACT_KEYS.includes(change.key)) return { ok: false, errors: { key: "Unknown fact" } };
  const settings = await getShopSettings(db, shop);
  const overrides: FactOverrides = parseFactOverrides(settings.factOverrides);
  if (change.action === "reset") delete overrides[change.key];
  else if (change.action === "clear") overrides[change.key] = null;
  else {
    const kind = FACT_LABELS[change.key].kind;
    const parsed =
      kind === "window"
        ? windowForm.safeParse(change.fields)
        : kind === "duration"
          ? durationForm.safeParse(change.fields)
          : sentenceForm.safeParse(change.fields.sentence);
    if (!parsed.success)
      return {
        ok: false,
        errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "sentence"), i.message])),
      };
    (overrides as Record<string, unknown>)[change.key] = parsed.data;
  }
  await db.shopSettings.update({ where: { shop }, data: { factOverrides: JSON.stringify(overrides) } });
  invalidateShop(shop);
  return { ok: true };
}
