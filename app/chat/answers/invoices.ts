/**
 * "How do I get an invoice?" before any order is named: the shop's own invoice rules (where to ask,
 * what a company invoice needs, until when) come first, then the bot asks which order. An order
 * already known gets its invoice request as before (answers/orders.ts), with the same rules.
 */
import { knowledgeFor } from "../knowledge";
import { invoiceRules } from "../policy/shop-sentences";
import { asksInvoiceAmount, asksInvoiceElsewhere, asksInvoiceTiming } from "../intent/policy-follow-ups";
import { defineMessages, t } from "../i18n";
import { formatMoney } from "../format";
import { getInvoice, withVerifiedOrder } from "./orders";
import type { Order } from "../../commerce/types";
import type { Answer, Turn } from "../types";

const M = defineMessages({
  invoice_amounts: {
    en: "Order {order}: items {subtotal} (after any discount), shipping {shipping}, tax {tax}{included}; total {total}.",
    es: "Pedido {order}: artículos {subtotal} (con descuentos aplicados), envío {shipping}, impuestos {tax}{included}; total {total}.",
    fr: "Commande {order} : articles {subtotal} (remises déduites), livraison {shipping}, taxes {tax}{included} ; total {total}.",
  },
  invoice_tax_included: {
    en: " (already included in the prices)",
    es: " (ya incluidos en los precios)",
    fr: " (déjà comprises dans les prix)",
  },
  invoice_elsewhere: {
    en: "I can't send the invoice to another address myself. A person from our team can: write to {email} with the order number and the address you'd like it sent to.",
    es: "No puedo enviar la factura a otra dirección yo mismo. Una persona de nuestro equipo sí puede: escribe a {email} con el número de pedido y el correo al que quieres que llegue.",
    fr: "Je ne peux pas envoyer la facture à une autre adresse moi-même. Une personne de notre équipe peut le faire : écrivez à {email} avec le numéro de commande et l'adresse souhaitée.",
  },
});

export async function invoiceAnswer(turn: Turn): Promise<Answer> {
  // Right after an invoice: its amounts from the order itself, or another address, which only the team can do.
  const following = turn.state.lastIntent === "get_invoice" && !turn.entities.order_number;
  if (following && asksInvoiceElsewhere(turn.pre.normalized))
    return { text: t(turn.language, M.invoice_elsewhere, { email: turn.ctx.shop.email }), kind: "no_answer" };
  if (following && asksInvoiceAmount(turn.pre.normalized))
    return withVerifiedOrder(turn, (order, t2) => ({ text: amountsOf(order, t2) }));
  // "¿en cuánto tiempo me llega?": the sentence of the shop's invoice rules that says how long.
  const timing = following && asksInvoiceTiming(turn.pre.normalized) ? invoiceTiming(turn) : null;
  if (timing) return timing;
  const answer = await getInvoice(turn);
  if (answer.state?.awaiting !== "order_number" && answer.state?.awaiting !== "email") return answer;
  const rules = invoiceRules(knowledgeFor(turn.ctx.shop).passages, turn.language);
  if (rules.length === 0) return answer;
  return {
    ...answer,
    text: `${rules.map((p) => p.quote).join(" ")}\n\n${answer.text}`,
    lookups: [...(answer.lookups ?? []), { kind: "faq", ref: "invoice rules", outcome: "matched" }],
  };
}

/** The sentences beside the shop's invoice rules (same FAQ or section) that say how long something takes. */
function invoiceTiming(turn: Turn): Answer | null {
  const passages = knowledgeFor(turn.ctx.shop).passages;
  const rules = invoiceRules(passages, turn.language);
  if (rules.length === 0) return null;
  const sameSource = (p: (typeof passages)[number]) =>
    rules.some((r) => r.sourceKey === p.sourceKey && r.section === p.section && r.language === p.language);
  const timed = passages.filter((p) => sameSource(p) && p.hasDuration);
  if (timed.length === 0) return null;
  return {
    text: timed.map((p) => p.quote).join(" "),
    lookups: [{ kind: "faq", ref: "invoice rules", outcome: "timing matched" }],
  };
}

/** What the order came to, from its own amounts: tax is shown as added or as included, as its total says. */
function amountsOf(order: Order, turn: Turn): string {
  const L = turn.language;
  const money = (amount: string) => formatMoney(amount, order.currencyCode, L);
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  // A total without the tax added on top means the prices already contained it.
  const included = cents(order.totalPrice) === cents(order.subtotalPrice) + cents(order.totalShippingPrice);
  return t(L, M.invoice_amounts, {
    order: order.name,
    subtotal: money(order.subtotalPrice),
    shipping: money(order.totalShippingPrice),
    tax: money(order.totalTax),
    included: included && cents(order.totalTax) > 0 ? t(L, M.invoice_tax_included) : "",
    total: money(order.totalPrice),
  });
}
