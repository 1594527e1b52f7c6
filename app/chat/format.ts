/** How the bot writes dates, money and lists: one place, so every answer reads the same. */
import { LOCALES } from "./i18n";
import type { Language } from "./preprocess";
import type { DurationRange } from "./shop/durations";

// Building an Intl formatter costs far more than using one (a reply may format a dozen dates):
// each is made once per locale, zone and options.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    if (formatters.size > 1_000) formatters.clear(); // bounded: time zones and currencies come from shops
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const RELATIVE_DAYS: Record<Language, Record<number, string>> = {
  en: { [-1]: "yesterday", 0: "today", 1: "tomorrow" },
  es: { [-1]: "ayer", 0: "hoy", 1: "mañana" },
  fr: { [-1]: "hier", 0: "aujourd'hui", 1: "demain" },
};

/** "Friday, November 20", or "today (Friday, November 20)", on the calendar of the shop's time zone. */
export function formatDate(iso: string, now: Date, language: Language = "en", timeZone = "UTC"): string {
  const date = new Date(iso);
  const dayDiff = Math.round((startOfLocalDay(date, timeZone) - startOfLocalDay(now, timeZone)) / 86_400_000);
  const locale = LOCALES[language];
  const key = `${locale}|${timeZone}|${date.getTime()}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted = cached(
      `date|${locale}|${timeZone}`,
      () => new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", timeZone }),
    ).format(date);
    if (formattedDates.size >= 5_000) formattedDates.clear();
    formattedDates.set(key, formatted);
  }
  const relative = RELATIVE_DAYS[language][dayDiff];
  return relative ? `${relative} (${formatted})` : formatted;
}

/** Dates as formatDate writes them, per locale, zone and instant (an order's dates come back every message about it). */
const formattedDates = new Map<string, string>();

/** Whole days from `from` to `to`, by calendar date in UTC. */
export function daysBetween(from: string | Date, to: string | Date): number {
  return Math.round((startOfUtcDay(new Date(to)) - startOfUtcDay(new Date(from))) / 86_400_000);
}

/** Midnight of the date's calendar day in the time zone, as a UTC timestamp of that calendar date. */
export function startOfLocalDay(date: Date, timeZone: string): number {
  // An order's dates are read again on every message about it: each instant's day found once per zone.
  const key = `${timeZone}|${date.getTime()}`;
  let day = localDays.get(key);
  if (day === undefined) {
    if (localDays.size >= 5_000) localDays.clear();
    localDays.set(key, (day = readStartOfLocalDay(date, timeZone)));
  }
  return day;
}
const localDays = new Map<string, number>();

function readStartOfLocalDay(date: Date, timeZone: string): number {
  const parts = cached(
    `day|${timeZone}`,
    () => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }),
  ).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"));
}

/** The hour (0–23) on the time zone's wall clock at `date`. */
export function localHour(date: Date, timeZone: string): number {
  return Number(
    cached(
      `hour|${timeZone}`,
      () => new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }),
    ).format(date),
  );
}

/**
 * The last instant of the calendar day `days` after the date of `iso`, on the time zone's calendar:
 * "within 14 days of the order" placed on the 6th (local) runs to the end of the 20th there.
 */
export function endOfLocalDayAfter(iso: string, days: number, timeZone: string): Date {
  const localDay = startOfLocalDay(new Date(iso), timeZone); // that date's midnight, written as if UTC
  const nextMidnight = localDay + (days + 1) * 86_400_000;
  // The zone's offset at that midnight turns the wall-clock time into an instant (twice, across a clock change).
  const guess = nextMidnight - wallClockOffset(new Date(nextMidnight), timeZone);
  return new Date(nextMidnight - wallClockOffset(new Date(guess), timeZone) - 1);
}

/** How far the time zone's wall clock is ahead of UTC at `date`, in milliseconds. */
function wallClockOffset(date: Date, timeZone: string): number {
  const parts = cached(
    `clock|${timeZone}`,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      }),
  ).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * "$5,219.00" for pesos in Spanish, "128,00 €" in French: an amount is written the way the
 * currency's own country writes it in the shopper's language (a national currency code starts
 * with its country's code), else in the language's default locale.
 */
export function formatMoney(amount: string | number, currencyCode = "USD", language: Language = "en"): string {
  return cached(`money|${language}|${currencyCode}`, () => {
    // The regional locale ("es-MX") when Intl knows it, else the language's default one.
    const locale =
      Intl.NumberFormat.supportedLocalesOf([`${language}-${currencyCode.slice(0, 2).toUpperCase()}`])[0] ??
      LOCALES[language];
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode });
  }).format(Number(amount));
}

const AND: Record<Language, string> = { en: "and", es: "y", fr: "et" };
const OR: Record<Language, string> = { en: "or", es: "o", fr: "ou" };

export function joinList(items: string[], language: Language = "en", conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  const word = (conjunction === "and" ? AND : OR)[language];
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

const UNIT_WORDS: Record<Language, Record<"business_days", Record<"one" | "other", string>>> = {
  en: { business_days: { one: "business day", other: "business days" } },
  es: { business_days: { one: "día hábil", other: "días hábiles" } },
  fr: { business_days: { one: "jour ouvré", other: "jours ouvrés" } },
};
const INTL_UNITS = { hours: "hour", days: "day", weeks: "week", months: "month", years: "year" } as const;

/** "5–10 business days", "de 5 a 10 días hábiles", "1 jour ouvré", "24–48 hours": a shop's duration in the shopper's language. */
export function formatDuration(range: DurationRange, language: Language = "en"): string {
  const locale = LOCALES[language];
  if (range.unit === "business_days") {
    const numbers = cached(`number|${locale}`, () => new Intl.NumberFormat(locale));
    const count = range.min === range.max ? numbers.format(range.max) : numbers.formatRange(range.min, range.max);
    const plural =
      cached(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(range.max) === "one" ? "one" : "other";
    return `${count} ${UNIT_WORDS[language].business_days[plural]}`;
  }
  const unit = INTL_UNITS[range.unit];
  const format = cached(
    `unit|${locale}|${unit}`,
    () => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }),
  );
  return range.min === range.max ? format.format(range.max) : format.formatRange(range.min, range.max);
}
