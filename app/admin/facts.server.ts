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
  WORKING_DAYS_DEFAULT,
  type Fact,
  type FactKey,
  type FactOverrides,
} from "../chat/shop/facts";
import { formatDuration } from "../chat/format";
import type { DurationRange } from "../chat/shop/durations";
import { describeWorkingDays, type Weekday } from "../chat/shop/working-days";

type FactKind = "window" | "duration" | "sentence" | "weekdays";

export const FACT_LABELS: Record<
  FactKey,
  /** fallback: what the bot goes by when nothing says (a documented default, shown as assumed). */
  { title: string; help: string; kind: FactKind; fallback?: DurationRange | readonly Weekday[] }
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
  workingDays: {
    title: "Days you send orders",
    help: "The weekdays your business days are: dispatch and delivery dates, and how late a parcel is, are counted in them.",
    kind: "weekdays",
    fallback: WORKING_DAYS_DEFAULT,
  },
};

export interface FactRow {
  key: FactKey;
  title: string;
  help: string;
  kind: FactKind;
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
      fallback: FACT_LABELS[key].fallback ? describe(key, FACT_LABELS[key].fallback) : null,
      status,
      readFrom: fromText
        ? { where: fromText.source.where, sentence: fromText.source.sentence, statement: describe(key, fromText.value) }
        : null,
      // What the form starts from: the current value, else what was read, else the assumed default to confirm.
      value: current?.value ?? fromText?.value ?? FACT_LABELS[key].fallback ?? null,
    };
  });
}

function describe(key: FactKey, value: unknown): string {
  const kind = FACT_LABELS[key].kind;
  if (kind === "sentence") return String(value);
  if (kind === "duration") return formatDuration(value as DurationRange, "en");
  if (kind === "weekdays") {
    const words = describeWorkingDays(value as Weekday[], "en");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
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
const weekdaysForm = z.object({
  // The picked days, as the form sends them: "1,2,3,4,5" (0 is Sunday).
  weekdays: z
    .string()
    .transform((list) => [...new Set(list.split(",").filter(Boolean).map(Number))].sort((a, b) => a - b))
    .pipe(
      z
        .array(z.number({ invalid_type_error: "Pick days of the week" }).int().min(0).max(6, "Pick days of the week"))
        .min(1, "Pick at least one day"),
    ),
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
          : kind === "weekdays"
            ? weekdaysForm.safeParse(change.fields)
            : sentenceForm.safeParse(change.fields.sentence);
    if (!parsed.success)
      return {
        ok: false,
        errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "sentence"), i.message])),
      };
    // A week is stored as its list of days, like the value read from the shop's texts.
    const value = kind === "weekdays" ? (parsed.data as { weekdays: number[] }).weekdays : parsed.data;
    (overrides as Record<string, unknown>)[change.key] = value;
  }
  await db.shopSettings.update({ where: { shop }, data: { factOverrides: JSON.stringify(overrides) } });
  invalidateShop(shop);
  return { ok: true };
}
