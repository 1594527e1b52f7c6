/**
 * Admin API fields a real shop always has and a snapshot in the shared format leaves out, derived
 * from what the snapshot does say, so the fake answers what Shopify would rather than a stand-in:
 * - the order-name format: Shopify names every order prefix + number + suffix, so the part all
 *   its orders' names share before and after the number ("FR-3017" → "FR-", "MX5027-W" → "MX", "-W");
 * - the time zone: the shop's address — its city, else the largest city of its province, else of
 *   its country — in Natural Earth's populated places (city-timezones, loaded only when needed).
 */
import { createRequire } from "node:module";
import { foldAccents } from "../app/chat/preprocess";
import type { SnapshotAddress } from "./demo-store";

/** Shopify's own default when nothing says otherwise: "#1001". */
const SHOPIFY_DEFAULT_FORMAT = { prefix: "#", suffix: "" };

export function orderNameFormat(names: string[]): { prefix: string; suffix: string } {
  const parts = names.map((name) => /^(\D*)(\d+)(\D*)$/.exec(name)).filter((m) => m !== null);
  if (parts.length === 0) return SHOPIFY_DEFAULT_FORMAT;
  const prefixes = new Set(parts.map((m) => m[1]));
  const suffixes = new Set(parts.map((m) => m[3]));
  // Orders named in more than one style (a format changed): the newest names aren't known here, so the default.
  if (prefixes.size > 1 || suffixes.size > 1) return SHOPIFY_DEFAULT_FORMAT;
  return { prefix: [...prefixes][0]!, suffix: [...suffixes][0]! };
}

interface PopulatedPlace {
  city: string;
  city_ascii: string;
  iso2: string;
  province: string;
  pop: number;
  timezone: string;
}

let places: PopulatedPlace[] | null = null;
const populatedPlaces = (): PopulatedPlace[] =>
  (places ??= (createRequire(import.meta.url)("city-timezones") as { cityMapping: PopulatedPlace[] }).cityMapping);

const fold = (text: string | null | undefined) => foldAccents((text ?? "").toLowerCase()).trim();

/** The IANA time zone of a shop's address, or UTC when its country isn't known. */
export function timeZoneOfAddress(address: SnapshotAddress | undefined): string {
  const country = address?.countryCodeV2?.toUpperCase();
  if (!country) return "UTC";
  const inCountry = populatedPlaces().filter((p) => p.iso2 === country);
  const largest = (candidates: PopulatedPlace[]) => [...candidates].sort((a, b) => b.pop - a.pop)[0];
  const city = fold(address?.city);
  const province = fold(address?.province);
  const inProvince = inCountry.filter((p) => province && fold(p.province) === province);
  const named = (candidates: PopulatedPlace[]) =>
    candidates.filter((p) => city && (fold(p.city) === city || fold(p.city_ascii) === city));
  const place = largest(named(inProvince)) ?? largest(named(inCountry)) ?? largest(inProvince) ?? largest(inCountry);
  return place?.timezone ?? "UTC";
}
