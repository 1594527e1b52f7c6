/**
 * Staff write order notes for each other ("Fraud check: …", "Customer emailed Nov 10.", "Packed by
 * Sam"), so a note is private except what the shopper is owed about their own order:
 * - a line the merchant starts with [shareable] (any case) is shown, without the marker;
 * - a line starting with [private] never is;
 * - of the other lines, a sentence is shown only when it states one of a few kinds of fact the
 *   shopper needs (SHOPPER_FACTS: an item backordered or restocked, a payment waiting to clear, a
 *   parcel come back or an address to complete, the shop waiting for the shopper's answer) and
 *   names nothing of the staff's own (STAFF_ONLY: fraud and verification checks, internal
 *   remarks, goodwill gestures, who said what). Anything else — however harmless it looks — stays
 *   private. Both engines read notes only through shopperFacingNote.
 */
import { normalize } from "../preprocess";
import { splitSentences } from "../knowledge/passages";

export const SHAREABLE_NOTE_MARKER = "[shareable]";
export const PRIVATE_NOTE_MARKER = "[private]";

/** Kinds of fact a shopper is owed about their order, en/es/fr, accents folded. */
const SHOPPER_FACTS = [
  // An item not in stock and when it comes.
  /\b(?:back ?-?orders?(?:ed)?|re-?stock(?:ed|ing)?|out of stock|back in stock|agotad[oa]s?|reposicion|sin existencias|reassort|reapprovisionne\w*|rupture de stock|retour en stock)\b/,
  // A payment not received yet.
  /\b(?:payment|pago|paiement|virement|transferencia)\b[^.]*\b(?:pending|clears?|awaiting|not (?:yet )?received|pendiente|vence|en attente|reception)\b|\b(?:pending|awaiting) payment\b|\breception du (?:paiement|virement)\b/,
  // A parcel on its way back to the shop.
  /\b(?:returned to sender|return to sender|devuelto (?:por|al remitente)|llego de vuelta|retour(?:ne)? a l'expediteur|revenu a l'atelier|non retire)\b/,
  // An address the shopper has to complete.
  /\baddress\b[^.]*\b(?:without|missing|incomplete)\b|\bdireccion incompleta\b|\badresse incomplete\b/,
  // The shop waiting for the shopper's answer.
  /\b(?:waiting for the customer|until the customer (?:replies|confirms|answers)|awaiting (?:the )?customer|en espera de que (?:el|la) client[ae]|hasta que (?:el|la) client[ae] responda|en attente de la reponse d[eu] (?:la )?client[e]?)\b/,
];

/** What only the staff should read, en/es/fr, accents folded: a sentence naming one stays private. */
const STAFF_ONLY =
  /\b(?:fraud\w*|anti-?fraude?|scam\w*|risk\w*|suspicious|sospech\w*|chargeback\w*|verif\w*|blacklist\w*|blocklist\w*|internal|interne|staff|do not (?:tell|share)|don't (?:tell|share)|ne pas (?:dire|communiquer)|no (?:decir|compartir)|billing|facturation|facturacion|card issued|tarjeta emitida|carte emise|geste commercial|goodwill|threat\w*|menace\w*|review|avis)\b/;

/** The lines of the merchant's order note the shopper may read (a backorder date, a payment hold), or null. */
export function shopperFacingNote(note: string | null): string | null {
  if (!note) return null;
  const shown: string[] = [];
  for (const raw of note.split(/\r?\n/)) {
    const line = raw.trim();
    const lower = line.toLowerCase();
    if (lower.startsWith(SHAREABLE_NOTE_MARKER)) shown.push(line.slice(SHAREABLE_NOTE_MARKER.length).trim());
    else if (!lower.startsWith(PRIVATE_NOTE_MARKER)) shown.push(...splitSentences(line).filter(isOwedToShopper));
  }
  const text = shown.filter(Boolean);
  return text.length > 0 ? text.join(" ") : null;
}

function isOwedToShopper(sentence: string): boolean {
  const folded = normalize(sentence);
  return SHOPPER_FACTS.some((kind) => kind.test(folded)) && !STAFF_ONLY.test(folded);
}
