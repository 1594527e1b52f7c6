/**
 * A street address typed as free text, in the forms shoppers use in the shops' countries:
 * "1120 NW Couch St, Portland, OR 97209", "12 rue de la Paix, 1050 Ixelles, Belgique",
 * "Av. Juárez 45, Col. Centro, 72000 Puebla, Pue.", "Hauptstraße 5, 10115 Berlin".
 * The bot confirms back what it read before anything changes, so reading is generous but never
 * invents a part: what the message leaves out is taken from the order's current address.
 */
import type { Address } from "../commerce/types";
import type { ShippingAddress } from "./types";

// Street (with an optional unit), then optionally city, state and ZIP: the North American form.
const NORTH_AMERICAN =
  /\b(\d{1,6}\s+[A-Za-z0-9 .'-]+?\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|pkwy|hwy|ter|terrace)\b\.?(?:\s*(?:,\s*)?(?:apt|apartment|unit|suite|ste|#)\s*[\w-]+)?)(?:\s*,\s*([A-Za-z .'-]+?))?(?:(?:\s*,\s*|\s+)([A-Z]{2}))?(?:\s*,?\s+(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d))?\s*[.?!]?\s*$/i;

// Words that name a street in French, Spanish, Italian, Portuguese, Dutch and German addresses.
const STREET_WORD =
  /(?:^|[\s,])(?:rue|avenue|av\.?|bd|boulevard|chemin|all[ée]e|impasse|quai|route|cours|place|pl\.|square|calle|c\/|avenida|calzada|privada|carretera|callej[oó]n|paseo|camino|via|viale|piazza|rua|travessa|straat|laan|weg|plein)(?=[\s.])|\p{L}(?:stra(?:ss|ß)e|str\.|gasse|weg|platz|allee)(?=[\s,.\d]|$)/iu;
// A building number: "12", "45", "12bis", "s/n".
const HOUSE_NUMBER = /(?:^|[\s,])(?:\d{1,5}(?:\s?(?:bis|ter|[a-z]))?|s\/n)(?=[\s,.]|$)/i;
// "1050 Ixelles", "72000 Puebla", "75002 Paris", or "Ixelles 1050".
const POSTCODE_CITY = /^(?:(\d{4,5})\s+([\p{L}][\p{L} .'-]*)|([\p{L}][\p{L} .'-]*?)\s+(\d{4,5}))$/u;
// Second address lines: a neighbourhood ("Col. Centro"), a flat, floor or building.
const SECOND_LINE =
  /^(?:col(?:onia|\.)?|apt|apartment|appt|appartement|bât(?:iment)?|b[aâ]t\.|escalier|[ée]tage|piso|depto|departamento|int(?:erior)?\.?|unit|suite|ste|#)\b/iu;

/** Whether the message ends with (or is) a street address: the answer to "what's the new address?". */
export function looksLikeAddress(text: string): boolean {
  return NORTH_AMERICAN.test(text) || !!internationalParts(text);
}

/** The address in the message, completed from the order's current address; null if there is none. */
export function parseAddress(text: string, current: Address | null): ShippingAddress | null {
  const names = {
    firstName: current?.name?.split(" ")[0] ?? null,
    lastName: current?.name?.split(" ").slice(1).join(" ") || null,
  };
  const match = text.match(NORTH_AMERICAN);
  if (match) {
    const [street, unit] = splitUnit(match[1].trim());
    return {
      address1: street,
      address2: unit,
      city: match[2]?.trim() || current?.city || "",
      provinceCode: match[3]?.toUpperCase() || current?.provinceCode || null,
      zip: match[4] || (match[2] ? "" : (current?.zip ?? "")),
      countryCode: current?.countryCode ?? "US",
      ...names,
    };
  }
  const parts = internationalParts(text);
  if (!parts) return null;
  return {
    address1: parts.street,
    address2: parts.secondLine,
    city: parts.city ?? current?.city ?? "",
    provinceCode: parts.province ?? (parts.city ? null : (current?.provinceCode ?? null)),
    zip: parts.zip ?? (parts.city ? "" : (current?.zip ?? "")),
    countryCode: parts.countryCode ?? current?.countryCode ?? "",
    ...names,
  };
}

// "no, it's Portland, OR 97214", "c'est 75002 Paris": the rest of an address, without its street.
const CORRECTION_LEAD =
  /^(?:no|nope|non|actually|sorry|oops|en fait|pardon|perd[oó]n|mejor)?[\s,.!]*(?:it'?s|it is|the city is|c'est|es|la ciudad es|la ville est|en|in|à|a)?\s*/i;
const CITY_STATE_ZIP = /^[\p{L}][\p{L} .'-]*,?\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?$/u;

/** The city, state and postcode part of an address, when that is all the message gives; else null. */
export function addressRest(text: string): string | null {
  const rest = text
    .trim()
    .replace(/[.!]+$/, "")
    .replace(CORRECTION_LEAD, "")
    .trim();
  if (!rest || /\d{1,5}\s+\p{L}+.*\b(?:st|street|ave|rd|rue|calle|av)\b/iu.test(rest)) return null;
  return CITY_STATE_ZIP.test(rest) ||
    POSTCODE_CITY.test(rest) ||
    /^\d{4,5}\s+[\p{L}][\p{L} .'-]*,\s*[\p{L} .'-]+$/u.test(rest)
    ? rest
    : null;
}

interface Parts {
  street: string;
  secondLine: string | null;
  zip: string | null;
  city: string | null;
  countryCode: string | null;
  province?: string;
}

/** Comma-separated parts: a street with a number, then a second line, postcode and city, country, in any order. */
function internationalParts(text: string): Parts | null {
  const pieces = text
    .replace(/[.!?]+\s*$/, "")
    .split(/\s*[,;\n]\s*/)
    .filter(Boolean);
  const streetAt = pieces.findIndex((p) => STREET_WORD.test(` ${p}`) && HOUSE_NUMBER.test(` ${p} `));
  if (streetAt < 0) return null;
  const parts: Parts = {
    street: fromStreetStart(pieces[streetAt]),
    secondLine: null,
    zip: null,
    city: null,
    countryCode: null,
  };
  for (const piece of pieces.slice(streetAt + 1)) {
    const postcode = piece.match(POSTCODE_CITY);
    if (postcode && !parts.zip) {
      parts.zip = postcode[1] ?? postcode[4];
      parts.city = (postcode[2] ?? postcode[3]).trim();
    } else if (SECOND_LINE.test(piece) && !parts.secondLine) parts.secondLine = piece;
    else if (countryCode(piece)) parts.countryCode = countryCode(piece);
    else if (parts.zip && /^\p{L}{2,4}$/u.test(piece)) parts.province = piece.toUpperCase();
    else if (!parts.city && /^\p{L}[\p{L} .'-]*$/u.test(piece) && !parts.zip) parts.city = piece;
  }
  // A street alone is an address to complete; a street and more must have read as a postcode or city.
  return parts;
}

/** "please send it to 12 rue de la Paix" → "12 rue de la Paix": the street starts at its number or its street word. */
function fromStreetStart(piece: string): string {
  const word = STREET_WORD.exec(piece);
  if (!word) return piece.trim();
  // The word's own start ("Hauptstraße"), and a number just before it ("12 rue").
  let start = word.index + (/^[\s,]/.test(word[0]) ? 1 : 0);
  while (start > 0 && /\p{L}/u.test(piece[start - 1])) start -= 1;
  const before = piece.slice(0, start).match(/(\d{1,5}(?:\s?(?:bis|ter|[a-z]))?,?\s+)$/i);
  return piece.slice(before ? start - before[1].length : start).trim();
}

let countriesByName: Map<string, string> | null = null;

/** "Belgique", "Belgium", "México" → "BE", "BE", "MX", from the runtime's own region names. */
function countryCode(name: string): string | null {
  if (!countriesByName) {
    countriesByName = new Map();
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const display = ["en", "fr", "es", "de"].map((locale) => new Intl.DisplayNames([locale], { type: "region" }));
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        for (const d of display) {
          const label = safeName(d, code);
          if (label && label !== code) countriesByName.set(fold(label), code);
        }
      }
    }
  }
  return countriesByName.get(fold(name)) ?? null;
}

function safeName(display: Intl.DisplayNames, code: string): string | undefined {
  try {
    return display.of(code);
  } catch {
    return undefined;
  }
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

function splitUnit(street: string): [string, string | null] {
  const unit = street.match(/\s*,?\s*((?:apt|apartment|unit|suite|ste|#)\s*[\w-]+)$/i);
  return unit ? [street.slice(0, unit.index).trim(), unit[1]] : [street, null];
}
