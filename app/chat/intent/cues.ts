/**
 * Strong cues: phrasings whose intent is unambiguous but rare in any corpus. They only settle
 * cases the model is unsure about (below CUE_OVERRIDE_BELOW), never overrule a confident model.
 */
import type { Intent } from "./labels";

export const CUE_OVERRIDE_BELOW = 0.6;

const STREET =
  /\b\d{1,6}\s+[A-Za-z0-9 .'-]{2,40}?\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place)\b/i;

/** `beats`: readings a cue settles however sure the model is (it asks something those readings never do). */
const CUES: { intent: Intent; test: (text: string) => boolean; beats?: Intent[] }[] = [
  // Customs charges on delivery are a shipping-policy question.
  { intent: "shipping_options", test: (s) => /\b(duties|duty|customs|import (?:tax|fees?)|brokerage)\b/i.test(s) },
  {
    intent: "shipping_options",
    test: (s) => /\b(pay|charged?|fees?)\b.*\b(extra|more|additional)\b.*\b(arriv|deliver)/i.test(s),
    // "will I pay anything extra when it arrives?" asks what is owed on delivery, not where the parcel is.
    beats: ["track_order"],
  },
  // A card or payment refused is a payment problem, even when it goes on to ask how else to pay.
  {
    intent: "payment_issue",
    test: (s) =>
      /\b(?:card|payment|transaction|carte|paiement|tarjeta|pago)\b/i.test(s) &&
      /\b(?:declin\w*|refus\w*|rechaz\w*|reject\w*)/i.test(s),
    beats: ["payment_methods"],
  },
  // A code asked for at sign-in is the account's one-time code, not a discount: "I tried to sign in and it's
  // asking me for a code", "me pide un código para iniciar sesión". A code applied at checkout stays a discount's.
  {
    intent: "account_help",
    test: (s) =>
      /\b(?:sign(?:ing|ed)? in|log(?:ging|ged)? in|login|log on|me connecter|connexion|iniciar sesi[oó]n|inicio de sesi[oó]n|entrar a mi cuenta)\b/i.test(
        s,
      ) &&
      // The sign-in asks for the code or sends it: not a code the shopper brings to use.
      /\b(?:ask(?:s|ing|ed)? (?:me )?for (?:a |the |my )?(?:\w+ )?code|(?:send|sent|get|got|receive|received|need|enter|type) (?:me )?(?:a |the |my )?(?:\w+ )?code|code (?:never came|didn'?t come|isn'?t coming|not arriving)|pide (?:un |el )?c[oó]digo|c[oó]digo (?:no (?:me )?lleg\w*)|demande (?:un |le )?code|code (?:n'arrive|n'est pas arriv))/i.test(
        s,
      ) &&
      !/\b(?:discount|promo\w*|coupon|voucher|newsletter|welcome|birthday|rewards?|descuento|cup[oó]n|bienvenida|r[ée]duction|remise|bienvenue|checkout|cart|apply|applied|panier|caisse|carrito|aplicar)\b/i.test(
        s,
      ) &&
      // A code-like token the shopper typed ("WELCOME10") is a discount's; "SMS" or "OTP" is the sign-in's own.
      !/\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,}\b/.test(s),
    beats: ["discount_code"],
  },
  // A street address with "send/ship/deliver it to" is a new destination.
  {
    intent: "change_shipping_address",
    test: (s) => STREET.test(s) && /\b(send|ship|deliver|mail|redirect)\b/i.test(s),
  },
];

/** The cue's intent for a reading the model is unsure of (below CUE_OVERRIDE_BELOW), or for one the cue beats. */
export function strongCue(text: string, reading: Intent, confidence: number): Intent | null {
  return (
    CUES.find((cue) => (confidence < CUE_OVERRIDE_BELOW || cue.beats?.includes(reading)) && cue.test(text))?.intent ??
    null
  );
}
