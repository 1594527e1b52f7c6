/**
 * Confirm-first actions: the bot described a change and stored it as a PendingAction; when the
 * shopper says yes, this carries it out — through the real Admin mutations when the merchant
 * allows the bot to act, otherwise as a request for the merchant's team. At execution time the
 * order must still be this shopper's, and theirs to change (logged-in owner, or proven with a
 * one-time code: change-proof.ts). After a mutation the order is read again, and only what it
 * now shows is confirmed: a rejected or silently ineffective change is never reported as done.
 */
import type { Address, Order } from "../commerce/types";
import { formatMoney } from "./format";
import { defineMessages, t } from "./i18n";
import { verifyOrderAccess } from "./verification";
import { mayChangeOrder, proofNeeded } from "./change-proof";
import { formatAddress, returnShippingRule } from "./answers/orders";
import { replyTimeClause } from "./answers/shop-rules";
import type { Answer, PendingAction, ShippingAddress, TicketRequest, Turn } from "./types";

const M = defineMessages({
  cancelled_now: {
    en: "Done: order {order} is now cancelled.{refund}",
    es: "Listo: el pedido {order} ya está cancelado.{refund}",
    fr: "C'est fait : la commande {order} est désormais annulée.{refund}",
  },
  cancel_refund_shown: {
    en: " It shows {amount} refunded to your original payment method; your bank decides when it appears on your statement.",
    es: " Figura un reembolso de {amount} a tu método de pago original; tu banco decide cuándo aparece en tu extracto.",
    fr: " Elle indique un remboursement de {amount} sur votre moyen de paiement d'origine ; votre banque décide quand il apparaît sur votre relevé.",
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
    en: "Done: I've sent your request to our team ({summary}). They'll confirm by email{reply}.",
    es: "Listo: he enviado tu solicitud a nuestro equipo ({summary}). Te lo confirmarán por correo{reply}.",
    fr: "C'est fait : j'ai transmis votre demande à notre équipe ({summary}). Elle vous confirmera par e-mail{reply}.",
  },
  action_failed: {
    en: "I couldn't do that automatically ({reason}), so nothing has changed yet: I've passed it to our team, and they'll follow up by email.",
    es: "No he podido hacerlo automáticamente ({reason}), así que aún no ha cambiado nada: lo he pasado a nuestro equipo y te escribirán por correo.",
    fr: "Je n'ai pas pu le faire automatiquement ({reason}), donc rien n'a encore changé : j'ai transmis la demande à notre équipe, qui vous écrira par e-mail.",
  },
  action_not_shown: {
    en: "I asked for that change, but order {order} doesn't show it, so I can't tell you it's done. I've passed it to our team to check, and they'll follow up by email.",
    es: "He pedido ese cambio, pero el pedido {order} no lo refleja, así que no puedo decirte que esté hecho. Lo he pasado a nuestro equipo para que lo revise y te escribirán por correo.",
    fr: "J'ai demandé cette modification, mais la commande {order} ne l'indique pas : je ne peux donc pas vous dire qu'elle est faite. J'ai transmis la demande à notre équipe pour vérification, elle vous écrira par e-mail.",
  },
  confirm_again: {
    en: "Just to be sure, as this can't be undone: shall I go ahead? Please answer yes or no.",
    es: "Para estar seguros, porque no se puede deshacer: ¿lo hago? Responde sí o no, por favor.",
    fr: "Pour être sûr, car ce ne sera pas réversible : est-ce que je le fais ? Répondez oui ou non, s'il vous plaît.",
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

/** Re-reads after an order cancellation Shopify runs as a background job: right away, then after these pauses. */
export const CANCEL_JOB_REREADS_MS = [500, 1000, 2000];

// The word must end where a letter doesn't follow: `\b` would not end "sí" (í isn't an ASCII letter).
// A bare "y" is a yes only on its own: "y el molino?" is Spanish for "and the grinder?".
const YES =
  /^(?:y(?=[\s!.]*$)|yes|yeah|yep|yup|sure|ok(?:ay)?|please do|do it|go ahead|go for it|confirm(?:ed)?|correct|that's right|si|sí|claro|vale|adelante|hazlo|oui|d'accord|allez-y|ouais)(?![\p{L}\p{N}])/iu;
// Agreement that could also open a new message ("perfect, and…"): a yes only when that's all it says.
const SHORT_YES =
  /^(?:sounds good|perfect|great|absolutely|of course|definitely|that works|dale|[aá]ndale|perfecto|de acuerdo|correcto|exacto|parfait|bien s[uû]r|c'est bon|exactement|volontiers)(?![\p{L}\p{N}])/iu;
const NO =
  /^(?:n|no|nope|nah|don't|do not|not now|not yet|cancel that|never ?mind|stop|hold on|keep it|mejor no|todav[ií]a no|a[uú]n no|non|pas|ne pas|pas maintenant|plus tard)(?![\p{L}\p{N}])/iu;
const SHORT = 4;
const THANKS = /\b(?:thank|thanks|thx|gracias|merci)\b/i;

export function confirmationReply(text: string): "yes" | "no" | null {
  const clean = text.trim().replace(/^[^\p{L}]+/u, "");
  if (NO.test(clean)) return "no";
  if (YES.test(clean)) return "yes";
  if (SHORT_YES.test(clean) && clean.split(/\s+/).length <= SHORT && !THANKS.test(clean)) return "yes";
  return null;
}

/** The change still waiting, asked again: its yes was also a goodbye ("ok thanks"). */
export function askAgainToConfirm(turn: Turn): Answer {
  return { text: t(turn.language, M.confirm_again), state: { pendingAction: turn.state.pendingAction } };
}

/** The order a pending change is about, digits only ("1063"), or null for a request about none. */
export function pendingOrderNumber(action: PendingAction): string | null {
  const name = action.kind === "request" ? action.ticket.orderNumber : action.orderNumber;
  return name ? name.replace(/^#/, "") : null;
}

export async function runPendingAction(turn: Turn, answer: "yes" | "no"): Promise<Answer> {
  const L = turn.language;
  const action = turn.state.pendingAction;
  if (answer === "no" || !action)
    return { text: t(L, M.declined), state: { pendingAction: undefined, codeChallenge: undefined } };
  // Re-verify: the order must still be this shopper's, theirs to change, and in a state that allows it.
  const access = await verifyOrderAccess(turn.ctx.commerce, turn.ctx.attempts, {
    orderNumber: pendingOrderNumber(action),
    email: turn.state.email,
    customerId: turn.shopper.customerId,
    clientKey: turn.shopper.clientKey,
    thirdParty: turn.state.thirdPartyClaim,
  });
  if (access.kind !== "verified") return { text: t(L, M.order_gone), state: { pendingAction: undefined } };
  const order = access.order;
  if (!mayChangeOrder(turn, order)) return proofNeeded(turn);
  if (action.kind === "request") {
    return {
      text: t(L, M.request_sent, { summary: action.ticket.summary, reply: replyTimeClause(turn) }),
      ticket: action.ticket,
      state: { pendingAction: undefined },
    };
  }
  const toTeam = (text: string, why: string): Answer => ({
    text,
    handoff: true,
    ticket: {
      kind: TICKET_KIND[action.kind],
      reason: "couldnt_answer",
      summary: `Bot could not ${action.kind.replace("_", " ")} on ${order.name}: ${why}`,
      orderNumber: order.name,
    },
    state: { pendingAction: undefined },
  });
  const fail = (reason: string) => toTeam(t(L, M.action_failed, { reason }), reason);
  const notShown = () =>
    toTeam(
      t(L, M.action_not_shown, { order: order.name }),
      "the mutation succeeded but the order doesn't show the change",
    );
  const done = (text: string): Answer => ({ text: text.trim(), state: { pendingAction: undefined } });
  switch (action.kind) {
    case "cancel_order": {
      const result = await turn.ctx.commerce.cancelOrder(order.id, "CUSTOMER");
      if (!result.ok) return fail(result.message);
      const after = await reread(turn, order, (o) => !!o.cancelledAt, result.jobDone ? [] : CANCEL_JOB_REREADS_MS);
      if (!after) return notShown();
      const refunded = Number(after.totalRefunded) - Number(order.totalRefunded);
      const refund =
        refunded > 0.005
          ? t(L, M.cancel_refund_shown, { amount: formatMoney(refunded.toFixed(2), after.currencyCode, L) })
          : "";
      return done(t(L, M.cancelled_now, { order: after.name, refund }));
    }
    case "return_items": {
      const lines = action.fulfillmentLineItemIds.map((id) => ({ fulfillmentLineItemId: id, quantity: 1 }));
      const result = await turn.ctx.commerce.requestReturn(order.id, lines, action.reason, turn.pre.original);
      if (!result.ok) return fail(result.message);
      const opened = (o: Order) =>
        o.returns.find((r) => r.id === result.returnId && ["REQUESTED", "OPEN"].includes(r.status));
      const after = await reread(turn, order, (o) => !!opened(o));
      if (!after) return notShown();
      const shown = opened(after)!;
      const items = shown.lines.length ? shown.lines.map((l) => l.title) : action.titles;
      return done(
        t(L, M.return_opened, { name: shown.name, items: items.join(", "), shipping: returnShippingRule(turn, after) }),
      );
    }
    case "update_address": {
      const result = await turn.ctx.commerce.updateShippingAddress(order.id, action.address);
      if (!result.ok) return fail(result.message);
      const after = await reread(turn, order, (o) => sameAddress(o.shippingAddress, action.address));
      if (!after?.shippingAddress) return notShown();
      return done(
        t(L, M.address_updated, { order: after.name, address: formatAddress(shownAddress(after.shippingAddress)) }),
      );
    }
  }
}

const TICKET_KIND: Record<Exclude<PendingAction["kind"], "request">, TicketRequest["kind"]> = {
  cancel_order: "cancel_request",
  return_items: "return_request",
  update_address: "address_request",
};

/** The order as it is now, once it shows the change (read again after each pause), or null if it never does. */
async function reread(
  turn: Turn,
  before: Order,
  changed: (order: Order) => boolean,
  pausesMs: number[] = [],
): Promise<Order | null> {
  for (const pause of [0, ...pausesMs]) {
    if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
    const now = await turn.ctx.commerce.findOrderByNumber(before.name);
    if (now && now.id === before.id && changed(now)) return now;
  }
  return null;
}

const norm = (value: string | null | undefined) => (value ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

function sameAddress(now: Address | null, wanted: ShippingAddress): boolean {
  if (!now) return false;
  return (
    norm(now.address1) === norm(wanted.address1) &&
    norm(now.address2) === norm(wanted.address2) &&
    norm(now.city) === norm(wanted.city) &&
    norm(now.zip) === norm(wanted.zip)
  );
}

function shownAddress(a: Address): ShippingAddress {
  return {
    address1: a.address1 ?? "",
    address2: a.address2,
    city: a.city ?? "",
    provinceCode: a.provinceCode,
    zip: a.zip ?? "",
    countryCode: a.countryCode ?? "",
  };
}
