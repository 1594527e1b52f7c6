/**
 * Answers about one of the shopper's orders. Every path goes through findShopperOrder, so an
 * order is described only once the verification policy has let it through. Changes to an order
 * are never made here directly: the bot states exactly what it will do and stores a
 * PendingAction; actions.ts carries it out when the shopper says yes.
 */
import type { Fulfillment, LineItem, Order, Product } from "../../commerce/types";
import { daysBetween, formatDate, formatMoney, joinList } from "../format";
import { defineMessages, t } from "../i18n";
import { normalize } from "../preprocess";
import { singular, wordTokens } from "../entities";
import { verifyOrderAccess, type OrderAccess } from "../verification";
import { offer, offerReplies } from "../offers";
import { looksLikeAddress as looksLikeStreetAddress, parseAddress as parseStreetAddress } from "../address";
import { proposeChange } from "../change-proof";
import { isFinalSale, regionName } from "./policies";
import { relevantSentences } from "./products";
import type { Answer, Lookup, PendingAction, ShippingAddress, Turn } from "../types";
import { finalSaleClause, handlingTimeClause, refundTimingClause, replyTimeClause, returnDeadline, returnReceiptClause, returnWindowLabel, returnWindowPhrase, shopFactsOf, shopSaysAbout } from "./shop-rules";

const M = defineMessages({
  ask_order_number: {
    en: "I can check that for you. What's your order number? It's in your confirmation email. Please add the email address you ordered with too.",
    es: "Puedo revisarlo. ¿Cuál es tu número de pedido? Está en el correo de confirmación. Indícame también el correo con el que hiciste el pedido.",
    fr: "Je peux vérifier. Quel est votre numéro de commande ? Il figure dans l'e-mail de confirmation. Indiquez aussi l'adresse e-mail utilisée pour la commande.",
  },
  ask_email: {
    en: "Thanks! To keep your details safe, what's the email address you used for order {order}?",
    es: "¡Gracias! Para proteger tus datos, ¿qué correo usaste para el pedido {order}?",
    fr: "Merci ! Pour protéger vos données, quelle adresse e-mail avez-vous utilisée pour la commande {order} ?",
  },
  denied_customer: {
    en: "I couldn't find an order {order} on your account. Please double-check the number in your confirmation email; if it was placed with a different email address, tell me that address.",
    es: "No encuentro un pedido {order} en tu cuenta. Revisa el número en tu correo de confirmación; si lo hiciste con otro correo, dímelo.",
    fr: "Je ne trouve pas de commande {order} sur votre compte. Vérifiez le numéro dans votre e-mail de confirmation ; si elle a été passée avec une autre adresse e-mail, indiquez-la-moi.",
  },
  verification_locked: {
    en: "For your security I can't look up order details right now: there have been too many attempts with details that didn't match. Please try again in {wait}, log in to your account to see your orders, or email {email} from the address you ordered with.",
    es: "Por tu seguridad no puedo consultar datos de pedidos ahora mismo: ha habido demasiados intentos con datos que no coinciden. Vuelve a intentarlo dentro de {wait}, inicia sesión en tu cuenta para ver tus pedidos o escribe a {email} desde el correo con el que hiciste el pedido.",
    fr: "Pour votre sécurité, je ne peux pas consulter de détails de commande pour le moment : il y a eu trop de tentatives avec des informations qui ne correspondaient pas. Réessayez dans {wait}, connectez-vous à votre compte pour voir vos commandes, ou écrivez à {email} depuis l'adresse utilisée pour la commande.",
  },
  verification_locked_customer: {
    en: "For your security I can't look up other order numbers right now: there have been too many that didn't match your account. Please try again in {wait}; the orders on your account are still here for you. For an order placed another way, email {email}.",
    es: "Por tu seguridad no puedo consultar otros números de pedido ahora mismo: ha habido demasiados que no coinciden con tu cuenta. Vuelve a intentarlo dentro de {wait}; los pedidos de tu cuenta siguen disponibles. Para un pedido hecho de otra forma, escribe a {email}.",
    fr: "Pour votre sécurité, je ne peux pas consulter d'autres numéros de commande pour le moment : trop d'entre eux ne correspondaient pas à votre compte. Réessayez dans {wait} ; les commandes de votre compte restent accessibles. Pour une commande passée autrement, écrivez à {email}.",
  },
  wait_minutes: { en: "{n} min", es: "{n} min", fr: "{n} min" },
  wait_hours: { en: "{n} h", es: "{n} h", fr: "{n} h" },
  not_their_order: {
    en: "I'm sorry, I can only help the person who placed an order with its details or changes, even with the order's email. Please ask them to contact us themselves: they can chat with me, log in to their account, or email {email}.",
    es: "Lo siento, solo puedo ayudar con los datos o cambios de un pedido a la persona que lo hizo, aunque tengas el correo del pedido. Pídele que se ponga en contacto con nosotros: puede escribirme aquí, iniciar sesión en su cuenta o escribir a {email}.",
    fr: "Désolé, je ne peux aider que la personne qui a passé une commande pour ses détails ou ses modifications, même avec l'e-mail de la commande. Demandez-lui de nous contacter elle-même : elle peut m'écrire ici, se connecter à son compte ou écrire à {email}.",
  },
  denied_guest: {
    en: "I couldn't find an order matching {order} with that email address. Please double-check both against your confirmation email — I need the email you used at checkout.",
    es: "No encuentro un pedido {order} con ese correo. Revisa ambos en tu correo de confirmación: necesito el correo que usaste al comprar.",
    fr: "Je ne trouve pas de commande {order} avec cette adresse e-mail. Vérifiez les deux dans votre e-mail de confirmation : il me faut l'adresse utilisée lors de l'achat.",
  },
  no_orders: {
    en: "I don't see any orders on your account yet. If you checked out as a guest or with another email, tell me the order number and the email you used.",
    es: "No veo ningún pedido en tu cuenta. Si compraste como invitado o con otro correo, dime el número de pedido y el correo que usaste.",
    fr: "Je ne vois aucune commande sur votre compte. Si vous avez commandé en tant qu'invité ou avec une autre adresse, donnez-moi le numéro de commande et l'e-mail utilisé.",
  },
  status_intro: { en: "Here's the latest on order {order} (placed {date}):", es: "Esto es lo último del pedido {order} (realizado el {date}):", fr: "Voici les dernières nouvelles de la commande {order} (passée le {date}) :" },
  not_shipped: {
    en: "Order {order} (placed {date}) hasn't shipped yet.{handling} You'll get an email with tracking as soon as it does.",
    es: "El pedido {order} (realizado el {date}) aún no se ha enviado.{handling} Recibirás un correo con el seguimiento en cuanto salga.",
    fr: "La commande {order} (passée le {date}) n'a pas encore été expédiée.{handling} Vous recevrez un e-mail de suivi dès son départ.",
  },
  cancelled: {
    en: "Order {order} was cancelled on {date}.{refund}",
    es: "El pedido {order} se canceló el {date}.{refund}",
    fr: "La commande {order} a été annulée le {date}.{refund}",
  },
  cancelled_refund: {
    en: " {amount} was refunded to your original payment method on {date}.{timing}",
    es: " Se reembolsaron {amount} a tu método de pago original el {date}.{timing}",
    fr: " {amount} ont été remboursés sur votre moyen de paiement d'origine le {date}.{timing}",
  },
  shipment: { en: "{items}: shipped with {carrier}, {status}.", es: "{items}: enviado con {carrier}, {status}.", fr: "{items} : expédié avec {carrier}, {status}." },
  tracking: { en: "Tracking number: {number}{url}.", es: "Número de seguimiento: {number}{url}.", fr: "Numéro de suivi : {number}{url}." },
  delivered: { en: "delivered {date}", es: "entregado el {date}", fr: "livré le {date}" },
  out_for_delivery: { en: "out for delivery, arriving today", es: "en reparto, llega hoy", fr: "en cours de livraison, arrivée aujourd'hui" },
  in_transit_eta: { en: "in transit, estimated delivery {date}", es: "en tránsito, entrega estimada el {date}", fr: "en transit, livraison estimée le {date}" },
  in_transit: { en: "in transit", es: "en tránsito", fr: "en transit" },
  attempted: { en: "the carrier tried to deliver it but couldn't", es: "el transportista intentó entregarlo pero no pudo", fr: "le transporteur a tenté de le livrer sans succès" },
  failed: { en: "delivery failed and the parcel is being returned to sender (on its way back to us)", es: "la entrega falló y el paquete se está devolviendo al remitente (vuelve a nosotros)", fr: "la livraison a échoué et le colis est retourné à l'expéditeur (il revient chez nous)" },
  label_created: { en: "the label is created and it's waiting for the carrier", es: "la etiqueta está creada y espera al transportista", fr: "l'étiquette est créée et attend le transporteur" },
  carrier_update: { en: "Latest carrier update ({date}): {message}", es: "Última novedad del transportista ({date}): {message}", fr: "Dernière mise à jour du transporteur ({date}) : {message}" },
  late: {
    en: "It's now {days} business days past its estimated delivery date. I can ask our team to open a trace with the carrier.",
    es: "Ya lleva {days} días hábiles de retraso sobre la fecha estimada. Puedo pedir a nuestro equipo que abra una investigación con el transportista.",
    fr: "Il a maintenant {days} jours ouvrés de retard sur la date estimée. Je peux demander à notre équipe d'ouvrir une enquête auprès du transporteur.",
  },
  not_shipped_items: { en: "Not shipped yet: {items}.", es: "Aún sin enviar: {items}.", fr: "Pas encore expédié : {items}." },
  order_note: { en: "Note on your order: {note}", es: "Nota de tu pedido: {note}", fr: "Note sur votre commande : {note}" },
  other_orders: {
    en: "You have other orders too ({orders}); just ask if you meant one of those.",
    es: "También tienes otros pedidos ({orders}); dime si te referías a otro.",
    fr: "Vous avez aussi d'autres commandes ({orders}) ; dites-moi si vous parliez de l'une d'elles.",
  },
  trace_opened: {
    en: "I'm sorry about the wait. I've asked our team to open a trace with {carrier} for order {order}; they'll email you{reply}.",
    es: "Siento la espera. He pedido a nuestro equipo que abra una investigación con {carrier} para el pedido {order}; te escribirán{reply}.",
    fr: "Désolé pour l'attente. J'ai demandé à notre équipe d'ouvrir une enquête auprès de {carrier} pour la commande {order} ; ils vous écriront{reply}.",
  },
  escalated: {
    en: "I've passed order {order} to a person on our team with everything you've told me; they'll email you{reply}.",
    es: "He pasado el pedido {order} a una persona de nuestro equipo con todo lo que me has contado; te escribirán{reply}.",
    fr: "J'ai transmis la commande {order} à une personne de notre équipe avec tout ce que vous m'avez dit ; elle vous écrira{reply}.",
  },
  confirm_cancel_waiting_items: {
    en: "{items} on order {order} hasn't shipped yet, so it can still be cancelled. Shall I ask our team to cancel it and refund it? They confirm by email.",
    es: "{items} del pedido {order} aún no se ha enviado, así que todavía se puede cancelar. ¿Pido a nuestro equipo que lo cancele y te lo reembolse? Te lo confirmarán por correo.",
    fr: "{items} de la commande {order} n'a pas encore été expédié, il peut donc encore être annulé. Voulez-vous que je demande à notre équipe de l'annuler et de vous le rembourser ? Elle vous le confirmera par e-mail.",
  },
  already_shipped_cancel: {
    en: "Order {order} has already shipped ({status}), so it can't be cancelled any more.{returns}",
    es: "El pedido {order} ya se ha enviado ({status}), así que ya no se puede cancelar.{returns}",
    fr: "La commande {order} a déjà été expédiée ({status}), elle ne peut donc plus être annulée.{returns}",
  },
  already_cancelled: { en: "Order {order} is already cancelled.", es: "El pedido {order} ya está cancelado.", fr: "La commande {order} est déjà annulée." },
  confirm_cancel: {
    en: "Order {order} ({items}, {total}) hasn't shipped yet, so it can still be cancelled. Shall I cancel it and refund {total} to your original payment method?",
    es: "El pedido {order} ({items}, {total}) aún no se ha enviado, así que todavía se puede cancelar. ¿Lo cancelo y reembolso {total} a tu método de pago original?",
    fr: "La commande {order} ({items}, {total}) n'a pas encore été expédiée, elle peut donc encore être annulée. Voulez-vous que je l'annule et rembourse {total} sur votre moyen de paiement d'origine ?",
  },
  confirm_cancel_request: {
    en: "Order {order} ({items}, {total}) hasn't shipped yet, so it can still be cancelled. Shall I send a cancellation request to our team? They'll confirm by email, usually within a few hours.",
    es: "El pedido {order} ({items}, {total}) aún no se ha enviado, así que todavía se puede cancelar. ¿Envío una solicitud de cancelación a nuestro equipo? Te lo confirmarán por correo, normalmente en unas horas.",
    fr: "La commande {order} ({items}, {total}) n'a pas encore été expédiée, elle peut donc encore être annulée. Voulez-vous que j'envoie une demande d'annulation à notre équipe ? Elle vous confirmera par e-mail, en général sous quelques heures.",
  },
  shipped_no_change: {
    en: "Order {order} has already shipped ({status}), so it can't be changed any more.{returns}",
    es: "El pedido {order} ya se ha enviado ({status}), así que ya no se puede modificar.{returns}",
    fr: "La commande {order} a déjà été expédiée ({status}), elle ne peut donc plus être modifiée.{returns}",
  },
  variant_out_of_stock: {
    en: "{product} in {variant} is out of stock right now, so I can't switch your order to it.{alternatives}",
    es: "{product} en {variant} está agotado ahora mismo, así que no puedo cambiar tu pedido a esa opción.{alternatives}",
    fr: "{product} en {variant} est en rupture de stock pour le moment, je ne peux donc pas modifier votre commande.{alternatives}",
  },
  in_stock_alternatives: { en: " In stock: {options}.", es: " Disponibles: {options}.", fr: " En stock : {options}." },
  confirm_change_request: {
    en: "{product} in {variant} is in stock. Shall I ask our team to switch it on order {order}? They'll confirm by email before it ships.",
    es: "{product} en {variant} está disponible. ¿Pido a nuestro equipo que lo cambie en el pedido {order}? Te lo confirmarán por correo antes del envío.",
    fr: "{product} en {variant} est en stock. Voulez-vous que je demande à notre équipe de modifier la commande {order} ? Elle vous confirmera par e-mail avant l'expédition.",
  },
  change_what: {
    en: "Order {order} hasn't shipped yet, so it can still be changed. What would you like to change: a size, a colour, or an item?",
    es: "El pedido {order} aún no se ha enviado, así que todavía se puede modificar. ¿Qué quieres cambiar: una talla, un color o un artículo?",
    fr: "La commande {order} n'a pas encore été expédiée, elle peut donc encore être modifiée. Que souhaitez-vous changer : une taille, une couleur ou un article ?",
  },
  confirm_address: {
    en: "Order {order} hasn't shipped yet. Shall I change its shipping address to: {address}?",
    es: "El pedido {order} aún no se ha enviado. ¿Cambio la dirección de envío a: {address}?",
    fr: "La commande {order} n'a pas encore été expédiée. Voulez-vous que je change son adresse de livraison pour : {address} ?",
  },
  confirm_address_request: {
    en: "Order {order} hasn't shipped yet, so the address can still be changed. Shall I ask our team to change it to: {address}? They'll confirm by email before it ships.",
    es: "El pedido {order} aún no se ha enviado, así que todavía se puede cambiar la dirección. ¿Pido a nuestro equipo que la cambie a: {address}? Te lo confirmarán por correo antes del envío.",
    fr: "La commande {order} n'a pas encore été expédiée, l'adresse peut donc encore être modifiée. Voulez-vous que je demande à notre équipe de la changer pour : {address} ? Elle vous confirmera par e-mail avant l'expédition.",
  },
  ask_address: {
    en: "Order {order} hasn't shipped yet, so the address can still be changed. What's the full new address (street, apartment, city, state/province, ZIP)?",
    es: "El pedido {order} aún no se ha enviado, así que la dirección se puede cambiar. ¿Cuál es la nueva dirección completa (calle, piso, ciudad, estado/provincia, código postal)?",
    fr: "La commande {order} n'a pas encore été expédiée, l'adresse peut donc encore être modifiée. Quelle est la nouvelle adresse complète (rue, appartement, ville, État/province, code postal) ?",
  },
  returning_to_us: {
    en: "Order {order} couldn't be delivered ({reason}) and is on its way back to us.{policy} Shall I ask our team to ship it again to: {address}?",
    es: "El pedido {order} no se pudo entregar ({reason}) y está volviendo a nosotros.{policy} ¿Pido a nuestro equipo que lo envíe de nuevo a: {address}?",
    fr: "La commande {order} n'a pas pu être livrée ({reason}) et revient chez nous.{policy} Voulez-vous que je demande à notre équipe de la renvoyer à : {address} ?",
  },
  returning_to_us_no_address: {
    en: "Order {order} couldn't be delivered ({reason}) and is on its way back to us.{policy} Which would you prefer? If reshipping, tell me the full address.",
    es: "El pedido {order} no se pudo entregar ({reason}) y está volviendo a nosotros.{policy} ¿Qué prefieres? Si es reenviar, dime la dirección completa.",
    fr: "La commande {order} n'a pas pu être livrée ({reason}) et revient chez nous.{policy} Que préférez-vous ? Pour une réexpédition, donnez-moi l'adresse complète.",
  },
  final_sale: {
    en: "{item} is final sale, so it can't be returned or exchanged.{policy}",
    es: "{item} es de venta final, así que no admite devolución ni cambio.{policy}",
    fr: "{item} est vendu en vente finale : il ne peut être ni retourné ni échangé.{policy}",
  },
  window_open: {
    en: "{item} can be returned until {until} ({window}).",
    es: "{item} se puede devolver hasta el {until} ({window}).",
    fr: "{item} peut être retourné jusqu'au {until} ({window}).",
  },
  window_closed: {
    en: "{item} can't be returned any more: its return window closed on {until} ({window}).",
    es: "{item} ya no se puede devolver: su plazo de devolución terminó el {until} ({window}).",
    fr: "{item} ne peut plus être retourné : son délai de retour a pris fin le {until} ({window}).",
  },
  not_delivered_yet: {
    en: "{item} hasn't been delivered yet; you can return it {window}.",
    es: "{item} aún no se ha entregado; podrás devolverlo {window}.",
    fr: "{item} n'a pas encore été livré ; vous pourrez le retourner {window}.",
  },
  window_unknown: {
    en: "I can't tell from our policies how long {item} can be returned for, so I won't guess.{policy}",
    es: "Nuestras políticas no me dicen hasta cuándo se puede devolver {item}, así que prefiero no adivinar.{policy}",
    fr: "Nos conditions ne me disent pas jusqu'à quand {item} peut être retourné, je préfère donc ne pas deviner.{policy}",
  },
  can_return: {
    en: " You can return it {window}.",
    es: " Puedes devolverlo {window}.",
    fr: " Vous pouvez la retourner {window}.",
  },
  open_return: { en: "You already have a return on this order: {name} ({status}).", es: "Ya tienes una devolución en este pedido: {name} ({status}).", fr: "Vous avez déjà un retour sur cette commande : {name} ({status})." },
  confirm_return: {
    en: "Shall I open a return for {items} on order {order}? {shipping}",
    es: "¿Abro una devolución de {items} del pedido {order}? {shipping}",
    fr: "Voulez-vous que j'ouvre un retour pour {items} de la commande {order} ? {shipping}",
  },
  confirm_return_request: {
    en: "Shall I send a return request for {items} on order {order} to our team? They'll email you the next steps{reply}.",
    es: "¿Envío a nuestro equipo una solicitud de devolución de {items} del pedido {order}? Te escribirán con los siguientes pasos{reply}.",
    fr: "Voulez-vous que j'envoie à notre équipe une demande de retour pour {items} de la commande {order} ? Elle vous écrira la suite par e-mail{reply}.",
  },
  defect: {
    en: "Sorry it broke! {policy}",
    es: "¡Siento que se haya roto! {policy}",
    fr: "Désolé qu'il se soit abîmé ! {policy}",
  },
  exchange_available: {
    en: "{product} in {variant} is in stock ({count} available).",
    es: "{product} en {variant} está disponible ({count} en stock).",
    fr: "{product} en {variant} est en stock ({count} disponibles).",
  },
  exchange_unavailable: {
    en: "{product} in {variant} is out of stock right now.",
    es: "{product} en {variant} está agotado ahora mismo.",
    fr: "{product} en {variant} est en rupture de stock pour le moment.",
  },
  refunded: {
    en: "{amount} was refunded on {date}{note}.{timing}",
    es: "Se reembolsaron {amount} el {date}{note}.{timing}",
    fr: "{amount} ont été remboursés le {date}{note}.{timing}",
  },
  partial_refund: {
    en: "That refund covers only part of order {order} (total {total}): {note} The rest of the order wasn't returned, so it wasn't refunded.",
    es: "Ese reembolso cubre solo una parte del pedido {order} (total {total}): {note} El resto del pedido no se devolvió, así que no se reembolsó.",
    fr: "Ce remboursement ne couvre qu'une partie de la commande {order} (total {total}) : {note} Le reste de la commande n'a pas été retourné, il n'a donc pas été remboursé.",
  },
  return_in_progress: {
    en: "Your return {name} for {items} is {status}; the refund is still pending.{receipt}",
    es: "Tu devolución {name} de {items} está {status}; el reembolso sigue pendiente.{receipt}",
    fr: "Votre retour {name} pour {items} est {status} ; le remboursement est encore en attente.{receipt}",
  },
  return_declined: { en: "Your return {name} was declined: {reason}", es: "Tu devolución {name} fue rechazada: {reason}", fr: "Votre retour {name} a été refusé : {reason}" },
  no_refund: {
    en: "There's no refund or return on order {order} yet. To get a refund, start a return{window}.",
    es: "Aún no hay reembolso ni devolución en el pedido {order}. Para obtener un reembolso, inicia una devolución{window}.",
    fr: "Il n'y a encore ni remboursement ni retour sur la commande {order}. Pour être remboursé, lancez un retour{window}.",
  },
  invoice: {
    en: "Order {order} (placed {date}, total {total}): your order confirmation email is your receipt. I've asked our team to email you an invoice for it{reply}.",
    es: "Pedido {order} (realizado el {date}, total {total}): el correo de confirmación sirve como recibo. He pedido a nuestro equipo que te envíe una factura por correo{reply}.",
    fr: "Commande {order} (passée le {date}, total {total}) : l'e-mail de confirmation fait office de reçu. J'ai demandé à notre équipe de vous envoyer une facture par e-mail{reply}.",
  },
  order_total: { en: "Order {order} (placed {date}) totals {total}, {status}.", es: "El pedido {order} (realizado el {date}) suma {total}, {status}.", fr: "La commande {order} (passée le {date}) s'élève à {total}, {status}." },
});

type VerifiedAnswer = (order: Order, turn: Turn, access: Extract<OrderAccess, { kind: "verified" }>) => Answer | Promise<Answer>;

/** Resolve the order the turn is about, asking for exactly the missing piece, then answer. */
export async function withVerifiedOrder(turn: Turn, answer: VerifiedAnswer): Promise<Answer> {
  const orderNumber = turn.entities.order_number ?? turn.state.orderNumber ?? null;
  const email = turn.entities.email ?? turn.state.email ?? null;
  const L = turn.language;
  const access = await verifyTurnOrder(turn, { orderNumber, email });
  const lookup: Lookup = { kind: "order", ref: orderNumber ? orderName(turn, orderNumber) : "customer orders", outcome: access.kind };
  switch (access.kind) {
    case "verified": {
      const chosen = orderNumber ? access.order : pickOrder([access.order, ...access.otherOrders], turn);
      const others = [access.order, ...access.otherOrders].filter((o) => o.id !== chosen.id);
      const result = await answer(chosen, turn, { ...access, order: chosen, otherOrders: others });
      return {
        ...result,
        lookups: [{ ...lookup, ref: chosen.name, outcome: `verified via ${access.via}` }, ...(result.lookups ?? [])],
        state: { orderNumber: chosen.name.replace(/^#/, ""), awaiting: undefined, ...result.state },
      };
    }
    case "need_order_number":
      return { text: t(L, M.ask_order_number), lookups: [lookup], state: { awaiting: "order_number" } };
    case "need_email":
      return { text: t(L, M.ask_email, { order: orderName(turn, access.orderNumber) }), lookups: [lookup], state: { orderNumber: access.orderNumber, awaiting: "email" } };
    case "denied":
      return {
        text: t(L, turn.shopper.customerId ? M.denied_customer : M.denied_guest, { order: orderName(turn, access.orderNumber) }),
        lookups: [lookup],
        state: { orderNumber: access.orderNumber, email: undefined, awaiting: "email" },
      };
    case "no_orders":
      return { text: t(L, M.no_orders), lookups: [lookup], state: { awaiting: "order_number" } };
    case "locked":
      return {
        text: t(L, turn.shopper.customerId ? M.verification_locked_customer : M.verification_locked, { wait: waitText(access.retryAfterMs, L), email: turn.ctx.shop.email }),
        lookups: [{ ...lookup, outcome: "locked: too many failed verifications" }],
        // Another bare email for the same order gets this answer again, not a new topic.
        state: { email: undefined, awaiting: orderNumber ? "email" : undefined },
      };
    case "not_theirs":
      return { text: t(L, M.not_their_order, { email: turn.ctx.shop.email }), lookups: [{ ...lookup, outcome: "refused: the shopper says it is someone else's order" }], state: { email: undefined, awaiting: undefined } };
  }
}

/** The order as the shop names it: "1042" → "#1042", "FR-1042" or "1042-W"; a name already complete stays. */
export function orderName(turn: Turn, number: string): string {
  if (!/^\d+$/.test(number)) return number;
  const { prefix, suffix } = turn.ctx.shop.orderNameFormat;
  return `${prefix}${number}${suffix}`;
}

/** The order access policy (verification.ts) for this turn's shopper: the one path both engines take to an order. */
export function verifyTurnOrder(turn: Turn, claim: { orderNumber: string | null | undefined; email: string | null | undefined }): Promise<OrderAccess> {
  return verifyOrderAccess(turn.ctx.commerce, turn.ctx.attempts, {
    orderNumber: claim.orderNumber ?? null,
    email: claim.email ?? null,
    customerId: turn.shopper.customerId,
    clientKey: turn.shopper.clientKey,
    thirdParty: turn.state.thirdPartyClaim,
  });
}

/** "15 minutes", "2 hours": how long a lock still lasts, rounded up. */
function waitText(ms: number, L: Turn["language"]): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 90) return t(L, M.wait_minutes, { n: minutes });
  return t(L, M.wait_hours, { n: Math.ceil(minutes / 60) });
}

// ---------------------------------------------------------------------------------------------
// Which order, which items

const TIME_HINTS: { pattern: RegExp; days: number }[] = [
  { pattern: /\b(this morning|today|earlier today|just (?:now|ordered|placed)|hoy|aujourd'hui|ce matin)\b/i, days: 0 },
  { pattern: /\b(last night|yesterday|ayer|anoche|hier)\b/i, days: 1 },
];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Of a customer's orders, the one this message is about: named items, a date, or the intent's natural candidate. */
export function pickOrder(orders: Order[], turn: Turn): Order {
  const words = new Set(turn.pre.contentTokens.map(singular));
  const text = turn.pre.original;
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`, "i").test(text));
  const wantsOpen = ["cancel_order", "change_order", "change_shipping_address"].includes(turn.intent.intent);
  const wantsDelivered = ["return_item", "exchange_item"].includes(turn.intent.intent);
  const wantsRefund = turn.intent.intent === "refund_status";
  const score = (order: Order, index: number) => {
    let s = 0;
    const itemWords = new Set(order.lineItems.flatMap((l) => wordTokens(l.title).map(singular)));
    for (const w of words) if (w.length > 2 && itemWords.has(w)) s += 3;
    for (const hint of TIME_HINTS) if (hint.pattern.test(text) && daysBetween(order.createdAt, turn.ctx.now) === hint.days) s += 4;
    if (month >= 0 && new Date(order.createdAt).getUTCMonth() === month) s += 4;
    const open = !order.cancelledAt && order.fulfillments.length === 0;
    if (wantsOpen && open) s += 2;
    if (wantsDelivered && order.fulfillments.some((f) => f.displayStatus === "DELIVERED")) s += 1;
    if (wantsRefund && (order.refunds.length > 0 || order.returns.length > 0)) s += 2;
    return s - index * 0.01; // ties: the order verification ranked first
  };
  return orders.map((order, index) => ({ order, s: score(order, index) })).sort((a, b) => b.s - a.s)[0].order;
}

/** Line items the message names ("the jacket and the beanie"), else all of them. */
function mentionedLines(order: Order, turn: Turn): LineItem[] {
  const named = namedLines(order, turn);
  return named.length > 0 ? named : order.lineItems;
}

/** The order's items the message names ("the sleeping bag"), or none. */
function namedLines(order: Order, turn: Turn): LineItem[] {
  const words = new Set(turn.pre.contentTokens.map(singular));
  return order.lineItems.filter((line) =>
    wordTokens(`${line.title} ${line.variantTitle ?? ""}`).some((w) => w.length > 2 && words.has(singular(w))),
  );
}

function productOf(turn: Turn, productId: string | null): Product | null {
  if (!productId) return null;
  for (const product of turn.ctx.productsByHandle.values()) if (product.id === productId) return product;
  return null;
}

function itemName(title: string, variantTitle: string | null, quantity = 1): string {
  const name = variantTitle ? `${title} (${variantTitle})` : title;
  return quantity > 1 ? `${quantity} × ${name}` : name;
}

const money = (turn: Turn, amount: string, order?: Order) => formatMoney(amount, order?.currencyCode ?? turn.ctx.shop.currencyCode, turn.language);
const date = (turn: Turn, iso: string) => formatDate(iso, turn.ctx.now, turn.language, turn.ctx.shop.timezone);

// ---------------------------------------------------------------------------------------------
// Tracking

const ESCALATION = /\b(do something|anything you can do|what can you do|what are you going to do|fix (?:this|it)|help me|sort (?:this|it) out|trace|investigat\w*|enqu[eê]te|investigaci[oó]n|replace|lost|hacer algo|faire quelque chose)\b/i;

export function trackOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2, access) => {
    const followUp = t2.state.lastIntent === "track_order" && t2.state.orderNumber === order.name.replace(/^#/, "");
    const late = lateShipment(order, t2);
    const tookUpTrace = t2.acceptedOffer?.kind === "trace";
    if ((followUp || tookUpTrace) && (tookUpTrace || ESCALATION.test(t2.pre.original))) return escalateShipment(order, t2, late);
    const lines = [describeOrderStatus(order, t2)];
    if (access.otherOrders.length > 0 && !t2.entities.order_number) {
      lines.push(t(t2.language, M.other_orders, { orders: access.otherOrders.map((o) => o.name).join(", ") }));
    }
    // The trace the late-parcel line offers, or shipping a returned parcel again, stays open for a "yes".
    const failed = order.fulfillments.some((f) => f.displayStatus === "FAILURE");
    const open = late ? offer("trace", order.name) : failed ? offer("reship", order.name) : undefined;
    return { text: lines.join("\n\n"), ...(open ? { state: { offer: open }, quickReplies: offerReplies(open, t2.language) } : {}) };
  });
}

function escalateShipment(order: Order, turn: Turn, late: { carrier: string } | null): Answer {
  const carrier = late?.carrier ?? order.fulfillments[0]?.trackingInfo[0]?.company ?? "the carrier";
  const reply = replyTimeClause(turn);
  const text = late ? t(turn.language, M.trace_opened, { carrier, order: order.name, reply }) : t(turn.language, M.escalated, { order: order.name, reply });
  return {
    text,
    handoff: true,
    ticket: { kind: late ? "trace_request" : "handoff", summary: `${late ? "Open a carrier trace" : "Follow up"} for ${order.name}: ${turn.pre.original}`, orderNumber: order.name },
  };
}

/** A parcel more than 5 business days past its ETA, or with no carrier scan for 5 business days. */
function lateShipment(order: Order, turn: Turn): { carrier: string; days: number } | null {
  for (const f of order.fulfillments) {
    // A delivered parcel isn't late, and one coming back to us needs a reship, not a trace.
    if (f.displayStatus === "DELIVERED" || f.displayStatus === "FAILURE" || !f.estimatedDeliveryAt) continue;
    const days = businessDaysBetween(f.estimatedDeliveryAt, turn.ctx.now);
    if (days >= 5) return { carrier: f.trackingInfo[0]?.company ?? "the carrier", days };
  }
  return null;
}

function businessDaysBetween(fromIso: string, to: Date): number {
  let days = 0;
  const cursor = new Date(fromIso);
  while (cursor < to) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    const day = cursor.getUTCDay();
    if (day !== 0 && day !== 6 && cursor <= to) days += 1;
  }
  return days;
}

export function describeOrderStatus(order: Order, turn: Turn): string {
  const L = turn.language;
  const placed = date(turn, order.createdAt);
  if (order.cancelledAt) {
    const refund = order.refunds[0];
    const refundText = refund ? t(L, M.cancelled_refund, { amount: money(turn, refund.totalRefunded, order), date: date(turn, refund.createdAt), timing: refundTimingClause(turn) }) : "";
    return t(L, M.cancelled, { order: order.name, date: date(turn, order.cancelledAt), refund: refundText });
  }
  const shipments = order.fulfillments.filter((f) => f.status !== "CANCELLED");
  const note = shopperFacingNote(order.note);
  if (shipments.length === 0) return [t(L, M.not_shipped, { order: order.name, date: placed, handling: handlingTimeClause(turn) }), note && t(L, M.order_note, { note })].filter(Boolean).join("\n");
  const parts = [t(L, M.status_intro, { order: order.name, date: placed })];
  for (const shipment of shipments) parts.push(`${shipments.length > 1 ? "• " : ""}${describeShipment(shipment, turn)}`);
  const waiting = order.lineItems.filter((l) => l.unfulfilledQuantity > 0);
  if (waiting.length > 0) {
    parts.push(t(L, M.not_shipped_items, { items: joinList(waiting.map((l) => itemName(l.title, l.variantTitle, l.unfulfilledQuantity)), L) }));
    if (note) parts.push(t(L, M.order_note, { note }));
  }
  const late = lateShipment(order, turn);
  if (late) parts.push(t(L, M.late, { days: late.days }));
  return parts.join("\n");
}

function describeShipment(shipment: Fulfillment, turn: Turn): string {
  const L = turn.language;
  const items = joinList(shipment.lines.map((l) => itemName(l.title, l.variantTitle, l.quantity)), L);
  const tracking = shipment.trackingInfo[0];
  const text = [t(L, M.shipment, { items, carrier: tracking?.company ?? "—", status: shipmentStatus(shipment, turn) })];
  // Carrier scans that explain something unusual: delays, failed attempts, returns to sender.
  if (shipment.displayStatus !== "DELIVERED") {
    const notable = shipment.events.filter((e) => e.message && !["IN_TRANSIT", "OUT_FOR_DELIVERY", "CONFIRMED", "LABEL_PRINTED"].includes(e.status)).slice(0, 2).reverse();
    for (const event of notable) text.push(t(L, M.carrier_update, { date: date(turn, event.happenedAt), message: event.message! }));
  }
  if (tracking?.number) text.push(t(L, M.tracking, { number: tracking.number, url: tracking.url ? ` (${tracking.url})` : "" }));
  return text.join(" ");
}

function shipmentStatus(shipment: Fulfillment, turn: Turn): string {
  const L = turn.language;
  const eta = shipment.estimatedDeliveryAt ? date(turn, shipment.estimatedDeliveryAt) : null;
  switch (shipment.displayStatus) {
    case "DELIVERED":
      return shipment.deliveredAt ? t(L, M.delivered, { date: date(turn, shipment.deliveredAt) }) : t(L, M.delivered, { date: "" }).trim();
    case "OUT_FOR_DELIVERY":
      return t(L, M.out_for_delivery);
    case "ATTEMPTED_DELIVERY":
      return t(L, M.attempted);
    case "FAILURE":
      return t(L, M.failed);
    case "LABEL_PRINTED":
    case "LABEL_PURCHASED":
    case "CONFIRMED":
      return t(L, M.label_created);
    default:
      return eta ? t(L, M.in_transit_eta, { date: eta }) : t(L, M.in_transit);
  }
}

function shippedStatus(order: Order, turn: Turn): string {
  const shipment = order.fulfillments.find((f) => f.status !== "CANCELLED");
  return shipment ? shipmentStatus(shipment, turn) : "";
}

const isUnfulfilled = (order: Order) => !order.cancelledAt && order.fulfillments.every((f) => f.status === "CANCELLED");

// ---------------------------------------------------------------------------------------------
// Cancel, change, address

export function cancelOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => {
    const L = t2.language;
    if (order.cancelledAt) return { text: `${t(L, M.already_cancelled, { order: order.name })} ${describeOrderStatus(order, t2)}` };
    if (!isUnfulfilled(order)) {
      // Part of it shipped: an item the shopper names that is still waiting (a backorder) can be dropped.
      const waiting = namedLines(order, t2).filter((line) => line.unfulfilledQuantity > 0);
      if (waiting.length === 0) return { text: t(L, M.already_shipped_cancel, { order: order.name, status: shippedStatus(order, t2), returns: canReturn(t2) }) };
      const items = joinList(waiting.map((l) => itemName(l.title, l.variantTitle, l.unfulfilledQuantity)), L);
      return confirm(t2, order, t(L, M.confirm_cancel_waiting_items, { order: order.name, items }), {
        kind: "request",
        ticket: { kind: "cancel_request", summary: `Cancel ${items} (not shipped yet) on ${order.name} and refund it`, orderNumber: order.name },
      });
    }
    const vars = { order: order.name, items: joinList(order.lineItems.map((l) => itemName(l.title, l.variantTitle, l.quantity)), L), total: money(t2, order.totalPrice, order) };
    const pending: PendingAction = t2.ctx.permissions.cancel
      ? { kind: "cancel_order", orderNumber: order.name.replace(/^#/, "") }
      : { kind: "request", ticket: { kind: "cancel_request", summary: `Cancel ${order.name} (${vars.items}, ${vars.total})`, orderNumber: order.name } };
    return confirm(t2, order, t(L, t2.ctx.permissions.cancel ? M.confirm_cancel : M.confirm_cancel_request, vars), pending);
  });
}

export function changeOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => {
    const L = t2.language;
    if (order.cancelledAt) return { text: t(L, M.already_cancelled, { order: order.name }) };
    if (!isUnfulfilled(order)) return { text: t(L, M.shipped_no_change, { order: order.name, status: shippedStatus(order, t2), returns: canReturn(t2) }) };
    const swap = requestedVariant(order, t2);
    if (!swap) return { text: t(L, M.change_what, { order: order.name }) };
    const vars = { product: swap.product.title, variant: swap.label, order: order.name };
    if (!swap.variant || !swap.variant.availableForSale) {
      const inStock = swap.product.variants.filter((v) => v.availableForSale).map((v) => v.title);
      const alternatives = inStock.length ? t(L, M.in_stock_alternatives, { options: joinList(inStock.slice(0, 6), L) }) : "";
      return { text: t(L, M.variant_out_of_stock, { ...vars, alternatives }), lookups: [{ kind: "product", ref: swap.product.handle, outcome: `${swap.label} out of stock` }] };
    }
    return confirm(t2, order, t(L, M.confirm_change_request, vars), {
      kind: "request",
      ticket: { kind: "change_request", summary: `Change ${swap.line.title} on ${order.name} to ${swap.label}`, orderNumber: order.name },
    });
  });
}

/** The variant a shopper asks to switch to: the named line's product with the requested size/colour. */
function requestedVariant(order: Order, turn: Turn) {
  const { size, color } = turn.entities;
  if (!size && !color) return null;
  for (const line of mentionedLines(order, turn)) {
    const product = productOf(turn, line.productId);
    if (!product) continue;
    const current = product.variants.find((v) => v.id === line.variantId);
    // What isn't named stays as it is ("an XL in the same color").
    const currentOption = (name: RegExp) => current?.selectedOptions.find((o) => name.test(o.name))?.value;
    const targetSize = size ?? currentOption(/size/i);
    const targetColor = color ?? currentOption(/colou?r/i);
    const variant = product.variants.find((v) =>
      v.selectedOptions.every((o) => {
        if (/size/i.test(o.name)) return !targetSize || sameOption(o.value, targetSize);
        if (/colou?r/i.test(o.name)) return !targetColor || sameOption(o.value, targetColor);
        return true;
      }),
    );
    const label = [targetSize, targetColor].filter(Boolean).join(" / ");
    return { line, product, variant: variant ?? null, label: variant?.title ?? label };
  }
  return null;
}

const SIZE_NAMES: Record<string, string> = { small: "s", medium: "m", large: "l", "x-large": "xl", "extra large": "xl" };
function sameOption(value: string, wanted: string): boolean {
  const a = normalize(value);
  const b = normalize(wanted);
  return a === b || SIZE_NAMES[b] === a || (b.length > 2 && a.includes(b));
}

export function changeShippingAddress(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => {
    const L = t2.language;
    const address = parseAddress(t2.addressText ?? t2.pre.original, order);
    const failed = order.fulfillments.find((f) => f.displayStatus === "FAILURE");
    if (failed) {
      const reason = (failed.events.find((e) => e.message)?.message ?? "").replace(/^[^:]*:\s*/, "").replace(/\.$/, "") || "address problem";
      const policy = shopSaysAbout(t2, "parcel comes back to us failed delivery reship refund", ["SHIPPING_POLICY", "FAQ"]);
      if (!address) return { text: t(L, M.returning_to_us_no_address, { order: order.name, reason, policy }), state: { awaiting: "address" } };
      return confirm(t2, order, t(L, M.returning_to_us, { order: order.name, reason, policy, address: formatAddress(address) }), {
        kind: "request",
        ticket: { kind: "reship_request", summary: `Reship ${order.name} to ${formatAddress(address)} once it's back`, orderNumber: order.name },
      });
    }
    if (order.cancelledAt) return { text: t(L, M.already_cancelled, { order: order.name }) };
    if (!isUnfulfilled(order)) return { text: t(L, M.shipped_no_change, { order: order.name, status: shippedStatus(order, t2), returns: canReturn(t2) }) };
    if (!address) return { text: t(L, M.ask_address, { order: order.name }), state: { awaiting: "address" } };
    const vars = { order: order.name, address: formatAddress(address) };
    const pending: PendingAction = t2.ctx.permissions.addressChange
      ? { kind: "update_address", orderNumber: order.name.replace(/^#/, ""), address }
      : { kind: "request", ticket: { kind: "address_request", summary: `Change the shipping address of ${order.name} to ${vars.address}`, orderNumber: order.name } };
    return confirm(t2, order, t(L, t2.ctx.permissions.addressChange ? M.confirm_address : M.confirm_address_request, vars), pending);
  });
}

// "order #1063 to 1120 NW Couch St": the order's number is never the start of the street.
const ORDER_REFERENCE = /(?:\b(?:order|pedido|commande)(?:\s+(?:number|no\.?|n[°º]|número|numéro))?\s*#?\s*|#\s*)\d+\b/gi;

/** Whether the message ends with a street address (the answer to "what's the new address?"). */
export function looksLikeAddress(text: string): boolean {
  return looksLikeStreetAddress(text.replace(ORDER_REFERENCE, " "));
}

/** A street address in the message, any country's form; missing parts are taken from the order's current address. */
export function parseAddress(text: string, order: Order): ShippingAddress | null {
  return parseStreetAddress(text.replace(ORDER_REFERENCE, " "), order.shippingAddress);
}

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

export function formatAddress(a: ShippingAddress): string {
  return [[a.address1, a.address2].filter(Boolean).join(" "), a.city, [a.provinceCode, a.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}

// ---------------------------------------------------------------------------------------------
// Returns, exchanges, refunds, invoices

const DEFECT = /\b(broke|broken|breaks|defect|defective|faulty|ripped|torn|tear|leak|leaking|leaks|fell apart|falling apart|stopped working|delaminat|peeling|zipper|seam|roto|rota|cassé|casse|déchiré)\b/i;

interface ItemEligibility {
  line: LineItem;
  finalSale: boolean;
  deliveredAt: string | null;
  /** The return window as this shop counts it (from delivery or from the order); null when the shop never said. */
  deadline: { start: string; until: string } | null;
  open: boolean;
}

function eligibility(order: Order, line: LineItem, turn: Turn): ItemEligibility {
  const product = productOf(turn, line.productId);
  const finalSale = !!product && isFinalSale(product);
  const shipment = order.fulfillments.find((f) => f.lines.some((l) => l.lineItemId === line.id));
  const deliveredAt = shipment?.displayStatus === "DELIVERED" ? shipment.deliveredAt : null;
  // A window counted from the order still needs the item delivered before it can come back.
  const deadline = deliveredAt ? returnDeadline(shopFactsOf(turn).returnWindow?.value, order.createdAt, deliveredAt) : null;
  return { line, finalSale, deliveredAt, deadline, open: !!deadline && new Date(deadline.until) >= turn.ctx.now };
}

function describeEligibility(e: ItemEligibility, turn: Turn): string {
  const L = turn.language;
  const item = e.line.title;
  if (e.finalSale) return t(L, M.final_sale, { item, policy: finalSaleClause(turn) });
  const window = shopFactsOf(turn).returnWindow?.value;
  const policy = shopSaysAbout(turn, "return within days", ["REFUND_POLICY", "FAQ"]);
  if (!window) return t(L, M.window_unknown, { item, policy });
  if (!e.deliveredAt || !e.deadline) return t(L, M.not_delivered_yet, { item, window: returnWindowPhrase(turn) ?? "" });
  const vars = { item, until: date(turn, e.deadline.until), window: returnWindowLabel(turn, window, date(turn, e.deadline.start)) };
  return t(L, e.open ? M.window_open : M.window_closed, vars);
}

/** " You can return it within 30 days of delivery.", or "" when the shop never said how long. */
function canReturn(turn: Turn): string {
  const window = returnWindowPhrase(turn);
  return window ? t(turn.language, M.can_return, { window }) : "";
}

/**
 * How a return travels back for this order, in the shop's own words: the refund policy's sentence
 * about labels or postage that best fits the order's destination ("For orders shipped to Canada,
 * return postage is paid by the customer"), or "" when the policy says nothing about it.
 */
export function returnShippingRule(turn: Turn, order: Order): string {
  const policy = turn.ctx.shop.policies.find((p) => p.type === "REFUND_POLICY");
  if (!policy) return "";
  const code = order.shippingAddress?.countryCode;
  const country = code ? wordTokens(regionName(code, turn, "en")) : [];
  const [sentence] = relevantSentences(policy.body, ["label", "postage", ...country], 1);
  return sentence && /label|postage/i.test(sentence) ? sentence : "";
}

/** The policy sentences for a defect: inside the return window the damaged-item rule, after it the warranty. */
function defectPolicy(turn: Turn, withinWindow: boolean): string {
  const policy = turn.ctx.shop.policies.find((p) => p.type === "REFUND_POLICY");
  const faq = turn.ctx.shop.faqs.find((f) => /warrant/i.test(f.question));
  const topic = withinWindow ? ["damaged", "defective"] : ["warranty"];
  const quoted = policy ? relevantSentences(policy.body, topic, 1) : [];
  const warranty = !withinWindow && faq ? faq.answer.split(/(?<=[.!?])\s+/).filter((s) => /cover|email/i.test(s)).slice(0, 2) : [];
  return [...quoted, ...warranty].join(" ");
}

export function returnItem(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => {
    const L = t2.language;
    const lines = mentionedLines(order, t2);
    const items = lines.map((line) => eligibility(order, line, t2));
    const parts = items.map((e) => describeEligibility(e, t2));
    const openReturn = order.returns.find((r) => ["REQUESTED", "OPEN"].includes(r.status));
    if (openReturn) parts.push(t(L, M.open_return, { name: openReturn.name, status: openReturn.status.toLowerCase() }));
    if (DEFECT.test(t2.pre.original)) {
      const withinWindow = items.some((e) => e.open);
      return { text: [t(L, M.defect, { policy: defectPolicy(t2, withinWindow) }), ...parts].join("\n"), handoff: true, ticket: { kind: "return_request", summary: `Defect reported on ${order.name}: ${t2.pre.original}`, orderNumber: order.name } };
    }
    const returnable = items.filter((e) => !e.finalSale && e.open);
    if (returnable.length === 0 || openReturn) return { text: parts.join("\n") };
    const titles = returnable.map((e) => e.line.title);
    const fulfillmentLineItemIds = returnable.flatMap((e) =>
      order.fulfillments.flatMap((f) => f.lines.filter((l) => l.lineItemId === e.line.id).map((l) => l.fulfillmentLineItemId)),
    );
    const vars = { items: joinList(titles, L), order: order.name };
    const pending: PendingAction = t2.ctx.permissions.returns
      ? { kind: "return_items", orderNumber: order.name.replace(/^#/, ""), fulfillmentLineItemIds, titles, reason: "UNWANTED" }
      : { kind: "request", ticket: { kind: "return_request", summary: `Return ${vars.items} from ${order.name}`, orderNumber: order.name } };
    return confirm(t2, order, [...parts, t(L, t2.ctx.permissions.returns ? M.confirm_return : M.confirm_return_request, { ...vars, shipping: returnShippingRule(t2, order), reply: replyTimeClause(t2) }).trim()].join("\n"), pending);
  });
}

export function exchangeItem(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => {
    const L = t2.language;
    const swap = requestedVariant(order, t2);
    const line = swap?.line ?? mentionedLines(order, t2)[0];
    const parts = [describeEligibility(eligibility(order, line, t2), t2)];
    if (swap) {
      const available = swap.variant?.availableForSale ?? false;
      parts.push(
        available
          ? t(L, M.exchange_available, { product: swap.product.title, variant: swap.label, count: swap.variant?.inventoryQuantity ?? "" })
          : t(L, M.exchange_unavailable, { product: swap.product.title, variant: swap.label }),
      );
    }
    const rule = shopSaysAbout(t2, "exchange for a different size or color", ["REFUND_POLICY", "FAQ"]).trim();
    if (rule) parts.push(rule);
    return { text: parts.join("\n"), lookups: swap ? [{ kind: "product", ref: swap.product.handle, outcome: swap.label }] : [] };
  });
}

export function refundStatus(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => {
    const L = t2.language;
    const parts: string[] = [];
    for (const refund of order.refunds) {
      parts.push(t(L, M.refunded, { amount: money(t2, refund.totalRefunded, order), date: date(t2, refund.createdAt), note: refund.note ? ` (${refund.note.replace(/\.$/, "")})` : "", timing: refundTimingClause(t2) }));
    }
    const refunded = order.refunds.reduce((sum, r) => sum + Number(r.totalRefunded), 0);
    if (refunded > 0 && !order.cancelledAt && refunded < Number(order.totalPrice) - 0.005) {
      parts.push(t(L, M.partial_refund, { order: order.name, total: money(t2, order.totalPrice, order), note: order.refunds.map((r) => r.note ?? "").join(" ") }));
    }
    for (const ret of order.returns.filter((r) => ["REQUESTED", "OPEN"].includes(r.status))) {
      parts.push(t(L, M.return_in_progress, { name: ret.name, items: joinList(ret.lines.map((l) => l.title), L), status: ret.status.toLowerCase(), receipt: returnReceiptClause(t2) }));
    }
    for (const ret of order.returns.filter((r) => r.status === "DECLINED" && r.decline)) {
      parts.push(t(L, M.return_declined, { name: ret.name, reason: ret.decline!.note ?? ret.decline!.reason }));
    }
    if (parts.length === 0) parts.push(t(L, M.no_refund, { order: order.name, window: returnWindowPhrase(t2) ? ` ${returnWindowPhrase(t2)}` : "" }));
    return { text: parts.join("\n") };
  });
}

export function getInvoice(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => ({
    text: t(t2.language, M.invoice, { order: order.name, date: date(t2, order.createdAt), total: money(t2, order.totalPrice, order), reply: replyTimeClause(t2) }),
    ticket: { kind: "invoice_request", summary: `Email a PDF invoice for ${order.name}`, orderNumber: order.name },
  }));
}

/** The order's total and payment state, for payment questions about one order. */
export function orderPaymentSummary(order: Order, turn: Turn): string {
  return t(turn.language, M.order_total, {
    order: order.name,
    date: date(turn, order.createdAt),
    total: money(turn, order.totalPrice, order),
    status: (order.displayFinancialStatus ?? "").toLowerCase().replace(/_/g, " "),
  });
}

// ---------------------------------------------------------------------------------------------

const YES_NO: Record<string, [string, string]> = { en: ["Yes, go ahead", "No, thanks"], es: ["Sí, adelante", "No, gracias"], fr: ["Oui, allez-y", "Non, merci"] };

/** A change stated exactly, for the shopper's "yes" — once they may change the order (change-proof.ts). */
function confirm(turn: Turn, order: Order, text: string, action: PendingAction): Promise<Answer> {
  return proposeChange(turn, order, { text, action, quickReplies: YES_NO[turn.language] });
}
