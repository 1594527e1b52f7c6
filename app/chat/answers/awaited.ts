/**
 * Answers to the bot's own questions that aren't the thing asked for: "I don't know my order
 * number" gets where to find it and the other ways forward, and the question stays open.
 */
import { defineMessages, t } from "../i18n";
import type { Answer, Turn } from "../types";

const M = defineMessages({
  find_order_number: {
    en: "No problem. The order number is in the confirmation email we sent when you ordered. If you have an account, log in ({account}) and I can see your orders. Otherwise our team can look it up for you: {email}.",
    es: "Sin problema. El número de pedido está en el correo de confirmación que te enviamos al comprar. Si tienes cuenta, inicia sesión ({account}) y podré ver tus pedidos. Si no, nuestro equipo puede buscarlo: {email}.",
    fr: "Pas de souci. Le numéro de commande figure dans l'e-mail de confirmation envoyé lors de votre achat. Si vous avez un compte, connectez-vous ({account}) et je pourrai voir vos commandes. Sinon, notre équipe peut le retrouver : {email}.",
  },
});

// "I don't know it", "I can't find my order number", "no lo tengo", "je ne le trouve pas".
const CANNOT_GIVE =
  /\b(?:(?:i )?(?:don'?t|do not|dont) (?:know|have|remember)|can'?t (?:find|remember)|cannot (?:find|remember)|lost|no idea|forgot|no (?:lo |la )?(?:s[eé]|tengo|encuentro|recuerdo)|ne (?:le |la )?(?:sais|trouve|connais|retrouve)|je n'ai pas|aucune id[ée]e|oubli[ée])\b/i;

export function cannotGiveOrderNumber(turn: Turn): boolean {
  return turn.state.awaiting === "order_number" && !turn.entities.order_number && saysCannotGiveIt(turn.pre.original);
}

/** The shopper can't give what the bot asked for; the request that asked goes on. */
export function saysCannotGiveIt(text: string): boolean {
  return CANNOT_GIVE.test(text);
}

export function whereToFindOrderNumber(turn: Turn): Answer {
  const { accountUrl, email } = turn.ctx.shop;
  return {
    text: t(turn.language, M.find_order_number, { account: accountUrl, email }),
    state: { awaiting: "order_number" },
  };
}
