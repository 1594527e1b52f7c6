/**
 * Dates in the admin: a fixed locale and time zone, so the server's rendering and the browser's
 * agree (React hydration fails on a mismatch) and every page shows the same clock.
 */
const dateTime = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC" });
const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

/** "Nov 25, 2:05 PM" (UTC; say so in the column title or append " UTC"). */
export function formatDateTime(when: string | Date): string {
  return dateTime.format(new Date(when));
}

/** "Nov 25, 2:05 PM UTC", where no column title says the zone. */
export function formatDateTimeUtc(when: string | Date): string {
  return `${formatDateTime(when)} UTC`;
}

/** "2:05:07 PM UTC", for messages within one conversation. */
export function formatTime(when: string | Date): string {
  return `${time.format(new Date(when))} UTC`;
}
