/**
 * Answers about one of the shopper's orders. Every path goes through findShopperOrder, so an
 * order is described only once the verification policy has let it through. Changes to an order
 * are never made here directly: the bot states exactly what it will do and stores a
 * PendingAction; actions.ts carries it out when the shopper says yes.
 */
import { asksHowToSend, asksReturnDeadline, asksReturnPostage, howToReturnTerms } from "../intent/policy-follow-ups";
import type { Fulfillment, LineItem, Order, Product, ReturnInfo, Variant } from "../../commerce/types";
import { optionValuesNamed } from "./product/variants";
import { formatDate, formatMoney, joinList, startOfLocalDay } from "../format";
import { unsentOrderWindow } from "./shipping";
import { namesOrderItem, orderItemWords } from "../references";
import { defineMessages, t } from "../i18n";
import { tellsOfDefect } from "../policy/defects";
import { normalize, preprocess } from "../preprocess";
import { verifyOrderAccess, type OrderAccess } from "../verification";
import { offer, offerReplies } from "../offers";
import { looksLikeAddress as looksLikeStreetAddress, parseAddress as parseStreetAddress } from "../address";
import { proposeChange } from "../change-proof";
import {
  asksHowToSendBack,
  asksAboutTheRest,
  asksArrival,
  asksBareAmount,
  asksLastScan,
  asksOrderAddress,
  asksOrderCode,
  asksOrderContents,
  asksOrderCost,
  asksOrderPayment,
  asksShipDate,
  asksWhatToDo,
  asksWhySlow,
  itemsDroppedText,
  saysParcelMissing,
} from "../intent/order-questions";
import { statedChange, type StatedChange } from "../intent/stated-changes";
import { asksWhichOrder } from "../order-follow-ups";
import { returnPostageFor } from "./policies";
import {
  addressChangeVerdict,
  cancelVerdict,
  changeVerdict,
  lineReturnDeadline,
  mentionedLines,
  returnFocusLines,
  namedLines,
  orderMeant,
  orderBefore,
  pickOrder,
  refersToEarlierOrder,
  refersToOtherOrder,
  refersToLatestOrder,
  refundVerdict,
  returnRulesOf,
  returnVerdict,
  shopperFacingNote,
  withinReturnWindow,
  type LineReturn,
  type PolicyVerdict,
  type ReturnVerdict,
} from "../policy";
import { knowledgeFor } from "../knowledge";
import { TRACE_AFTER_DEFAULT, type ReturnWindow } from "../shop/facts";
import type { DurationRange } from "../shop/durations";
import { formatDuration as formatRange } from "../format";
import { fulfillmentHold, type HoldReason } from "../policy/fulfillment-holds";
import { isEmailedFulfillment } from "../policy/digital-delivery";
import { pickupReadiness, pickupStage } from "../policy/pickup";
import { returnReviewTime, returnStage, returnsFor } from "../policy/return-requests";
import {
  exchangeRule,
  defectRule,
  failedDeliveryRule,
  warrantyRule,
  invoiceRules,
  paymentConfirmationRule,
  refundMethodRule,
  shippingRefundRule,
} from "../policy/shop-sentences";
import { isBusinessDay, shopCalendar, type ShopCalendar } from "../shop/delivery-dates";
import type { Answer, Lookup, PendingAction, ShippingAddress, Turn } from "../types";
import {
  excludedKindNote,
  finalSaleClause,
  handlingAfterPaymentClause,
  handlingTimeClause,
  refundTimingClause,
  replyTimeClause,
  returnReceiptClause,
  returnWindowLabel,
  returnWindowPhrase,
  shopFactsOf,
  shopSaysAbout,
} from "./shop-rules";

export { SHAREABLE_NOTE_MARKER, shopperFacingNote } from "../policy/notes";

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
  status_intro: {
    en: "Here's the latest on order {order} (placed {date}):",
    es: "Esto es lo último del pedido {order} (realizado el {date}):",
    fr: "Voici les dernières nouvelles de la commande {order} (passée le {date}) :",
  },
  ships_by: {
    en: "It will go by {method}.",
    es: "Se enviará por {method}.",
    fr: "Elle partira en {method}.",
  },
  expected_between: {
    en: "It should arrive between {from} and {to} (an estimate).",
    es: "Debería llegar entre el {from} y el {to} (es una estimación).",
    fr: "Elle devrait arriver entre le {from} et le {to} (c'est une estimation).",
  },
  expected_on: {
    en: "It should arrive on {date} (an estimate).",
    es: "Debería llegar el {date} (es una estimación).",
    fr: "Elle devrait arriver le {date} (c'est une estimation).",
  },
  not_shipped: {
    en: "Order {order} (placed {date}) hasn't shipped yet.{handling} You'll get an email with tracking as soon as it does.",
    es: "El pedido {order} (realizado el {date}) aún no se ha enviado.{handling} Recibirás un correo con el seguimiento en cuanto salga.",
    fr: "La commande {order} (passée le {date}) n'a pas encore été expédiée.{handling} Vous recevrez un e-mail de suivi dès son départ.",
  },
  cancelled: {
    en: "Order {order} was cancelled on {date}{reason}.{refund}",
    es: "El pedido {order} se canceló el {date}{reason}.{refund}",
    fr: "La commande {order} a été annulée le {date}{reason}.{refund}",
  },
  // Why, for the reasons a shopper may hear (Shopify's OrderCancelReason); fraud and staff reasons stay unsaid.
  cancel_reason_CUSTOMER: { en: ", at your request", es: ", a petición tuya", fr: ", à votre demande" },
  cancel_reason_INVENTORY: {
    en: ", because an item was out of stock",
    es: ", porque un artículo se agotó",
    fr: ", car un article était en rupture de stock",
  },
  cancelled_unpaid: {
    en: ", because its payment wasn't made in time, so nothing was charged",
    es: ", porque su pago no se hizo a tiempo, así que no se cobró nada",
    fr: ", car son paiement n'a pas été fait à temps ; rien n'a donc été débité",
  },
  cancel_reason_DECLINED: {
    en: ", because the payment was declined",
    es: ", porque el pago fue rechazado",
    fr: ", car le paiement a été refusé",
  },
  cancelled_refund: {
    en: " {amount} was refunded to your original payment method on {date}.{timing}",
    es: " Se reembolsaron {amount} a tu método de pago original el {date}.{timing}",
    fr: " {amount} ont été remboursés sur votre moyen de paiement d'origine le {date}.{timing}",
  },
  shipment: {
    en: "{items}: shipped with {carrier}, {status}.",
    es: "{items}: enviado con {carrier}, {status}.",
    fr: "{items} : expédié avec {carrier}, {status}.",
  },
  tracking: {
    en: "Tracking number: {number}{url}.",
    es: "Número de seguimiento: {number}{url}.",
    fr: "Numéro de suivi : {number}{url}.",
  },
  delivered: { en: "delivered {date}", es: "entregado el {date}", fr: "livré le {date}" },
  out_for_delivery: {
    en: "out for delivery, arriving today",
    es: "en reparto, llega hoy",
    fr: "en cours de livraison, arrivée aujourd'hui",
  },
  in_transit_eta: {
    en: "in transit, estimated delivery {date}",
    es: "en tránsito, entrega estimada el {date}",
    fr: "en transit, livraison estimée le {date}",
  },
  in_transit: { en: "in transit", es: "en tránsito", fr: "en transit" },
  delayed_eta_passed: {
    en: "delayed: it was expected {date}",
    es: "con retraso: se esperaba el {date}",
    fr: "en retard : il était attendu le {date}",
  },
  at_pickup_point: {
    en: "waiting for you at the pickup point",
    es: "esperándote en el punto de recogida",
    fr: "il vous attend au point relais",
  },
  attempted: {
    en: "the carrier tried to deliver it but couldn't",
    es: "el transportista intentó entregarlo pero no pudo",
    fr: "le transporteur a tenté de le livrer sans succès",
  },
  failed: {
    en: "delivery failed and the parcel is being returned to sender (on its way back to us)",
    es: "la entrega falló y el paquete se devuelve al remitente (regresa a nosotros)",
    fr: "la livraison a échoué et le colis est retourné à l'expéditeur (il revient chez nous)",
  },
  label_created: {
    en: "the label is created and it's waiting for the carrier",
    es: "la etiqueta está creada y espera al transportista",
    fr: "l'étiquette est créée et attend le transporteur",
  },
  carrier_update: {
    en: "Latest carrier update ({date}): {message}",
    es: "Última novedad del transportista ({date}): {message}",
    fr: "Dernière mise à jour du transporteur ({date}) : {message}",
  },
  delivered_missing: {
    en: "{carrier} marked it delivered on {date}. Parcels are sometimes left with a neighbour or in a safe place; if you can't find it, I can ask our team to open a trace with {carrier}.",
    es: "{carrier} lo marcó como entregado el {date}. A veces el paquete se deja con un vecino o en un lugar seguro; si no lo encuentras, puedo pedir a nuestro equipo que abra una investigación con {carrier}.",
    fr: "{carrier} l'a indiqué comme livré le {date}. Un colis est parfois laissé chez un voisin ou en lieu sûr ; si vous ne le trouvez pas, je peux demander à notre équipe d'ouvrir une enquête auprès de {carrier}.",
  },
  late: {
    en: "It's now {days} business days past its estimated delivery date. I can ask our team to open a trace with the carrier.",
    es: "Ya lleva {days} días hábiles de retraso sobre la fecha estimada. Puedo pedir a nuestro equipo que abra una investigación con el transportista.",
    fr: "Il a maintenant {days} jours ouvrés de retard sur la date estimée. Je peux demander à notre équipe d'ouvrir une enquête auprès du transporteur.",
  },
  not_shipped_items: {
    en: "Not shipped yet: {items}.",
    es: "Aún sin enviar: {items}.",
    fr: "Pas encore expédié : {items}.",
  },
  order_note: {
    en: "Note on your order: {note}",
    es: "Nota de tu pedido: {note}",
    fr: "Note sur votre commande : {note}",
  },
  other_orders: {
    en: "You have other orders too ({orders}); just ask if you meant one of those.",
    es: "También tienes otros pedidos ({orders}); dime si te referías a otro.",
    fr: "Vous avez aussi d'autres commandes ({orders}) ; dites-moi si vous parliez de l'une d'elles.",
  },
  trace_opened_delivered: {
    en: "I'm sorry it hasn't turned up. I've asked our team to open a trace with {carrier} for order {order}; they'll email you{reply}.",
    es: "Siento que no haya aparecido. He pedido a nuestro equipo que abra una investigación con {carrier} para el pedido {order}; te escribirán{reply}.",
    fr: "Désolé qu'il ne soit pas arrivé jusqu'à vous. J'ai demandé à notre équipe d'ouvrir une enquête auprès de {carrier} pour la commande {order} ; ils vous écriront{reply}.",
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
  already_cancelled: {
    en: "Order {order} is already cancelled.",
    es: "El pedido {order} ya está cancelado.",
    fr: "La commande {order} est déjà annulée.",
  },
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
    en: "Order {order} has already shipped ({status}), so it can't be changed any more.{returns} For anything else, our team can help: {email}.",
    es: "El pedido {order} ya se ha enviado ({status}), así que ya no se puede modificar.{returns} Para cualquier otra cosa, nuestro equipo puede ayudarte: {email}.",
    fr: "La commande {order} a déjà été expédiée ({status}), elle ne peut donc plus être modifiée.{returns} Pour toute autre demande, notre équipe peut vous aider : {email}.",
  },
  variant_out_of_stock: {
    en: "{product} in {variant} is out of stock right now, so I can't switch it on order {order}.{alternatives}",
    es: "{product} en {variant} está agotado ahora mismo, así que no puedo cambiarlo en el pedido {order}.{alternatives}",
    fr: "{product} en {variant} est en rupture de stock pour le moment, je ne peux donc pas modifier la commande {order}.{alternatives}",
  },
  in_stock_alternatives: { en: " In stock: {options}.", es: " Disponibles: {options}.", fr: " En stock : {options}." },
  confirm_change_request: {
    en: "Order {order} hasn't shipped yet, so it can still be changed: {product} in {variant} is in stock. Shall I ask our team to switch it on the order? They'll confirm by email before it ships.",
    es: "El pedido {order} aún no se ha enviado, así que todavía se puede modificar: {product} en {variant} está disponible. ¿Pido a nuestro equipo que lo cambie en el pedido? Te lo confirmarán por correo antes del envío.",
    fr: "La commande {order} n'a pas encore été expédiée, elle peut donc encore être modifiée : {product} en {variant} est en stock. Voulez-vous que je demande à notre équipe de faire le changement ? Elle vous confirmera par e-mail avant l'expédition.",
  },
  confirm_remove_request: {
    en: "Order {order} hasn't shipped yet, so it can still be changed. Shall I ask our team to remove {items} from it? They'll confirm the new total by email before it ships.",
    es: "El pedido {order} aún no se ha enviado, así que todavía se puede modificar. ¿Pido a nuestro equipo que quite {items} del pedido? Te confirmarán el nuevo total por correo antes del envío.",
    fr: "La commande {order} n'a pas encore été expédiée, elle peut donc encore être modifiée. Voulez-vous que je demande à notre équipe de retirer {items} de la commande ? Elle vous confirmera le nouveau total par e-mail avant l'expédition.",
  },
  confirm_stated_change: {
    en: "Order {order} hasn't shipped yet, so it can still be changed. Shall I ask our team to {change}, as you asked (“{request}”)? They'll confirm by email before it ships.",
    es: "El pedido {order} aún no se ha enviado, así que todavía se puede modificar. ¿Pido a nuestro equipo que {change}, como lo pediste («{request}»)? Te lo confirmarán por correo antes del envío.",
    fr: "La commande {order} n'a pas encore été expédiée, elle peut donc encore être modifiée. Voulez-vous que je demande à notre équipe de {change}, comme vous l'avez demandé (« {request} ») ? Elle vous confirmera par e-mail avant l'expédition.",
  },
  stated_change_add: { en: "add it to the order", es: "lo agregue al pedido", fr: "l'ajouter à la commande" },
  stated_change_delivery: {
    en: "change how it's delivered",
    es: "cambie la forma de entrega",
    fr: "modifier le mode de livraison",
  },
  stated_change_combine: {
    en: "send it together with your other order",
    es: "lo envíe junto con tu otro pedido",
    fr: "l'envoyer avec votre autre commande",
  },
  stated_change_details: {
    en: "correct the details on it",
    es: "corrija los datos del pedido",
    fr: "corriger les informations de la commande",
  },
  stated_change_quantity: { en: "change the quantity", es: "cambie la cantidad", fr: "modifier la quantité" },
  stated_change_hold: { en: "hold the shipment", es: "retenga el envío", fr: "retarder l'expédition" },
  stated_change_swap: { en: "swap that item", es: "cambie ese artículo", fr: "remplacer cet article" },
  stated_change_remove: { en: "take that out of it", es: "lo quite del pedido", fr: "le retirer de la commande" },
  pickup_ready_no_change: {
    en: "Order {order} is already prepared for pickup ({status}), so it can't be changed any more. For anything else, our team can help: {email}.",
    es: "El pedido {order} ya está preparado para recoger ({status}), así que ya no se puede modificar. Para cualquier otra cosa, nuestro equipo puede ayudarte: {email}.",
    fr: "La commande {order} est déjà prête pour le retrait ({status}), elle ne peut donc plus être modifiée. Pour toute autre demande, notre équipe peut vous aider : {email}.",
  },
  shipped_items_excluded: {
    en: " Our return policy excludes its items.{policy}",
    es: " Nuestra política de devoluciones excluye sus artículos.{policy}",
    fr: " Notre politique de retour exclut ses articles.{policy}",
  },
  change_what: {
    en: "Order {order} ({items}) hasn't shipped yet, so it can still be changed. What would you like to change: a size, a colour, or an item?",
    es: "El pedido {order} ({items}) aún no se ha enviado, así que todavía se puede modificar. ¿Qué quieres cambiar: una talla, un color o un artículo?",
    fr: "La commande {order} ({items}) n'a pas encore été expédiée, elle peut donc encore être modifiée. Que souhaitez-vous changer : une taille, une couleur ou un article ?",
  },
  order_lines: {
    en: "Items: {items}.",
    es: "Artículos: {items}.",
    fr: "Articles : {items}.",
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
  no_address_pickup: {
    en: "Order {order} is to be collected{method}, so it has no delivery address to change. If you'd rather have it delivered, our team can help: {email}.",
    es: "El pedido {order} es para recoger{method}, así que no tiene dirección de entrega que cambiar. Si prefieres que te lo enviemos, nuestro equipo puede ayudarte: {email}.",
    fr: "La commande {order} est à retirer{method} : elle n'a donc pas d'adresse de livraison à modifier. Si vous préférez être livré, notre équipe peut vous aider : {email}.",
  },
  no_address_digital: {
    en: "Nothing on order {order} is shipped (its items are delivered digitally), so there's no delivery address to change. Our team can help with anything else: {email}.",
    es: "Nada del pedido {order} se envía por paquetería (sus artículos se entregan en formato digital), así que no hay dirección de entrega que cambiar. Nuestro equipo puede ayudarte con lo que necesites: {email}.",
    fr: "Rien dans la commande {order} n'est expédié (ses articles sont livrés sous forme numérique) : il n'y a donc pas d'adresse de livraison à modifier. Notre équipe peut vous aider pour le reste : {email}.",
  },
  ask_address: {
    en: "Order {order} hasn't shipped yet, so the address can still be changed. What's the full new address (street, apartment, city, state/province, ZIP)?",
    es: "El pedido {order} aún no se ha enviado, así que la dirección se puede cambiar. ¿Cuál es la nueva dirección completa (calle, piso, ciudad, estado/provincia, código postal)?",
    fr: "La commande {order} n'a pas encore été expédiée, l'adresse peut donc encore être modifiée. Quelle est la nouvelle adresse complète (rue, appartement, ville, État/province, code postal) ?",
  },
  refund_returned_parcel: {
    en: "I've asked our team to refund order {order} rather than ship it again; they'll confirm by email{reply}.{policy}",
    es: "He pedido a nuestro equipo que reembolse el pedido {order} en lugar de volver a enviarlo; te lo confirmarán por correo{reply}.{policy}",
    fr: "J'ai demandé à notre équipe de rembourser la commande {order} plutôt que de la renvoyer ; elle vous le confirmera par e-mail{reply}.{policy}",
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
  about_order: { en: "About order {order}:", es: "Sobre el pedido {order}:", fr: "À propos de la commande {order} :" },
  final_sale: {
    en: "{item} is final sale, so it can't be returned or exchanged.{policy}",
    es: "{item} es de venta final, así que no admite devolución ni cambio.{policy}",
    fr: "{item} est vendu en vente finale : il ne peut être ni retourné ni échangé.{policy}",
  },
  window_open_review: {
    en: "{item} is of a kind our return policy restricts, so our team reviews a return of it first (the window runs until {until}, {window}).{policy}",
    es: "{item} es de un tipo de artículo que nuestra política de devoluciones restringe, así que nuestro equipo revisa primero su devolución (el plazo va hasta el {until}, {window}).{policy}",
    fr: "{item} est d'un type d'article que notre politique de retour restreint : notre équipe examine donc d'abord son retour (le délai court jusqu'au {until}, {window}).{policy}",
  },
  return_received: {
    en: "Return {name} ({items}) was received and closed on {date}.",
    es: "La devolución {name} ({items}) se recibió y se cerró el {date}.",
    fr: "Le retour {name} ({items}) a été reçu et clôturé le {date}.",
  },
  on_order: {
    en: "(Order {order}.)",
    es: "(Pedido {order}.)",
    fr: "(Commande {order}.)",
  },
  which_order: {
    en: "That's order {order}, placed {date}.",
    es: "Es el pedido {order}, realizado el {date}.",
    fr: "Il s'agit de la commande {order}, passée le {date}.",
  },
  return_label_made: {
    en: "Return label: {carrier}, tracking number {number}, made on {date}.",
    es: "Guía de devolución: {carrier}, número de guía {number}, generada el {date}.",
    fr: "Étiquette de retour : {carrier}, numéro de suivi {number}, créée le {date}.",
  },
  return_label: {
    en: "Return label: {carrier}, tracking number {number}.",
    es: "Guía de devolución: {carrier}, número de guía {number}.",
    fr: "Étiquette de retour : {carrier}, numéro de suivi {number}.",
  },
  return_window_of_item: {
    en: "The return window for {item} runs until {until} ({window}).",
    es: "El plazo para devolver {item} es hasta el {until} ({window}).",
    fr: "Le délai de retour pour {item} court jusqu'au {until} ({window}).",
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
  not_delivered_restricted: {
    en: "{item} hasn't been delivered yet, and it is of a kind our return policy restricts, so our team would review a return of it first.{policy}",
    es: "{item} aún no se ha entregado, y es de un tipo de artículo que nuestra política de devoluciones restringe, así que nuestro equipo revisaría primero su devolución.{policy}",
    fr: "{item} n'a pas encore été livré, et c'est un type d'article que notre politique de retour restreint : notre équipe examinerait donc d'abord son retour.{policy}",
  },
  not_delivered_until: {
    en: "{item} hasn't been delivered yet; you can return it until {until} ({window}).",
    es: "{item} aún no se ha entregado; podrás devolverlo hasta el {until} ({window}).",
    fr: "{item} n'a pas encore été livré ; vous pourrez le retourner jusqu'au {until} ({window}).",
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
  already_in_return: {
    en: "{item} is already in return {name}.",
    es: "{item} ya está en la devolución {name}.",
    fr: "{item} fait déjà partie du retour {name}.",
  },
  open_return: {
    en: "You already have a return on this order: {name} ({status}).",
    es: "Ya tienes una devolución en este pedido: {name} ({status}).",
    fr: "Vous avez déjà un retour sur cette commande : {name} ({status}).",
  },
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
  exchange_ask_order: {
    en: "To check the item on your own order, tell me the order number and the email you ordered with.",
    es: "Para revisar el artículo de tu pedido, dime el número de pedido y el correo con el que lo hiciste.",
    fr: "Pour vérifier l'article de votre commande, donnez-moi le numéro de commande et l'adresse e-mail utilisée.",
  },
  exchange_unavailable: {
    en: "{product} in {variant} is out of stock right now.",
    es: "{product} en {variant} está agotado ahora mismo.",
    fr: "{product} en {variant} est en rupture de stock pour le moment.",
  },
  refunded_on_order: {
    en: "Order {order}: {amount} was refunded on {date}{note}.{timing}",
    es: "Pedido {order}: se reembolsaron {amount} el {date}{note}.{timing}",
    fr: "Commande {order} : {amount} ont été remboursés le {date}{note}.{timing}",
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
  return_declined: {
    en: "Your return {name} was declined: {reason}",
    es: "Tu devolución {name} fue rechazada: {reason}",
    fr: "Votre retour {name} a été refusé : {reason}",
  },
  refund_cancelled_unpaid: {
    en: "Order {order} was cancelled on {date} before any payment went through, so nothing was charged and there is nothing to refund.",
    es: "El pedido {order} se canceló el {date} antes de que se completara el pago, así que no se cobró nada y no hay nada que reembolsar.",
    fr: "La commande {order} a été annulée le {date} avant tout paiement : rien n'a été débité, il n'y a donc rien à rembourser.",
  },
  cancelled_no_refund_yet: {
    en: "Order {order} was cancelled on {date}, and no refund shows on it yet.",
    es: "El pedido {order} se canceló el {date} y todavía no aparece ningún reembolso.",
    fr: "La commande {order} a été annulée le {date}, et aucun remboursement n'y apparaît encore.",
  },
  no_refund_while_returning: {
    en: "There's no refund on order {order} yet.",
    es: "El pedido {order} aún no tiene ningún reembolso.",
    fr: "La commande {order} n'a encore aucun remboursement.",
  },
  returned_items_cost: {
    en: "On order {order}, {items} cost {amount}.",
    es: "En el pedido {order}, {items} costó {amount}.",
    fr: "Sur la commande {order}, {items} a coûté {amount}.",
  },
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
  on_hold_verification: {
    en: "Order {order} (placed {date}) is on hold while we verify the payment, a security check we run on some orders; it will leave once the check is done. If we need anything from you, we'll ask by email.",
    es: "El pedido {order} (realizado el {date}) está en espera mientras verificamos el pago, una revisión de seguridad que hacemos en algunos pedidos; saldrá en cuanto termine la verificación. Si necesitamos algo de ti, te lo pediremos por correo.",
    fr: "La commande {order} (passée le {date}) est en attente pendant que nous vérifions le paiement, un contrôle de sécurité que nous faisons sur certaines commandes ; elle partira dès la fin de la vérification. Si nous avons besoin de quelque chose, nous vous le demanderons par e-mail.",
  },
  on_hold_payment: {
    en: "Order {order} (placed {date}) is on hold until its payment is confirmed; it will be prepared as soon as it is.",
    es: "El pedido {order} (realizado el {date}) está en espera hasta que se confirme el pago; lo prepararemos en cuanto se confirme.",
    fr: "La commande {order} (passée le {date}) est en attente de la confirmation du paiement ; elle sera préparée dès qu'il sera confirmé.",
  },
  on_hold_address: {
    en: "Order {order} (placed {date}) is on hold while we check its shipping address. If we need anything from you, we'll ask by email.",
    es: "El pedido {order} (realizado el {date}) está en espera mientras revisamos la dirección de envío. Si necesitamos algo de ti, te lo pediremos por correo.",
    fr: "La commande {order} (passée le {date}) est en attente le temps de vérifier l'adresse de livraison. Si nous avons besoin de quelque chose, nous vous le demanderons par e-mail.",
  },
  on_hold_stock: {
    en: "Order {order} (placed {date}) is on hold while we wait for an item to be back in stock.",
    es: "El pedido {order} (realizado el {date}) está en espera hasta que vuelva a haber existencias de un artículo.",
    fr: "La commande {order} (passée le {date}) est en attente du retour en stock d'un article.",
  },
  on_hold_other: {
    en: "Order {order} (placed {date}) is on hold for the moment and hasn't shipped. A person on our team can tell you more: {email}.",
    es: "El pedido {order} (realizado el {date}) está en espera por el momento y aún no se ha enviado. Una persona de nuestro equipo puede darte más detalles: {email}.",
    fr: "La commande {order} (passée le {date}) est en attente pour le moment et n'a pas été expédiée. Une personne de notre équipe peut vous en dire plus : {email}.",
  },
  pickup_preparing: {
    en: "Order {order} (placed {date}) is being prepared for pickup.{ready} You'll get an email as soon as it's ready to collect.",
    es: "El pedido {order} (realizado el {date}) se está preparando para que lo recojas.{ready} Recibirás un correo en cuanto esté listo para recoger.",
    fr: "La commande {order} (passée le {date}) est en préparation pour le retrait.{ready} Vous recevrez un e-mail dès qu'elle sera prête à être retirée.",
  },
  pickup_ready_within: {
    en: " Pickup orders are usually ready within {duration}.",
    es: " Los pedidos para recoger suelen estar listos en {duration}.",
    fr: " Les commandes en retrait sont en général prêtes sous {duration}.",
  },
  business_hours: { en: "{n} business hours", es: "{n} horas hábiles", fr: "{n} heures ouvrées" },
  pickup_line: { en: "{items}: {status}.", es: "{items}: {status}.", fr: "{items} : {status}." },
  ready_for_pickup: {
    en: "ready for pickup since {date}",
    es: "listo para recoger desde el {date}",
    fr: "prêt à être retiré depuis le {date}",
  },
  picked_up: { en: "picked up {date}", es: "recogido el {date}", fr: "retiré le {date}" },
  shop_update: {
    en: "Update ({date}): {message}",
    es: "Novedad ({date}): {message}",
    fr: "Mise à jour ({date}) : {message}",
  },
  policy_quote: {
    en: "Our policy: “{sentence}”",
    es: "Nuestra política: “{sentence}”",
    fr: "Notre politique : « {sentence} »",
  },
  emailed: {
    en: "{items}: sent by email on {date}.",
    es: "{items}: enviado por correo electrónico el {date}.",
    fr: "{items} : envoyé par e-mail le {date}.",
  },
  return_awaiting_approval: {
    en: "Your return request {name} ({items}, sent {date}) hasn't been approved yet: our team is reviewing it.{review} You'll hear from us by email once it's reviewed.",
    es: "Tu solicitud de devolución {name} ({items}, enviada el {date}) aún no está aprobada: nuestro equipo la está revisando.{review} Te escribiremos por correo en cuanto la revisemos.",
    fr: "Votre demande de retour {name} ({items}, envoyée le {date}) n'est pas encore validée : notre équipe l'examine.{review} Vous recevrez un e-mail dès qu'elle aura été traitée.",
  },
  review_within: {
    en: " We review return requests within {duration}.",
    es: " Respondemos las solicitudes de devolución en {duration}.",
    fr: " Nous traitons les demandes de retour sous {duration}.",
  },
  return_approved: {
    en: "Your return {name} for {items} is open: it's approved, and the refund is still pending.{receipt}",
    es: "Tu devolución {name} de {items} está abierta: ya está aprobada y el reembolso sigue pendiente.{receipt}",
    fr: "Votre retour {name} pour {items} est ouvert : il est validé et le remboursement est encore en attente.{receipt}",
  },
  return_closed: {
    en: "Your return {name} for {items} was received and closed on {date}.",
    es: "Tu devolución {name} de {items} se recibió y se cerró el {date}.",
    fr: "Votre retour {name} pour {items} a été reçu et clôturé le {date}.",
  },
  declined_window: {
    en: "Your return {name} was declined because it was requested on {requested}, after the return window ended on {until} ({window}).",
    es: "Tu devolución {name} fue rechazada porque se solicitó el {requested}, después de que terminara el plazo de devolución el {until} ({window}).",
    fr: "Votre retour {name} a été refusé car il a été demandé le {requested}, après la fin du délai de retour le {until} ({window}).",
  },
  declined_final_sale: {
    en: "Your return {name} was declined: {items} is final sale and can't be returned.{policy}",
    es: "Tu devolución {name} fue rechazada: {items} es de venta final y no admite devolución.{policy}",
    fr: "Votre retour {name} a été refusé : {items} est un article en vente finale, qui ne peut pas être retourné.{policy}",
  },
  shipping_paid: {
    en: "Shipping on it: {amount}.",
    es: "El envío: {amount}.",
    fr: "Livraison : {amount}.",
  },
  shipping_free: {
    en: "Shipping on it was free.",
    es: "El envío fue gratis.",
    fr: "La livraison était offerte.",
  },
  payment_paid: { en: "paid", es: "pagado", fr: "payée" },
  payment_pending: { en: "payment pending", es: "pago pendiente", fr: "paiement en attente" },
  payment_authorized: {
    en: "payment authorized, not yet captured",
    es: "pago autorizado, aún sin cobrar",
    fr: "paiement autorisé, pas encore débité",
  },
  payment_refunded: { en: "refunded", es: "reembolsado", fr: "remboursée" },
  payment_partially_refunded: {
    en: "partially refunded",
    es: "reembolsado en parte",
    fr: "partiellement remboursée",
  },
  payment_partially_paid: { en: "partially paid", es: "pagado en parte", fr: "partiellement payée" },
  payment_expired: { en: "payment expired", es: "pago vencido", fr: "paiement expiré" },
  payment_voided: { en: "payment voided", es: "pago anulado", fr: "paiement annulé" },
  shipping_to: {
    en: "Order {order} is addressed to {address}.",
    es: "El pedido {order} va a esta dirección: {address}.",
    fr: "La commande {order} est adressée à : {address}.",
  },
  order_total: {
    en: "Order {order} (placed {date}) totals {total}, {status}.",
    es: "El pedido {order} (realizado el {date}) suma {total}, {status}.",
    fr: "La commande {order} (passée le {date}) s'élève à {total}, {status}.",
  },
  item_paid: {
    en: "{item} cost {price}.",
    es: "{item} costó {price}.",
    fr: "{item} : {price}.",
  },
  item_paid_each: {
    en: "{item}: {quantity} × {price}.",
    es: "{item}: {quantity} × {price}.",
    fr: "{item} : {quantity} × {price}.",
  },
  order_items: {
    en: "Order {order} contains: {items}.",
    es: "El pedido {order} contiene: {items}.",
    fr: "La commande {order} contient : {items}.",
  },
  parcel_items: {
    en: "The {carrier} parcel holds: {items}.",
    es: "El paquete de {carrier} lleva: {items}.",
    fr: "Le colis {carrier} contient : {items}.",
  },
  order_codes_used: {
    en: "Code used on order {order}: {codes}.",
    es: "Código usado en el pedido {order}: {codes}.",
    fr: "Code utilisé sur la commande {order} : {codes}.",
  },
  shipped_on: {
    en: "{items} left us on {date} with {carrier}.",
    es: "{items}: enviado el {date} con {carrier}.",
    fr: "{items} : envoi le {date} avec {carrier}.",
  },
  shipped_on_no_carrier: {
    en: "{items} left us on {date}.",
    es: "{items}: enviado el {date}.",
    fr: "{items} : envoi le {date}.",
  },
  order_no_code: {
    en: "No discount code was used on order {order}.",
    es: "No se usó ningún código de descuento en el pedido {order}.",
    fr: "Aucun code de réduction n'a été utilisé sur la commande {order}.",
  },
});

type VerifiedAnswer = (
  order: Order,
  turn: Turn,
  access: Extract<OrderAccess, { kind: "verified" }>,
) => Answer | Promise<Answer>;

/** Resolve the order the turn is about, asking for exactly the missing piece, then answer. */
export async function withVerifiedOrder(turn: Turn, answer: VerifiedAnswer): Promise<Answer> {
  // "And the one before that?": among a customer's orders, the one placed before the discussed one;
  // a guest's email unlocks only the order it came with, so the other one needs its number.
  const discussed = !turn.entities.order_number && !!turn.state.orderNumber;
  const earlier = discussed && refersToEarlierOrder(turn.pre.normalized);
  // "And my other order?": one of the customer's orders but the discussed one; a guest's needs its number.
  const other = discussed && !earlier && refersToOtherOrder(turn.pre.normalized);
  const L = turn.language;
  if ((earlier || other) && !turn.shopper.customerId)
    return { text: t(L, M.ask_order_number), state: { orderNumber: undefined, awaiting: "order_number" } };
  // "My latest order" is the newest of a customer's orders again, not the one discussed last.
  const latest = !!turn.shopper.customerId && refersToLatestOrder(turn.pre.normalized);
  const orderNumber =
    earlier || other || (latest && !turn.entities.order_number)
      ? null
      : (turn.entities.order_number ?? turn.state.orderNumber ?? null);
  const email = turn.entities.email ?? turn.state.email ?? null;
  const access = await verifyTurnOrder(turn, { orderNumber, email });
  const lookup: Lookup = {
    kind: "order",
    ref: orderNumber ? orderName(turn, orderNumber) : "customer orders",
    outcome: access.kind,
  };
  const verdicts: PolicyVerdict[] = [
    { topic: "order_access", kind: access.kind, order: orderNumber ? orderName(turn, orderNumber) : null },
  ];
  switch (access.kind) {
    case "verified": {
      const meant =
        (earlier && orderBeforeDiscussed(access, turn)) ||
        (other && orderOtherThanDiscussed(access, turn)) ||
        orderMeant(access, turn, !!orderNumber);
      const chosen = meant.order;
      const result = namingTheOrder(await answer(chosen, turn, meant), chosen, turn);
      return {
        ...result,
        lookups: [{ ...lookup, ref: chosen.name, outcome: `verified via ${access.via}` }, ...(result.lookups ?? [])],
        state: {
          orderNumber: chosen.name.replace(/^#/, ""),
          orderItems: chosen.lineItems.map((l) => [l.title, l.variantTitle].filter(Boolean).join(" ")),
          orderDestination: chosen.shippingAddress?.countryCode
            ? { orderNumber: chosen.name.replace(/^#/, ""), country: chosen.shippingAddress.countryCode }
            : undefined,
          awaiting: undefined,
          ...result.state,
        },
        verdicts: [{ topic: "order_access", kind: "verified", order: chosen.name }, ...(result.verdicts ?? [])],
      };
    }
    case "need_order_number":
      return { text: t(L, M.ask_order_number), lookups: [lookup], state: { awaiting: "order_number" }, verdicts };
    case "need_email":
      return {
        text: t(L, M.ask_email, { order: orderName(turn, access.orderNumber) }),
        lookups: [lookup],
        state: { orderNumber: access.orderNumber, awaiting: "email" },
        verdicts,
      };
    case "denied":
      return {
        text: t(L, turn.shopper.customerId ? M.denied_customer : M.denied_guest, {
          order: orderName(turn, access.orderNumber),
        }),
        kind: "verification_failed",
        lookups: [lookup],
        state: { orderNumber: access.orderNumber, email: undefined, awaiting: "email" },
        verdicts,
      };
    case "no_orders":
      return { text: t(L, M.no_orders), lookups: [lookup], state: { awaiting: "order_number" }, verdicts };
    case "locked":
      return {
        text: t(L, turn.shopper.customerId ? M.verification_locked_customer : M.verification_locked, {
          wait: waitText(access.retryAfterMs, L),
          email: turn.ctx.shop.email,
        }),
        kind: "verification_failed",
        lookups: [{ ...lookup, outcome: "locked: too many failed verifications" }],
        // Another bare email for the same order gets this answer again, not a new topic.
        state: { email: undefined, awaiting: orderNumber ? "email" : undefined },
        verdicts,
      };
    case "not_theirs":
      return {
        text: t(L, M.not_their_order, { email: turn.ctx.shop.email }),
        kind: "verification_failed",
        lookups: [{ ...lookup, outcome: "refused: the shopper says it is someone else's order" }],
        state: { email: undefined, awaiting: undefined },
        verdicts,
      };
  }
}

/**
 * Every answer about an order says which order it is and what it holds: a reply that names neither
 * (a follow-up's one fact, a rule quoted) gets the order's name and its items after it, so
 * the shopper never has to guess which order or item it means.
 */
function namingTheOrder(result: Answer, order: Order, turn: Turn): Answer {
  const text = result.text?.trim();
  if (!text || result.kind === "verification_failed") return result;
  const named = text.includes(order.name);
  const titles = order.lineItems.map((l) => l.title);
  const itemsShown = titles.length === 0 || titles.some((title) => text.includes(title));
  if (named && itemsShown) return result;
  const lines = [
    text,
    ...(named ? [] : [t(turn.language, M.on_order, { order: order.name })]),
    ...(itemsShown ? [] : [t(turn.language, M.order_lines, { items: orderItems(order, turn.language) })]),
  ];
  return { ...result, text: lines.join("\n") };
}

/** The customer's order placed before the one the conversation discussed, with the others beside it. */
function orderBeforeDiscussed(access: Extract<OrderAccess, { kind: "verified" }>, turn: Turn) {
  const orders = [access.order, ...access.otherOrders];
  const discussed = orders.find((o) => o.name === orderName(turn, turn.state.orderNumber!));
  const before = discussed ? orderBefore(orders, discussed) : null;
  return before ? { ...access, order: before, otherOrders: orders.filter((o) => o.id !== before.id) } : null;
}

/** Of the customer's orders but the discussed one, the one the message means (the newest, unless it says more). */
function orderOtherThanDiscussed(access: Extract<OrderAccess, { kind: "verified" }>, turn: Turn) {
  const orders = [access.order, ...access.otherOrders];
  const rest = orders.filter((o) => o.name !== orderName(turn, turn.state.orderNumber!));
  if (rest.length === 0 || rest.length === orders.length) return null;
  const chosen = pickOrder(rest, turn);
  return { ...access, order: chosen, otherOrders: orders.filter((o) => o.id !== chosen.id) };
}

/** The order as the shop names it: "1042" → "#1042", "FR-1042" or "1042-W"; a name already complete stays. */
export function orderName(turn: Turn, number: string): string {
  if (!/^\d+$/.test(number)) return number;
  const { prefix, suffix } = turn.ctx.shop.orderNameFormat;
  return `${prefix}${number}${suffix}`;
}

/** The order access policy (verification.ts) for this turn's shopper: the one path both engines take to an order. */
export function verifyTurnOrder(
  turn: Turn,
  claim: { orderNumber: string | null | undefined; email: string | null | undefined },
): Promise<OrderAccess> {
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
// Items (which order and which of its items a message means: policy/which-order.ts)

function variantInStock(turn: Turn, line: LineItem): boolean {
  return !!productOf(turn, line.productId)?.variants.find((v) => v.id === line.variantId)?.availableForSale;
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

const money = (turn: Turn, amount: string, order?: Order) =>
  formatMoney(amount, order?.currencyCode ?? turn.ctx.shop.currencyCode, turn.language);
const date = (turn: Turn, iso: string) => formatDate(iso, turn.ctx.now, turn.language, turn.ctx.shop.timezone);

// ---------------------------------------------------------------------------------------------
// Tracking

const ESCALATION =
  /\b(do something|anything you can do|what can you do|what are you going to do|fix (?:this|it)|help me|sort (?:this|it) out|trace|investigat\w*|enqu[eê]te|investigaci[oó]n|replace|lost|hacer algo|faire quelque chose|chase|chasing|relanc\w*|reclam\w*)\b/i;

export function trackOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2, access) => {
    const followUp = t2.state.lastIntent === "track_order" && t2.state.orderNumber === order.name.replace(/^#/, "");
    const missing = missingDelivery(order, t2);
    const late = lateShipment(order, t2) ?? missing;
    const tookUpTrace = t2.acceptedOffer?.kind === "trace";
    // "What do I do now?" after the bot offered a trace: the trace is what there is to do.
    const asksNextStep = t2.state.offer?.kind === "trace" && asksWhatToDo(t2.pre.normalized);
    if ((followUp || tookUpTrace) && (tookUpTrace || asksNextStep || ESCALATION.test(t2.pre.original)))
      return escalateShipment(order, t2, late ?? (asksNextStep ? deliveredCarrier(order) : null));
    // "What's in the parcel that shipped?" after the status: that parcel's items answer it; the status
    // again would list, after them, the items still waiting, which are not in it.
    const parcelOnly = followUp && parcelsAsked(order, t2).length > 0;
    // "Still nothing, what now?" about a parcel on its way but not yet late enough for a trace: the
    // shop's own rule on delays says when and how it steps in, before the status again.
    const delayRule = followUp && !late && asksWhatToDo(t2.pre.normalized) && stillMoving(order) ? delayRuleOf(t2) : "";
    const lines = [
      ...askedOrderFacts(order, t2),
      ...(delayRule ? [delayRule] : []),
      ...(parcelOnly ? [] : [describeOrderStatus(order, t2)]),
    ];
    if (missing) lines.push(t(t2.language, M.delivered_missing, { carrier: missing.carrier, date: missing.date }));
    if (access.otherOrders.length > 0 && !t2.entities.order_number) {
      lines.push(t(t2.language, M.other_orders, { orders: access.otherOrders.map((o) => o.name).join(", ") }));
    }
    // The trace the late-parcel line offers, or shipping a returned parcel again, stays open for a "yes".
    const failed = order.fulfillments.some((f) => f.displayStatus === "FAILURE");
    const open = late ? offer("trace", order.name) : failed ? offer("reship", order.name) : undefined;
    // The note shown stays at hand for the next question it may answer ("will I be charged extra?").
    const note = shopperFacingNote(order.note) ?? undefined;
    return {
      text: lines.join("\n\n"),
      ...(open || note ? { state: { ...(open ? { offer: open } : {}), ...(note ? { orderNote: note } : {}) } } : {}),
      ...(open ? { quickReplies: offerReplies(open, t2.language) } : {}),
    };
  });
}

// "What do I do now?", "que dois-je faire ?", "¿qué hago?": the next step offered.

/** Every parcel marked delivered, yet the shopper says it isn't there: the carrier and the day it was marked. */
function missingDelivery(order: Order, turn: Turn): { carrier: string; date: string; days: number } | null {
  if (!saysParcelMissing(turn.pre.normalized)) return null;
  const shipments = order.fulfillments.filter((f) => f.status !== "CANCELLED" && !isEmailedFulfillment(order, f));
  if (shipments.length === 0 || shipments.some((f) => f.displayStatus !== "DELIVERED" || !f.deliveredAt)) return null;
  if (order.lineItems.some((l) => l.unfulfilledQuantity > 0)) return null;
  const last = [...shipments].sort((a, b) => b.deliveredAt!.localeCompare(a.deliveredAt!))[0];
  const carrier = last.trackingInfo[0]?.company;
  return carrier ? { carrier, date: date(turn, last.deliveredAt!), days: 0 } : null;
}

/** The carrier of the order's delivered parcel, for a trace asked after it. */
function deliveredCarrier(order: Order): { carrier: string } | null {
  const carrier = order.fulfillments.find((f) => f.displayStatus === "DELIVERED")?.trackingInfo[0]?.company;
  return carrier ? { carrier } : null;
}

/** "How much did I pay?", "what address is it going to?": the fact asked, before the order's status. */
function askedOrderFacts(order: Order, turn: Turn): string[] {
  const L = turn.language;
  const facts: string[] = [];
  const asked = turn.pre.normalized;
  // "is the beanie in it?" about the order in focus: what it holds answers it.
  const namesItsItem =
    turn.state.orderNumber === order.name.replace(/^#/, "") && namesOrderItem(turn.pre.original, turn.state.orderItems);
  // "Which order was that?": its name and the day it was placed, first.
  if (asksWhichOrder(asked)) facts.push(t(L, M.which_order, { order: order.name, date: date(turn, order.createdAt) }));
  // "What's in the parcel that shipped?": that parcel's items, not the whole order's.
  const parcels = parcelsAsked(order, turn);
  if (parcels.length > 0)
    for (const f of parcels)
      facts.push(
        t(L, M.parcel_items, {
          carrier: f.trackingInfo[0]?.company ?? "—",
          items: joinList(
            f.lines.map((l) => itemName(l.title, l.variantTitle, l.quantity)),
            L,
          ),
        }),
      );
  else if (asksOrderContents(asked) || namesItsItem)
    facts.push(
      t(L, M.order_items, {
        order: order.name,
        items: joinList(
          order.lineItems.map((l) => itemName(l.title, l.variantTitle, l.quantity)),
          L,
        ),
      }),
    );
  // "When did it leave?": the day each parcel left, which the status line doesn't give.
  if (asksShipDate(asked))
    for (const f of carriedShipments(order))
      facts.push(
        t(L, f.trackingInfo[0]?.company ? M.shipped_on : M.shipped_on_no_carrier, {
          items: joinList(
            f.lines.map((l) => itemName(l.title, l.variantTitle, l.quantity)),
            L,
          ),
          date: date(turn, f.createdAt),
          carrier: f.trackingInfo[0]?.company ?? "",
        }),
      );
  if (asksOrderCode(asked))
    facts.push(
      order.discountCodes.length > 0
        ? t(L, M.order_codes_used, { order: order.name, codes: order.discountCodes.join(", ") })
        : t(L, M.order_no_code, { order: order.name }),
    );
  const bareAmount = asksBareAmount(asked) && turn.state.lastIntent === "track_order";
  if (asksOrderCost(asked) || asksOrderPayment(asked) || bareAmount) {
    // "¿cuánto pagué por el gotero?", "et les torchons, je les ai payés combien ?": what the item itself cost, first.
    if (asksOrderCost(asked))
      for (const line of namedLines(order, turn))
        facts.push(
          t(L, line.quantity > 1 ? M.item_paid_each : M.item_paid, {
            item: itemName(line.title, line.variantTitle),
            price: money(turn, netUnitPrice(order, line).toFixed(2), order),
            quantity: String(line.quantity),
          }),
        );
    facts.push(orderPaymentSummary(order, turn));
    if (SHIPPING_WORD.test(turn.pre.normalized))
      facts.push(
        Number(order.totalShippingPrice) === 0
          ? t(L, M.shipping_free)
          : t(L, M.shipping_paid, { amount: money(turn, order.totalShippingPrice, order) }),
      );
  }
  if (asksOrderAddress(turn.pre.normalized)) facts.push(...destination(order, turn));
  return facts;
}

/** The parcels a carrier took, when the shopper asks what is in the parcel; [] for any other question. */
function parcelsAsked(order: Order, turn: Turn): Fulfillment[] {
  const asked = turn.pre.normalized;
  return asksOrderContents(asked) && PARCEL_WORD.test(asked) ? carriedShipments(order) : [];
}

const PARCEL_WORD = /\b(?:parcels?|packages?|box|boxes|shipments?|colis|paquets?|cartons?|paquetes?|cajas?|envios?)\b/;

/** The order's parcels a carrier took (not emailed items, not cancelled shipments). */
function carriedShipments(order: Order): Fulfillment[] {
  return order.fulfillments.filter(
    (f) => f.status !== "CANCELLED" && !isEmailedFulfillment(order, f) && f.trackingInfo.some((i) => i.company),
  );
}

/** "Order X is addressed to …", for an order with a shipping address; nothing for one collected at the shop. */
function destination(order: Order, turn: Turn): string[] {
  const address = order.shippingAddress;
  if (!address?.city || !order.lineItems.some((l) => l.requiresShipping)) return [];
  return [
    t(turn.language, M.shipping_to, {
      order: order.name,
      address: formatAddress({
        address1: address.address1 ?? "",
        address2: address.address2,
        city: address.city,
        provinceCode: address.provinceCode,
        zip: address.zip ?? "",
        countryCode: address.countryCode ?? "",
      }),
    }),
  ];
}

const SHIPPING_WORD = /\b(?:shipping|delivery|postage|livraison|port|envio)\b/;

function escalateShipment(order: Order, turn: Turn, late: { carrier: string } | null): Answer {
  const carrier = late?.carrier ?? order.fulfillments[0]?.trackingInfo[0]?.company ?? "the carrier";
  const reply = replyTimeClause(turn);
  // A parcel marked delivered that isn't there: no wait to apologise for, a parcel gone missing.
  const delivered = order.fulfillments.every((f) => f.status === "CANCELLED" || f.displayStatus === "DELIVERED");
  const text = late
    ? t(turn.language, delivered ? M.trace_opened_delivered : M.trace_opened, { carrier, order: order.name, reply })
    : t(turn.language, M.escalated, { order: order.name, reply });
  return {
    text,
    handoff: true,
    ticket: {
      kind: late ? "trace_request" : "handoff",
      reason: late ? "needs_approval" : "asked_for_person",
      summary: `${late ? "Open a carrier trace" : "Follow up"} for ${order.name}: ${turn.pre.original}`,
      orderNumber: order.name,
    },
  };
}

const FAILED_DELIVERY_TOPIC = "parcel comes back to us failed delivery reship refund";
/** The words of a shop's sentence on delayed or lost parcels, per language (a shop may write it in one only). */
// Words any shop's sentence on it would use, not one shop's sentence.
const DELAY_TOPIC: Record<string, string> = {
  en: "delayed late lost parcel tracking carrier",
  es: "retraso perdido paquete seguimiento paqueteria",
  fr: "retard perdu colis suivi transporteur",
};

/** The shop's rule on a delayed parcel, in the shopper's language when the shop wrote it there. */
function delayRuleOf(turn: Turn): string {
  const only = ["SHIPPING_POLICY", "FAQ"];
  const own = DELAY_TOPIC[turn.language];
  return ((own ? shopSaysAbout(turn, own, only) : "") || shopSaysAbout(turn, DELAY_TOPIC.en, only)).trim();
}

/** Whether a parcel of the order is still with the carrier: not delivered, not coming back, not at a pickup point. */
function stillMoving(order: Order): boolean {
  return carriedShipments(order).some(
    (f) => !["DELIVERED", "FAILURE", "READY_FOR_PICKUP", "PICKED_UP"].includes(f.displayStatus ?? ""),
  );
}

/**
 * A parcel as far past its ETA as the shop's rule for opening a trace (Store facts' traceAfter,
 * read from its shipping texts or set by the merchant; TRACE_AFTER_DEFAULT when neither says).
 */
function lateShipment(order: Order, turn: Turn): { carrier: string; days: number } | null {
  const threshold = shopFactsOf(turn).traceAfter?.value ?? TRACE_AFTER_DEFAULT;
  const calendar = shopCalendar(turn.ctx.shop);
  for (const f of order.fulfillments) {
    // A delivered parcel isn't late, and one coming back to us needs a reship, not a trace.
    if (f.displayStatus === "DELIVERED" || f.displayStatus === "FAILURE" || !f.estimatedDeliveryAt) continue;
    const days = businessDaysBetween(f.estimatedDeliveryAt, turn.ctx.now, calendar);
    if (pastThreshold(f.estimatedDeliveryAt, turn.ctx.now, threshold, calendar))
      return { carrier: f.trackingInfo[0]?.company ?? "the carrier", days };
  }
  return null;
}

const HOURS_PER_UNIT: Record<DurationRange["unit"], number> = {
  hours: 1,
  days: 24,
  business_days: 24,
  weeks: 24 * 7,
  months: 24 * 30,
  years: 24 * 365,
};

/** Whether `now` is at least the threshold's shortest time past `fromIso`, in the threshold's unit. */
function pastThreshold(fromIso: string, now: Date, threshold: DurationRange, calendar: ShopCalendar): boolean {
  if (threshold.unit === "business_days") return businessDaysBetween(fromIso, now, calendar) >= threshold.min;
  return now.getTime() - Date.parse(fromIso) >= threshold.min * HOURS_PER_UNIT[threshold.unit] * 3_600_000;
}

function businessDaysBetween(fromIso: string, to: Date, calendar: ShopCalendar): number {
  let days = 0;
  const cursor = new Date(fromIso);
  while (cursor < to) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (isBusinessDay(cursor, calendar) && cursor <= to) days += 1;
  }
  return days;
}

export function describeOrderStatus(order: Order, turn: Turn): string {
  const L = turn.language;
  const placed = date(turn, order.createdAt);
  if (order.cancelledAt) {
    const refund = order.refunds[0];
    const refundText = refund
      ? t(L, M.cancelled_refund, {
          amount: money(turn, refund.totalRefunded, order),
          date: date(turn, refund.createdAt),
          timing: refundTimingClause(turn),
        })
      : "";
    const reasonKey = `cancel_reason_${order.cancelReason}` as keyof typeof M;
    // A payment that expired unpaid (a cash voucher, a transfer) is the reason, whatever Shopify filed it under.
    const unpaid = neverCharged(order);
    const reason = unpaid ? t(L, M.cancelled_unpaid) : order.cancelReason && reasonKey in M ? t(L, M[reasonKey]) : "";
    const cancelled = t(L, M.cancelled, {
      order: order.name,
      date: date(turn, order.cancelledAt),
      reason,
      refund: refundText,
    });
    return [cancelled, itemsLine(order, turn)].filter(Boolean).join("\n");
  }
  const shipments = order.fulfillments.filter((f) => f.status !== "CANCELLED");
  const note = shopperFacingNote(order.note);
  const hold = fulfillmentHold(order);
  const pickup = pickupStage(order);
  if (shipments.length === 0) {
    const vars = { order: order.name, date: placed };
    // Awaiting its payment, how soon it leaves once paid answers the shopper's next question.
    const head = hold
      ? holdMessage(turn, hold.reason, vars) +
        // Emailed items (courses, gift cards) don't wait for the warehouse: no handling time for them.
        (hold.reason === "payment" && !pickup && order.lineItems.some((l) => l.requiresShipping)
          ? handlingAfterPaymentClause(turn)
          : "")
      : pickup
        ? t(L, M.pickup_preparing, { ...vars, ready: pickupReadyClause(turn) })
        : t(L, M.not_shipped, { ...vars, handling: handlingTimeClause(turn) });
    // "When will it get here?" before it ships: the delivery method chosen says how long the trip
    // takes, and with the shop's sending time, the days it should come.
    const method =
      !hold && !pickup && order.shippingLineTitle && asksArrival(turn.pre.normalized)
        ? [t(L, M.ships_by, { method: order.shippingLineTitle }), expectedArrival(turn, order)].join(" ").trim()
        : "";
    return [head, method, itemsLine(order, turn), note && t(L, M.order_note, { note })].filter(Boolean).join("\n");
  }
  const parts = [t(L, M.status_intro, { order: order.name, date: placed })];
  const shown = shipmentsAskedAbout(shipments, turn);
  for (const shipment of shown) parts.push(`${shown.length > 1 ? "• " : ""}${describeShipment(shipment, order, turn)}`);
  const waiting = order.lineItems.filter((l) => notYetOnItsWay(l, shipments) > 0);
  if (waiting.length > 0) {
    parts.push(
      t(L, M.not_shipped_items, {
        items: joinList(
          waiting.map((l) => itemName(l.title, l.variantTitle, notYetOnItsWay(l, shipments))),
          L,
        ),
      }),
    );
    if (hold) parts.push(holdMessage(turn, hold.reason, { order: order.name, date: placed }));
    // Items in stock leave within the shop's handling time; a backordered one waits for its stock.
    else if (!pickup && waiting.every((l) => variantInStock(turn, l))) parts.push(handlingTimeClause(turn).trim());
    if (note) parts.push(t(L, M.order_note, { note }));
  }
  const late = lateShipment(order, turn);
  if (late) parts.push(t(L, M.late, { days: late.days }));
  // A parcel on its way back: what the shop does then (reship or refund) is its own rule.
  if (shipments.some((f) => f.displayStatus === "FAILURE")) {
    const rule = failedDeliveryRule(knowledgeFor(turn.ctx.shop).passages, L);
    if (rule) parts.push(t(L, M.policy_quote, { sentence: rule.quote }));
  }
  return parts.filter(Boolean).join("\n");
}

/**
 * "Which tracking number was the backpack in?": of an order sent in several parcels, the ones holding
 * the items the shopper names; all of them when the message names none (or names every parcel).
 */
function shipmentsAskedAbout(shipments: Fulfillment[], turn: Turn): Fulfillment[] {
  if (shipments.length < 2 || turn.intent.intent !== "track_order" || asksAboutTheRest(turn.pre.normalized))
    return shipments;
  const named = shipments.filter(
    (f) =>
      orderItemWords(
        turn.pre.original,
        f.lines.map((l) => l.title),
      ).length > 0,
  );
  return named.length > 0 && named.length < shipments.length ? named : shipments;
}

/**
 * How many of a line are in no shipment at all: unfulfilled, less what an open shipment already holds
 * (an order ready for pickup is shown as ready, not as "not shipped yet").
 */
function notYetOnItsWay(line: LineItem, shipments: Fulfillment[]): number {
  const held = shipments
    .filter((f) => f.status !== "SUCCESS")
    .flatMap((f) => f.lines)
    .filter((l) => l.lineItemId === line.id)
    .reduce((sum, l) => sum + l.quantity, 0);
  return Math.max(0, line.unfulfilledQuantity - held);
}

/** The order's items, in a status that names no shipment ("Items: …"); nothing when the shopper asked for them already. */
function itemsLine(order: Order, turn: Turn): string {
  if (order.lineItems.length === 0 || asksOrderContents(turn.pre.normalized)) return "";
  return t(turn.language, M.order_lines, { items: orderItems(order, turn.language) });
}

function orderItems(order: Order, L: Turn["language"]): string {
  return joinList(
    order.lineItems.map((l) => itemName(l.title, l.variantTitle, l.quantity)),
    L,
  );
}

const HOLD_MESSAGES: Record<HoldReason, (typeof M)[keyof typeof M]> = {
  verification: M.on_hold_verification,
  payment: M.on_hold_payment,
  address: M.on_hold_address,
  stock: M.on_hold_stock,
  other: M.on_hold_other,
};

function holdMessage(turn: Turn, reason: HoldReason, vars: { order: string; date: string }): string {
  const text = t(turn.language, HOLD_MESSAGES[reason], { ...vars, email: turn.ctx.shop.email });
  // How long the shop says a payment takes to be confirmed (cash vouchers, bank transfers).
  const rule =
    reason === "payment" ? paymentConfirmationRule(knowledgeFor(turn.ctx.shop).passages, turn.language) : null;
  return rule ? `${text} ${t(turn.language, M.policy_quote, { sentence: rule.quote })}` : text;
}

/** " Pickup orders are usually ready within 24 business hours.", or "" when the shop never said. */
function pickupReadyClause(turn: Turn): string {
  const readiness = pickupReadiness(knowledgeFor(turn.ctx.shop).passages);
  if (!readiness) return "";
  const L = turn.language;
  const duration =
    readiness.unit === "hours"
      ? readiness.business
        ? t(L, M.business_hours, { n: readiness.amount })
        : formatRange({ min: readiness.amount, max: readiness.amount, unit: "hours" }, L)
      : formatRange(
          { min: readiness.amount, max: readiness.amount, unit: readiness.business ? "business_days" : "days" },
          L,
        );
  return t(L, M.pickup_ready_within, { duration });
}

const PICKUP_STATUSES = ["READY_FOR_PICKUP", "PICKED_UP"];

function describeShipment(shipment: Fulfillment, order: Order, turn: Turn): string {
  const L = turn.language;
  const items = joinList(
    shipment.lines.map((l) => itemName(l.title, l.variantTitle, l.quantity)),
    L,
  );
  // Gift cards and digital goods go by email: no carrier, no tracking to talk about.
  if (isEmailedFulfillment(order, shipment)) return t(L, M.emailed, { items, date: date(turn, shipment.createdAt) });
  if (PICKUP_STATUSES.includes(shipment.displayStatus ?? "") && !shipment.trackingInfo.some((t) => t.number)) {
    const collected = shipment.displayStatus === "PICKED_UP";
    const status = collected
      ? t(L, M.picked_up, { date: date(turn, shipment.deliveredAt ?? shipment.createdAt) })
      : t(L, M.ready_for_pickup, { date: date(turn, shipment.createdAt) });
    const text = [t(L, M.pickup_line, { items, status })];
    const update = shipment.events.find((e) => e.message && e.status === "READY_FOR_PICKUP");
    if (!collected && update)
      text.push(t(L, M.shop_update, { date: date(turn, update.happenedAt), message: update.message! }));
    return text.join(" ");
  }
  const tracking = shipment.trackingInfo[0];
  const text = [t(L, M.shipment, { items, carrier: tracking?.company ?? "—", status: shipmentStatus(shipment, turn) })];
  // Carrier scans that explain something unusual: delays, failed attempts, returns to sender.
  // Delivered, its delays still answer "why did it take so long?".
  const delivered = shipment.displayStatus === "DELIVERED";
  if (!delivered || asksWhySlow(turn.pre.normalized)) {
    const routine = [
      "IN_TRANSIT",
      "OUT_FOR_DELIVERY",
      "CONFIRMED",
      "LABEL_PRINTED",
      ...(delivered ? ["DELIVERED"] : []),
    ];
    const notable = shipment.events
      .filter((e) => e.message && !routine.includes(e.status))
      .slice(0, 2)
      .reverse();
    // "Last scan?", "is it stuck?": the carrier's latest scan, whatever it says.
    const latest = shipment.events.find((e) => e.message);
    if (latest && !notable.includes(latest) && asksLastScan(turn.pre.normalized)) notable.push(latest);
    for (const event of notable)
      text.push(t(L, M.carrier_update, { date: date(turn, event.happenedAt), message: event.message! }));
  }
  if (tracking?.number)
    text.push(t(L, M.tracking, { number: tracking.number, url: tracking.url ? ` (${tracking.url})` : "" }));
  return text.join(" ");
}

function shipmentStatus(shipment: Fulfillment, turn: Turn): string {
  const L = turn.language;
  const eta = shipment.estimatedDeliveryAt ? date(turn, shipment.estimatedDeliveryAt) : null;
  switch (shipment.displayStatus) {
    case "DELIVERED":
      return shipment.deliveredAt
        ? t(L, M.delivered, { date: date(turn, shipment.deliveredAt) })
        : t(L, M.delivered, { date: "" }).trim();
    case "OUT_FOR_DELIVERY":
      return t(L, M.out_for_delivery);
    case "ATTEMPTED_DELIVERY":
      return t(L, M.attempted);
    case "READY_FOR_PICKUP":
      return t(L, M.at_pickup_point);
    case "FAILURE":
      return t(L, M.failed);
    case "LABEL_PRINTED":
    case "LABEL_PURCHASED":
    case "CONFIRMED":
      return t(L, M.label_created);
    default:
      // A parcel still moving past its estimated day is late, whatever the carrier's status word.
      if (eta && dayBefore(shipment.estimatedDeliveryAt!, turn)) return t(L, M.delayed_eta_passed, { date: eta });
      return eta ? t(L, M.in_transit_eta, { date: eta }) : t(L, M.in_transit);
  }
}

/** The day of `iso`, in the shop's time zone, is before today. */
function dayBefore(iso: string, turn: Turn): boolean {
  const zone = turn.ctx.shop.timezone;
  return startOfLocalDay(new Date(iso), zone) < startOfLocalDay(turn.ctx.now, zone);
}

function shippedStatus(order: Order, turn: Turn): string {
  const shipment = order.fulfillments.find((f) => f.status !== "CANCELLED");
  return shipment ? shipmentStatus(shipment, turn) : "";
}

// ---------------------------------------------------------------------------------------------
// Cancel, change, address

export function cancelOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, cancelAnswer);
}

/** What "it has already shipped" says of an order: where it is, what returning it takes, whom to write to. */
function shippedVars(order: Order, t2: Turn) {
  return {
    order: order.name,
    status: shippedStatus(order, t2),
    returns: shippedReturns(order, t2),
    email: t2.ctx.shop.email,
  };
}

/** Whether and how one order can be cancelled, the change proposed when it can. */
function cancelAnswer(order: Order, t2: Turn): Promise<Answer> {
  const L = t2.language;
  const verdict = cancelVerdict(order, {
    botMayCancel: t2.ctx.permissions.cancel,
    namedLineItemIds: namedLines(order, t2).map((l) => l.id),
  });
  return withVerdict({ topic: "cancel", order: order.name, verdict }, () => {
    if (verdict.kind === "not_cancellable") {
      if (verdict.reason === "already_cancelled")
        return { text: `${t(L, M.already_cancelled, { order: order.name })} ${describeOrderStatus(order, t2)}` };
      return {
        text: t(L, M.already_shipped_cancel, shippedVars(order, t2)),
      };
    }
    // "Cancel just the umbrella": one item out of an order not shipped yet is a change, not the order's cancellation.
    const dropped = verdict.kind === "cancellable" ? linesDropped(order, t2) : [];
    if (dropped.length > 0) return removalProposal(order, t2, dropped);
    if (verdict.kind === "partly_cancellable") {
      // Part of it shipped: an item the shopper names that is still waiting (a backorder) can be dropped.
      const waiting = order.lineItems.filter((line) => verdict.lineItemIds.includes(line.id));
      const items = joinList(
        waiting.map((l) => itemName(l.title, l.variantTitle, l.unfulfilledQuantity)),
        L,
      );
      return confirm(t2, order, t(L, M.confirm_cancel_waiting_items, { order: order.name, items }), {
        kind: "request",
        ticket: {
          kind: "cancel_request",
          reason: "needs_approval",
          summary: `Cancel ${items} (not shipped yet) on ${order.name} and refund it`,
          orderNumber: order.name,
        },
      });
    }
    const vars = {
      order: order.name,
      items: joinList(
        order.lineItems.map((l) => itemName(l.title, l.variantTitle, l.quantity)),
        L,
      ),
      total: money(t2, order.totalPrice, order),
    };
    const pending: PendingAction =
      verdict.by === "bot"
        ? { kind: "cancel_order", orderNumber: order.name.replace(/^#/, "") }
        : {
            kind: "request",
            ticket: {
              kind: "cancel_request",
              reason: "needs_approval",
              summary: `Cancel ${order.name} (${vars.items}, ${vars.total})`,
              orderNumber: order.name,
            },
          };
    return confirm(t2, order, t(L, verdict.by === "bot" ? M.confirm_cancel : M.confirm_cancel_request, vars), pending);
  });
}

/** The answer for a verdict, with the verdict kept beside it. */
async function withVerdict(verdict: PolicyVerdict, render: () => Answer | Promise<Answer>): Promise<Answer> {
  const answer = await render();
  return { ...answer, verdicts: [verdict, ...(answer.verdicts ?? [])] };
}

export function changeOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, changeAnswer);
}

/** Whether everything the order sent has arrived (and something was sent). */
function delivered(order: Order): boolean {
  return !order.cancelledAt && order.fulfillments.length > 0 && order.fulfillments.every((f) => !!f.deliveredAt);
}

/** Whether the order still waits to be sent: nothing shipped, not cancelled. */
function notYetSent(order: Order): boolean {
  return !order.cancelledAt && order.fulfillments.length === 0;
}

function changeAnswer(order: Order, t2: Turn): Promise<Answer> {
  const L = t2.language;
  const verdict = changeVerdict(order);
  return withVerdict({ topic: "change", order: order.name, verdict }, () => {
    if (verdict.kind === "not_changeable") {
      if (verdict.reason === "already_cancelled") return { text: t(L, M.already_cancelled, { order: order.name }) };
      // Waiting at the shop, it hasn't shipped: it is prepared.
      if (pickupStage(order)?.stage === "ready")
        return {
          text: t(L, M.pickup_ready_no_change, {
            order: order.name,
            status: shippedStatus(order, t2),
            email: t2.ctx.shop.email,
          }),
        };
      // One item for another of an order that has arrived is an exchange of what came (as an exchange of an
      // order not sent yet is a change of it): the order, not the words, tells them apart.
      if (delivered(order) && requestedVariant(order, t2))
        return exchangeAnswer(order, t2).then((answer) => ({ ...answer, intent: "exchange_item" as const }));
      return {
        text: t(L, M.shipped_no_change, shippedVars(order, t2)),
      };
    }
    const swap = requestedVariant(order, t2);
    if (!swap) {
      const dropped = linesDropped(order, t2);
      if (dropped.length > 0) return removalProposal(order, t2, dropped);
      const stated = statedChangeOf(t2);
      if (stated) return statedChangeProposal(order, t2, stated);
      return { text: t(L, M.change_what, { order: order.name, items: orderItems(order, L) }) };
    }
    const vars = { product: swap.product.title, variant: swap.label, order: order.name };
    if (!swap.variant || !swap.variant.availableForSale) {
      const inStock = swap.product.variants.filter((v) => v.availableForSale).map((v) => v.title);
      const alternatives = inStock.length
        ? t(L, M.in_stock_alternatives, { options: joinList(inStock.slice(0, 6), L) })
        : "";
      return {
        text: t(L, M.variant_out_of_stock, { ...vars, alternatives }),
        lookups: [{ kind: "product", ref: swap.product.handle, outcome: `${swap.label} out of stock` }],
      };
    }
    return confirm(t2, order, t(L, M.confirm_change_request, vars), {
      kind: "request",
      ticket: {
        kind: "change_request",
        reason: "needs_approval",
        summary: `Change ${swap.line.title} on ${order.name} to ${swap.label}`,
        orderNumber: order.name,
      },
    });
  });
}

type StatedKind = StatedChange | "remove";
const STATED_CHANGE_TEXT: Record<StatedKind, keyof typeof M> = {
  add: "stated_change_add",
  delivery: "stated_change_delivery",
  combine: "stated_change_combine",
  details: "stated_change_details",
  quantity: "stated_change_quantity",
  hold: "stated_change_hold",
  swap: "stated_change_swap",
  remove: "stated_change_remove",
};
/** At most this many characters of the shopper's words are quoted back. */
const REQUEST_QUOTE_CHARS = 160;

/** The change the message states (an item to drop that matches no line is still a removal), or null. */
function statedChangeOf(turn: Turn): StatedKind | null {
  return statedChange(turn.pre.normalized) ?? (itemsDroppedText(turn.pre.normalized) !== null ? "remove" : null);
}

/** A change stated in the shopper's words that only the team can make: their words go to it, for a "yes". */
function statedChangeProposal(order: Order, turn: Turn, kind: StatedKind): Promise<Answer> {
  const words = turn.pre.original.trim().replace(/\s+/g, " ");
  const request = words.length > REQUEST_QUOTE_CHARS ? `${words.slice(0, REQUEST_QUOTE_CHARS - 1)}…` : words;
  const change = t(turn.language, M[STATED_CHANGE_TEXT[kind]]);
  return confirm(turn, order, t(turn.language, M.confirm_stated_change, { order: order.name, change, request }), {
    kind: "request",
    ticket: {
      kind: "change_request",
      reason: "needs_approval",
      summary: `Change ${order.name} (${kind}): ${words}`,
      orderNumber: order.name,
    },
  });
}

/** Taking items out of an order not shipped yet, for the shopper's "yes" and then the team. */
function removalProposal(order: Order, turn: Turn, dropped: LineItem[]): Promise<Answer> {
  const items = joinList(
    dropped.map((l) => itemName(l.title, l.variantTitle, l.quantity)),
    turn.language,
  );
  return confirm(turn, order, t(turn.language, M.confirm_remove_request, { items, order: order.name }), {
    kind: "request",
    ticket: {
      kind: "change_request",
      reason: "needs_approval",
      summary: `Remove ${dropped.map((l) => l.title).join(", ")} from ${order.name}`,
      orderNumber: order.name,
    },
  });
}

/** The items a shopper asks to take out of the order, keeping the rest: some of its items, never all. */
function linesDropped(order: Order, turn: Turn): LineItem[] {
  const part = itemsDroppedText(turn.pre.normalized);
  if (part === null) return [];
  const named = namedLines(order, { pre: preprocess(part) });
  return named.length < order.lineItems.length ? named : [];
}

/** The variant a shopper asks to switch to: the named line's product with the requested size/colour. */
function requestedVariant(order: Order, turn: Turn) {
  const { size, color } = turn.entities;
  for (const line of mentionedLines(order, turn)) {
    const product = productOf(turn, line.productId);
    if (!product) continue;
    const current = product.variants.find((v) => v.id === line.variantId);
    const swapped = swapNamed(product, current, turn.pre.original);
    if (swapped) return { line, product, ...swapped };
    if (!size && !color) continue;
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

/**
 * The variant a swap asks for in the product's own option values, whatever the options are called
 * ("la de 350 ml por la de 1 L", "the M/L instead"): a value named that the item bought doesn't
 * have replaces its own; what isn't named stays as it is.
 */
function swapNamed(product: Product, current: Variant | undefined, text: string) {
  if (!current) return null;
  const target = new Map(current.selectedOptions.map((o) => [o.name, o.value]));
  let changed = false;
  for (const [option, values] of Object.entries(optionValuesNamed(product, text))) {
    const other = values.filter((v) => v !== target.get(option));
    if (other.length !== 1) continue;
    target.set(option, other[0]);
    changed = true;
  }
  if (!changed) return null;
  const variant = product.variants.find((v) => v.selectedOptions.every((o) => target.get(o.name) === o.value)) ?? null;
  return { variant, label: variant?.title ?? [...target.values()].join(" / ") };
}

const SIZE_NAMES: Record<string, string> = {
  small: "s",
  medium: "m",
  large: "l",
  "x-large": "xl",
  "extra large": "xl",
};
function sameOption(value: string, wanted: string): boolean {
  const a = normalize(value);
  const b = normalize(wanted);
  return a === b || SIZE_NAMES[b] === a || (b.length > 2 && a.includes(b));
}

export function changeShippingAddress(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => {
    const L = t2.language;
    const address = parseAddress(t2.addressText ?? t2.pre.original, order);
    const verdict = addressChangeVerdict(order, { botMayChange: t2.ctx.permissions.addressChange });
    return withVerdict({ topic: "address_change", order: order.name, verdict, newAddress: address }, () => {
      if (verdict.kind === "returning_to_sender") {
        const reason = (verdict.carrierMessage ?? "").replace(/^[^:]*:\s*/, "").replace(/\.$/, "") || "address problem";
        const policy = shopSaysAbout(t2, FAILED_DELIVERY_TOPIC, ["SHIPPING_POLICY", "FAQ"]);
        if (!address)
          return {
            text: t(L, M.returning_to_us_no_address, { order: order.name, reason, policy }),
            state: { awaiting: "address" },
          };
        return confirm(
          t2,
          order,
          t(L, M.returning_to_us, { order: order.name, reason, policy, address: formatAddress(address) }),
          {
            kind: "request",
            ticket: {
              kind: "reship_request",
              reason: "needs_approval",
              summary: `Reship ${order.name} to ${formatAddress(address)} once it's back`,
              orderNumber: order.name,
            },
          },
        );
      }
      if (verdict.kind === "not_changeable") {
        if (verdict.reason === "already_cancelled") return { text: t(L, M.already_cancelled, { order: order.name }) };
        if (verdict.reason === "nothing_to_ship")
          return { text: t(L, M.no_address_digital, { order: order.name, email: t2.ctx.shop.email }) };
        if (verdict.reason === "pickup")
          return {
            text: t(L, M.no_address_pickup, {
              order: order.name,
              method: verdict.method ? ` (${verdict.method})` : "",
              email: t2.ctx.shop.email,
            }),
          };
        return {
          text: t(L, M.shipped_no_change, {
            order: order.name,
            status: shippedStatus(order, t2),
            returns: shippedReturns(order, t2),
            email: t2.ctx.shop.email,
          }),
        };
      }
      if (!address) return { text: t(L, M.ask_address, { order: order.name }), state: { awaiting: "address" } };
      const vars = { order: order.name, address: formatAddress(address) };
      const pending: PendingAction =
        verdict.by === "bot"
          ? { kind: "update_address", orderNumber: order.name.replace(/^#/, ""), address }
          : {
              kind: "request",
              ticket: {
                kind: "address_request",
                reason: "needs_approval",
                summary: `Change the shipping address of ${order.name} to ${vars.address}`,
                orderNumber: order.name,
              },
            };
      return confirm(
        t2,
        order,
        t(L, verdict.by === "bot" ? M.confirm_address : M.confirm_address_request, vars),
        pending,
      );
    });
  });
}

// "order #1063 to 1120 NW Couch St": the order's number is never the start of the street.
const ORDER_REFERENCE =
  /(?:\b(?:order|pedido|commande)(?:\s+(?:number|no\.?|n[°º]|número|numéro))?\s*#?\s*|#\s*)\d+\b/gi;

/** Whether the message ends with a street address (the answer to "what's the new address?"). */
export function looksLikeAddress(text: string): boolean {
  return looksLikeStreetAddress(text.replace(ORDER_REFERENCE, " "));
}

/** A street address in the message, any country's form; missing parts are taken from the order's current address. */
export function parseAddress(text: string, order: Order): ShippingAddress | null {
  return parseStreetAddress(text.replace(ORDER_REFERENCE, " "), order.shippingAddress);
}

export function formatAddress(a: ShippingAddress): string {
  return [[a.address1, a.address2].filter(Boolean).join(" "), a.city, [a.provinceCode, a.zip].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
}

// ---------------------------------------------------------------------------------------------
// Returns, exchanges, refunds, invoices

/** The return verdict (policy/returns.ts) for the lines the shopper means, with this shop's window and final-sale items. */
function returnVerdictFor(order: Order, lines: LineItem[], turn: Turn): ReturnVerdict {
  return returnVerdict(order, lines, returnRulesOf(turn.ctx));
}

/** The shop's sentence quoted once: kept in the first part that quotes it, dropped from the others. */
function onceQuoted(parts: string[], clause: string): string[] {
  if (!clause) return parts;
  const first = parts.findIndex((p) => p.includes(clause));
  return parts.map((p, i) => (i > first && first >= 0 ? p.replace(clause, "") : p));
}

/** A return-window message's "until" and "window": its last day, and how this shop counts it and from when. */
function windowWords(turn: Turn, window: ReturnWindow, span: { start: string; until: string }) {
  return { until: date(turn, span.until), window: returnWindowLabel(turn, window, date(turn, span.start)) };
}

/** One line's verdict in words; "" for a line already in the open return (that sentence follows). */
function describeLineReturn(
  line: LineReturn,
  verdict: ReturnVerdict,
  turn: Turn,
  excludedKinds: ReadonlySet<string> = new Set(),
): string {
  const L = turn.language;
  const item = line.title;
  const v = line.verdict;
  if (v.kind === "returnable") {
    const review = verdict.teamReview.includes(line.lineItemId);
    return t(L, review ? M.window_open_review : M.window_open, {
      item,
      ...windowWords(turn, shopFactsOf(turn).returnWindow!.value, { start: v.windowStart, until: v.until }),
      policy: review ? finalSaleClause(turn) : "",
    });
  }
  switch (v.reason) {
    case "final_sale":
      return t(L, M.final_sale, { item, policy: finalSaleClause(turn) });
    case "window_unknown":
      return t(L, M.window_unknown, {
        item,
        policy: shopSaysAbout(turn, "return within days", ["REFUND_POLICY", "FAQ"]),
      });
    case "not_delivered":
      // Not here yet, and of a kind the shop's exclusions name: no promise it can come back.
      if (excludedKinds.has(line.lineItemId))
        return t(L, M.not_delivered_restricted, { item, policy: finalSaleClause(turn) });
      return v.until
        ? t(L, M.not_delivered_until, { item, until: date(turn, v.until), window: returnWindowPhrase(turn) ?? "" })
        : t(L, M.not_delivered_yet, { item, window: returnWindowPhrase(turn) ?? "" });
    case "window_closed":
      return t(L, M.window_closed, {
        item,
        ...windowWords(turn, shopFactsOf(turn).returnWindow!.value, { start: v.windowStart, until: v.until }),
      });
    case "already_returned":
      return verdict.openReturn?.name === v.returnName ? "" : t(L, M.already_in_return, { item, name: v.returnName });
  }
}

/** " You can return it within 30 days of delivery.", or "" when the shop never said how long. */
/**
 * What the shop's policy allows once an order has left: its return window, or, when every item is
 * final sale, that exclusion in the shop's words. Items of a kind the exclusions name (often only
 * once opened) keep the window, with the shop's sentence quoted beside it.
 */
function shippedReturns(order: Order, turn: Turn): string {
  const rules = returnRulesOf(turn.ctx);
  const lines = order.lineItems;
  if (lines.length > 0 && lines.every(rules.isFinalSale))
    return t(turn.language, M.shipped_items_excluded, { policy: finalSaleClause(turn) });
  return canReturn(turn) + (lines.some(rules.isExcludedKind) ? finalSaleClause(turn) : "");
}

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
  return returnPostageFor(turn, order.shippingAddress?.countryCode ?? null)?.text ?? "";
}

/** The shop's sentence for a defect: inside the return window its damaged-item rule, after it its warranty. */
function defectPolicy(turn: Turn, withinWindow: boolean): string {
  const passages = knowledgeFor(turn.ctx.shop).passages;
  const rule = withinWindow
    ? defectRule(passages, turn.language)
    : (warrantyRule(passages, turn.language) ?? defectRule(passages, turn.language));
  return rule?.quote ?? "";
}

export async function returnItem(turn: Turn): Promise<Answer> {
  const answer = await returnOfOrder(turn);
  // "Can I return the candle I lit?": the shop's exclusion for that kind of item comes first.
  const excluded = excludedKindNote(turn);
  const alreadyQuoted = !!excluded && answer.text.includes(shopFactsOf(turn).finalSale!.value);
  return excluded && !alreadyQuoted ? { ...answer, text: `${excluded}\n${answer.text}`.trim() } : answer;
}

function returnOfOrder(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, async (order, t2) => {
    const focused = returnFocusLines(order, t2);
    const answer = await returnOfLines(order, t2, focused);
    // The items this return is about, for the next "how do I send it back?".
    const about = focused.length > 0 ? focused.map((line) => line.id) : undefined;
    return { ...answer, state: { ...answer.state, returnItemIds: about } };
  });
}

function returnOfLines(order: Order, t2: Turn, focused: LineItem[]): Promise<Answer> {
  const L = t2.language;
  const lines = focused.length > 0 ? focused : order.lineItems;
  const verdict = returnVerdictFor(order, lines, t2);
  const excludedKinds = new Set(lines.filter(returnRulesOf(t2.ctx).isExcludedKind).map((l) => l.id));
  const parts = onceQuoted(
    verdict.lines.map((line) => describeLineReturn(line, verdict, t2, excludedKinds)).filter(Boolean),
    finalSaleClause(t2),
  );
  // "I want to return the course": the one item named from the order, of a kind the shop excludes.
  const named = focused;
  const excludedLine = !t2.productHandle && named.length === 1 ? excludedKindNote(t2, named[0]) : null;
  if (excludedLine) parts.unshift(excludedLine);
  if (verdict.openReturn)
    parts.push(t(L, M.open_return, { name: verdict.openReturn.name, status: verdict.openReturn.status.toLowerCase() }));
  const defect = tellsOfDefect(normalize(t2.pre.original));
  // A return already asked for these items: where it stands is the answer, not the window again.
  const existing = returnsFor(
    order,
    focused.map((l) => l.id),
  );
  return withVerdict({ topic: "return", order: order.name, verdict, defectReported: defect }, () => {
    // Where it stands, after the fact a follow-up asks ("which size was it?", "until when could I ask?").
    if (existing.length > 0 && !defect)
      return {
        text: [
          ...askedOrderFacts(order, t2),
          ...existing.map((r) => describeReturn(r, order, t2)),
          ...(asksReturnDeadline(t2.pre.original) ? returnWindowsOf(existing, order, t2) : []),
        ].join("\n"),
      };
    if (defect) {
      const window = shopFactsOf(t2).returnWindow?.value;
      const withinWindow = lines.some((line) =>
        withinReturnWindow(order, line, window, t2.ctx.now, t2.ctx.shop.timezone),
      );
      return {
        text: [t(L, M.defect, { policy: defectPolicy(t2, withinWindow) }), ...parts].join("\n"),
        handoff: true,
        ticket: {
          kind: "return_request",
          reason: "complaint",
          summary: `Defect reported on ${order.name}: ${t2.pre.original}`,
          orderNumber: order.name,
        },
      };
    }
    const returnable = order.lineItems.filter((line) => verdict.proposable.includes(line.id));
    // "How do I send it back?": the shop's own sentence on making a return (its page, its form).
    const howTo = asksHowToSend(t2.pre.original)
      ? shopSaysAbout(t2, howToReturnTerms(L), ["REFUND_POLICY"]).trim()
      : "";
    if (howTo) parts.push(howTo);
    // "Who pays the postage?": the shop's rule for this order's destination, unless the offer below says it.
    const postage = asksReturnPostage(t2.pre.original) ? returnShippingRule(t2, order) : "";
    const postageQuote = postage ? t(L, M.policy_quote, { sentence: postage }).trim() : "";
    // Nothing to return: still say which order the verdicts are about.
    if (returnable.length === 0)
      return { text: [t(L, M.about_order, { order: order.name }), ...parts, postageQuote].filter(Boolean).join("\n") };
    const titles = returnable.map((line) => line.title);
    const fulfillmentLineItemIds = returnable.flatMap((line) =>
      order.fulfillments.flatMap((f) =>
        f.lines.filter((l) => l.lineItemId === line.id).map((l) => l.fulfillmentLineItemId),
      ),
    );
    const vars = { items: joinList(titles, L), order: order.name };
    // The bot opens the return itself only when the merchant allows it and no item needs the team's review.
    const opensItself = t2.ctx.permissions.returns && !returnable.some((line) => verdict.teamReview.includes(line.id));
    const pending: PendingAction = opensItself
      ? {
          kind: "return_items",
          orderNumber: order.name.replace(/^#/, ""),
          fulfillmentLineItemIds,
          titles,
          reason: "UNWANTED",
        }
      : {
          kind: "request",
          ticket: {
            kind: "return_request",
            reason: "needs_approval",
            summary: `Return ${vars.items} from ${order.name}`,
            orderNumber: order.name,
          },
        };
    return confirm(
      t2,
      order,
      [
        ...parts,
        ...(opensItself || !postageQuote ? [] : [postageQuote]),
        t(L, opensItself ? M.confirm_return : M.confirm_return_request, {
          ...vars,
          shipping: returnShippingRule(t2, order),
          reply: replyTimeClause(t2),
        }).trim(),
      ].join("\n"),
      pending,
    );
  });
}

/** The days an order not sent yet should arrive by its shipping method, or "" when no date can be promised. */
function expectedArrival(turn: Turn, order: Order): string {
  const window = unsentOrderWindow(turn, order);
  if (!window) return "";
  const day = (when: Date) => formatDate(when.toISOString(), window.today, turn.language, "UTC");
  return window.earliest.getTime() === window.latest.getTime()
    ? t(turn.language, M.expected_on, { date: day(window.earliest) })
    : t(turn.language, M.expected_between, { from: day(window.earliest), to: day(window.latest) });
}

/** "How do I send it back?" about a return under way: the shop's rule on its postage (label, who pays) too. */
function withPostageIfAsked(stage: string, order: Order, turn: Turn): string {
  const postage = asksHowToSendBack(turn.pre.normalized) ? returnShippingRule(turn, order) : "";
  return postage ? `${stage} ${t(turn.language, M.policy_quote, { sentence: postage })}` : stage;
}

/** Where a return the shopper asked for stands, from the return itself and the shop's own timings. */
function describeReturn(ret: ReturnInfo, order: Order, turn: Turn): string {
  const L = turn.language;
  const items = joinList(
    ret.lines.map((l) => l.title),
    L,
  );
  switch (returnStage(ret)) {
    case "awaiting_approval": {
      const review = returnReviewTime(knowledgeFor(turn.ctx.shop).passages);
      const stage = t(L, M.return_awaiting_approval, {
        name: ret.name,
        items,
        date: date(turn, ret.createdAt),
        review: review ? t(L, M.review_within, { duration: formatRange(review, L) }) : "",
      });
      return withPostageIfAsked(stage, order, turn);
    }
    case "approved":
      return [
        withPostageIfAsked(
          // Then how long the money takes to show, which is what "still nothing?" asks.
          t(L, M.return_approved, {
            name: ret.name,
            items,
            receipt: returnReceiptClause(turn) + refundTimingClause(turn),
          }),
          order,
          turn,
        ),
        ...returnLabelLines(ret, turn),
      ].join(" ");
    case "declined":
      return describeDecline(ret, order, turn, items);
    case "closed": {
      const closed = t(L, M.return_closed, { name: ret.name, items, date: date(turn, ret.closedAt ?? ret.createdAt) });
      const refunds = order.refunds.map((r) =>
        t(L, M.refunded, {
          amount: money(turn, r.totalRefunded, order),
          date: date(turn, r.createdAt),
          note: "",
          timing: "",
        }),
      );
      return [closed, ...refunds].join(" ") + refundTimingClause(turn);
    }
  }
}

/** The labels a return was given: carrier, tracking number and the day each was made. */
function returnLabelLines(ret: ReturnInfo, turn: Turn): string[] {
  return (ret.labels ?? [])
    .filter((label) => label.number)
    .map((label) =>
      t(turn.language, label.createdAt ? M.return_label_made : M.return_label, {
        carrier: label.carrier ?? "—",
        number: label.url ? `${label.number} (${label.url})` : label.number!,
        date: label.createdAt ? date(turn, label.createdAt) : "",
      }),
    );
}

/** The return window of each item in these returns, as this shop counts it ("until when could I ask?"). */
function returnWindowsOf(returns: ReturnInfo[], order: Order, turn: Turn): string[] {
  const window = shopFactsOf(turn).returnWindow?.value;
  if (!window) return [];
  const lines = order.lineItems.filter((l) => returns.some((r) => r.lines.some((rl) => rl.lineItemId === l.id)));
  return lines.flatMap((line) => {
    const deadline = lineReturnDeadline(order, line, window, turn.ctx.shop.timezone);
    return deadline
      ? [
          t(turn.language, M.return_window_of_item, {
            item: line.title,
            ...windowWords(turn, window, deadline),
          }),
        ]
      : [];
  });
}

/** Why a return was declined: the window as this shop counts it, final sale, or the team's note to the shopper. */
function describeDecline(ret: ReturnInfo, order: Order, turn: Turn, items: string): string {
  const L = turn.language;
  const reason = ret.decline?.reason;
  if (reason === "FINAL_SALE")
    return t(L, M.declined_final_sale, { name: ret.name, items, policy: finalSaleClause(turn) });
  if (reason === "RETURN_PERIOD_ENDED") {
    const window = shopFactsOf(turn).returnWindow?.value;
    const line = order.lineItems.find((l) => ret.lines.some((r) => r.lineItemId === l.id));
    const deadline = line ? lineReturnDeadline(order, line, window, turn.ctx.shop.timezone) : null;
    if (window && deadline) {
      return t(L, M.declined_window, {
        name: ret.name,
        requested: date(turn, ret.createdAt),
        ...windowWords(turn, window, deadline),
      });
    }
  }
  // Shopify sends the decline note to the customer, so it is theirs to read.
  return t(L, M.return_declined, { name: ret.name, reason: ret.decline?.note ?? ret.decline?.reason ?? "" });
}

export function exchangeItem(turn: Turn): Promise<Answer> {
  // No order to look at yet: the shop's exchange rule and the wanted variant's stock answer first.
  const knowsOrder = turn.entities.order_number || turn.state.orderNumber || turn.shopper.customerId;
  const general = knowsOrder ? null : exchangeWithoutOrder(turn);
  if (general) return Promise.resolve(general);
  return withVerifiedOrder(turn, async (order, t2) => {
    // Swapping an item of an order not sent yet is changing that order, not exchanging what arrived.
    if (notYetSent(order)) return { ...(await changeAnswer(order, t2)), intent: "change_order" };
    return exchangeAnswer(order, t2);
  });
}

/** The exchange of an item of an order that was sent: its window, the wanted variant's stock, the shop's rule. */
async function exchangeAnswer(order: Order, t2: Turn): Promise<Answer> {
  const L = t2.language;
  const swap = requestedVariant(order, t2);
  const line = swap?.line ?? mentionedLines(order, t2)[0];
  const verdict = returnVerdictFor(order, [line], t2);
  // A kind the shop's exclusions name (coffee, opened candles): that rule, not a window, answers for it.
  const named = swap?.line === line || namedLines(order, t2).includes(line);
  const excluded = named ? excludedKindNote(t2, line) : null;
  const parts = excluded ? [excluded] : [describeLineReturn(verdict.lines[0], { ...verdict, openReturn: null }, t2)];
  if (swap) {
    const available = swap.variant?.availableForSale ?? false;
    parts.push(
      available
        ? t(L, M.exchange_available, {
            product: swap.product.title,
            variant: swap.label,
            count: swap.variant?.inventoryQuantity ?? "",
          })
        : t(L, M.exchange_unavailable, { product: swap.product.title, variant: swap.label }),
    );
  }
  // The shop's exchange rule, read as for a shopper with no order yet, in any of its languages.
  const exchange = exchangeRule(knowledgeFor(t2.ctx.shop).passages, L);
  const rule = exchange.length
    ? t(L, M.policy_quote, { sentence: exchange.map((p) => p.quote).join(" ") })
    : shopSaysAbout(t2, "exchange for a different size or color", ["REFUND_POLICY", "FAQ"]).trim();
  if (rule && !parts.some((part) => part.includes(rule))) parts.push(rule);
  return {
    text: parts.join("\n"),
    lookups: swap ? [{ kind: "product", ref: swap.product.handle, outcome: swap.label }] : [],
  };
}

function exchangeWithoutOrder(turn: Turn): Answer | null {
  const L = turn.language;
  const parts: string[] = [];
  const product = turn.productHandle ? (turn.ctx.productsByHandle.get(turn.productHandle) ?? null) : null;
  const wanted = product ? variantNamed(product, turn) : null;
  if (product && wanted) {
    parts.push(
      wanted.availableForSale
        ? t(L, M.exchange_available, {
            product: product.title,
            variant: wanted.title,
            count: wanted.inventoryQuantity ?? "",
          })
        : t(L, M.exchange_unavailable, { product: product.title, variant: wanted.title }),
    );
  }
  const rule = exchangeRule(knowledgeFor(turn.ctx.shop).passages, L);
  if (rule.length > 0) parts.push(t(L, M.policy_quote, { sentence: rule.map((p) => p.quote).join(" ") }));
  if (parts.length === 0) return null;
  parts.push(t(L, M.exchange_ask_order));
  return {
    text: parts.join("\n"),
    lookups: product && wanted ? [{ kind: "product", ref: product.handle, outcome: wanted.title }] : [],
    state: { awaiting: "order_number" },
  };
}

/** The product's variant with the size/colour the shopper names (the wanted one when two are named). */
function variantNamed(product: Product, turn: Turn) {
  const { size, color } = turn.entities;
  if (!size && !color) return null;
  return (
    product.variants.find((v) =>
      v.selectedOptions.every((o) => {
        if (/size|taille|talla|tama/i.test(o.name)) return !size || sameOption(o.value, size);
        if (/colou?r|couleur/i.test(o.name)) return !color || sameOption(o.value, color);
        return true;
      }),
    ) ?? null
  );
}

// "Just refund me", "remboursez-moi", "mejor reembólsenme": the shopper chooses a refund.
const CHOOSES_REFUND =
  /\b(?:refund (?:it|me|them|the order|my order|instead)|(?:want|prefer|like|rather have) (?:a |the |my )?refund|(?:just|please) refund|rembours(?:ez|er)(?:-moi|-la|-le)?|(?:veux|prefere|voudrais|souhaite) (?:etre |me faire )?rembours\w*|reembols(?:en|enme|ame|ar|armelo)\w*|(?:prefiero|quiero) (?:el |un |mi )?reembolso)\b/;

/** A refund chosen for a parcel that came back to the shop: the team refunds it, on the shop's terms. */
function refundReturnedParcel(order: Order, turn: Turn): Answer {
  const rule = failedDeliveryRule(knowledgeFor(turn.ctx.shop).passages, turn.language);
  return {
    text: t(turn.language, M.refund_returned_parcel, {
      order: order.name,
      reply: replyTimeClause(turn),
      policy: rule ? ` ${t(turn.language, M.policy_quote, { sentence: rule.quote })}` : "",
    }),
    handoff: true,
    ticket: {
      kind: "handoff",
      reason: "needs_approval",
      summary: `Refund ${order.name} (parcel returned to us) instead of reshipping: ${turn.pre.original}`,
      orderNumber: order.name,
    },
  };
}

export function refundStatus(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, async (order, t2) => {
    const L = t2.language;
    const cameBack = order.fulfillments.some((f) => f.displayStatus === "FAILURE");
    if (cameBack && order.refunds.length === 0 && CHOOSES_REFUND.test(t2.pre.normalized))
      return refundReturnedParcel(order, t2);
    const verdict = refundVerdict(order);
    // "How much would I get back?", "when do I get my money?" about an order that hasn't shipped: nothing
    // is refunded and nothing can be returned yet; cancelling is the way back, and what it refunds is the answer.
    const cancelOffered =
      verdict.kind === "nothing_yet" &&
      cancelVerdict(order, { botMayCancel: t2.ctx.permissions.cancel, namedLineItemIds: [] }).kind === "cancellable";
    if (cancelOffered) {
      const offered = await cancelAnswer(order, t2);
      return { ...offered, verdicts: [{ topic: "refund", order: order.name, verdict }, ...(offered.verdicts ?? [])] };
    }
    // "c'était pour quel article ?" right after the refund: the fact asked, before the refund again.
    const parts: string[] = [...askedOrderFacts(order, t2)];
    // The first refund names its order: the shopper may have asked without it ("where's my money?").
    for (const [i, refund] of verdict.refunds.entries()) {
      parts.push(
        t(L, i === 0 ? M.refunded_on_order : M.refunded, {
          order: order.name,
          amount: money(t2, refund.amount, order),
          date: date(t2, refund.date),
          note: refund.note ? ` (${refund.note.replace(/\.$/, "")})` : "",
          timing: refundTimingClause(t2),
        }),
      );
    }
    if (verdict.kind === "partly_refunded") {
      parts.push(
        t(L, M.partial_refund, {
          order: order.name,
          total: money(t2, verdict.orderTotal, order),
          note: verdict.refunds.map((r) => r.note ?? "").join(" "),
        }),
      );
    }
    // A return still under way, nothing refunded: say so first, then where the return stands.
    if (verdict.kind === "return_in_progress") {
      parts.push(t(L, M.no_refund_while_returning, { order: order.name }));
      // "How much will I get back?": what the items under return cost on the order (their share of a discount off).
      if (asksAmountBack(t2.pre.normalized)) {
        const cost = returnedItemsCost(order);
        if (cost)
          parts.push(
            t(L, M.returned_items_cost, {
              order: order.name,
              items: joinList(cost.items, L),
              amount: money(t2, cost.amount, order),
            }),
          );
      }
    }
    for (const ret of order.returns.filter((r) => ["REQUESTED", "OPEN", "DECLINED"].includes(r.status)))
      parts.push(describeReturn(ret, order, t2));
    // The returns a refund came from: which items and the day they were received ("for which item?").
    if (verdict.refunds.length > 0)
      for (const ret of order.returns.filter((r) => r.status === "CLOSED" && r.closedAt))
        parts.push(
          t(L, M.return_received, {
            name: ret.name,
            items: joinList(
              ret.lines.map((l) => l.title),
              L,
            ),
            date: date(t2, ret.closedAt!),
          }),
        );
    if (parts.length === 0 && order.cancelledAt) {
      // A cancelled order is refunded, not returned: unpaid, there is nothing to give back.
      const unpaid = neverCharged(order);
      parts.push(
        t(L, unpaid ? M.refund_cancelled_unpaid : M.cancelled_no_refund_yet, {
          order: order.name,
          date: date(t2, order.cancelledAt),
        }),
      );
    }
    if (parts.length === 0)
      parts.push(
        t(L, M.no_refund, { order: order.name, window: returnWindowPhrase(t2) ? ` ${returnWindowPhrase(t2)}` : "" }),
      );
    parts.push(...askedRefundRules(t2));
    return { text: parts.join("\n"), verdicts: [{ topic: "refund", order: order.name, verdict }] };
  });
}

// "How much will I get back?", "combien vais-je récupérer ?", "¿cuánto me van a regresar?" (accents folded).
const ASKS_AMOUNT_BACK =
  /\b(?:how much (?:will|would|do|am) (?:i|we) (?:get|be (?:refunded|getting)|getting)(?: back)?|how much (?:will|would) (?:you|it) (?:refund|be)|combien (?:vais-je|je vais|allez-vous|vous allez|serai-je|je serai) (?:recuperer|etre rembourse\w*|rembourser|recevoir|me rembourser)|combien (?:me )?(?:sera|seront) rembourse\w*|cuanto me (?:van a |vas a |va a )?(?:regresar|devolver|reembolsar|regresan|devuelven|reembolsan))\b/;

// The same question in any word order ("je serai remboursée combien ?", "¿me devuelven cuánto?").
const HOW_MUCH = /\b(?:how much|combien|cuanto)\b/;
const MONEY_BACK = /\b(?:refund\w*|back|rembours\w*|recuper\w*|regres\w*|devuelv\w*|devolver|reembols\w*)\b/;
function asksAmountBack(normalized: string): boolean {
  return ASKS_AMOUNT_BACK.test(normalized) || (HOW_MUCH.test(normalized) && MONEY_BACK.test(normalized));
}

/**
 * What one unit of a line cost the shopper: its price with its share of the order's discounts taken off
 * (the subtotal is the lines after the discounts, and each line keeps the same share of it).
 */
function netUnitPrice(order: Order, line: Order["lineItems"][number]): number {
  const linesTotal = order.lineItems.reduce((sum, l) => sum + Number(l.originalUnitPrice) * l.quantity, 0);
  const discountShare = linesTotal > 0 ? Math.max(0, 1 - Number(order.subtotalPrice) / linesTotal) : 0;
  return Number(line.originalUnitPrice) * (1 - discountShare);
}

/** The items of the returns under way and what they cost on the order, their share of its discount taken off. */
function returnedItemsCost(order: Order): { items: string[]; amount: string } | null {
  const pending = order.returns.filter((r) => ["REQUESTED", "OPEN"].includes(r.status)).flatMap((r) => r.lines);
  if (pending.length === 0) return null;
  let amount = 0;
  const items: string[] = [];
  for (const returned of pending) {
    const line = order.lineItems.find((l) => l.id === returned.lineItemId);
    if (!line) return null;
    amount += netUnitPrice(order, line) * returned.quantity;
    items.push(itemName(line.title, line.variantTitle, returned.quantity));
  }
  return { items, amount: amount.toFixed(2) };
}

/** A payment that expired unpaid (a cash voucher, a transfer) or an authorisation voided: no money was ever taken. */
function neverCharged(order: Order): boolean {
  return ["EXPIRED", "VOIDED"].includes(order.displayFinancialStatus ?? "") && order.refunds.length === 0;
}

// "Was shipping refunded too?", "which card did it go to?" (accents folded).
const ASKS_SHIPPING_REFUND = /\b(?:shipping|delivery|postage|livraison|port|frais d'envoi|envio)\b/;
const ASKS_REFUND_METHOD =
  /\b(?:store credit|credit note|gift card instead|saldo a favor|credito (?:en|de) (?:la )?tienda|monedero|avoir|bon d'achat)\b|\b(?:which|what) (?:card|account)\b|\bpayment method\b|\b(?:on|to|back (?:on|to)) my (?:card|account|bank)\b|\bquelle (?:carte|compte)\b|\bmoyen de paiement\b|\bsur (?:ma|la) (?:carte|compte)\b|\b(?:que|cual) (?:tarjeta|cuenta)\b|\bmetodo de pago\b|\b(?:a|en) (?:mi|la) (?:tarjeta|cuenta)\b/;

/** The shop's rules on what a refund covers and where it goes, when the shopper asks. */
function askedRefundRules(turn: Turn): string[] {
  const passages = knowledgeFor(turn.ctx.shop).passages;
  const rules = [
    ASKS_SHIPPING_REFUND.test(turn.pre.normalized) ? shippingRefundRule(passages, turn.language) : null,
    ASKS_REFUND_METHOD.test(turn.pre.normalized) ? refundMethodRule(passages, turn.language) : null,
  ];
  const quoted = rules
    .filter((rule): rule is NonNullable<typeof rule> => !!rule)
    .map((rule) => t(turn.language, M.policy_quote, { sentence: rule.quote }));
  // "Still nothing, what should I do?": the shop's own advice for a refund that hasn't shown up.
  const late = asksWhatToDo(turn.pre.normalized)
    ? shopSaysAbout(turn, LATE_REFUND_TOPIC[turn.language] ?? LATE_REFUND_TOPIC.en, ["REFUND_POLICY", "FAQ"]).trim()
    : "";
  return late ? [...quoted, late] : quoted;
}

/** The words of a shop's sentence on late or missing refunds, per language. */
const LATE_REFUND_TOPIC: Record<string, string> = {
  en: "late missing refund hasn't appeared check with your bank",
  es: "reembolso tardado no aparece revisa con tu banco",
  fr: "remboursement en retard manquant pas apparu vérifiez auprès de votre banque",
};

export function getInvoice(turn: Turn): Promise<Answer> {
  return withVerifiedOrder(turn, (order, t2) => ({
    text: [
      t(t2.language, M.invoice, {
        order: order.name,
        date: date(t2, order.createdAt),
        total: money(t2, order.totalPrice, order),
        reply: replyTimeClause(t2),
      }),
      ...invoiceRuleQuote(t2),
    ].join("\n"),
    ticket: {
      kind: "invoice_request",
      reason: "needs_approval",
      summary: `Email a PDF invoice for ${order.name}`,
      orderNumber: order.name,
    },
  }));
}

/** The shop's own invoice rules (what a company invoice needs, until when), quoted; nothing when it wrote none. */
function invoiceRuleQuote(turn: Turn): string[] {
  const rules = invoiceRules(knowledgeFor(turn.ctx.shop).passages, turn.language);
  return rules.length > 0 ? [t(turn.language, M.policy_quote, { sentence: rules.map((p) => p.quote).join(" ") })] : [];
}

/** The order's total and payment state, for payment questions about one order. */
export function orderPaymentSummary(order: Order, turn: Turn): string {
  return t(turn.language, M.order_total, {
    order: order.name,
    date: date(turn, order.createdAt),
    total: money(turn, order.totalPrice, order),
    status: financialStatus(order.displayFinancialStatus, turn.language),
  });
}

/** Shopify's payment status in the shopper's words ("PARTIALLY_REFUNDED" → "partiellement remboursée"). */
function financialStatus(status: string | null | undefined, L: Turn["language"]): string {
  const key = `payment_${(status ?? "").toLowerCase()}` as keyof typeof M;
  return key in M ? t(L, M[key]) : (status ?? "").toLowerCase().replace(/_/g, " ");
}

// ---------------------------------------------------------------------------------------------

const YES_NO: Record<string, [string, string]> = {
  en: ["Yes, go ahead", "No, thanks"],
  es: ["Sí, adelante", "No, gracias"],
  fr: ["Oui, allez-y", "Non, merci"],
};

/** A change stated exactly, for the shopper's "yes" — once they may change the order (change-proof.ts). */
function confirm(turn: Turn, order: Order, text: string, action: PendingAction): Promise<Answer> {
  return proposeChange(turn, order, { text, action, quickReplies: YES_NO[turn.language] });
}
