/**
 * Confirm-first actions: the bot described a change and stored it as a PendingAction; when the
 * shopper says yes, this carries it out — through the real Admin mutations when the merchant
 * allows the bot to act, otherwise as a request for the merchant's team. Verification is
 * re-checked at execution time: the order must still belong to this shopper.
 */
import { formatMoney } from "./format";
import { defineMessages, t } from "./i18n";
import { findShopperOrder } from "./verification";
import { formatAddress, returnShippingRule } from "./answers/orders";
import type { Answer, PendingAction, Turn } from "./types";

const M = defineMessages({
  cancelled_now: {
    en: "Done: order {order} is cancelled. {total} will be refunded to your original payment method; refunds take 5–10 business days to appear.",
    es: "Listo: el pedido {order} está cancelado. Se reembolsarán {total} a tu método de pago original; los reembolsos tardan de 5 a 10 días hábiles.",
    fr: "C'est fait : la commande {order} est annulée. {total} seront remboursés sur votre moyen de paiement d'origine ; comptez 5 à 10 jours ouvrés.",
  },
  return_opened: {
    en: "Done: return {name} is requested for {items}. You'll get an email once our team has reviewed it. {shipping}",
    es: "Listo: se ha solicitado la devolución {name} de {items}. Recibirás un correo cuando nuestro equipo la revise. {shipping}",
    fr: "C'est fait : le retour {name} est demandé pour {items}. Vous recevrez un e-mail une fois qu'il aura été examiné. {shipping}",
  },
  address_updated: {
    en: "Done: order {order} will now ship to {address}.",
    es: "Listo: el pedido {order} se enviará ahora a {address}.",
    fr: "C'est fait : la commande {order} sera désormais livrée à {address}.",
  },
  request_sent: {
    en: "Done: I've sent your request to our team ({summary}). They'll confirm by email, usually within 1 business day.",
    es: "Listo: he enviado tu solicitud a nuestro equipo ({summary}). Te lo confirmarán por correo, normalmente en 1 día hábil.",
    fr: "C'est fait : j'ai transmis votre demande à notre équipe ({summary}). Elle vous confirmera par e-mail, en général sous 1 jour ouvré.",
  },
  action_failed: {
    en: "I couldn't do that automatically ({reason}), so I've passed it to our team; they'll follow up by email.",
    es: "No he podido hacerlo automáticamente ({reason}), así que lo he pasado a nuestro equipo; te escribirán por correo.",
    fr: "Je n'ai pas pu le faire automatiquement ({reason}), j'ai donc transmis la demande à notre équipe ; elle vous écrira par e-mail.",
  },
  declined: {
    en: "No problem, I haven't changed anything. Anything else I can help with?",
    es: "Sin problema, no he cambiado nada. ¿Te ayudo con algo más?",
    fr: "Pas de souci, je n'ai rien modifié. Puis-je vous aider pour autre chose ?",
  },
  order_gone: {
    en: "I can't make that change any more: the order's details no longer match what we agreed. Our team can help by email.",
    es: "Ya no puedo hacer ese cambio: los datos del pedido ya no coinciden con lo acordado. Nuestro equipo puede ayudarte por correo.",
    fr: "Je ne peux plus effectuer ce changement : les informations de la commande ne correspondent plus. Notre équipe peut vous aider par e-mail.",
  },
});

// The word must end where a letter doesn't follow: `\b` would not end "sí" (í isn't an ASCII letter).
const YES = /^(?:y|yes|yeah|yep|yup|sure|ok(?:ay)?|please do|do it|go ahead|confirm(?:ed)?|correct|that's right|si|sí|claro|vale|adelante|oui|d'accord|allez-y|ouais)(?![\p{L}\p{N}])/iu;
const NO = /^(?:n|no|nope|nah|don't|do not|cancel that|never ?mind|stop|keep it|non|pas|ne pas)(?![\p{L}\p{N}])/iu;

export function confirmationReply(text: string): "yes" | "no" | null {
  const clean = text.trim().replace(/^[^\p{L}]+/u, "");
  if (NO.test(clean)) return "no";
  if (YES.test(clean)) return "yes";
  return null;
}

/** The order a pending change is about, digits only ("1063"), or null for a request about none. */
export function pendingOrderNumber(action: PendingAction): string | null {
  const name = action.kind === "request" ? action.ticket.orderNumber : action.orderNumber;
  return name ? name.replace(/^#/, "") : null;
}

export async function runPendingAction(action: PendingAction, turn: Turn, answer: "yes" | "no"): Promise<Answer> {
  const L = turn.language;
  if (answer === "no") return { text: t(L, M.declined), state: { pendingAction: undefined } };
  if (action.kind === "request") {
    return { text: t(L, M.request_sent, { summary: action.ticket.summary }), ticket: action.ticket, state: { pendingAction: undefined } };
  }
  // Re-verify: the order must still be this shopper's, and still in the state that allowed the change.
  const access = await findShopperOrder(turn.ctx.commerce, {
    orderNumber: action.orderNumber,
    email: turn.state.email,
    customerId: turn.shopper.customerId,
  });
  if (access.kind !== "verified") return { text: t(L, M.order_gone), state: { pendingAction: undefined } };
  const order = access.order;
  const fail = (reason: string): Answer => ({
    text: t(L, M.action_failed, { reason }),
    handoff: true,
    ticket: { kind: action.kind === "cancel_order" ? "cancel_request" : action.kind === "return_items" ? "return_request" : "address_request", summary: `Bot could not ${action.kind.replace("_", " ")} on ${order.name}: ${reason}`, orderNumber: order.name },
    state: { pendingAction: undefined },
  });
  switch (action.kind) {
    case "cancel_order": {
      const result = await turn.ctx.commerce.cancelOrder(order.id, "CUSTOMER");
      if (!result.ok) return fail(result.message);
      return { text: t(L, M.cancelled_now, { order: order.name, total: formatMoney(order.totalPrice, order.currencyCode, L) }), state: { pendingAction: undefined } };
    }
    case "return_items": {
      const lines = action.fulfillmentLineItemIds.map((id) => ({ fulfillmentLineItemId: id, quantity: 1 }));
      const result = await turn.ctx.commerce.requestReturn(order.id, lines, action.reason, turn.pre.original);
      if (!result.ok) return fail(result.message);
      return { text: t(L, M.return_opened, { name: result.returnName, items: action.titles.join(", "), shipping: returnShippingRule(turn, order) }).trim(), state: { pendingAction: undefined } };
    }
    case "update_address": {
      const result = await turn.ctx.commerce.updateShippingAddress(order.id, action.address);
      if (!result.ok) return fail(result.message);
      return { text: t(L, M.address_updated, { order: order.name, address: formatAddress(action.address) }), state: { pendingAction: undefined } };
    }
  }
}
