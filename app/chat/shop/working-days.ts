/**
 * The weekdays a shop works (sends orders), as its own texts say them in English, Spanish and
 * French: "we ship Monday to Saturday", "du lundi au samedi", "de lunes a viernes", "excluding
 * weekends", "we don't ship on Sundays", "orders placed on Saturday ship on Monday".
 * Weekday names come from Intl (the same names a date is written with), not a list kept here.
 * Read from normalised text (lower case, accents folded; see preprocess.normalize).
 */
import { foldAccents, type Language } from "../preprocess";

/** A day of the week as Date.getUTCDay counts it: 0 is Sunday, 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const EVERY_DAY: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
/** The conventional weekend of "excluding weekends", "hors week-end", "sin fines de semana". */
const WEEKEND: readonly Weekday[] = [0, 6];
/** "weekdays", "en semaine", "entre semana": the days that are not the weekend. */
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

const LANGUAGES: Language[] = ["en", "es", "fr"];

/** A weekday's name in a locale, long ("Monday") or short ("Mon"), as Intl writes it. */
export function weekdayName(day: Weekday, locale: string, width: "long" | "short" = "long"): string {
  // 7 January 2024 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(Date.UTC(2024, 0, 7 + day));
}

/** Normalised weekday names (full names, and short ones for ranges like "Mon–Fri") → the day. */
const NAMES = new Map<string, Weekday>();
const SHORT_NAMES = new Map<string, Weekday>();
for (const day of EVERY_DAY)
  for (const language of LANGUAGES) {
    NAMES.set(foldAccents(weekdayName(day, language).toLowerCase()), day);
    SHORT_NAMES.set(foldAccents(weekdayName(day, language, "short").toLowerCase()).replace(/\.$/, ""), day);
  }

// Shorter forms people write that Intl doesn't ("Tues", "Thurs", "Weds").
for (const [word, day] of [
  ["tues", 2],
  ["weds", 3],
  ["thur", 4],
  ["thurs", 4],
] as const)
  SHORT_NAMES.set(word, day);

const alternatives = (names: Iterable<string>) => [...names].sort((a, b) => b.length - a.length).join("|");

/** Every weekday name and abbreviation in en/es/fr, as one regex alternation (normalised text). */
export const WEEKDAY_WORD = `(?:${alternatives([...NAMES.keys(), ...SHORT_NAMES.keys()])})\\.?`;

/** The day a weekday name or abbreviation ("friday", "vie", "jeu.", "thurs") means, or null. */
export function weekdayOf(word: string): Weekday | null {
  const w = foldAccents(word.toLowerCase()).replace(/\.$/, "");
  return NAMES.get(w) ?? SHORT_NAMES.get(w) ?? null;
}
// "monday", "mondays", "lundis", "sabados": a name, or its plural.
const DAY = `(?:${alternatives(NAMES.keys())})s?`;
const SHORT_DAY = `(?:${alternatives(SHORT_NAMES.keys())})\\.?`;
const WEEKEND_WORD = "(?:weekends?|week-ends?|week ends?|fin(?:es)? de semana)";
const DAY_OR_WEEKEND = `(?:${DAY}|${WEEKEND_WORD})`;
const ARTICLE = "(?:(?:on|the|le|les|los|las|el|every|each|chaque|cada|en|durant le|over the|during the)\\s+)";
// "monday, wednesday and friday", "le mardi et le vendredi", "sabados y domingos".
const DAY_LIST = `${DAY_OR_WEEKEND}(?:\\s*(?:,|and|et|y|e|&|or|ou|o)\\s*(?:,\\s*)?${ARTICLE}?${DAY_OR_WEEKEND})*`;

// "monday to friday", "du lundi au samedi", "de lunes a viernes", "sunday through thursday", "mon–fri".
const RANGE = new RegExp(
  `\\b(${DAY}|${SHORT_DAY})(?![a-z])\\s*(?:[–—-]|to|through|thru|until|till|au|a|al|hasta|jusqu'au)\\s*(${DAY}|${SHORT_DAY})(?![a-z])`,
  "g",
);
/** A verb of sending right before the days it sends on: "we ship Mondays and Thursdays", "enviamos los martes". */
const SENDS_ON = new RegExp(
  `\\b(?:ship|ships|dispatch|dispatches|send|sends|leave|leaves|expedions|expedie|expedies|expediees|envoyons|partent|enviamos|envia|envian|salen|despachamos)\\s+` +
    `(?:(?:orders?|out|les commandes|los pedidos)\\s+)?${ARTICLE}?(${DAY_LIST})`,
  "g",
);
/** "excluding weekends", "except Sundays", "we don't ship on Mondays", "sauf le dimanche", "no enviamos los domingos". */
const NOT_ON = new RegExp(
  `\\b(?:excluding|except|excepting|not|don't|never|no|closed|hors|sauf|pas|ni|jamais|ferme|sin|excepto|salvo|menos|cerrado)\\b` +
    // A few words may come between ("we do not ship on"), but not "until" ("doesn't ship until Monday").
    `(?:\\s+(?!until|till|before|after|jusqu|avant|apres|hasta|antes|despues)[\\w']+){0,3}?\\s+${ARTICLE}?(${DAY_LIST})`,
  "g",
);
/** "orders placed on Saturday ship on Monday": the days between are days the shop doesn't send. */
const PLACED_THEN_SENT = new RegExp(
  `\\b(?:placed|received|made|passees?|recues?|realizad[oa]s?|hech[oa]s?|recibid[oa]s?)\\b(.{0,40}?)(${DAY_LIST})` +
    `.{0,60}?\\b(?:ship|ships|shipped|dispatched|sent|leave|leaves|go out|expedie\\w*|partent|part|envoyee?s?|sale|salen|se envia\\w*|enviad[oa]s?)\\b` +
    `.{0,20}?(${DAY})`,
);
const NEGATED = /\b(?:not|don't|doesn't|never|no|n'|ne|pas|jamais)\b|n'$/;
const CUTOFF_HOUR = /\b(?:after|apres|despues de(?: las)?)\s+\d{1,2}/;
/** "every day", "7 days a week", "tous les jours", "todos los días". */
const ALL_WEEK =
  /\b(?:every day|daily|7 days a week|seven days a week|tous les jours|7 jours sur 7|7j\/7|todos los dias|los 7 dias)\b/;
const WEEKDAYS_WORD = /\b(?:weekdays|en semaine|entre semana)\b/;

/**
 * The weekdays one sentence says the shop works, or null when it names none. Days named in a range
 * ("Monday to Saturday") or after a verb of sending ("we ship Mondays and Thursdays") are the days;
 * days it excludes ("excluding weekends", "not on Mondays", the days between an order placed and
 * its dispatch) are taken out, of the whole week when nothing else names the days.
 */
export function workingDaysIn(text: string): Weekday[] | null {
  const named = new Set<Weekday>();
  const name = (days: Iterable<Weekday>) => [...days].forEach((day) => named.add(day));
  const placed = PLACED_THEN_SENT.exec(text);
  const range = [...text.matchAll(RANGE)][0];
  if (range) name(cyclicRun(dayOf(range[1]), dayOf(range[2])));
  else {
    // "Orders placed on Saturday ship on Monday" and "we don't ship on Mondays" don't name the days it ships.
    for (const match of placed ? [] : text.matchAll(SENDS_ON))
      if (!NEGATED.test(text.slice(Math.max(0, (match.index ?? 0) - 16), match.index))) name(daysInList(match[1]));
    if (named.size === 0 && ALL_WEEK.test(text)) name(EVERY_DAY);
    if (named.size === 0 && WEEKDAYS_WORD.test(text)) name(WEEKDAYS);
  }
  const excluded = new Set<Weekday>();
  for (const match of text.matchAll(NOT_ON)) for (const day of daysInList(match[1])) excluded.add(day);
  const placedOn = placed ? daysInList(placed[2]) : [];
  const sentOn = placed ? dayOf(placed[3]) : null;
  if (sentOn !== null && !placedOn.includes(sentOn)) {
    // An order placed after a cut-off hour on a working day leaves on a later one: that day still works.
    if (!CUTOFF_HOUR.test(text)) placedOn.forEach((day) => excluded.add(day));
    for (let day = (placedOn[placedOn.length - 1] + 1) % 7; day !== sentOn; day = (day + 1) % 7)
      excluded.add(day as Weekday);
  }
  if (named.size === 0 && excluded.size === 0) return null;
  const days = [...(named.size > 0 ? named : EVERY_DAY)].filter((day) => !excluded.has(day));
  return days.length > 0 ? days.sort((a, b) => a - b) : null;
}

function dayOf(word: string): Weekday {
  const bare = word.replace(/\.$/, "");
  return NAMES.get(bare) ?? NAMES.get(bare.replace(/s$/, "")) ?? SHORT_NAMES.get(bare)!;
}

/** The days a list names, in the order named: "saturdays and sundays", "le week-end". */
function daysInList(list: string): Weekday[] {
  const days: Weekday[] = [];
  for (const [word] of list.matchAll(new RegExp(DAY_OR_WEEKEND, "g")))
    days.push(...(new RegExp(`^${WEEKEND_WORD}$`).test(word) ? WEEKEND : [dayOf(word)]));
  return days;
}

/** From one day to another, round the week: Sunday to Thursday, Friday to Monday. */
function cyclicRun(from: Weekday, to: Weekday): Weekday[] {
  const days: Weekday[] = [from];
  for (let day = from; day !== to;) days.push((day = ((day + 1) % 7) as Weekday));
  return days;
}

// How a run of days and a whole week are said in each language; the day names come from Intl.
const RUN: Record<Language, (from: string, to: string) => string> = {
  en: (from, to) => `${from} to ${to}`,
  es: (from, to) => `${from} a ${to}`,
  fr: (from, to) => `du ${from} au ${to}`,
};
const WHOLE_WEEK: Record<Language, string> = { en: "every day", es: "todos los días", fr: "tous les jours" };

/** "Monday to Friday", "de lunes a viernes"… in words: "du dimanche au jeudi", "Monday, Wednesday, and Friday", "every day". */
export function describeWorkingDays(days: readonly Weekday[], language: Language = "en"): string {
  if (days.length === 7) return WHOLE_WEEK[language];
  const set = new Set(days);
  // A run round the week starts on the day whose day before is not worked.
  const start = days.find((day) => !set.has(((day + 6) % 7) as Weekday));
  const run = start === undefined ? [] : cyclicRun(start, ((start + days.length - 1) % 7) as Weekday);
  if (days.length >= 3 && run.every((day) => set.has(day)))
    return RUN[language](weekdayName(run[0], language), weekdayName(run[run.length - 1], language));
  const ordered = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return new Intl.ListFormat(language, { type: "conjunction" }).format(
    ordered.map((day) => weekdayName(day, language)),
  );
}

/** A stored list of weekdays, or null when it isn't one (a hand-edited or older value). */
export function asWorkingDays(value: unknown): Weekday[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const days = [...new Set(value)];
  return days.every((day) => Number.isInteger(day) && day >= 0 && day <= 6)
    ? (days as Weekday[]).sort((a, b) => a - b)
    : null;
}
