/** What the bot adds to its reply when a shopper writes a card number in the chat. */
import { defineMessages, t } from "../chat/i18n";
import type { Language } from "../chat/preprocess";
import { mentionsCardNumber } from "./redact";

const M = defineMessages({
  card_number_notice: {
    en: "For your safety, please don't share card numbers in this chat: I've removed it from what we keep.",
    es: "Por tu seguridad, no compartas números de tarjeta en este chat: lo he quitado de lo que guardamos.",
    fr: "Pour votre sécurité, ne partagez pas de numéros de carte dans ce chat : je l'ai retiré de ce que nous conservons.",
  },
});

/** The reply, with the notice appended when the shopper's message held a card number. */
export function withCardNotice(reply: string, shopperText: string, language: Language): string {
  return mentionsCardNumber(shopperText) ? `${reply}\n\n${t(language, M.card_number_notice)}` : reply;
}
