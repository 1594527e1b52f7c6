/**
 * "Are you open on Saturdays?", "¿a qué hora cierran?", "vous êtes ouverts le dimanche ?": when the
 * shop is open, whatever the intent model read into the words (a greeting, a complaint, shipping).
 * Answered from the shop's own text when it states opening days or times (a shop, a showroom, a
 * pickup counter), else from its support hours; never with a clarifying question.
 */
import type { Answer, Turn } from "../types";
import { normalize } from "../preprocess";
import { faqAnswer, supportHoursAnswer } from "./conversation";

const WEEKDAY =
  "mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|(?:public |bank )?holidays?|" +
  "lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|fin de semana|festivos?|feriados?|" +
  "lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|week-?ends?|jours? feries?";
const DAY = `${WEEKDAY}|today|tonight|tomorrow|now|hoy|manana|ahorita|ahora|aujourd'?hui|demain|maintenant`;
const SHOP = "store|shop|showroom|boutique|cafe|studio|office|warehouse|location";

/** A question about when the shop is open, in English, Spanish or French (text normalised: lower case, accents folded). */
const ASKS_WHEN_OPEN = [
  // "are you open on sundays?", "r u guys open today", "is the store open on holidays?"
  new RegExp(`\\b(?:are|r) (?:you|u|ya|y'?all)(?: guys| all)? (?:still )?open\\b`),
  new RegExp(`\\b(?:is|will) (?:the|your) (?:${SHOP}) (?:be )?open\\b`),
  // "what time do you close?", "when does the shop open?"
  new RegExp(
    `\\b(?:do|does|will|when do|when does|what time do|what time does) (?:you|u|you guys|(?:the|your) (?:${SHOP})) (?:open|close)\\b`,
  ),
  new RegExp(`\\b(?:opening|closing) (?:hours|times?|days)\\b|\\b(?:${SHOP}) hours\\b`),
  new RegExp(`\\b(?:you|y'?all|u)(?: guys)? open (?:on |this |at )?(?:${DAY})\\b`),
  // "¿abren los domingos?", "¿a qué hora cierran?", "¿están abiertos el sábado?"
  new RegExp(`\\b(?:abren|abre|cierran|cierra|abiertos?|abiertas?)\\b.*\\b(?:${DAY}|a que hora|horarios?)\\b`),
  new RegExp(`\\b(?:a que hora|que dias|horarios?) (?:abren|cierran|de atencion de la tienda|de la tienda)\\b`),
  // "vous êtes ouverts le samedi ?", "à quelle heure fermez-vous ?", "horaires d'ouverture"
  new RegExp(
    `\\b(?:ouverts?|ouvertes?|ouvrez|ouvre|ouvrent|fermez|fermes|ferme|ferment)\\b.*\\b(?:${DAY}|a quelle heure)\\b`,
  ),
  new RegExp(
    `\\b(?:a quelle heure|quels jours) (?:ouvrez|fermez|ouvre|ferme|etes)\\b|\\b(?:horaires|heures) d'?ouverture\\b`,
  ),
];
// ...and not about something of the shopper's being opened ("the box came open on Saturday").
const SOMETHING_OPENED =
  /\b(?:came|arrived|was|were|is|got|llego|vino|esta|arrive|est|etait) (?:open|abiert[oa]s?|ouverte?s?)\b/;

/** States a day or a time of day (a shop's opening hours do), in any of the three languages. */
const STATES_DAYS_OR_TIMES = new RegExp(`\\b(?:${WEEKDAY})\\b|\\d\\s*(?:am|pm|h\\b|:\\d\\d)`);

export function asksWhenOpen(normalized: string): boolean {
  return !SOMETHING_OPENED.test(normalized) && ASKS_WHEN_OPEN.some((pattern) => pattern.test(normalized));
}

/** The shop's opening hours asked: its own text when that states days or times, else its support hours; null when neither. */
export function openingHoursAnswer(turn: Turn): Answer | null {
  // A request for a person goes through the hand-off, which answers an hours question itself.
  if (turn.intent.grievance || turn.intent.intent === "human_agent" || !asksWhenOpen(turn.pre.normalized)) return null;
  const quoted = faqAnswer(turn, { headingCounts: true });
  if (quoted && STATES_DAYS_OR_TIMES.test(normalize(quoted.text))) return quoted;
  return supportHoursAnswer(turn) ?? quoted;
}
