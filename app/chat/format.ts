/** How the bot writes dates, money and lists: one place, so every answer reads the same. */

export function formatDate(iso: string, now: Date): string {
  const date = new Date(iso);
  const dayDiff = Math.round((startOfUtcDay(date) - startOfUtcDay(now)) / 86_400_000);
  const formatted = date.toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
  if (dayDiff === 0) return `today (${formatted})`;
  if (dayDiff === 1) return `tomorrow (${formatted})`;
  if (dayDiff === -1) return `yesterday (${formatted})`;
  return formatted;
}

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

export function formatMoney(amount: string | number, currencyCode = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currencyCode }).format(Number(amount));
}

export function joinList(items: string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
