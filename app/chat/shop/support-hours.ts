/**
 * Is the shop's team in right now? Reads the support hours as merchants write them, in English,
 * Spanish or French: "Mon–Fri 8 am–6 pm Pacific Time, Sat 9am-1pm PT", "Du mardi au samedi, de 10 h
 * à 18 h (heure de Paris)", "lunes a viernes 9:00–18:00", "every day 9–17", "24/7". The time zone
 * is the one the text names (an IANA name, a city, a common abbreviation) or else the shop's own.
 * null when nothing can be read: then the bot says neither "open" nor "closed".
 */
import { foldAccents } from "../preprocess";
import { WEEKDAY_WORD, weekdayOf } from "./working-days";

// Day names and their abbreviations in en/es/fr, the same table the shop's working days are read with.
const DAY = `(${WEEKDAY_WORD})`;
const EVERY_DAY = "(every ?day|daily|todos los dias|tous les jours|7 days a week|7 dias|7j/7)";
const TIME = "(\\d{1,2})(?:[:h.](\\d\\d))?\\s*(am|pm|h)?";
const RANGE = "\\s*(?:[–—-]|to|a|al|à|au|hasta|jusqu'a)\\s*";
// "Monday–Friday 8 am–6 pm", "du mardi au samedi de 10 h à 18 h", "lunes a viernes, 9:00-18:00".
const RULE = new RegExp(
  `(?:(?:du|from|de)\\s+)?(?:${DAY}(?:${RANGE}${DAY})?|${EVERY_DAY})\\W{0,3}(?:(?:de|from|from:)\\s+)?${TIME}${RANGE}${TIME}`,
  "gi",
);
const ALWAYS =
  /\b24\s*\/\s*7\b|around the clock|(?:every ?day|daily)\W+24 hours|24 hours\W+(?:a day\W+)?(?:7 days|every ?day|daily)|24 ?h ?\/ ?24/i;

// Common abbreviations a merchant writes instead of a zone name.
const ABBREVIATIONS: Record<string, string> = {
  pt: "America/Los_Angeles",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  pacific: "America/Los_Angeles",
  mt: "America/Denver",
  mst: "America/Denver",
  mdt: "America/Denver",
  mountain: "America/Denver",
  ct: "America/Chicago",
  cst: "America/Chicago",
  cdt: "America/Chicago",
  central: "America/Chicago",
  et: "America/New_York",
  est: "America/New_York",
  edt: "America/New_York",
  eastern: "America/New_York",
  gmt: "Europe/London",
  bst: "Europe/London",
  uk: "Europe/London",
  cet: "Europe/Paris",
  cest: "Europe/Paris",
  aest: "Australia/Sydney",
  aedt: "Australia/Sydney",
  nzst: "Pacific/Auckland",
  nzdt: "Pacific/Auckland",
  ist: "Asia/Kolkata",
  jst: "Asia/Tokyo",
  utc: "UTC",
};

let zonesByCity: Map<string, string> | null = null;

/** "paris" → Europe/Paris, "mexico city" → America/Mexico_City, from every IANA zone this runtime knows. */
function cityZones(): Map<string, string> {
  if (!zonesByCity) {
    zonesByCity = new Map();
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const city = zone.split("/").pop()!.replace(/_/g, " ").toLowerCase();
      if (city.length > 3) zonesByCity.set(city, zone);
    }
  }
  return zonesByCity;
}

/** The time zone the hours name, or null. */
export function zoneNamedIn(hours: string): string | null {
  const iana = hours.match(/\b[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/)?.[0];
  if (iana && Intl.supportedValuesOf("timeZone").includes(iana)) return iana;
  const text = foldAccents(hours.toLowerCase());
  for (const [city, zone] of cityZones()) if (new RegExp(`\\b${city}\\b`).test(text)) return zone;
  for (const word of text.match(/[a-z]+/g) ?? []) if (ABBREVIATIONS[word]) return ABBREVIATIONS[word];
  return null;
}

export function withinSupportHours(hours: string, now: Date, shopTimeZone = "UTC"): boolean | null {
  if (!hours.trim()) return null;
  if (ALWAYS.test(hours)) return true;
  const zone = zoneNamedIn(hours) ?? shopTimeZone;
  const local = new Date(now.toLocaleString("en-US", { timeZone: zone }));
  const day = local.getDay();
  const minutes = local.getHours() * 60 + local.getMinutes();
  let understood = false;
  for (const m of foldAccents(hours.toLowerCase()).matchAll(RULE)) {
    const [, first, last, everyDay, h1, m1, s1, h2, m2, s2] = m;
    const from = everyDay ? 0 : dayIndex(first);
    const to = everyDay ? 6 : last ? dayIndex(last) : from;
    const opens = toMinutes(h1, m1, s1 ?? (s2 === "pm" && Number(h1) <= Number(h2) ? "pm" : s2));
    const closes = toMinutes(h2, m2, s2);
    if (from < 0 || to < 0 || opens === null || closes === null) continue;
    understood = true;
    const onDay = from <= to ? day >= from && day <= to : day >= from || day <= to; // "Sat–Mon" wraps
    if (onDay && minutes >= opens && minutes < closes) return true;
  }
  return understood ? false : null;
}

function dayIndex(word: string): number {
  return weekdayOf(word) ?? -1;
}

/** Minutes after midnight; "6 pm" and "18 h" and "18:00" alike; null for an hour that can't be one. */
function toMinutes(hour: string, minute: string | undefined, suffix: string | undefined): number | null {
  let h = Number(hour);
  if (suffix === "am" || suffix === "pm") h = (h % 12) + (suffix === "pm" ? 12 : 0);
  if (h > 24) return null;
  return h * 60 + Number(minute ?? 0);
}
