/**
 * Who may change an order (cancel it, change its address, request a return or a reship): its
 * logged-in owner, or a guest who proves they read the order's mailbox by typing the one-time
 * code the app emails there. Knowing an order number and its email is enough to read the order's
 * status (as Shopify's own order-status lookup allows) but not to change it.
 *
 *   shopper asks for a change → the bot emails a code to the order's address (shown masked)
 *   → the shopper types the code → the bot states exactly what it will do → "yes" → done.
 */
import type { Order } from "../commerce/types";
import { defineMessages, t } from "./i18n";
import { CODE_RULES } from "./order-codes";
import type { Answer, PendingAction, Turn } from "./types";

/** After a right code, further changes to the same order in this conversation need no new code for this long. */
export const PROOF_TTL_MS = 30 * 60_000;

const M = defineMessages({
  proof_code_sent: {
    en: "Before I change anything on order {order}, I need to check it's really you: I've emailed a {digits}-digit code to {email}, the address on the order. Please type it here (it works once, for {minutes} minutes).",
    es: "Antes de cambiar nada en el pedido {order}, necesito comprobar que eres tú: he enviado un código de {digits} cifras a {email}, el correo del pedido. Escríbelo aquí (sirve una vez, durante {minutes} minutos).",
    fr: "Avant de modifier quoi que ce soit sur la commande {order}, je dois vérifier que c'est bien vous : j'ai envoyé un code à {digits} chiffres à {email}, l'adresse de la commande. Saisissez-le ici (il est valable une fois, pendant {minutes} minutes).",
  },
  proof_cannot_send: {
    en: "To change order {order} I need to check it's really you, and I can't email you a code right now. Please log in to your account and ask me again, or email {shopEmail} from the address you ordered with.",
    es: "Para cambiar el pedido {order} necesito comprobar que eres tú, y ahora mismo no puedo enviarte un código. Inicia sesión en tu cuenta y vuelve a pedírmelo, o escribe a {shopEmail} desde el correo con el que hiciste el pedido.",
    fr: "Pour modifier la commande {order}, je dois vérifier que c'est bien vous, et je ne peux pas vous envoyer de code pour le moment. Connectez-vous à votre compte et redemandez-le-moi, ou écrivez à {shopEmail} depuis l'adresse utilisée pour la commande.",
  },
  proof_too_many_codes: {
    en: "I've already sent several codes for order {order} in the last hour. Please use the latest one in your inbox, or try again later.",
    es: "Ya he enviado varios códigos para el pedido {order} en la última hora. Usa el más reciente de tu bandeja de entrada o inténtalo más tarde.",
    fr: "J'ai déjà envoyé plusieurs codes pour la commande {order} au cours de la dernière heure. Utilisez le plus récent dans votre boîte de réception, ou réessayez plus tard.",
  },
  proof_code_wrong: {
    en: "That code doesn't match the one I sent to {email}. Tries left: {tries}.",
    es: "Ese código no coincide con el que envié a {email}. Intentos restantes: {tries}.",
    fr: "Ce code ne correspond pas à celui envoyé à {email}. Essais restants : {tries}.",
  },
  proof_code_dead: {
    en: "That code can't be used any more (it has expired, been used, or had too many tries), so nothing has changed. Ask me for the change again and I'll send a new one.",
    es: "Ese código ya no se puede usar (ha caducado, ya se usó o tuvo demasiados intentos), así que no he cambiado nada. Vuelve a pedirme el cambio y te enviaré uno nuevo.",
    fr: "Ce code n'est plus utilisable (il a expiré, a déjà servi ou a eu trop d'essais) : rien n'a été modifié. Redemandez-moi la modification et je vous en enverrai un nouveau.",
  },
  proof_code_reminder: {
    en: "First, please type the {digits}-digit code I emailed to {email}; then I'll confirm the change with you.",
    es: "Primero escribe el código de {digits} cifras que envié a {email}; después confirmaré el cambio contigo.",
    fr: "Saisissez d'abord le code à {digits} chiffres envoyé à {email} ; je vous confirmerai ensuite la modification.",
  },
  proof_needed: {
    en: "I can't make that change yet: I need to check it's really you first. Ask me for the change again and I'll email a code to the address on the order.",
    es: "Aún no puedo hacer ese cambio: primero necesito comprobar que eres tú. Vuelve a pedírmelo y enviaré un código al correo del pedido.",
    fr: "Je ne peux pas encore effectuer cette modification : je dois d'abord vérifier que c'est bien vous. Redemandez-la-moi et j'enverrai un code à l'adresse de la commande.",
  },
  proof_mail_subject: {
    en: "Your code for order {order}",
    es: "Tu código para el pedido {order}",
    fr: "Votre code pour la commande {order}",
  },
  proof_mail_body: {
    en: "Your code to confirm a change to order {order} at {shop} is:\n\n{code}\n\nType it in the chat to continue. It works once, for {minutes} minutes.\n\nIf you didn't ask for a change, ignore this email: nothing changes without the code.",
    es: "Tu código para confirmar un cambio en el pedido {order} de {shop} es:\n\n{code}\n\nEscríbelo en el chat para continuar. Sirve una vez, durante {minutes} minutos.\n\nSi no has pedido ningún cambio, ignora este correo: sin el código no cambia nada.",
    fr: "Votre code pour confirmer une modification de la commande {order} chez {shop} est :\n\n{code}\n\nSaisissez-le dans le chat pour continuer. Il est valable une fois, pendant {minutes} minutes.\n\nSi vous n'avez demandé aucune modification, ignorez cet e-mail : rien ne change sans le code.",
  },
});

/** What the bot would say and do once the shopper may change the order. */
export interface ChangeProposal {
  text: string;
  action: PendingAction;
  quickReplies?: string[];
}

/** "hannah.brooks@example.com" → "h•••@example.com": enough to recognise, not to learn. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return domain ? `${local.slice(0, 1)}•••@${domain}` : "•••";
}

const digitsOf = (orderName: string) => orderName.replace(/\D/g, "");

/** Whether this conversation proved the order with a code, recently enough. */
export function provenByCode(turn: Turn, orderName: string): boolean {
  const until = turn.state.provenOrders?.[digitsOf(orderName)];
  return !!until && new Date(until) > turn.ctx.orderCodes.now();
}

/** Whether the shopper may change this order now: its logged-in owner, or proven by a code. */
export function mayChangeOrder(turn: Turn, order: Order): boolean {
  return (!!turn.shopper.customerId && order.customerId === turn.shopper.customerId) || provenByCode(turn, order.name);
}

/** The proposal as a question for the shopper's "yes" — or, for a guest, a code to the order's email first. */
export async function proposeChange(turn: Turn, order: Order, proposal: ChangeProposal): Promise<Answer> {
  const proof = (kind: "not_needed" | "code_sent" | "cannot_send" | "too_many_codes", sentTo: string | null = null) => [
    { topic: "change_proof" as const, order: order.name, kind, sentTo },
  ];
  if (mayChangeOrder(turn, order))
    return {
      text: proposal.text,
      quickReplies: proposal.quickReplies,
      state: { pendingAction: proposal.action },
      verdicts: proof("not_needed"),
    };
  const L = turn.language;
  // What the shopper asked about still stands even without a code ("it hasn't shipped, so it can still be cancelled").
  const cannotSend = (): Answer => ({
    text: [statedFacts(proposal.text), t(L, M.proof_cannot_send, { order: order.name, shopEmail: turn.ctx.shop.email })]
      .filter(Boolean)
      .join("\n"),
    state: { codeChallenge: undefined },
    verdicts: proof("cannot_send"),
  });
  if (!order.email || !turn.ctx.mailer) return cannotSend();
  const issued = await turn.ctx.orderCodes.issue(digitsOf(order.name));
  if (!issued.ok)
    return { text: t(L, M.proof_too_many_codes, { order: order.name }), verdicts: proof("too_many_codes") };
  const minutes = Math.round(CODE_RULES.ttlMs / 60_000);
  try {
    await turn.ctx.mailer.send({
      to: order.email,
      subject: t(L, M.proof_mail_subject, { order: order.name }),
      text: t(L, M.proof_mail_body, { order: order.name, shop: turn.ctx.shop.name, code: issued.code, minutes }),
    });
  } catch (error) {
    console.error("one-time code email failed", error instanceof Error ? error.message : error);
    return cannotSend();
  }
  const sentTo = maskEmail(order.email);
  // What the shopper asked about still stands (its last line is the question the code will unlock).
  const facts = proposal.text.split("\n").slice(0, -1).join("\n");
  return {
    text: [facts, t(L, M.proof_code_sent, { order: order.name, email: sentTo, digits: CODE_RULES.digits, minutes })]
      .filter(Boolean)
      .join("\n"),
    lookups: [{ kind: "order", ref: order.name, outcome: `one-time code emailed to ${sentTo}` }],
    state: {
      pendingAction: undefined,
      codeChallenge: { id: issued.challengeId, orderNumber: digitsOf(order.name), sentTo, proposal },
    },
    verdicts: proof("code_sent", sentTo),
  };
}

/** A proposal without its closing question: the facts it states, which stay true whoever asks. */
export function statedFacts(proposal: string): string {
  const lines = proposal.split("\n");
  const last = lines.pop() ?? "";
  const statements = last.split(/(?<=[.!])\s+/).filter((sentence) => !/[?¿]/.test(sentence));
  return [...lines, statements.join(" ")].filter(Boolean).join("\n");
}

// "482913", "482 913", "my code is 482-913", "código: 482913", "le code est 482913".
const CODE_IN_MESSAGE = new RegExp(
  `^[^\\d#]{0,40}?(?<![\\d#])(\\d{3})[ -]?(\\d{${CODE_RULES.digits - 3}})(?!\\d)[^\\d#]{0,12}$`,
  "u",
);

/** The one-time code a message consists of, if it is one. */
export function codeInMessage(text: string): string | null {
  const match = text.trim().match(CODE_IN_MESSAGE);
  return match ? match[1] + match[2] : null;
}

/** The shopper typed a code for the change waiting in this conversation. */
export async function enterOrderCode(turn: Turn, code: string): Promise<Answer> {
  const L = turn.language;
  const challenge = turn.state.codeChallenge;
  if (!challenge) return { text: t(L, M.proof_needed) };
  const check = await turn.ctx.orderCodes.redeem(challenge.id, challenge.orderNumber, code);
  const lookup = (outcome: string) => [{ kind: "order" as const, ref: `#${challenge.orderNumber}`, outcome }];
  if (check.ok) {
    const until = new Date(turn.ctx.orderCodes.now().getTime() + PROOF_TTL_MS).toISOString();
    const { proposal } = challenge;
    return {
      text: proposal.text,
      quickReplies: proposal.quickReplies,
      lookups: lookup("one-time code accepted"),
      state: {
        codeChallenge: undefined,
        pendingAction: proposal.action,
        provenOrders: { ...turn.state.provenOrders, [challenge.orderNumber]: until },
      },
    };
  }
  if (check.reason === "wrong")
    return {
      text: t(L, M.proof_code_wrong, { email: challenge.sentTo, tries: check.triesLeft }),
      lookups: lookup("wrong one-time code"),
    };
  return {
    text: t(L, M.proof_code_dead),
    lookups: lookup(`one-time code ${check.reason}`),
    state: { codeChallenge: undefined },
  };
}

/** A "yes" while the code is awaited: the code comes first. */
export function codeReminder(turn: Turn): Answer {
  const challenge = turn.state.codeChallenge;
  if (!challenge) return proofNeeded(turn);
  return { text: t(turn.language, M.proof_code_reminder, { digits: CODE_RULES.digits, email: challenge.sentTo }) };
}

/** The reply when a change reaches "yes" without the right to make it (e.g. the proof expired meanwhile). */
export function proofNeeded(turn: Turn): Answer {
  return { text: t(turn.language, M.proof_needed), state: { pendingAction: undefined } };
}
