/**
 * Dates in the admin: a fixed locale and time zone, so the server's rendering and the browser's
 * agree (React hydration fails on a mismatch) and every page shows the same clock.
 */
const dateTime = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
});
const time = new Intl.DateTimeFormat("en-US", {
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});

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

/**
 * "+35 ms", "+2.5 s", "+12 min", "+3 h 30 min", "+3 days": the time since the previous message, so
 * the turns of a fast conversation (all in one second) still read in order and apart.
 */
export function formatElapsed(from: string | Date, to: string | Date): string {
  const ms = Math.max(0, new Date(to).getTime() - new Date(from).getTime());
  if (ms < 1000) return `+${ms} ms`;
  if (ms < 10_000) return `+${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  if (ms < 60_000) return `+${Math.floor(ms / 1000)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `+${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `+${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  const days = Math.floor(hours / 24);
  return `+${days} ${days === 1 ? "day" : "days"}`;
}
