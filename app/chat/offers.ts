/**
 * Offers the bot makes in a reply ("I can ask our team to open a trace", "shall I send it again?")
 * stay open for the next message: a plain "yes" or a message naming the offer in the shopper's own
 * words ("please reship it", "open a trace", "renvoyez-le") takes it up, and the intent that makes
 * the offer good carries it out or files it.
 */
import type { Intent } from "./intent/labels";
import { confirmationReply } from "./actions";
import type { Offer } from "./types";
import type { Language } from "./preprocess";

/** How a shopper names each offer, in the languages the bot answers in. */
const NAMES: Record<Offer["kind"], RegExp> = {
  trace: /\b(?:trace|investigat\w*|enqu[eê]te|investigaci[oó]n|rastreo|reclamaci[oó]n)\b/i,
  reship:
    /\b(?:re-?ship\w*|re-?send|send (?:it|them|the \w+) (?:again|back out)|ship (?:it|them) (?:again|out again)|renvoy\w*|r[eé]exp[eé]di\w*|reenv[ií]\w*|volver a enviar\w*|env[ií]a(?:r)?(?:lo|la|los|las)? de nuevo|vuelvan? a enviar\w*)/iu,
};

const CLOSING =
  /^(?:ok(?:ay)?|k|cool|great|perfect|alright|fine|vale|bueno|d'accord|parfait|tr[eè]s bien)[\s,.!]*(?:thanks?|thank you|thx|ty|cheers|gracias|merci)\b/i;

/** "ok thanks", "vale gracias", "parfait merci": a closing, which a "yes" word opens without saying yes. */
export function closesConversation(text: string): boolean {
  return CLOSING.test(text.trim());
}

/** The alternative a shopper may pick instead of each offer. */
const OTHER_CHOICE: Record<Offer["kind"], RegExp> = {
  trace:
    /\b(?:refund\w*|money back|rembours\w*|reembols\w*|devoluci[oó]n del dinero|replace\w*|remplac\w*|reemplaz\w*)\b/iu,
  reship: /\b(?:refund\w*|money back|rembours\w*|reembols\w*|cancel\w*|annul\w*)\b/iu,
};

/** The intent that carries out each offer. */
const CARRIED_OUT_BY: Record<Offer["kind"], Intent> = { trace: "track_order", reship: "change_shipping_address" };

/** The quick replies under an offer: each is taken as the shopper's answer to it. */
const REPLIES: Record<Offer["kind"], Record<Language, [string, string]>> = {
  trace: {
    en: ["Yes, open a trace", "No, thanks"],
    es: ["Sí, abran una investigación", "No, gracias"],
    fr: ["Oui, ouvrez une enquête", "Non, merci"],
  },
  reship: {
    en: ["Yes, ship it again", "No, thanks"],
    es: ["Sí, reenvíenlo", "No, gracias"],
    fr: ["Oui, renvoyez-la", "Non, merci"],
  },
};

export function offerReplies(open: Offer, language: Language): string[] {
  return [...REPLIES[open.kind][language]];
}

export function offer(kind: Offer["kind"], orderNumber: string): Offer {
  return { kind, orderNumber: orderNumber.replace(/^#/, "") };
}

/** Whether this message takes up the open offer: "yes", or words naming it. A "no" or another order never does. */
export function acceptsOffer(open: Offer | undefined, text: string, orderNumber: string | undefined): boolean {
  if (!open) return false;
  if (orderNumber && orderNumber.replace(/^#/, "") !== open.orderNumber) return false;
  const reply = confirmationReply(text);
  if (reply === "no") return false;
  // "ok thanks" closes the conversation; it doesn't take the offer up ("yes please, thanks" does).
  if (closesConversation(text) && !NAMES[open.kind].test(text)) return false;
  // "ok, refund it" to an offer to reship picks the other option, whatever "ok" says.
  if (OTHER_CHOICE[open.kind].test(text) && !NAMES[open.kind].test(text)) return false;
  // "ok whatever, can I change the delivery address?": a "yes" word opening a new question isn't a yes to the offer.
  if (reply === "yes" && asksSomethingElse(text)) return NAMES[open.kind].test(text);
  return reply === "yes" || NAMES[open.kind].test(text);
}

/** At least this many words after the opening word, a question is a new request of its own. */
const NEW_QUESTION_WORDS = 6;

function asksSomethingElse(text: string): boolean {
  return text.includes("?") && text.trim().split(/\s+/).length > NEW_QUESTION_WORDS;
}

/** A message naming an offer's action about the order under discussion, offered or not ("can you open a trace?"). */
export function namedOffer(text: string): Offer["kind"] | null {
  for (const kind of Object.keys(NAMES) as Offer["kind"][]) if (NAMES[kind].test(text)) return kind;
  return null;
}

export function intentCarryingOut(kind: Offer["kind"]): Intent {
  return CARRIED_OUT_BY[kind];
}
