/**
 * "If I order today, when would it arrive?": the dates a delivery option's own words give, counted
 * on the shop's calendar from today. How soon the shop sends an order ("ships within 2 business
 * day", "sous 3 jours ouvrés", "en un máximo de 4 días hábiles") and how long the option takes after
 * that ("2–4 business days after dispatch", "le lendemain de l'expédition") both come from the
 * shop's shipping policy; nothing here knows a carrier or a country. Business days are the days the
 * shop works (its Store fact workingDays, read from its texts or set by the merchant; Monday to Friday
 * when neither says). Its public holidays are not in its data, so a date is an estimate, said as one.
 */
import { localHour, startOfLocalDay } from "../format";
import { normalize } from "../preprocess";
import type { ShopProfile } from "../types";
import { findDurations, type DurationRange } from "./durations";
import { factsFor, WORKING_DAYS_DEFAULT } from "./facts";
import type { Weekday } from "./working-days";

/** The shop's clock and week: the time zone its dates are in and the weekdays it works. */
export interface ShopCalendar {
  timeZone: string;
  workingDays: readonly Weekday[];
}

/** The calendar every count of a shop's business days goes by. */
export function shopCalendar(shop: ShopProfile): ShopCalendar {
  return { timeZone: shop.timezone, workingDays: factsFor(shop).workingDays?.value ?? WORKING_DAYS_DEFAULT };
}

/** "within", "sous", "en un máximo de", "up to": the time is an upper bound, it may be sooner. */
const UP_TO =
  /\b(?:within|under|up to|no later than|sous|en moins de|d'ici|au plus tard|maximo|max|hasta|en menos de)\s+(?:de\s+|un\s+)?$/;
/** "the next day", "le lendemain", "al día siguiente": one business day. */
const NEXT_DAY = /\b(?:next (?:business )?day|overnight|lendemain|jour suivant|dia (?:habil )?siguiente)\b/;

/** Calendar dates (midnight UTC of the shop's date): format them in UTC, "today" included. */
export interface DeliveryWindow {
  today: Date;
  earliest: Date;
  latest: Date;
}

/**
 * How long the shop takes to send an order, read from its dispatch sentences: the first sentence
 * that gives a time, every such time in it ("coffee orders within 3 business days, equipment-only
 * orders in 1–2 business days" → 0 to 3). Business days and hours come first (a sentence giving them
 * may give other days too: "coffee roasted less than 7 days ago"); a sentence giving only calendar
 * days or weeks ("within 3 days", "allow 2 weeks") is counted in calendar days.
 * Null when no sentence gives a time: then no date can be promised.
 */
export function dispatchTime(sentences: string[]): DurationRange | null {
  for (const sentence of sentences) {
    const text = normalize(sentence);
    const found = findDurations(text);
    const businessTimes = found.filter((d) => d.unit === "business_days" || d.unit === "hours");
    const business = businessTimes.length > 0;
    const times = business ? businessTimes : found.filter((d) => d.unit === "days" || d.unit === "weeks");
    if (times.length === 0) continue;
    const ranges = times.map((d) => (UP_TO.test(text.slice(0, d.index)) ? { ...d, min: 0 } : d));
    const days = business ? inBusinessDays : inCalendarDays;
    return {
      min: Math.min(...ranges.map(days("min"))),
      max: Math.max(...ranges.map(days("max"))),
      unit: business ? "business_days" : "days",
    };
  }
  return null;
}

/** "The same day", "le jour même", "el mismo día": an order in before the cut-off leaves today. */
const SAME_DAY = /\b(?:same day|le jour meme|el mismo dia)\b/;
const BEFORE_HOUR = /\b(?:before|by|avant|antes de(?: las)?)\s+(\d{1,2})(?:[:h](\d{2}))?\s*(am|pm|h\b|hrs?\b)?/;

/**
 * The hour (on the shop's clock) before which an order placed on a business day leaves the same day,
 * when a dispatch sentence says so ("Orders placed before 2 pm … ship the same day").
 */
export function sameDayCutoff(sentences: string[]): number | null {
  for (const sentence of sentences) {
    const text = normalize(sentence);
    const before = BEFORE_HOUR.exec(text);
    if (!before || !SAME_DAY.test(text)) continue;
    const hour = Number(before[1]);
    return before[3] === "pm" && hour < 12 ? hour + 12 : before[3] === "am" && hour === 12 ? 0 : hour;
  }
  return null;
}

/** How long an option takes once sent: its first time, or the next day. */
export function transitTime(optionText: string): DurationRange | null {
  const text = normalize(optionText);
  const found = findDurations(text).find((d) => d.unit !== "hours");
  if (found) return UP_TO.test(text.slice(0, found.index)) ? { ...found, min: Math.max(1, found.min) } : found;
  return NEXT_DAY.test(text) ? { min: 1, max: 1, unit: "business_days" } : null;
}

/** The first and last day an order placed `now` should arrive, on the shop's calendar. */
export function deliveryWindow(
  now: Date,
  calendar: ShopCalendar,
  dispatch: DurationRange | null,
  transit: DurationRange,
  cutoffHour: number | null = null,
): DeliveryWindow {
  const today = new Date(startOfLocalDay(now, calendar.timeZone));
  const working = (date: Date) => isBusinessDay(date, calendar);
  const addWorking = (from: Date, days: number) => addBusinessDays(from, days, calendar);
  // Nothing leaves on a day the shop doesn't work: such a day moves to the next working day.
  const onWorkingDay = (date: Date) => (working(date) ? date : addWorking(date, 1));
  // In before the shop's same-day cut-off on a working day, it leaves today.
  if (cutoffHour !== null && working(today) && localHour(now, calendar.timeZone) < cutoffHour)
    dispatch = { min: 0, max: 0, unit: "business_days" };
  // The first day it can be sent is today or the next working day.
  const first = onWorkingDay(today);
  const sent = (days: number) =>
    dispatch?.unit === "days" ? onWorkingDay(addCalendarDays(today, days)) : addWorking(first, days);
  const sentEarliest = sent(dispatch?.min ?? 0);
  const sentLatest = sent(dispatch?.max ?? 0);
  const after = (from: Date, days: number) =>
    transit.unit === "business_days" ? addWorking(from, days) : addCalendarDays(from, days * unitDays(transit));
  return { today, earliest: after(sentEarliest, transit.min), latest: after(sentLatest, transit.max) };
}

const inBusinessDays = (bound: "min" | "max") => (range: DurationRange) =>
  range.unit === "hours" ? Math.ceil(range[bound] / 24) : range[bound];

const inCalendarDays = (bound: "min" | "max") => (range: DurationRange) => range[bound] * unitDays(range);

function unitDays(range: DurationRange): number {
  return range.unit === "weeks" ? 7 : 1;
}

/** Whether the shop works on this date (a calendar date: midnight UTC of the shop's date). */
export function isBusinessDay(date: Date, calendar: Pick<ShopCalendar, "workingDays">): boolean {
  return calendar.workingDays.includes(date.getUTCDay() as Weekday);
}

function addBusinessDays(from: Date, days: number, calendar: Pick<ShopCalendar, "workingDays">): Date {
  const cursor = new Date(from);
  let left = days;
  // A calendar with no working day would never reach one: count nothing rather than loop.
  if (calendar.workingDays.length === 0) return cursor;
  while (left > 0) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (isBusinessDay(cursor, calendar)) left -= 1;
  }
  return cursor;
}

function addCalendarDays(from: Date, days: number): Date {
  const cursor = new Date(from);
  cursor.setUTCDate(cursor.getUTCDate() + days);
  return cursor;
}
