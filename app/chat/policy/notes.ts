/**
 * Staff write order notes for each other ("Fraud check: …", "Customer emailed Nov 10."), so a note
 * is private unless the merchant marks a line for the shopper: a line that starts with this
 * marker (any case) is shown, without the marker; nothing else is, however harmless it looks.
 */
export const SHAREABLE_NOTE_MARKER = "[shareable]";

/** The lines of the merchant's order note marked for the shopper (a backorder date, a payment hold), or null. */
export function shopperFacingNote(note: string | null): string | null {
  if (!note) return null;
  const shareable = note
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.toLowerCase().startsWith(SHAREABLE_NOTE_MARKER))
    .map((line) => line.slice(SHAREABLE_NOTE_MARKER.length).trim())
    .filter(Boolean);
  return shareable.length > 0 ? shareable.join(" ") : null;
}
