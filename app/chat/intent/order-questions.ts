/**
 * Questions about the shopper's own order whose words also belong to another topic, so the model
 * reads them as that topic: "where's my money?" names no refund but asks for one (not where a
 * parcel is); "when will I see it on my card?" right after a refund is the bank's delay (not an
 * account login); "which carrier?" about the order in focus is its tracking (not the shop's
 * shipping options); "my order is late" asks where it is (not to change it). Accents are folded.
 */
import type { Intent } from "./labels";
import { ORDER_INTENTS } from "./labels";
import { escapeRegExp, normalize, type Language } from "../preprocess";
import { ALL_CURRENCY_MARKS, ALL_CURRENCY_WORDS } from "../catalog/lexicon";
import { stemIn } from "../knowledge/stemming";
import type { DialogueState } from "../types";
import { meansAnOrder, namesOtherQuantity, saysWrongOption, statedChange } from "./stated-changes";
import { CANCELLED_FORM } from "./cancellation-made";
import { tellsOfDefect } from "../policy/defects";

// The shopper's money coming back, in the words shoppers use rather than "refund".
const MONEY_BACK =
  /\b(?:(?:my|mon|mi|mis|mes) (?:money|store credit|argent|sous|fric|avoir|dinero|plata|lana|feria|varo|reembolso|remboursement|refund)|money back|recuper\w* (?:l'argent|la somme|le montant|el dinero|el monto|el importe)|geste commercial|store credit|credit note|reimburs\w*|money (?:has |have |had )?(?:come|came|comes|gone|went|go|goes|been (?:sent|put|paid)) back|get (?:everything|it all|all of it|the (?:full|whole|entire) amount|the full price) back|me (?:devuelven|regresan|reembolsan|devolvieron|regresaron|reembolsaron) todo|refunded|rembourse(?:e|s|es)?|reembolsad[oa]s?|reembolsaron|(?:devolvieron|regresan|regresaron|devuelven|reintegraron) (?:el |mi )?dinero)\b/;
// "I returned it and haven't heard anything", "rien sur mon compte", "how much will I get back?",
// "je n'ai reçu que 49 €": a refund awaited or short, without the word. "I only got $40 back" is money;
// "I only got the candle" is a parcel short of items, not a refund.
export const SENT_BACK =
  /(?:^|[.!?]\s*)returned (?:a|an|the|my|both|all)\b|(?:^|[.!?]\s*)returned[.!,]|(?:^|[.!?]\s*)(?:sent|mailed|shipped|posted) (?:[\w-]+ ){0,3}back\b|\b(?:it|they|the [\w-]+(?: [\w-]+)?) went back to (?:you|your)\b|\b(?:i|we) (?:did|made|have done|'ve done|have made|'ve made) (?:a|the|my) return\b|^(?:did|made) (?:a|the|my) return\b|\b(?:i (?:(?:requested|started|opened|filed|submitted|made) (?:a|the|my) return|returned|(?:sent|mailed|shipped|posted) (?:[\w-]+ ){0,3}back)|j'ai (?:tout |bien |deja )?(?:renvoye|retourne|rendu|rapporte)|(?:ya )?devolvi|regrese|ya (?:envie|mande) (?:la|el|mi)|(?:envie|mande) (?:[\w-]+ ){0,3}de (?:vuelta|regreso))\b/;
// "still no money", "haven't seen a cent", "no me ha llegado el dinero": the refund, not the return, is missing.
const NO_MONEY =
  /\b(?:no money|no refund|(?:seen|got|had) a (?:cent|penny|dime)|pas (?:d'argent|un centime|de remboursement)|(?:no )?(?:veo|he visto|me ha llegado|ha llegado|me llega) (?:mi |el |un |ningun )?(?:dinero|peso|centavo|reembolso)|ni un peso)\b/;
const NO_NEWS =
  /\b(?:status|(?:is )?(?:everything |it all )?settled|haven'?t heard|have not heard|nothing|no news|no word|any (?:update|news|word)|still waiting|des nouvelles|alguna noticia|toujours rien|pas de nouvelles|aucune nouvelle|toujours pas|nada|sin noticias|no se nada|todavia no|aun no|sigo esperando)\b/;
const NOTHING_ON_ACCOUNT =
  /\b(?:nothing|no money|not (?:yet )?(?:on|in)|rien|pas (?:encore )?(?:sur|recu)|nada|no (?:veo|me ha llegado|ha llegado))\b.*\b(?:account|card|visa|mastercard|amex|paypal|statement|bank|compte|carte|releve|banque|cuenta|tarjeta|banco)\b/;
// "how much am I getting?", "has the money gone back?", "what you gave back": the money of a return already made.
const MONEY_OF_RETURN =
  /(?:\$|€|£|\bcash|\bfunds|\bthe money) (?:has |have )?(?:come|came|comes|gone|went) back\b|\bhow long (?:for|until|till|before) (?:the|my) (?:money|credit|funds)\b|\bhow much (?:\w+ )?(?:am i|will i be|do i|did i) (?:getting|get|got|be refunded)\b|\bmoney (?:has )?(?:gone|go|went|come|came|been sent|been paid) back\b|\b(?:gave|give|paid|pay) (?:me )?back\b|\b(?:j'ai|ai-je) (?:recupere|recu|touche) combien\b|\bcombien (?:j'ai|ai-je) (?:recupere|recu|touche)\b|\bcuanto me (?:regresaron|devolvieron|reembolsaron|dieron)\b|\bme (?:regresaron|devolvieron|reembolsaron|depositaron|depositan|reembolsan)\b|\bwhen (?:do|will|would|can|could|shall) (?:i|we) (?:get|see|have) (?:it|that|this|them|the (?:money|amount|sum)) back\b/;
// How much the shop gave back: "what amount did you give me back?", "combien vous m'avez rendu ?", "¿cuánto me
// regresaron?". Past and the shop's doing: a refund made, never a price ("how much is it?") or a charge.
const AMOUNT_GIVEN_BACK =
  /\b(?:how much|what amount|what sum)\b[^.?!]{0,40}\b(?:gave|given|paid|put|sent|(?:did|have) you (?:pay|give|send|put))\b (?:(?:me|us) )?(?:\w+ ){0,2}back\b|\bhow much (?:did|have) you (?:refund|reimburs)\w* (?:me|us)\b|\bcombien (?:est-ce que )?vous m'avez (?:rendu|rembourse|reverse|recredite|redonne)\b|\bvous m'avez (?:rendu|rembourse|reverse|recredite|redonne) combien\b|\bcuanto me (?:regresaron|devolvieron|reembolsaron|depositaron|reintegraron|abonaron)\b/;
// Where a refund's money shows: a card, a bank, a wallet, a statement.
const MONEY_PLACE = "(?:my|the) (?:card|visa|mastercard|amex|account|bank|paypal|statement)";
// The money put back on a card or account: "has the amount been put back on my visa?", "gone back onto my card".
const BACK_ON_CARD = new RegExp(
  `\\b(?:put|gone|go|went|come|came|been|be|sent|paid) back (?:on|onto|to|into|in) ${MONEY_PLACE}\\b`,
);
// "the return shows complete but the amount isn't on my card": a return's money not seen yet.
const AMOUNT_NOT_ON_CARD = new RegExp(
  `\\b(?:amount|money|sum)\\b[^.?!]{0,20}\\b(?:isn'?t|is not|not|never|hasn'?t|has not)\\b (?:yet |still )?(?:been )?(?:on|in|back on|shown on|appeared on) ${MONEY_PLACE}\\b`,
);
// "did it go through?", "has it been processed?", "le retour est traité ?", "¿ya se procesó?": a return made, now settled?
const RETURN_PROCESSED =
  /\b(?:go through|gone through|went through|been processed|processed|all done|been sorted|complete[d]?|finished|traite\w*|termine\w*|procesad[oa]|se proceso|ya quedo|quedo todo|esta listo)\b/;
const MY_RETURN = /\b(?:my (?:[\w-]+ ){0,2}return|mon retour|mi devolucion)\b(?! (?:label|policy|window))/;
const HYPOTHETICAL = /\b(?:if|si|when i return|quand je retourne|cuando devuelva)\b/;
// Any currency's marks and words ("$", "£", "euros", "pesos"), from the retail lexicon; not the
// words that also count or weigh things ("2 livres" are books, "2 pounds of coffee" a weight).
const COUNTS_THINGS = new Set(["livre", "livres", "libra", "libras", "pound", "pounds"]);
const CURRENCY_MARKS = ALL_CURRENCY_MARKS.map(escapeRegExp).join("|");
const CURRENCY_NAMES = ALL_CURRENCY_WORDS.filter((word) => !COUNTS_THINGS.has(word))
  .map(escapeRegExp)
  .join("|");
const AMOUNT = String.raw`\d+(?:[.,]\d+)?`;
// The amount said with its currency: "$10", "10 €", "10 euros" (a number alone counts items).
const MONEY = String.raw`(?:(?:${CURRENCY_MARKS})\s?${AMOUNT}|${AMOUNT}\s*(?:${CURRENCY_MARKS}|(?:${CURRENCY_NAMES})\b))`;
// Money taken off a price, not given back: "$10 off", "200 de descuento", "10 € de remise".
const OFF_A_PRICE = String.raw`(?![\d.,]*\s*(?:off|discount|de (?:descuento|rebaja|reduction|remise)))`;
// "why did I get 10 euros back?", "I received $15 back", "got £12 back": an amount already given back (a percentage is a promotion's).
const AMOUNT_GOT_BACK = new RegExp(String.raw`\b(?:got|received|given|did (?:i|we) get)\s+(?:an? )?${MONEY}\s+back\b`);
// "pourquoi j'ai reçu 10 € ?", "recibí $200 en mi tarjeta": money received, the currency said.
const AMOUNT_RECEIVED = new RegExp(
  String.raw`\b(?:j'ai recu|on m'a (?:rendu|verse|vire)|recibi|me (?:llegaron|depositaron|regresaron|devolvieron)|i (?:got|received))\s+(?:(?:un|une|a) \w+ (?:de|of) )?${MONEY}${OFF_A_PRICE}`,
);
// How much comes back, or that only part did ("only got $20 back", "n'ai reçu que…").
const AMOUNT_BACK = new RegExp(
  String.raw`\bhow much (?:will|do|did|would) (?:i|we) (?:get|got|be refunded|receive)\b|\bcuanto me (?:van a |vas a |vais a )?(?:devolver|regresar|reembolsar|devuelven|regresan|reembolsan)\b|\bcombien (?:vais-je|je vais|serai-je|je serai|allez-vous me) (?:etre )?(?:rembours\w*|recuperer|recevoir|toucher)|\bhow much (?:will|do) i get back\b|\bn'?ai (?:recu|eu|ete rembourse\w*) que\b|\bonly refunded\b|\bonly (?:got|received|been given) (?:back\b|${MONEY}|(?:a |my |the )?(?:partial |part of (?:my |the )?)?(?:refund|money|amount|credit))|\bsolo me (?:devolvieron|reembolsaron|regresaron)\b`,
);
const AMOUNT_GOT_BACK_MISREAD = new Set<Intent>(["discount_code", "payment_issue", "payment_methods", "track_order"]);
// "did it reach you?", "¿ya les llegó?", "l'avez-vous reçu ?": whether a return sent back has reached the shop
// (not the item reaching the shopper: "it arrived broken", "llegó rota", "il est arrivé abîmé").
const RETURN_ARRIVED =
  /\b(?:did (?:it|they|you) (?:arrive|get|receive|reach)|(?:have|has) (?:it|they|you) (?:got|gotten|received|reached)|reached you|(?:ya )?(?:les|le) (?:llego|llegaron)|(?:lo|la|los|las) recibieron|(?:l'|les )avez(?:-vous)? (?:bien )?recu\w*|(?:est|sont) (?:bien )?arrivee?s? (?:chez vous|a l'entrepot))\b/;
// "I returned from holiday": back home, not an item sent back.
const CAME_BACK_HOME = /\bi returned (?:from|home|to)\b/;
const RECEIVED_BACK =
  /\b(?:receiv\w*|got|get) (?:my|the|our) (?:parcel|package|return|item|order)s? back\b|\brecu (?:mon|le) (?:colis|retour)\b/;

// Readings a question about one's money back is mistaken for; a return or a cancellation is a request of its own.
const MONEY_MISREAD = new Set<Intent>([
  "track_order",
  "product_info",
  "product_search",
  "account_help",
  "out_of_scope",
  "payment_methods",
  "get_invoice",
  "greeting",
  "thanks_goodbye",
]);

// Readings such money questions get besides the refund: the return, a product or shipping their nouns name, a charge.
const GIVEN_BACK_MISREAD = new Set<Intent>([
  ...MONEY_MISREAD,
  "return_item",
  "return_policy",
  "shipping_options",
  "payment_issue",
]);

// Not "reçu": in French it is as often "received".
const DOCUMENT = /\b(?:invoice|receipt|factura|recibo|comprobante|facture)\b/;

// Readings of a question about a return's money besides the money ones; refund_status itself, so the FAQ doesn't take it.
const RETURN_MONEY_READINGS = new Set<Intent>(["return_item", "return_policy", "shipping_options", "refund_status"]);

// Grievance said outright: "I sent it back and still nothing, what a scam" stays the complaint it is.
const OUTRIGHT_GRIEVANCE =
  /\b(?:worst|terrible|awful|horrible|disgusting|unacceptable|ridiculous|pathetic|useless|scam|rip ?off|fraud|furious|fed up|sick of|never again|wtf|fuck\w*|shit\w*|pesim[oa]|verguenza|estafa|hart[oa]|inaceptable|honte|arnaque|scandal\w*|inadmissible|furieu\w*|marre)\b/;
// Trouble that happened before: "second time", "again", "encore une fois", "otra vez".
const REPEATED_TROUBLE =
  /\b(?:(?:second|third|2nd|3rd) time|again|every (?:single )?time|keeps? happening|(?:deuxieme|troisieme) fois|encore une fois|a nouveau|de nouveau|toujours le meme|(?:segunda|tercera) vez|otra vez|de nuevo|siempre (?:es )?lo mismo)\b/;
// Let down, in words milder than an outright grievance.
const LET_DOWN = /\b(?:disappoint\w*|not happy|decu\w*|decevant\w*|decepcion\w*|cansad[oa]|me canse)\b/;
// An account that shows nothing: "doesn't show any", "no muestra ningún", "ne montre aucun", "no sign of".
const SHOWS_NO =
  /\b(?:(?:doesn'?t|does not|don'?t|isn'?t|hasn'?t|has not|still not|not) (?:show\w*|appear\w*|there|in it|on it|reflect\w*)|no sign of|nothing (?:from|on|in)|(?:no|sin) (?:muestra|aparece|refleja|veo)\w*|no (?:me )?aparece|ningun|(?:ne )?(?:montre|affiche|voit|vois|apparait) (?:toujours )?(?:pas|aucun\w*|rien)|aucun\w*|rien)\b/;
// The money expected back, in any words ("credit", "refund", "reembolso", "remboursement").
const MONEY_AWAITED = /\b(?:credit\w*|refund\w*|money|reembols\w*|abono|dinero|rembours\w*|argent|avoir)\b/;
// Money given back, in words that are never a charge: "paid me back", "credited", "me devolvieron el dinero".
const PAID_BACK =
  /\b(?:pa(?:y|id|ying) (?:me |us )?back|(?:gave|give|giving) (?:me )?(?:my |the )?money back|money back|refunded|(?:re)?credited|(?:me )?(?:devolvieron|devuelven|regresaron|reembolsaron|depositaron) (?:el |mi )?dinero|(?:m'avez|m'a|ai-je ete|j'ai ete) rembourse\w*)\b/;
// A charge gone wrong is the payment problem it reads as.
const CHARGE_GONE_WRONG =
  /\b(?:twice|double\w*|two (?:charges|times|payments)|dos (?:cargos|cobros|veces)|deux (?:fois|debits|prelevements)|declin\w*|rechaz\w*|refus\w*|don'?t recogni\w*|no reconozco|unknown|inconnu\w*|overcharg\w*|wrong amount)\b/;
// Where a refund shows up, and when: "when will it show on my card?", "je le verrai quand sur mon compte ?".
const BANK = /\b(?:card|statement|bank|account|carte|compte|banque|releve|tarjeta|cuenta|banco|estado de cuenta)\b/;
const WHEN_SEEN =
  /\b(?:when|how long|show|appear\w*|see|quand|combien de temps|verrai|voir|apparai\w*|cuando|cuanto|tarda\w*|ver|vere|veo|aparece\w*|reflej\w*)\b/;

// "how many days until I see it?", "combien de jours pour le voir ?", "¿cuántos días tarda en verse?": right after a
// refund, how long until it shows, the bank unnamed.
const HOW_LONG_TO_SEE =
  /\b(?:how (?:many (?:business )?days|long)|combien de (?:jours|temps)|cuantos dias|cuanto tiempo)\b[^.?!]{0,30}\b(?:see|show\w*|appear\w*|voir|apparai\w*|ver|verse|verlo|verla|aparec\w*|reflej\w*)\b/;

// A return told, not asked for: "had to return", "been trying to send it back", "the return process", "tuve que devolver".
const RETURN_TOLD =
  /\b(?:had to (?:return|send (?:[\w-]+ ){0,2}back)|(?:been|keep|kept) trying to (?:return|send)|(?:your |the )?return(?:s)? (?:process|system|policy) (?:is|was)|tuve que (?:devolver|regresar)|j'ai du (?:renvoyer|retourner|rendre)|i (?:returned|sent (?:[\w-]+ ){0,2}back))\b/;
// Sore words besides the outright ones: a nightmare, poor quality, nobody answers.
const SORE =
  /\b(?:nightmare|poor quality|not fair|unfair|nobody (?:answers|replies|responds|gets back)|no one (?:answers|replies|responds)|pesadilla|nadie me (?:responde|contesta|dice nada)|injuste|cauchemar|personne ne (?:me )?repond)\b/;

// A fact of a shipment: who carries it and how to follow it.
const SHIPMENT_FACT =
  /\b(?:qui livre|who(?:'s| is)? deliver\w*|quien (?:lo |la )?(?:entrega|lleva)|carrier|courier|shipper|track|tracking|tracking number|transporteur|suivi|numero de suivi|transportista|paqueteria|mensajeria|guia|rastreo|seguimiento|numero de guia)\b/;
// "which carrier should I use to send it back?" is about a return, not the order's delivery.
const ABOUT_A_RETURN = /\b(?:return\w*|send (?:it|them) back|retour\w*|renvoyer|devol\w*|regres\w*)\b/;

// Facts of the order in focus asked with a word pointing back to it: what it cost, where it goes, when it comes.
const ORDER_COST =
  /\bhow much (?:was|did i pay for) (?:the )?(?:shipping|delivery|postage)\b|\bcombien (?:a coute|coutait|etait|j'ai paye) (?:la livraison|le port)\b|\bcuanto (?:costo|fue|salio|pague de) (?:el )?envio\b|\bwhat(?:'s| is| was| will be) (?:the|my) (?:order )?total\b|\bwhat will (?:the|my) total be\b|\btotal (?:again|on (?:it|that|that order|the order|my order))\b|\b(?:le|mon) (?:montant )?total\b|\bel total\b|\b(?:how much (?:did|was|were) (?:i|it|they|that|the order|my order)|what did i pay|how much i paid|what did (?:it|that|they|that order|the order|my order) cost|how much (?:do|will) i (?:owe|have to pay|need to pay)|combien (?:j'ai paye|ai-je paye|ca m'a coute|elle m'a coute|a coute|je dois payer|dois-je payer)|(?:j'ai|je l'ai|je les ai) payee?s? combien|combien (?:je l'ai|je les ai|les ai-je|l'ai-je) payee?s?|cuanto (?:pague|me costo|costo|fue|salio|tengo que pagar|debo pagar|debo)|pague cuanto)\b/;
// "how did I pay for it?", "has my card been charged yet?", "j'ai bien payé ?": the order's payment, not the shop's methods.
const ORDER_PAYMENT =
  /\bhow (?:did|do) i pay\b|\bhow (?:was|is) (?:it|that|the order|my order) paid\b|\b(?:has|have|was|did) (?:my card|i|it|the order|my order|my payment|the payment) (?:been |already |actually )*(?:charged|paid|go through|gone through|went through)\b|\b(?:comment|avec quoi) (?:je l'ai |j'ai |l'ai-je )?paye\b|\bje l'ai payee? comment\b|\bj'ai bien paye\b|\bcomo (?:lo |la )?pague\b|\bcon que (?:lo |la )?pague\b|\bya (?:me )?cobraron\b|\b(?:ya )?(?:esta|quedo) pagad[oa]\b|\b(?:is|was) (?:it|the order|my order) (?:already |actually )?paid\b|\b(?:elle|il) est (?:bien |deja )?payee?\b|\best-(?:elle|il|ce) (?:bien |deja )?payee?\b/;
// "did I use a discount code on it?", "quel code promo j'ai utilisé ?": the code the order used, not the shop's codes.
const ORDER_CODE =
  /\b(?:did|have) i (?:use|apply|get|have) (?:a|any|the|my) (?:discount|promo|coupon)\b|\bwhat (?:discount|promo|code|coupon) did i (?:use|get)\b|\b(?:quel|un) code (?:promo |de reduction )?(?:ai-je|j'ai|est-ce que j'ai) (?:utilise|applique|eu)\b|\bj'ai utilise (?:un|quel) code\b|\b(?:use|aplique) (?:algun|un|el|que) (?:codigo|cupon|descuento)\b|\bque (?:codigo|cupon|descuento) (?:use|aplique|me aplicaron)\b/;
const ORDER_ADDRESS =
  /\b(?:delivered|left|dropped(?: off)?) where\b|\bwhere (?:was|were|did) (?:it|they|you|the \w+|my \w+) (?:get |gets )?(?:delivered|left|dropped|leave|drop)\b|\blivree?s? ou\b|\bou (?:a-t-(?:il|elle)|ont-(?:ils|elles)) ete (?:livree?s?|deposee?s?)\b|\bou (?:l'ont-ils|l'a-t-on|est-ce qu'(?:il|elle|ils) (?:a|ont)) (?:ete )?(?:livree?s?|deposee?s?)\b|\bentregad[oa]s? donde\b|\bdonde (?:lo|la|los|las|me lo|me la) (?:entregaron|dejaron)\b|\b(?:what|which) address\b|\b(?:shipped|sent|delivered|going|heading) to\b|\b(?:it|they|order|parcel|package) (?:go|goes) to\b|\bquelle adresse\b|\b(?:que|cual) direccion\b|\ba donde (?:va|se envia|lo envian|la envian)\b/;
const ARRIVAL =
  /\b(?:arriv\w*|come|coming|get here|gets? (?:to|there)|reach(?:es)?|deliver\w*|eta|what time|llega\w*|entrega\w*|livr\w*|recevr\w*)\b/;
// Words of an actual change or cancellation, which "I want to know about my order" doesn't use.
const ORDER_CHANGE =
  /\b(?:cancel\w*|chang\w*|modif\w*|add|remove|swap|annul\w*|ajout\w*|retir\w*|cambi\w*|agreg\w*|quit\w*|anad\w*)\b/;
const ADDRESS_CHANGE =
  /\b(?:change|update|modify|correct(?!\s*(?:\?|$))|wrong|different|new|instead|changer|modifier|corriger|mauvaise|autre|nouvelle|cambiar|cambia|modificar|corregir|equivocada|otra|nueva)\b/;
// Where the shopper lives, said to ask whether the shop delivers there.
const LIVES_IN = /\b(?:i live|we live|i'm based|we're based|j'habite|je vis|nous habitons|on habite|vivo|vivimos)\b/;
const CHARGES =
  /\b(?:pay|paid|charg\w*|fees?|extra|duties|duty|customs|tax\w*|payer|frais|douane\w*|pagar|cobr\w*|impuestos?|aduana)\b/;
const POINTS_TO_ORDER =
  /\b(?:it|they|them|that|this|my (?:order|package|parcel|stuff)|mi pedido|el pedido|mi paquete|ma commande|mon colis|lo|la|le|les|il|elle)\b/;
const ORDER_FACT_MISREAD = new Set<Intent>([
  "product_info",
  "product_search",
  "shipping_options",
  "payment_methods",
  "out_of_scope",
]);

// What the shopper paid: "what did I pay for", "cost me", "je les ai payés", "pagué" (accents folded).
const PAID_BY_ME =
  /\b(?:i paid|did i pay|cost me|(?:j'ai|je l'ai|je les ai|ai-je|les ai-je|l'ai-je) payee?s?|m'a coute|m'ont coute|pague|me costo|me costaron)\b/;
const PAID_MISREAD = new Set<Intent>([
  ...ORDER_FACT_MISREAD,
  "return_item",
  "exchange_item",
  "return_policy",
  "change_order",
  "cancel_order",
]);

// "I want to return it. What did I pay?", "please cancel it, how much did I pay?": a request to act on the
// order, with its cost asked on the side, stays that request.
const ASKS_TO_ACT =
  /\b(?:i (?:want|would like|'d like|need) to|i wanna|please|can you|could you|how do i (?:start|begin|make|do)|je (?:veux|voudrais|souhaite)|pouvez-vous|quiero|quisiera|pueden|podrian)\b[^.?!]{0,30}\b(?:return|cancel|exchange|swap|send (?:it|them) back|retourner|annuler|echanger|renvoyer|devolver\w*|cancelar\w*|cambiar\w*|regresar\w*)\b|\b(?:start|begin) (?:the|a|my) (?:return|exchange)\b/;

// "my order is late": where it is, whatever action the model heard.
const LATE =
  /\b(?:late|delayed|delay|overdue|stuck|not moving|hasn'?t moved|retard|retardee?|bloque\w*|n'avance pas|n'a pas bouge|retraso|retrasad[oa]|atrasad[oa]|atorad[oa]|estancad[oa]|no avanza|no se mueve|this long|autant de temps|tanto tiempo)\b/;
// "I never got my baskets", "je n'ai jamais reçu mes bols", "nunca me llegaron las tazas": a parcel not come.
const NOT_RECEIVED =
  /\b(?:never|didn'?t|did not|haven'?t|have not|hasn'?t|has not|still not|not yet)(?: (?:yet|even|actually|ever))? (?:got|get|gotten|receiv\w*|arriv\w*|come|came|show(?:n|ed)? up|turn(?:ed)? up)\b|\b(?:n'ai|n'avons|ne l'ai|ne les ai) (?:jamais|toujours pas|pas encore|pas|rien) (?:recu|eu)\b|\b(?:(?:n'est|ne sont|n'a|n'ont) (?:jamais|toujours pas|pas encore|pas) (?:arrivee?s?|livree?s?|ete livree?s?))\b|\b(?:nunca|no|todavia no|aun no) (?:me )?(?:ha(?:n)? )?(?:llego|llegaron|llegado|recibi|recibido|entregaron)\b/;
// "it says delivered but nothing's here", "indiqué livré mais je n'ai rien", "dice entregado pero no tengo nada".
const DELIVERED_BUT = /\b(?:delivered|livree?s?|entregad[oa]s?)\b[^.?!]{0,40}\b(?:but|mais|pero)\b/;
const NOTHING_HERE =
  /\b(?:(?:it'?s|its|it is|they'?re|they are) not here|nothing(?:'s| is)? (?:here|came|arrived|there)|there'?s nothing|(?:don'?t|do not) have (?:it|them|anything)|(?:can'?t|cannot|couldn'?t) find (?:it|them|anything)|(?:je n'ai|j'ai) rien (?:recu)?|je ne (?:l'|les )?(?:ai|trouve) (?:pas|rien)|(?:ne|n') (?:le|la|les) trouve pas|no (?:tengo|encuentro|me llego|recibi) nada|no (?:lo|la|los|las) (?:tengo|encuentro|veo))\b/;
// "got the tent but not the poles", "reçu le vase mais pas les bougies", "me llegó el café pero no la prensa".
const PART_RECEIVED =
  /\b(?:got|received|receiv\w*|recu|recue?s?|llego|llegaron|recibi)\b[^.?!]{1,60}\b(?:but not|but no|mais pas|mais toujours pas|pero no|pero (?:todavia|aun) no)\b/;
// "ma nappe est arrivée ?", "¿ya llegó mi molino?", "has my jacket arrived?": whether it came.
const ARRIVED_YET =
  /\b(?:mon|ma|mes|le|la|les) (?:[\w'-]+ ){1,3}(?:est|sont) (?:bien |deja )?(?:arrivee?s?|livree?s?)\b|\b(?:est-(?:il|elle)|sont-(?:ils|elles)) (?:bien |deja )?(?:arrivee?s?|livree?s?)\b|\b(?:ya )?(?:llego|llegaron|entregaron|se entrego) (?:mi|mis|el|la|los|las)\b|\b(?:has|have|did) (?:my|the|our) (?:[\w-]+ ){1,3}(?:arrived|arrive|come|been delivered|shown up|show up)\b|\b(?:was|were|has|have) (?:my|the|our) (?:[\w-]+ ){1,3}(?:been )?(?:sent|shipped|dispatched|emailed|delivered|mailed)\b|\b(?:a|ont)-t-(?:il|elle|ils|elles) ete (?:envoyee?s?|expediee?s?|livree?s?)\b|\bya (?:me )?(?:enviaron|mandaron|se envio|salio|salieron) (?:mi|mis|el|la|los|las)\b/;
// "nobody was home", "personne n'était là", "no había nadie": a delivery attempt the shopper asks about.
const ATTEMPTED =
  /\b(?:nobody|no one|noone) (?:was |is |were )?(?:home|there|in|around|available)\b|\bmissed (?:the |my )?(?:delivery|parcel|package|courier|driver)\b|\b(?:delivery attempt|attempted delivery|(?:try|tried|trying|attempt\w*) to deliver)\b|\bpersonne (?:n'etait|n'est|n'a ete) (?:la|present)\b|\b(?:destinataire absent|avis de passage|tentative de livraison)\b|\bno (?:habia|estaba|hubo|hay) nadie\b|\b(?:intento de entrega|intentaron entregar|aviso de visita)\b/;
// "is the headlamp coming today?", "will the boots make it tonight?", "le plaid arrive aujourd'hui ?", "¿me llega hoy?":
// a bought item due on a near day. Before buying, the shop's delivery times are asked "if I order…", "do you deliver…".
const DUE_NOW =
  /\b(?:coming|come|arriv\w*|get here|make it|be here|be delivered|show up|turn up|still on)\b[^.?!]{0,20}\b(?:today|tonight|tomorrow|this (?:evening|afternoon|morning))\b|\b(?:arrive\w*|livre\w*|recevoir|recevrai)\b[^.?!]{0,20}\b(?:aujourd'hui|ce soir|demain)\b|\b(?:llega|llegan|llegara|llegaran|llegue|lleguen|entregan|entregaran)\b[^.?!]{0,20}\b(?:hoy|esta noche|manana)\b/;
const BEFORE_BUYING =
  /\b(?:if (?:i|we) (?:order\w*|buy|bought|place\w*|get)|would|do you (?:deliver|ship)|can you (?:deliver|ship)|si (?:je |j'|on )?(?:commande\w*|achet\w*|prends)|livrez-vous|si (?:lo |la |los |las )?(?:pido|pidiera|compro|comprara|ordeno)|hacen entregas)\b/;
// "I'm waiting on the boots I paid for, any news?", "j'attends mon plaid, des nouvelles ?": a bought item awaited.
const WAITING_ON =
  /\b(?:waiting (?:on|for)|j'attends|on attend|esperando|espero)\b[^.?!]{1,60}\b(?:any news|any update|any word|news|update|des nouvelles|du nouveau|alguna noticia|novedades|noticias)\b/;
// A delivery attempt heard as a change of the order ("did they even try to deliver them?"), when no change is asked.
const ATTEMPT_MISREAD = new Set<Intent>(["change_order", "cancel_order"]);
// "did I already pick it up?", "ai-je déjà retiré ma commande ?", "¿ya recogí mi pedido?": a collection made or not.
const PICKED_UP_YET =
  /\b(?:did|have|has) (?:i|we|someone|somebody|my \w+) (?:already |ever )?(?:pick(?:ed)? (?:it |them |(?:my|the) \w+ )?up|collect(?:ed)?)\b|\b(?:ai-je|j'ai|est-ce que j'ai) (?:deja |bien )?(?:retire|recupere)\b|\bya (?:recogi|recogimos|pase por|fui por)\b/;
// What a shopper may not have received that is no parcel: a code, an email, a refund, an invoice.
const NOT_A_PARCEL =
  /\b(?:code|codes|e-?mail|emails|mail|password|login|log in|sign in|confirmation|refund\w*|money|invoice|receipt|code|payment|paiement|virement|pago|transferencia|mot de passe|rembours\w*|argent|facture|codigo|correo|contrasena|reembols\w*|dinero|factura|recibo)\b/;
/** Readings a message about a parcel that hasn't come (or an attempt, or a collection) is mistaken for. */
const PARCEL_STATE_MISREAD = new Set<Intent>([
  "product_info",
  "product_search",
  "shipping_options",
  "complaint",
  "out_of_scope",
  "greeting",
  // "was my gift card sent?": the gift card is one of the order's items.
  "payment_issue",
  "payment_methods",
]);
// A person asked for ("personne" alone is also "nobody"): the request for one stays.
const HUMAN_ASKED =
  /\b(?:someone|somebody|a person|a human|an agent|quelqu'un|une personne|un conseiller|alguien|una persona|un agente)\b/;

/** A parcel that hasn't come, came in part, an attempt, a collection: where the order stands (normalized text). */
export function parcelStateIntent(intent: Intent, n: string): Intent | null {
  if (ATTEMPT_MISREAD.has(intent) && ATTEMPTED.test(n) && !ORDER_CHANGE.test(n)) return "track_order";
  if (!PARCEL_STATE_MISREAD.has(intent)) return null;
  if (NOT_A_PARCEL.test(withoutContact(n)) || MONEY_BACK.test(n) || HUMAN_ASKED.test(n)) return null;
  // Typed without its "?" ("will the boots arrive tonight"), a question still opens with its verb.
  const asked = ASKS.test(n) || /\?/.test(n) || /^(?:will|are|can|could|does|do|would)\b/.test(n);
  const parcel =
    saysParcelMissing(n) ||
    PART_RECEIVED.test(n) ||
    ATTEMPTED.test(n) ||
    (asked && (ARRIVED_YET.test(n) || PICKED_UP_YET.test(n))) ||
    (asked && DUE_NOW.test(n) && !BEFORE_BUYING.test(n)) ||
    (asked && WAITING_ON.test(n)) ||
    // "I ordered today, when will it come?": that order's arrival, not the shop's delivery times.
    (asked && intent === "shipping_options" && saysOrderPlaced(n) && ARRIVAL.test(n));
  return parcel && !WANTS_TO_RETURN.test(n) ? "track_order" : null;
}

/** The shopper says the parcel hasn't come, or isn't there though marked delivered (normalized text). */
export function saysParcelMissing(n: string): boolean {
  return (
    !NOT_A_PARCEL.test(withoutContact(n)) && (NOT_RECEIVED.test(n) || DELIVERED_BUT.test(n) || NOTHING_HERE.test(n))
  );
}

/** The message without the email it gives ("my email is x@y.com"): giving one is not asking about one. */
function withoutContact(n: string): string {
  return n
    .replace(/\b(?:(?:my|mon|mi) )?(?:e-?mail|courriel|correo)(?: (?:is|est|es|address|adresse))?\s*:?\s*\S+@\S+/g, " ")
    .replace(/\S+@\S+/g, " ");
}

// "I ordered today", "j'ai commandé hier", "ya pedí": an order already placed (not "if I order today").
const PLACED =
  /\b(?:i|we) (?:just |already |have |'ve )?(?:order(?:ed)?|bought|placed (?:an |my |the )?order|purchased)\b|\bj'ai (?:deja |bien )?(?:commande|achete|passe (?:une |ma )?commande)\b|\b(?:ya )?(?:pedi|compre|hice (?:el |un |mi )?pedido)\b/;
const SUPPOSING = /\b(?:if|si|suppose|supposing|would)\b/;

/** The shopper says they placed an order (not "if I order…"), normalized text. */
export function saysOrderPlaced(normalized: string): boolean {
  return PLACED.test(normalized) && !SUPPOSING.test(normalized);
}

// "can they deliver it again?", "ils peuvent repasser ?", "¿pueden volver a intentar?": a new delivery attempt.
const REDELIVER =
  /\b(?:deliver (?:it |them )?again|re-?deliver\w*|(?:another|second|new) (?:delivery )?attempt|try (?:again|to deliver (?:it )?again)|come back (?:tomorrow|again|later)|relivr\w*|nouvelle (?:livraison|tentative|presentation)|repass\w*|(?:volver|vuelvan?) a (?:entregar\w*|intentar\w*|pasar)|(?:otro|nuevo|segundo) intento|reintent\w*)\b/;

// "quiero saber de mi pedido", "I'd like an update on my order": where it stands.
const ABOUT_MY_ORDER =
  /\b(?:quiero saber|quisiera saber|want to know|would like to know|wanna know|voudrais savoir|veux savoir|update|news|status|noticias|estado|nouvelles|statut|des infos)\b.*\b(?:mi|my|mon|ma) (?:pedido|order|commande|colis|paquete|package|parcel)\b/;
// "I never got a shipping confirmation": the order's tracking, not the shop's shipping rates.
const NO_CONFIRMATION =
  /\b(?:never|didn'?t|did not|haven'?t|have not|not)\b.*\b(?:got|get|gotten|receiv\w*)\b.*\b(?:confirmation|tracking|shipping (?:email|notification))\b|\bpas (?:recu|eu)\b.*\b(?:confirmation|suivi|e-mail d'expedition)\b|\bno (?:me )?(?:ha )?(?:llego|llegado|recibi|he recibido)\b.*\b(?:confirmacion|guia|rastreo|seguimiento|correo de envio)\b/;
// "why is it taking so long?", "pourquoi c'est si long ?", "¿por qué tarda tanto?" about the order in focus.
const SO_LONG =
  /\b(?:so long|taking (?:this |that )?long|(?:take|takes|took) (?:this|that) long|si long|aussi long|autant de temps|si longtemps|tard\w* tanto|demor\w* tanto)\b/;
// "was it the blue one?", "did I get the black one?", "c'était la bleue ?", "¿era el negro?": which item was ordered.
const WHICH_ONE_ORDERED =
  /\b(?:was it|were they|did i (?:order|get|buy|pick)) the (?!wrong\b)(?:[\w-]+ ){1,3}(?:one|ones|version|size|colou?r)\b|\bc'etait (?:le|la|les) (?!prix|jour|date|montant|total|meme)(?:[\w-]+ ?){1,3}\?|\b(?:era|eran) (?:el|la|los|las) (?!precio|dia|fecha|monto|total|mismo)(?:[\w-]+ ?){1,3}\?/;
// Readings "was it the black one?" gets for its option word: a swap, a change, the product itself.
const WHICH_ONE_READINGS = new Set<Intent>(["exchange_item", "change_order", "product_info", "product_search"]);
// "what's in it?", "il y a quoi dedans ?", "¿qué trae?", "that's the blue one, right?": the order's items.
const ORDER_CONTENTS =
  /\b(?:(?:that's|that is|it's|it is|those are|they're|they are) (?:the|my) [^?!.]{1,40}?,? (?:right|correct|isn't it|aren't they)|c'est (?:bien )?(?:le|la|les|mon|ma|mes) [^?!.]{1,40}?,? (?:hein|c'est ca|non|n'est-ce pas)|(?:es|son) (?:el|la|los|las|mi|mis) [^?!.]{1,40}?,? (?:verdad|cierto|no|correcto)|(?:is|are) (?:the |my )?(?:[\w-]+ ){1,4}(?:in (?:there|it|the (?:box|package|parcel|order|shipment))|included)|(?:le|la|les) (?:[\w-]+ ){1,4}(?:est|sont) (?:dans le colis|dans la commande|dedans|inclu\w*)|(?:viene|vienen|va|van) (?:el |la |los |las )?(?:[\w-]+ ){0,4}(?:en el paquete|en el pedido|incluid[oa]s?)|what(?:'s| is| was) in (?:it|there|that order|the order|my order|the (?:box|parcel|package)(?: that came)?)|what(?:'s| is) inside|what(?:'s| is| was| were) in (?:the|that|this|my|each|the other|the first|the second) (?:[\w-]+ )?(?:box|parcel|package|shipment|delivery)|(?:qu'y a-t-il|qu'est-ce qu'il y a|il y a quoi|quoi) dans (?:le|ce|mon|l'autre) (?:[\w-]+ )?colis|que (?:viene|hay|trae|va) (?:en|dentro de) (?:el|ese|este|mi|el otro) (?:paquete|envio|caja)|what did i (?:order|buy|get)|what (?:size|colou?r|variant) did i (?:order|buy|get|pick)|which (?:size|colou?r) (?:did i|was it)|quoi dedans|qu'est-ce qu'il y a dedans|qu'est-ce que j'(?:ai|avais) (?:command\w*|pris|achete)|j'(?:ai|avais) (?:pris|commande|achete) quoi|que (?:trae|traia|contiene|contenia|lleva|llevaba|incluye|incluia)|que (?:pedi|compre)|que (?:talla|color) (?:pedi|compre|era)|(?:il|elle|elles|ils|le colis|la commande|ma commande|mon colis) contien\w* quoi|(?:que|qu'est-ce que|ce que) contien\w*|qu'est-ce qu'(?:il|elle)s? contien\w*|ce qu'(?:il|elle)s? contien\w*|ce qu'il y a(?:vait)? (?:dedans|dans (?:le|mon|ma|la|ce|cette) (?:colis|commande|paquet|carton))|(?:c'est|c'etait|il y a(?:vait)?|y a(?:vait)?) quoi (?:dedans|dans (?:le|mon|ma|la|ce|cette) (?:colis|commande|paquet|carton))|qu'y a-t-il (?:dedans|dans (?:le|mon|ma|la|ce|cette) (?:colis|commande|paquet|carton))|que (?:hay|habia|viene|venia|va|iba) (?:dentro|adentro|en (?:el|mi|ese|este|la|esa|esta) (?:paquete|pedido|caja|envio|orden))|que (?:productos|articulos|cosas) (?:trae|traia|lleva|llevaba|tiene|tenia|incluye|venian|vienen|eran|pedi|compre)|what (?:was|is|were) in (?:that|this) (?:order|package|parcel|box|shipment)|which (?:items|products|things) (?:are|were|was|is) (?:in|inside)|what (?:items|products|things) (?:are|were|did i) (?:in|inside|order|buy|get)|(?:which|what) (?:item|product|article|thing)s? (?:was|were|is|are) (?:it|that|this|they|those) for|(?:c'etait|c'est) (?:pour )?(?:quel|quelle|quels|quelles) (?!jour|date|heure|montant|prix|somme)[\w-]+|pour (?:quel|quels|quelle|quelles) (?:article|produit)s?|(?:de|para|por) (?:que|cual(?:es)?) (?:producto|articulo)s?|(?:que|cual) (?!dia|fecha|hora|monto|precio|cantidad)[\w-]+ (?:era|eran)|what(?:'s| is| was) (?:it|that|this|the refund|that refund|the charge) for|^[¿¡ ]*(?:and )?for what|what i (?:bought|ordered|got)|(?:c'etait|c'est|ca correspond a|ca correspondait a|ca concern\w*) (?:pour )?quoi|^[¿¡ ]*pour quoi|quels? articles?|quels? produits?|de que (?:fue|era)|por que concepto|a que corresponde|(?:que|cuales) (?:articulos|productos)|que (?:habia|he|hube) (?:pedido|comprado))\b/;
const LATE_MISREAD = new Set<Intent>([
  "change_order",
  "cancel_order",
  "change_shipping_address",
  "product_info",
  "product_search",
  "out_of_scope",
]);
const ASKS_FOR_ACTION =
  /\b(?:please|want|wanna|would like|need|can you|could you|can i|could i|quiero|quisiera|necesito|puedes|pueden|puedo|voudrais|veux|souhaite|pouvez|puis-je|peux)\b/;

// "How do I send it back?", "comment je le renvoie ?", "¿cómo la envío?" (accents folded).
const HOW_TO_SEND_BACK =
  /\b(?:send|ship|post|mail)(?:ing)? (?:it |them |this |these |the \w+ )?back\b|\blabel\b|\b(?:renvo\w*|envoyer|expedier|poster|etiquette)\b|\b(?:envi[oa]\w*|mand[oa]\w*|guia)\b/;
const RETURN_INTENTS = new Set<Intent>(["return_item", "exchange_item", "refund_status"]);
const SEND_BACK_MISREAD = new Set<Intent>(["shipping_options", "track_order", "out_of_scope", "product_search"]);

// Details of a refund just given: how much of it, to which card, whether shipping was included, why only part
// ("only", "less", "solo" alone are too common: "¿solo tienen el negro?" asks of a product).
const REFUND_DETAIL =
  /\b(?:full|amount|total|whole|card|account|payment method|paid with|shipping|delivery|partial|rest|why not|why (?:only|just|less)|only (?:part|half|some)|half|montant|totalite|entier|carte|compte|moyen de paiement|frais|livraison|port|reste|pourquoi pas|pourquoi (?:seulement|que|moins)|seulement (?:une partie|la moitie)|moitie|monto|completo|tarjeta|cuenta|metodo de pago|envio|resto|por que no|por que (?:solo|menos)|solo (?:una parte|la mitad)|mitad)\b/;
// Whether the shop takes a way to pay ("do you accept credit cards?"): a question before buying, not the refund's card.
const ASKS_WAYS_TO_PAY =
  /\b(?:do|will) you (?:accept|take)\b|\bcan i pay (?:with|by)\b|\b(?:accept|take) (?:credit|debit|amex|visa|mastercard|cards?)\b|\b(?:aceptan|aceptas|reciben)\b|\b(?:acceptez|prenez)(?:-vous)?\b|\bpuedo pagar con\b|\bpuis-je payer (?:avec|par)\b/;
// Another form for the money of a refund just given: store credit, a gift card, a voucher.
// ("avoir" is also the verb, "crédito" also a card: only their phrases count.)
const CREDIT_INSTEAD =
  /\b(?:store credit|credit note|gift ?cards?|vouchers?|(?:un|mon|d'un|en) avoir(?! (?:le|la|les|un|une|des|du|mon|ma|mes))|bon d'achat|carte cadeau|credito (?:en|de la|de) tienda|saldo a favor|tarjeta de regalo|monedero)\b/;

const REFUND_DETAIL_MISREAD = new Set<Intent>([
  "discount_code",
  "payment_methods",
  "payment_issue",
  "shipping_options",
  "product_info",
  "product_search",
  "out_of_scope",
  "account_help",
  "track_order",
  "return_policy",
]);
const CREDIT_INSTEAD_MISREAD = new Set<Intent>([
  ...REFUND_DETAIL_MISREAD,
  "exchange_item",
  "return_item",
  "change_order",
  "change_shipping_address",
]);
// "Where do I pick it up?", "c'est où la boutique ?", "¿dónde lo recojo?": the order's collection point, which its status names.
const WHERE =
  /\b(?:where|donde|en que (?:tienda|sucursal))\b|\bou (?:est|se trouve|sont|je|puis|dois|faut)\b|\bc'est ou\b|\bou\s*\?/;
const PICKUP_PLACE =
  /\b(?:pick(?:ing)? ?(?:it |them )?up|collect\w*|shop|store|boutique|magasin|tienda|cafeteria|relais|relay|retir\w*|recuper\w*|recog\w*|recojo|paso)\b/;
const PICKUP_MISREAD = new Set<Intent>([
  "out_of_scope",
  "product_info",
  "product_search",
  "shipping_options",
  "complaint",
  "change_order",
  "greeting",
]);
// "Does that apply to socks?", "même pour les bougies ?", "¿aplica también para el café?" after a rule: the same rule.
const APPLIES_TO =
  /\b(?:does (?:that|this|it) (?:also )?(?:apply|count|include|work)|(?:is|are) (?:that|this) (?:also )?(?:for|true for)|meme pour|(?:ca|cela) (?:s'applique|vaut|marche) (?:aussi )?(?:pour|aux?)|aplica (?:tambien )?(?:para|a|con)|tambien (?:para|con|aplica))\b/;
const RULE_INTENTS = new Set<Intent>(["return_policy", "shipping_options"]);
// "How long does a refund take?" after the rules: the rule's timing, not the shopper's own refund.
const GENERAL_REFUND_TIMING =
  /\bhow long (?:does|do|will) (?:a |the )?refunds? take\b|\bcombien de temps (?:prend|faut-il pour) (?:un|le) remboursement\b|\bcuanto (?:tarda|tardan|demora) (?:un|el) reembolso\b/;
const OWN = /\b(?:my|mon|ma|mes|mi|mis)\b/;
// "What do I need to do?", "que dois-je faire ?", "¿qué tengo que hacer?".
/**
 * "What do I do now?", "what are my options?", "qu'est-ce que je dois faire ?", "¿qué hago?" (accents
 * folded): the shopper asks what the last answer means for them. One pattern for every place that
 * asks it: an order follow-up, the step after a carrier trace is offered, a refund not yet seen.
 */
const WHAT_TO_DO =
  /\b(?:(?:je|on) fais? quoi|(?:je|on) (?:dois|doit) faire quelque chose|do i (?:need|have) to do anything|(?:tengo|debo) que hacer algo|debo hacer algo|(?:and )?now what|what now|what next|y ahora que|que hago ahora|what (?:do|should|shall|must|can|could) (?:i|we) (?:need to |have to )?do|what do i have to do|what are my options|who (?:do|should) i (?:contact|call|ask)|what happens (?:now|next)|next steps?|que (?:dois-je|je dois|faut-il|puis-je|je peux) faire|que (?:dois|puis)-je faire|qu'est-ce que (?:je dois|je peux|je pourrais|il faut) faire|que faire|que (?:tengo|debo|necesito|puedo|podria) (?:que )?hacer|que hago|que hacemos|q hago|que sigue|a quien (?:le )?(?:escribo|llamo|contacto))\b/;
export const asksWhatToDo = (normalized: string) => WHAT_TO_DO.test(normalized);
// A shop account, not a bank one.
const LOGIN = /\b(?:log ?in|log into|sign ?in|password|connect\w*|mot de passe|contrasena|iniciar sesion)\b/;
// "ok so when exactly?": nothing new, the last order answer's timing.
// "c'était quel jour ?", "à quelle date ?", "it was on which day?": the same, with the words around it.
const BARE_WHEN =
  /^[¿¡ ]*(?:(?:ok(?:ay)?|so|and|but|alors|donc|et|mais|y|entonces|pero|vale)[ ,]+)*(?:(?:it|that) was |was (?:it|that) |c'etait |c'est |ce sera |fue |era )?(?:on |a |au |en |el |para )?(?:(?:when|quand|cuando)(?: exactly| exactement| exactamente| then| alors| entonces)?|(?:which|what) (?:day|date)(?: was (?:that|it))?|when (?:was|did) (?:that|it|this)(?: happen)?|c'etait quand|quand (?:ca|c'etait)|(?:quel|quelle) (?:jour|date)(?: c'etait| (?:etait-ce|ca))?|(?:que|cual|en que) (?:dia|fecha)(?: fue)?(?: eso)?|cuando fue(?: eso)?)(?: (?:exactly|exactement|exactamente|deja|again|already|ya))?[ ?!.]*$/;

// When, or which day, in the shopper's words (accents folded): "de quand", "cuándo", "what date".
const WHEN_ASKED =
  /\b(?:when|what (?:day|date)|which (?:day|date)|quand|quel jour|quelle date|de quand|cuando|que (?:dia|fecha)|en que fecha|para que fecha)\b/;
// The parcel itself, named: its timing is the shipment's, not a refund's.
const PARCEL =
  /\b(?:package|parcel|order|delivery|shipment|colis|commande|livraison|paquete|pedido|envio|entrega)\b|\b(?:arriv\w*|deliver\w*|livr\w*|lleg\w*|entreg\w*)\b/;
/** Readings that name no topic of their own. */
const UNSURE_READINGS = new Set<Intent>(["out_of_scope", "complaint", "greeting"]);
/** At most this many words, a question asking when needs no other word to be about the answer just given. */
const SHORT_WHEN_WORDS = 7;

// Questions the shop's note on the order just shown may answer ("will I be charged extra?", "¿hasta cuándo tengo para pagar?").
const NOTE_MISREAD = new Set<Intent>([
  // "vous me facturez des frais en plus ?": billed, in the sense of charged.
  "get_invoice",
  "payment_issue",
  "payment_methods",
  "shipping_options",
  "out_of_scope",
  "complaint",
  "return_policy",
]);
// Paying more for the order: "do I pay extra", "is there a charge", "des frais en plus", "¿me cobran otro envío?".
const PAYS_EXTRA =
  /\b(?:pay(?:ing)? (?:extra|more|again|for)|extra (?:charge|cost|fee|shipping)|(?:charge|bill) me|cost (?:extra|more)|payer (?:plus|encore|a nouveau)|(?:frais|supplement) (?:en plus|supplementaires?|de port)|pagar (?:mas|otra vez|de nuevo|otro)|(?:me )?(?:cobran|van a cobrar|cobraran) (?:otro|mas|el envio))\b/;
const EDIT_VERB =
  /\b(?:add\w*|remov\w*|swap\w*|switch\w*|chang\w*|cancel\w*|instead|ajout\w*|rajout\w*|retir\w*|enlev\w*|modifi\w*|annul\w*|agreg\w*|anad\w*|quit\w*|cambi\w*)\b/;
// Words every order note and question share, which say nothing about what the note answers.
const NOTE_GENERIC = new Set([
  "order",
  "commande",
  "pedido",
  "will",
  "the",
  "and",
  "les",
  "des",
  "que",
  "por",
  "para",
  "pour",
  "est",
  "una",
  "con",
  "vous",
  "your",
]);

const PERSONAL = /\b(?:i|me|my|je|j'ai|moi|mon|ma|mes|yo|mi|mis|tengo|puedo|voy|debo)\b/;

/** Whether the question and the note share a content word (stemmed in the conversation's language). */
function noteAnswers(question: string, note: string, language: Language): boolean {
  const stems = (text: string) =>
    new Set(
      normalize(text)
        .split(/[^a-z0-9']+/)
        .filter((w) => w.length > 3 && !NOTE_GENERIC.has(w))
        .map((w) => stemIn(w, language)),
    );
  const noteStems = stems(note);
  return [...stems(question)].some((stem) => noteStems.has(stem));
}

// Readings of "where is it? it says return to sender": the words of a return, or a grievance.
const RETURN_READINGS = new Set<Intent>(["return_item", "return_policy", "complaint", "out_of_scope"]);
// "It arrived torn, what do I do?", "la tetera vino rota": readings a damaged item of the shopper's is taken for.
const DEFECT_MISREADS = new Set<Intent>(["track_order", "exchange_item", "product_info", "out_of_scope"]);
// The item came to the shopper ("arrived cracked", "vino rota", "est arrivée cassée"); a bare "my" is
// no arrival ("does the zipper on my jacket break easily?" asks about the product).
const ARRIVED =
  /\b(?:arrived|came|showed up|received|delivered|got it|llego|llegaron|vino|vinieron|recibi|arrive\w*|recu\w*|livre\w*)\b/;
const SWAP_WORDS = /\b(?:exchange|swap|replace|replacement|cambi\w*|reemplaz\w*|echang\w*|remplac\w*)\b/;
const TELL_ME =
  /\b(?:can|could|will|would) (?:someone|somebody|anyone|anybody|you) (?:please )?(?:tell|let) me\b|\bquelqu'un (?:peut|pourrait) me dire\b|\balguien (?:me )?(?:puede|podria) decir\b/;
// "remind me", "rappelez-moi", "recuérdame": a fact asked again (accents folded).
const REMIND_ME = /\b(?:remind me|rappelez-moi|rappelle-moi|recuerdame|recuerdeme|recuerdenme)\b/;
const ASKS_FOR_SOMEONE = /\b(?:someone|somebody|person|agent|quelqu'un|personne|conseill\w*|alguien|persona|agente)\b/;
// Readings an annoyed message gets; a request for a person stays one.
const COMPLAINT_READINGS = new Set<Intent>(["complaint", "out_of_scope", "greeting"]);
const PART_MISSING_READINGS = new Set<Intent>([...COMPLAINT_READINGS, "product_info", "product_search"]);
// The shopper's own order told: ordered, bought, came, received (en/fr/es, accents folded).
const ORDERED_OR_CAME =
  /\b(?:i (?:ordered|bought|purchased|got)|(?:came|arrived|showed up|turned up|got here|was delivered)|j'ai (?:commande|achete|recu)|(?:est|sont) arrivee?s?|compre|pedi|recibi|(?:ya )?(?:llego|llegaron))\b/;
// …and a part of it missing: "but no lamp", "mais toujours pas la lampe", "pero de la lámpara nada".
const PART_MISSING =
  /\b(?:but (?:still )?(?:no(?! ?one\b)|not the|never (?:got|received) the|nothing from the)|mais (?:toujours )?(?:pas (?:le|la|les|de|du|l')|rien (?:pour|de|du))|pero (?:(?:del?|de la|de los|de las) [\w-]+(?: [\w-]+)? (?:nada|ni (?:sus )?luces|todavia no|aun no)|(?:no|ni) (?:el|la|los|las|del?)))\b/;
// "where is my parcel?", "il est où mon colis ?", "¿dónde está mi pedido?", "is my umbrella coming or not?".
const WHERE_IS_MINE =
  /\b(?:sont|est) passee?s? ou\b|\b(?:it|they) (?:went|gone) where\b|\bwhere did (?:it|they|my [\w-]+) go\b|\ba donde (?:fue|se fue) (?:a dar )?(?:mi|el)\b|\bwhere(?:'s| is| are) (?:my|it|they|them|the (?:order|package|parcel|delivery))\b|\bwhere (?:my|the) (?:[\w-]+ ){1,3}(?:is|are)\b|\b(?:ou (?:est|sont|en est)|ou en sont) (?:mon|ma|mes|il|elle|le colis|la commande)\b|\b(?:il|elle) est ou\b|\bdonde (?:esta|estan|anda|quedo) (?:mi|mis|el pedido|el paquete)\b|\bdonde (?:esta|estan)\s*[?!]*$|\b(?:is|are) (?:my|the) (?:[\w-]+ ){0,3}(?:coming|arriving|ever coming)\b|\b(?:is|are|will) (?:my|the|it|they) (?:[\w-]+ ){0,3}(?:ever )?(?:going to |gonna )?(?:arrive|come|get here|be delivered)\b|\b(?:and|y|et) (?:my|mi|mis|mon|ma|mes) [\w-]+\s*\?/;
const NO_NEWS_OF_ORDER =
  /\b(?:no news|no update|aucune nouvelle|pas de nouvelles|sin noticias|ninguna noticia)\b.*\b(?:order|package|parcel|commande|colis|pedido|paquete)\b/;
// What became of it: "what's going on?", "any news?", "que se passe-t-il ?", "¿qué pasó?" — not a question about
// the product ("what batteries does it take?", "how do I set it up?").
const ASKS_WHAT_BECAME =
  /\b(?:what'?s (?:going on|happening|up with)|what happened|where|when|any (?:news|update)|is it (?:coming|lost)|que se passe|qu'est-ce qui se passe|ou (?:est|sont|en est)|quand|des nouvelles|que paso|que onda|que sucede|donde|cuando|alguna noticia)\b/;
// A question, not a statement: "your shipping is slow" stays a complaint.
const ASKS = /\?|^(?:when|where|what|has|have|did|is|quand|ou|est-ce|cuando|donde|que|ya)\b/;
// "when will my order arrive?", "has it even shipped?", "quand est-ce que ma commande va arriver ?", "¿cuándo me llega?".
const ARRIVAL_QUESTION =
  /\b(?:a quelle heure|quel jour|quelle date|what time|which day|what day|a que hora|que dia)\b.*\b(?:arriv\w*|livr\w*|deliver\w*|come|coming|lleg\w*|entreg\w*)\b|\b(?:arriv\w*|livr\w*|deliver\w*|lleg\w*|entreg\w*)\b.*\b(?:a quelle heure|quel jour|what time|which day|a que hora|que dia)\b|\b(?:une|la|a|the|new|nouvelle|una|la nueva) (?:date|fecha) (?:de livraison|d'arrivee|de entrega|de llegada)\b|\b(?:a|the) delivery date\b|\bwhen (?:will|is|does|do|am i going to|can i expect|are you going to)\b.*\b(?:arriv\w*|come|coming|get (?:it|here|them|my)|deliver\w*|receive|ship\w*|send\w*)\b|\b(?:has|have|did) (?:it|they|my [\w-]+|the [\w-]+) (?:even |actually |ever |already )?(?:ship\w*|been sent|left|arriv\w*)\b|\bquand\b.*\b(?:arriv\w*|livr\w*|recevoir|recevrai|expedi\w*|envo\w*)\b|\bcuando\b.*\b(?:lleg\w*|recib\w*|entreg\w*|envi\w*|mand\w*)\b/;
const STATUS_QUESTION =
  /\bwhat(?:'s| is) (?:going on|happening|up) with (?:my|the) [\w-]+\b|\b(?:que|qu'est-ce qui) se passe avec (?:ma|mon|mes) [\w-]+\b|\bque (?:pasa|paso|onda) con (?:mi|mis) [\w-]+\b/;
// "did everything in my order ship?", "what happened to my pot?", "¿qué pasó con mi olla?": where the order stands.
const SHIPPED_YET =
  /\b(?:has|have|did|is) (?:everything|it all|all of it|all of (?:it|them|my order)|the whole order|my (?:whole )?order)\b.*\b(?:ship\w*|sent|arriv\w*|left|gone out)\b|\btout (?:est|a ete) (?:parti|expedie|envoye)\b|\b(?:ya )?(?:va|salio|enviaron|llego) todo\b|\btodo mi pedido\b/;
const WHAT_HAPPENED =
  /\bwhat(?:'s| has)? happen(?:ed|ing) (?:to|with) (?:my|the)\b|\bqu'est-(?:il|ce qui est) arrive a (?:mon|ma|mes)\b|\bque (?:paso|ha pasado|sucedio) con (?:mi|mis|el|la)\b/;
// Wanting to make a return ("I want to return…", "¿puedo devolverlo…?"), as opposed to asking about one made.
const WANTS_TO_RETURN =
  /\b(?:want to|wanna|would like to|'d like to|need to|can i|could i|how (?:do|can) i|start|open|je (?:veux|voudrais|souhaite)|puis-je|est-ce que je peux|comment|quiero|quisiera|necesito|puedo|como)\b(?: \w+){0,2} (?:return|send|retourn\w*|renvoy\w*|rendre|devolver\w*|regresar\w*|mandar\w*|a return|un retour|una devolucion)\b/;
// Money put back without the word "refund": credited, paid back, "recrédité", "me depositan".
const CREDITED =
  /\b(?:credited|credit (?:back|on|to)|paid (?:me )?back|pay me back|been paid|back (?:on|to) my (?:card|account)|(?:re)?credite\w*|abonad[oa]|abonaron|depositad[oa]|depositaron|me depositan|me pagan|me pagaron)\b/;
const REFUND_WORD = /\b(?:refund\w*|rembours\w*|reembols\w*)\b/;
const REFUND_PROGRESS =
  /\b(?:when|yet|still|status|where|processed|issued|coming|will i (?:get|receive|be)|am i (?:getting|going to get)|quand|toujours|encore|statut|ou en est|cuando|todavia|aun|ya|donde|estado|procesa\w*)\b/;
// A change (not a cancellation) before the order ships: "can I swap the size before it ships?", "add one more".
const CHANGE_MISREAD = new Set<Intent>([
  "cancel_order",
  "exchange_item",
  "return_item",
  "product_info",
  "product_search",
  "out_of_scope",
]);
// Readings a change stated outright (statedChange) gets for the nouns it names.
const STATED_CHANGE_MISREAD = new Set<Intent>([
  // With no word of cancelling (checked where it's used): "send it express instead" ends nothing.
  "cancel_order",
  "track_order",
  "out_of_scope",
  "shipping_options",
  "product_info",
  "product_search",
  "change_shipping_address",
  "exchange_item",
  "payment_methods",
]);
// Readings of a swap on a named order that say nothing of a return or an exchange of what arrived.
const SWAP_ON_ORDER_MISREAD = new Set<Intent>(["track_order", "out_of_scope", "shipping_options", "payment_methods"]);
const WRONG_OPTION_MISREAD = new Set<Intent>(["product_info", "product_search", "out_of_scope"]);
const ADDRESS_WORD = /\b(?:address|adresse|direccion)\b/;
// "too late to change", "can I still modify", "trop tard pour modifier", "¿todavía puedo cambiar?".
const STILL_CHANGEABLE =
  /\btoo late to (?:make (?:a |any )?)?(?:change|modify|edit|add|cancel|swap|switch)\w*|\b(?:can|could) (?:i|we|you) still (?:change|modify|edit|add|swap|switch|cancel)\w*|\btrop tard pour (?:modifier|changer|annuler|ajouter)\b|\b(?:encore|toujours) (?:possible de |temps de )?(?:modifier|changer|annuler|ajouter)\b|\bdemasiado tarde para (?:cambiar|modificar|cancelar|agregar)\b|\b(?:todavia|aun) (?:puedo|se puede|podria|estoy a tiempo de) (?:cambiar|modificar|cancelar|agregar)\b|\b(?:todavia|aun) estoy a tiempo\b/;
// "don't send the …", "ne m'envoyez pas le …", "no me manden el …": said of something not sent yet.
const DONT_SEND =
  /\b(?:don'?t|do not|please don'?t) (?:send|ship|include|pack)\b|\b(?:ne )?(?:m')?envoyez pas\b|\bno (?:me )?(?:manden|envien|incluyan|empaquen)\b/;
const CANCEL_WORDS = /\b(?:cancel\w*|annul\w*|cancela\w*)\b/;
const CHANGE_WORDS =
  /\b(?:chang\w*|swap\w*|switch\w*|modif\w*|edit|add|drop(?! (?:it |them )?off)|leave (?:out|off)|cambi\w*|agreg\w*|anad\w*|ajout\w*|rajout\w*)\b/;
const BEFORE_SHIPPING =
  /\bbefore (?:it|they|you) (?:ships?|send|sends|dispatch\w*|goes out|leaves?)\b|\bbefore (?:you )?(?:ship|send|dispatch) (?:it|them)\b|\b(?:hasn'?t|has not|haven'?t|not) (?:yet )?(?:shipped|been shipped|been sent|left)\b|\bavant (?:l'envoi|l'expedition|qu'(?:elle|il|ils|elles) (?:ne )?(?:parte|partent|soi(?:t|ent) expedie\w*)|que vous (?:ne )?(?:l'envoyiez|l'expediez))\b|\bpas encore (?:partie?s?|expedie\w*|envoye\w*)\b|\bantes de(?: que)? (?:me )?(?:lo |la |los |las )?(?:envi\w*|mand\w*|salga\w*)|\bantes del envio\b|\b(?:todavia|aun) no (?:sale|ha salido|se envia|lo envian)\b/;
const ADD_TO_ORDER =
  /\badd\w* (?:[\w-]+ ){0,4}to (?:my|the|this|that) order\b|\badd one more\b|\b(?:ajout|rajout)\w* (?:[\w'-]+ ){0,5}(?:a|dans) (?:ma|la) commande\b|\b(?:agreg|anad)\w* (?:[\w-]+ ){0,5}(?:a )?(?:mi|el) pedido\b|\bme agregas\b/;
const ON_THE_ORDER = /\b(?:my|the|this|that) order\b|\b(?:ma|la|cette) commande\b|\b(?:mi|el|este) pedido\b/;
// The rest of the order is kept: "cancel just the umbrella and keep the boots", "just send the tea",
// "mais garder le plateau", "mándenme solo el té". Dropping one item is a change, not a cancellation.
const KEEP_THE_REST =
  /\b(?:keep (?:all )?(?:the|my) (?:rest|others?|\w+)|i still (?:want|need) (?:the|my) (?!money|refund|price|delivery|shipping|order\b)|(?:just|only) the [\w-]+(?: [\w-]+)? (?:please|then|thanks)|the (?!price|delivery|shipping|money|refund|service|speed|cost|quality|rest\b)[\w-]+(?: [\w-]+)? (?:is|are) (?:fine|ok|okay|good)|(?:just|only) (?:send|ship) (?:me )?the|the rest (?:is|can|still)|(?:garder|je garde) (?:le|la|les|l')|le reste|(?<!(?:annul|retir|enlev|supprim)\w* )seulement (?:le|la|les)|(?:mandenme|envienme|mandame|enviame) (?:solo|nada mas|solamente|unicamente)|(?:solo|nada mas|solamente|unicamente) (?:mandenme|envienme|mandame|enviame|manden|envien)|me quedo con|quedarme con|lo demas|el resto|(?:gardez|conservez|garde) (?:le|la|les|l')|(?:dejenme|dejame|dejen|dejan|mantengan) (?:el|la|los|las))\b/;
// "cancel the M and get the L instead", "annuler le bleu et prendre le rouge à la place": a swap.
const SWAP_INSTEAD =
  /\b(?:and|&) (?:get|send|take|have|switch to|replace it with)\b.*\binstead\b|\bet (?:prendre|recevoir|mettre)\b.*\b(?:a la place|plutot)\b|\by (?:mejor )?(?:mandar|enviar|poner|cambiar|quiero)\b.*\b(?:en vez|en lugar)\b/;
// "cancel the saffron colour, I want teal", "annulez le grand panier et mettez le petit à la place",
// "cancelen el de 2 litros y pónganme el de 1 litro": a cancellation that says what comes instead changes the order, it doesn't end it.
const CANCEL_AN_OPTION =
  /\b(?:cancel\w*|annul\w*) (?:[\w-]+ ){0,3}(?:size|colou?r|variant|model|taille|couleur|modele|talla|color|tamano|modelo)\b/;
const WHAT_INSTEAD =
  /\b(?:the|a|an|one) [\w-]+(?: [\w-]+)? instead\b|\b(?:want\w*|need|prefer|get) (?:the |a |an |size |it in )?[\w-]+ (?:not|instead of|rather than)\b|\bi (?:want\w*|need|would like|'d like|prefer) (?!to\b|it\b|them\b|my\b|you\b|this\b|that\b|all\b|everything\b|a refund|the (?:order|money|refund|whole|entire))[\w-]+|\ba la place\b|\bau lieu\b|\bplutot\b|\bet (?:mettez|mets|mettre|envoyez|envoyer|prenez|prendre|donnez)\b|\ben (?:su|mi) lugar\b|\ben vez\b|\ben lugar\b|\b(?:ponganme|mandenme|envienme|ponme|mandame)\b|\by (?:que )?me (?:manden|envien|pongan|den|mandan)\b|\b(?:and|,)\s*(?:please )?(?:send|ship|give|get|put) (?!(?:[\w-]+ ){0,3}(?:confirmation|email|e-mail|receipt|refund|label|money|invoice|update)\b)(?:me )?(?:the |a |an )?[\w-]+|\breplac\w* (?:[\w-]+ ){0,4}(?:with|by)\b|\b(?:remplac|reemplaz|sustitu)\w*|\bre-?order\w*|\border (?:it )?again\b|\brecommander\b|\bvolver a pedir\w*|\bpedir(?:lo|la)? de nuevo\b/;
// "cancel part of my order", "annuler un article", "cancelar uno de los productos": some of it, not the order.
const PART_OF_ORDER =
  /\b(?:(?:part|half) of (?:my|the|this) order|half (?:my|the) order|la moitie de (?:ma|la) commande|la mitad de(?:l| mi) pedido|one (?:item|thing|product|of the (?:items|things|products))|an item|some (?:items|things)|une partie|un (?:seul )?article|un des articles|parte del pedido|un (?:solo )?(?:articulo|producto)|uno de los (?:articulos|productos))\b/;
const DONT_NEED_ONE =
  /\b(?:don'?t|do not|no longer) (?:need|want|send|ship|include) the\b|\b(?:ne )?(?:m')?envoyez pas\b|\bno (?:me )?(?:manden|envien|incluyan)\b|\bje ne veux plus (?:le|la|les)\b|\bya no (?:quiero|necesito) (?:el|la|los|las)\b/;
// Only part of it wanted now: "I only want the poles now, not the headlamp", "je veux seulement le plaid, pas les
// bougies", "ya solo quiero el café, no la taza". Keeping some of an order is a change of it, not a cancellation.
const ONLY_PART_NOW =
  /\b(?:only|just) (?:want|need|keep) (?:the|my) [^.?!]{1,40}?,?\s(?:not|but not) (?:the|my)\b|\bje (?:ne )?veux (?:seulement|juste|plus que|que) (?:le|la|les|l')[^.?!]{1,40}?,?\s(?:pas|plus) (?:le|la|les|l'|mes)|\b(?:solo|nada mas|solamente|unicamente) quiero (?:el|la|los|las)\b[^.?!]{1,40}?,?\s(?:no|sin) (?:el|la|los|las)\b/;
// "(is it possible to) get just the poles?", "send me only the mugs": part of an order placed, kept.
const JUST_PART =
  /\b(?:get|have|keep|send me|ship me) (?:just|only) the\b(?! (?:tracking|link|receipt|invoice|label|number|confirmation)\b)/;
// Readings a story of an order placed, then part of it asked, gets: the order's tracking, its cancellation.
const STORY_CHANGE_MISREAD = new Set<Intent>([...CHANGE_MISREAD, "track_order"]);
// The item already came: changing it is an exchange.
const RECEIVED_IT =
  /\b(?:too (?:small|big|large|tight|short|long)|doesn'?t fit|don'?t fit|received|arrived|got (?:it|them)|came|wore|worn|trop (?:petite?s?|grande?s?|serree?s?)|recue?s?|arrivee?s?|ne (?:me )?va pas|muy (?:chic\w*|grande?s?)|me queda\w*|recibi|llego)\b/;
// "can you remove the beanie from my order?", "retirer les torchons de ma commande", "quitar la taza de mi pedido".
const REMOVE_FROM_ORDER =
  /\b(?:remove|take (?:off|out)|drop) (?:[\w-]+ ){0,4}(?:from|off|out of) (?:my|the|this|that) order\b|\b(?:drop|leave) (?:[\w-]+ ){0,4}(?:from|off|out of) (?:it|there)\b|\btake (?:[\w-]+ ){0,4}off (?:it|there)\b|\b(?:retir|enlev|supprim)\w* (?:[\w'-]+ ){0,5}de (?:ma|la) commande\b|\b(?:quit|elimin|sac)\w* (?:[\w-]+ ){0,5}(?:de|del) (?:mi|el)? ?pedido\b/;
// "the tracking says return to sender": the parcel's way back to the shop, not a return of the shopper's.
export const RETURN_TO_SENDER =
  /\breturn(?:ed|ing)? to (?:the )?sender\b|\bretour (?:a l'|a |vers l')?expediteur\b|\b(?:devuelto|devolucion|regresado|regreso) al remitente\b/;
// "until when can I return it?", "¿hasta cuándo lo puedo devolver?": the order's own return window.
const RETURN_DEADLINE =
  /\b(?:until when|till when|by when|how long do i have|last day|jusqu'(?:a|au) quand|dernier jour|hasta cuando|ultimo dia|cuanto tiempo tengo)\b/;
// "new date?", "¿alguna fecha?": a date asked about the shipment just shown.
const DATE_ASKED = /\b(?:date|eta|day|when|fecha|dia|cuando|jour|quand)\b/;
// "delivered today?", "livrée aujourd'hui ?", "¿ya enviado?": a state only an order already placed has.
const DONE_YET =
  /^(?:(?:is|was|has) (?:it|my order|the order|my package|my parcel) (?:been )?|(?:elle|il) (?:est|a ete) |(?:ya )?(?:fue |esta )?)?(?:delivered|shipped|sent|dispatched|livree?s?|expediee?s?|envoyee?s?|entregad[oa]s?|enviad[oa]s?|mandad[oa]s?)\b.*\b(?:today|yet|already|aujourd'hui|deja|hoy|ya)\b/;
// After a refund: "so when do I get it?", "when will I have it?".
const GET_IT_WHEN =
  /\b(?:when|how long|quand|cuando)\b.*\b(?:get|have|receive|see) (?:it|that|them)\b|\bquand (?:est-ce que )?je (?:le |la )?(?:recois|recevrai|toucherai|verrai)\b|\bcuando (?:me )?(?:llega|lo recibo|lo veo|lo tendre)\b/;
// "what was the last scan?", "is it stuck?", "where is it now?", "¿dónde fue el último escaneo?".
const LAST_SCAN =
  /\b(?:last|latest|most recent) (?:scan\w*|update|event|status|location|checkpoint)\b|\blast scanned\b|\bscanned\b|\bstuck\b|\bwhere is it now\b|\bwhere (?:is it|it is|are they|they are) (?:right )?(?:now|currently|at the moment)\b|\bou (?:est-il|est-elle|sont-ils|sont-elles|il est|elle est|est le colis|est mon colis) (?:maintenant|actuellement|en ce moment)\b|\bdonde (?:esta|estan|anda|va) (?:ahora|ahorita|en este momento)\b|\b(?:il|elle|ils|elles) (?:est|sont) ou (?:la|maintenant|actuellement|en ce moment)\b|\bwhere(?:'s| is) it at\b|\bderni\w+ (?:scan|mise a jour|etape|passage|position)\b|\bbloque\w*\b|\bou en est-il\b|\bultim[oa] (?:escaneo|actualizacion|movimiento|registro|ubicacion)\b|\bescane\w*\b|\batorad[oa]\b|\bestancad[oa]\b|\bdonde va\b|\b(?:which|what) (?:city|town|state|country)\b|\bquelle ville\b|\bque ciudad\b|\b(?:through|cleared|clear|past|passed) customs\b|\b(?:still |stuck |held )?(?:in|at) customs\b|\ben (?:la )?aduana\b|\b(?:en|a la) douane\b|\bdedouan\w*|\b(?:paso|pasado|libero|liberado|salio de) (?:la )?aduana\b/;
// "until when?", "jusqu'à quand ?", "¿hasta cuándo lo guardan?": how long it is held.
const UNTIL_WHEN =
  /^[¿¡ ]*(?:(?:and|et|y|ok|so|alors)[ ,]+)?(?:until when|till when|from when|since when|how long (?:will|do) (?:they|you) (?:keep|hold) (?:it|them)|jusqu'(?:a|au) quand|a partir de quand|des quand|hasta cuando|desde cuando|a partir de cuando)\b/;
// "can you chase it?", "vous pouvez relancer ?", "¿pueden reclamar?".
const CHASE = /\b(?:chase|chasing|follow (?:it )?up|look into it|relanc\w*|reclam\w*|dar(?:le)? seguimiento)\b/;
// "when can I pick it up?", "je peux le récupérer quand ?".
const COLLECT_VERB = String.raw`(?:pick (?:it |them )?up|collect|recuper\w*|retir\w*|recog\w*|y aller|y passer|aller (?:le |la |les )?chercher|go (?:get|there)|come (?:by|in|get)|pasar por|ir por|ir a recoger)`;
const COLLECT_WHEN = new RegExp(
  String.raw`\b(?:when|quand|cuando|des quand|a partir de quand)\b.*\b${COLLECT_VERB}\b|\b${COLLECT_VERB} (?:\w+ ){0,2}(?:when|quand|cuando)\b`,
);
// "who delivered it?", "qui l'a livré ?", "¿quién lo entregó?".
const DELIVERED_BY =
  /\bwho (?:delivered|brought|dropped)\b|\bqui (?:l'a |les a )?(?:livre|apporte)\b|\bquien (?:lo |la |los )?(?:entrego|trajo|llevo)\b/;

// "how much?", "combien ?", "¿cuánto?" right after an order answer: the amount of what was just shown.
const BARE_HOW_MUCH =
  /^[¿¡ ]*(?:(?:ok(?:ay)?|so|and|but|alors|donc|et|mais|y|entonces|pero|vale)[ ,]+)*(?:(?:it was|that was|c'etait|c'est|ca fait|ca faisait|fue|era|de) )?(?:how much|combien|cuanto)(?: exactly| exactement| exactamente| then| alors| entonces| was it| was that| c'etait| ca fait| fue| es| era)?(?: (?:again|deja|already|ya|en total|au total|in total))?[ ?!.]*$/;

/** Whether the message only asks "how much?" (normalized text). */
export function asksBareAmount(normalized: string): boolean {
  return BARE_HOW_MUCH.test(normalized.trim());
}

// "When did it leave?", "when was it shipped?", "¿cuándo salió?", "quand est-il parti ?": the day a
// parcel left the shop, not when it arrives (accents folded).
const SHIP_DATE =
  /\bwhen (?:did|was|were|has|have) (?:it|they|my [\w-]+|the [\w-]+|that|this|you) (?:get |been |actually |finally )?(?:leave|left|ship|shipped|sent|send|dispatch\w*|post|posted|mail|mailed|go out|went out)\b|\b(?:what|which) (?:day|date) (?:did|was) (?:it|they|that) (?:leave|ship\w*|sent|dispatch\w*|go out)\b|\b(?:ship|shipping|dispatch|shipment|sent) date\b|\bdate (?:it )?(?:shipped|left|was sent)\b|\bcuando (?:salio|salieron|se envio|se enviaron|se mando|se despacho|lo (?:enviaron|mandaron|despacharon)|la (?:enviaron|mandaron|despacharon)|los (?:enviaron|mandaron)|me lo (?:enviaron|mandaron))\b|\bfecha de (?:envio|salida|despacho)\b|\bquand (?:est-(?:il|elle|ce qu'(?:il|elle) est)|(?:il|elle|le colis|la commande) est|a-t-(?:il|elle) ete|l'avez-vous|(?:est-ce que )?vous l'avez) (?:parti|partie|expedie|expediee|envoye|envoyee)\b|\bdate d'(?:expedition|envoi)\b/;

/** Whether the shopper asks when the order or parcel left the shop (normalized text). */
export function asksShipDate(normalized: string): boolean {
  return SHIP_DATE.test(normalized);
}

/** Whether the shopper asks for the latest carrier scan ("last scan?", "is it stuck?"), normalized text. */
export function asksLastScan(normalized: string): boolean {
  return LAST_SCAN.test(normalized);
}

/** Whether the message names an action on an order (change, cancel, return, refund), normalized text. */
export function namesOrderAction(normalized: string): boolean {
  return ORDER_CHANGE.test(normalized) || ABOUT_A_RETURN.test(normalized) || REFUND_WORD.test(normalized);
}

/** Whether the shopper asks about the order's arrival ("when will it get here?"), normalized text. */
export function asksArrival(normalized: string): boolean {
  return ARRIVAL.test(normalized);
}

/** "Why did it take so long?", "pourquoi ce retard ?": why the parcel was slow (normalized text). */
export function asksWhySlow(normalized: string): boolean {
  return SO_LONG.test(normalized) || (/\b(?:why|pourquoi|por que|porque)\b/.test(normalized) && LATE.test(normalized));
}

// The rest of an order: "the other items", "les autres articles", "los demás productos", "lo demás".
const OTHER_ITEMS =
  /\b(?:(?:the )?(?:other|remaining) (?:items?|things|products?|stuff|pieces?|parcels?|packages?|boxes)|the rest(?: of (?:it|them|my order|the order))?|(?:les )?autres (?:articles|produits|choses|colis)|le reste|(?:los |las )?(?:demas|otros|otras) (?:articulos|productos|cosas|paquetes)|lo demas|el resto)\b/;
// "only got the course", "je n'ai reçu que la bougie", "solo me llegó el curso": the item named is the one that came.
const ONLY_RECEIVED =
  /\b(?:only|just) (?:got|received|came)\b|\bn'ai (?:recu|eu) que\b|\b(?:solo|solamente|nada mas) (?:me )?(?:llego|llegaron|recibi)\b/;

/** The message asks about the rest of the order, past the item it names ("got the tent, and the rest?"), normalized text. */
export function asksAboutTheRest(normalized: string): boolean {
  return OTHER_ITEMS.test(normalized) || PART_RECEIVED.test(normalized) || ONLY_RECEIVED.test(normalized);
}

/** Whether the shopper asks what the order cost them (normalized text). */
export function asksOrderCost(normalized: string): boolean {
  return ORDER_COST.test(normalized);
}

/** Whether the shopper asks where the order is being sent (normalized text). */
export function asksOrderAddress(normalized: string): boolean {
  return ORDER_ADDRESS.test(normalized);
}

/** Whether the shopper asks what the order held (its items, the size or colour bought), normalized text. */
export function asksOrderContents(normalized: string): boolean {
  return ORDER_CONTENTS.test(normalized) || WHICH_ONE_ORDERED.test(normalized);
}

/** Whether the shopper asks how the order was paid or whether it has been charged (normalized text). */
export function asksOrderPayment(normalized: string): boolean {
  return ORDER_PAYMENT.test(normalized);
}

/** Whether the shopper asks which discount code the order used (normalized text). */
export function asksOrderCode(normalized: string): boolean {
  return ORDER_CODE.test(normalized);
}

// Readings an order aspect doesn't override: already the order, the shopper's own return or refund, a document, a person.
const ASPECT_KEEPS = new Set<Intent>([
  "track_order",
  "return_item",
  "exchange_item",
  "refund_status",
  "get_invoice",
  "human_agent",
  "thanks_goodbye",
  "greeting",
]);

const GREETINGS = new Set<Intent>(["greeting", "thanks_goodbye"]);

/** Whether the message asks one aspect of an order: its items, cost, payment, code or address (normalized text). */
function asksOrderAspect(n: string): boolean {
  return (
    asksOrderContents(n) ||
    ORDER_COST.test(n) ||
    ORDER_PAYMENT.test(n) ||
    ORDER_CODE.test(n) ||
    (ORDER_ADDRESS.test(n) && !ADDRESS_CHANGE.test(n))
  );
}

// Taking an item out of an order: "remove", "take off", "don't send", "retirer", "quitar", "ya no quiero".
const REMOVE_WORDS =
  /\b(?:remov(?:e|es|ed|ing)|forget (?:about )?the|scrap the|skip the|take (?:[\w-]+ ){0,3}(?:off|out)|drop|don'?t (?:need|want|send|ship|include)|do not (?:send|ship|include)|(?:ne )?(?:m')?envoyez pas|no (?:me )?(?:manden|envien|incluyan)|no longer (?:need|want)|retir\w*|enlev\w*|supprim\w*|ne veux plus|quit\w*|sac\w*|elimin\w*|ya no (?:quiero|necesito))\b/;
// A cancellation is of one item only when the message limits itself to it: "cancel just the …",
// "only the …", "… from my order", "seulement la …", "solo los …" (or keeps the rest, above).
const LIMITED_TO_ITEMS =
  /\b(?:just|only|juste|seulement|uniquement|solo|solamente|unicamente|nada mas)\b|\b(?:from|off|out of) (?:my|the|this|that) order\b|\bde (?:ma|la|cette) commande\b|\b(?:de|del) (?:mi |este )?pedido\b/;
// The whole order, never one item of it: "the entire order", "everything", "toute la commande", "todo el pedido".
const WHOLE_ORDER =
  /\b(?:whole|entire|everything|all of (?:it|them|my|the)|all (?:the |my )?(?:items|things|order)|it all|(?:cancel\w*|annul\w*) (?:it )?all|toute la commande|(?:la )?commande (?:entiere|complete)|tout annuler|annuler tout|l'ensemble|tout(?! de suite)(?: le| ce)?|tod[oa]s?|(?:pedido|orden|compra) (?:complet|enter)[oa]|(?:complet|enter)[oa] (?:el |mi )?pedido)\b/;

/**
 * The part of a message naming the items to take out of an order ("cancel just the umbrella" of
 * "…and keep the boots"), or null when it asks to take none out (normalized text). A plain
 * cancellation that names an item ("cancel my order with the umbrella") cancels the order: the
 * item only says which order.
 */
export function itemsDroppedText(normalized: string): string | null {
  const keep = KEEP_THE_REST.exec(normalized);
  const part = keep ? normalized.slice(0, keep.index) : normalized;
  if (WHOLE_ORDER.test(part)) return null;
  const limited = keep !== null || LIMITED_TO_ITEMS.test(part);
  if (!REMOVE_WORDS.test(normalized) && !(CANCEL_WORDS.test(normalized) && limited)) return null;
  return part;
}

/** Whether the shopper asks how to send a return back (normalized text). */
export function asksHowToSendBack(normalized: string): boolean {
  return HOW_TO_SEND_BACK.test(normalized);
}

// Readings a short question about the shipment just shown gets for a noun it names ("is it going to my office?").
const SHIPMENT_FOLLOW_UP_MISREAD = new Set<Intent>([
  "out_of_scope",
  "product_info",
  "product_search",
  "payment_methods",
  "shipping_options",
  "account_help",
  "change_shipping_address",
  "change_order",
]);
// A word pointing back to the order or parcel (not an article: "la", "le" alone say nothing).
const FOCUS_POINTER =
  /\b(?:it|its|they|them|that|this|my (?:order|package|parcel|delivery|stuff|things)|mon colis|ma commande|ma livraison|mes articles|il|elle|ils|mi pedido|mi paquete|mi envio|mis cosas|el pedido|el paquete|el envio)\b|\bl'/;
// "la puedo regresar", "devolverlo", "la renvoyer": a pronoun on the verb of a return points back too.
const RETURN_POINTER =
  /\b(?:lo|la|los|las) (?:puedo|podria|podre|quiero)\b|\b(?:devolver|regresar|cambiar|mandar|enviar)(?:lo|la|los|las)\b|\b(?:le|la|les) (?:renvoyer|retourner|rendre|rapporter|echanger)\b|\bl'(?:renvoyer|retourner|rendre|rapporter|echanger)\b/;
const A_QUESTION =
  /\?|^(?:when|where|what|which|who|how|is|are|will|would|can|could|do|does|did|has|have|quand|ou|quel\w*|qui|comment|est-ce|cuando|donde|que|cual\w*|quien|como)\b/;
/** At most this many words, a question after a shipment answer is about that shipment unless it names another topic. */
const SHIPMENT_FOLLOW_UP_WORDS = 10;
/** At most this many words, it needs no word pointing back to the order. */
const BARE_FOLLOW_UP_WORDS = 4;

/**
 * The money of a cancellation or return already made, asked in other requests' words ("I sent it
 * back, where's my money?"): its refund (normalized text). Read from the message alone, so the
 * classifier applies it too.
 */
export function moneyBackIntent(intent: Intent, n: string): Intent | null {
  // "a receipt for my refund" asks for the document; "does my order have a refund?" asks for the refund.
  if (intent === "get_invoice" && DOCUMENT.test(n)) return null;
  if (intent === "get_invoice" && REFUND_WORD.test(n)) return "refund_status";
  if (MONEY_MISREAD.has(intent) && MONEY_BACK.test(n)) return "refund_status";
  // "¿ya les llegó la lámpara que regresé?": the return made has arrived? Where its refund is.
  if (
    (MONEY_MISREAD.has(intent) || intent === "return_item") &&
    SENT_BACK.test(n) &&
    RETURN_ARRIVED.test(n) &&
    !CAME_BACK_HOME.test(n) &&
    !WANTS_TO_RETURN.test(n)
  )
    return "refund_status";
  if (
    AMOUNT_GOT_BACK_MISREAD.has(intent) &&
    (AMOUNT_GOT_BACK.test(n) || AMOUNT_RECEIVED.test(n)) &&
    !CHARGE_GONE_WRONG.test(n)
  )
    return "refund_status";
  // "did you pay me back?", "have I been credited?": money owed back, not a charge gone wrong.
  if ((intent === "payment_issue" || MONEY_MISREAD.has(intent)) && PAID_BACK.test(n) && !CHARGE_GONE_WRONG.test(n))
    return "refund_status";
  if (
    (MONEY_MISREAD.has(intent) ||
      intent === "return_item" ||
      (intent === "complaint" && !OUTRIGHT_GRIEVANCE.test(n))) &&
    SENT_BACK.test(n) &&
    (NO_NEWS.test(n) || NO_MONEY.test(n))
  )
    return "refund_status";
  // "I sent the fleece back… whether I've actually been paid back": a story told before the money asked, no grievance.
  if (
    intent === "complaint" &&
    !saysGrievance(n) &&
    SENT_BACK.test(n) &&
    (CREDITED.test(n) || MONEY_OF_RETURN.test(n) || AMOUNT_GIVEN_BACK.test(n) || NO_NEWS.test(n)) &&
    !WANTS_TO_RETURN.test(n)
  )
    return "refund_status";
  // "My statement doesn't show any refund", "still nothing on my card from the cancelled order": money awaited,
  // not a charge gone wrong (a cancelled order's money is the money awaited).
  if (
    (intent === "payment_issue" || MONEY_MISREAD.has(intent)) &&
    BANK.test(n) &&
    SHOWS_NO.test(n) &&
    (MONEY_AWAITED.test(n) || CANCELLED_FORM.test(n)) &&
    !CHARGE_GONE_WRONG.test(n)
  )
    return "refund_status";
  // "what amount did you give me back?", "has it been put back on my visa?": money the shop gave back, asked.
  if (
    GIVEN_BACK_MISREAD.has(intent) &&
    (AMOUNT_GIVEN_BACK.test(n) || BACK_ON_CARD.test(n) || (AMOUNT_NOT_ON_CARD.test(n) && ABOUT_A_RETURN.test(n))) &&
    !CHARGE_GONE_WRONG.test(n) &&
    !WANTS_TO_RETURN.test(n)
  )
    return "refund_status";
  // "toujours rien sur ma carte pour la commande annulée": the cancellation's money, not a new cancellation.
  if (intent === "cancel_order" && CANCELLED_FORM.test(n) && (NOTHING_ON_ACCOUNT.test(n) || asksForMoneyBack(n)))
    return "refund_status";
  // "I sent back the fleece, how much am I getting?": the refund of a return already made, whatever topic its words suggest.
  if (
    (MONEY_MISREAD.has(intent) || RETURN_MONEY_READINGS.has(intent)) &&
    (SENT_BACK.test(n) || MY_RETURN.test(n)) &&
    (MONEY_OF_RETURN.test(n) ||
      AMOUNT_BACK.test(n) ||
      RETURN_PROCESSED.test(n) ||
      CREDITED.test(n) ||
      MONEY_BACK.test(n) ||
      (REFUND_WORD.test(n) && REFUND_PROGRESS.test(n))) &&
    !WANTS_TO_RETURN.test(n)
  )
    return "refund_status";
  return null;
}

/** A grievance said outright, again, or in milder let-down words (normalized text). */
function saysGrievance(n: string): boolean {
  return OUTRIGHT_GRIEVANCE.test(n) || REPEATED_TROUBLE.test(n) || LET_DOWN.test(n);
}

/** "did you pay me back?", "where's my money?", "¿ya me depositaron?": money asked back, in any words (normalized text). */
export function asksForMoneyBack(n: string): boolean {
  return MONEY_BACK.test(n) || CREDITED.test(n) || MONEY_OF_RETURN.test(n);
}

/** Annoyed, but asking where the parcel is: the answer is where it is (the tone may still be noted). Normalized text. */
export function whereItIsIntent(intent: Intent, n: string): Intent | null {
  if (COMPLAINT_READINGS.has(intent) && (asksWhereItIs(n) || (ASKS.test(n) && SO_LONG.test(n))) && !MONEY_BACK.test(n))
    return "track_order";
  // "I ordered a tent and a bag; the tent showed up but no bag. What's going on?": a part of the order
  // told missing, then asked about, is where the order stands, whatever the story's product words pulled.
  if (
    PART_MISSING_READINGS.has(intent) &&
    ORDERED_OR_CAME.test(n) &&
    PART_MISSING.test(n) &&
    ASKS_WHAT_BECAME.test(n) &&
    !MONEY_BACK.test(n) &&
    !OUTRIGHT_GRIEVANCE.test(n)
  )
    return "track_order";
  return null;
}

/** "where is my parcel?", "is it ever coming?", "what's going on with my order?" (normalized text). */
function asksWhereItIs(n: string): boolean {
  return (
    WHERE_IS_MINE.test(n) ||
    NO_NEWS_OF_ORDER.test(n) ||
    (ASKS.test(n) &&
      (STATUS_QUESTION.test(n) || (ARRIVAL_QUESTION.test(n) && (PERSONAL.test(n) || POINTS_TO_ORDER.test(n)))))
  );
}

/** The order intent such a question has, when the model read it as another topic; else null. */
export function orderQuestionIntent(
  intent: Intent,
  text: string,
  state: DialogueState,
  namesProduct = false,
  asksProductFact = false,
  namesOrderNumber = false,
): Intent | null {
  const n = normalize(text);
  const deed = moneyBackIntent(intent, n) ?? whereItIsIntent(intent, n) ?? parcelStateIntent(intent, n);
  if (deed) return deed;
  // A damaged item of the shopper's is the return flow: the shop's rule for it, handed to the team.
  if (
    DEFECT_MISREADS.has(intent) &&
    tellsOfDefect(n) &&
    ARRIVED.test(n) &&
    !(intent === "exchange_item" && SWAP_WORDS.test(n)) &&
    !asksWhereItIs(n)
  )
    return "return_item";
  // "I had to return the boots twice, poor quality", "tuve que devolver la cafetera y nadie me responde": a return
  // told inside a grievance vents; it asks for no return.
  if (
    intent === "return_item" &&
    RETURN_TOLD.test(n) &&
    (saysGrievance(n) || SORE.test(n)) &&
    !WANTS_TO_RETURN.test(n) &&
    !asksForMoneyBack(n) &&
    !REFUND_WORD.test(n)
  )
    return "complaint";
  // "second time it's late, still not shipped, I'm fed up": a grievance that asks nothing, not a tracking question.
  if (
    intent === "track_order" &&
    REPEATED_TROUBLE.test(n) &&
    (OUTRIGHT_GRIEVANCE.test(n) || LET_DOWN.test(n)) &&
    !A_QUESTION.test(n.trim()) &&
    !asksWhereItIs(n)
  )
    return "complaint";
  // "Rappelez-moi ce qu'il y a dedans": a reminder of the order's items, not a call back.
  if (intent === "human_agent" && REMIND_ME.test(n) && ORDER_CONTENTS.test(n) && !ASKS_FOR_SOMEONE.test(n))
    return "track_order";
  // "was it the black one?" about the order in focus asks which item was ordered, not for a swap or a product.
  if (
    (!!state.orderNumber || (!!state.lastIntent && ORDER_INTENTS.has(state.lastIntent))) &&
    WHICH_ONE_READINGS.has(intent) &&
    WHICH_ONE_ORDERED.test(n) &&
    !ORDER_CHANGE.test(n)
  )
    return "track_order";
  // "Can someone tell me where my order is?" asks where it is; it doesn't ask for a person.
  if (intent === "human_agent" && TELL_ME.test(n) && asksWhereItIs(n)) return "track_order";
  if (RETURN_READINGS.has(intent) && RETURN_TO_SENDER.test(n) && !WANTS_TO_RETURN.test(n)) return "track_order";
  // "I sent it back, when is the refund coming?": the refund of a return already made, not a new return.
  if (
    intent === "return_item" &&
    !WANTS_TO_RETURN.test(n) &&
    (MONEY_BACK.test(n) || CREDITED.test(n) || (REFUND_WORD.test(n) && REFUND_PROGRESS.test(n)))
  )
    return "refund_status";
  const changesTheOrder =
    (CHANGE_WORDS.test(n) && (BEFORE_SHIPPING.test(n) || (ON_THE_ORDER.test(n) && !RECEIVED_IT.test(n)))) ||
    ADD_TO_ORDER.test(n) ||
    REMOVE_FROM_ORDER.test(n);
  if (changeMisread(CHANGE_MISREAD, intent, n) && !CANCEL_WORDS.test(n) && changesTheOrder) return "change_order";
  // "I placed an order with poles and a headlamp… is it possible to get just the poles?": part of it kept.
  if (STORY_CHANGE_MISREAD.has(intent) && saysOrderPlaced(n) && JUST_PART.test(n) && !RECEIVED_IT.test(n))
    return "change_order";
  // "I only want the poles now, not the headlamp": the rest of the order is kept, whatever the model heard.
  if (changeMisread(CHANGE_MISREAD, intent, n) && ONLY_PART_NOW.test(n) && !WHOLE_ORDER.test(n)) return "change_order";
  // "I picked the wrong colour", "je me suis trompée de taille": a placed order to put right, not a product question.
  if (WRONG_OPTION_MISREAD.has(intent) && saysWrongOption(n) && !RECEIVED_IT.test(n)) return "change_order";
  // "is it too late to make a change?", "can I still edit it?": whether the order can still change, not where it is.
  if ((CHANGE_MISREAD.has(intent) || intent === "track_order") && STILL_CHANGEABLE.test(n))
    return CANCEL_WORDS.test(n) ? "cancel_order" : "change_order";
  // "don't send the blue one, send the green": an order not sent yet, changed.
  if (
    CHANGE_MISREAD.has(intent) &&
    DONT_SEND.test(n) &&
    !WHOLE_ORDER.test(n) &&
    (KEEP_THE_REST.test(n) || WHAT_INSTEAD.test(n))
  )
    return "change_order";
  if (
    changeMisread(CHANGE_MISREAD, intent, n) &&
    (SWAP_INSTEAD.test(n) ||
      ((CANCEL_WORDS.test(n) || DONT_NEED_ONE.test(n) || REMOVE_WORDS.test(n)) && KEEP_THE_REST.test(n)))
  )
    return "change_order";
  if (
    CHANGE_MISREAD.has(intent) &&
    CANCEL_WORDS.test(n) &&
    (CANCEL_AN_OPTION.test(n) || WHAT_INSTEAD.test(n) || PART_OF_ORDER.test(n)) &&
    !WHOLE_ORDER.test(n) &&
    !REFUND_WORD.test(n) &&
    !MONEY_BACK.test(n)
  )
    return "change_order";
  // "send it by express instead", "add one more to my order", "ship it with my next order", "a typo in my name":
  // a change stated outright on an order the shopper means, whatever topic its nouns suggest.
  const stated = statedChange(n);
  if (
    stated &&
    // A swap of one item for another is also how an exchange of a delivered one is asked: the reading stands,
    // unless it is no reading of a return and names the order ("passer en X au lieu de Y pour la commande 3045").
    (stated !== "swap" || (namesOrderNumber && SWAP_ON_ORDER_MISREAD.has(intent))) &&
    changeMisread(STATED_CHANGE_MISREAD, intent, n) &&
    !CANCEL_WORDS.test(n) &&
    !RECEIVED_IT.test(n) &&
    // "4 mugs instead of 2" can only be about an order already placed.
    (meansAnOrder(n) || namesOrderNumber || !!state.orderNumber || namesOtherQuantity(n)) &&
    // "ship it to my office instead of home delivery" is a new address, which has its own request.
    !(intent === "change_shipping_address" && (stated === "add" || ADDRESS_WORD.test(n)))
  )
    return "change_order";
  if (MONEY_MISREAD.has(intent) && NOTHING_ON_ACCOUNT.test(n) && !LOGIN.test(n)) return "refund_status";
  const amountReading = MONEY_MISREAD.has(intent) || intent === "return_policy" || intent === "shipping_options";
  if (amountReading && AMOUNT_BACK.test(n) && !HYPOTHETICAL.test(n)) return "refund_status";
  if (intent === "track_order" && RECEIVED_BACK.test(n)) return "refund_status";
  const last = state.lastIntent;
  if (last && RULE_INTENTS.has(last) && intent !== last && APPLIES_TO.test(n)) return last;
  if (last === "return_policy" && intent === "refund_status" && GENERAL_REFUND_TIMING.test(n) && !OWN.test(n))
    return "return_policy";
  // "What do I need to do?" right after an order answer: what that answer means for the shopper.
  if (last && ORDER_INTENTS.has(last) && intent !== last && WHAT_TO_DO.test(n)) return last;
  // About the shopper's own order ("will I…", "me van a…"), not the shop's general rates.
  const personal = PERSONAL.test(n) || POINTS_TO_ORDER.test(n);
  // "do I pay extra shipping for the second box?": paying for what the note already settles, not an edit.
  const notedCost = intent === "change_order" && PAYS_EXTRA.test(n) && !EDIT_VERB.test(n);
  if (
    state.orderNote &&
    (NOTE_MISREAD.has(intent) || notedCost) &&
    personal &&
    noteAnswers(n, state.orderNote, state.language ?? "en")
  )
    return "track_order";
  if (
    last === "refund_status" &&
    REFUND_DETAIL_MISREAD.has(intent) &&
    REFUND_DETAIL.test(n) &&
    !LOGIN.test(n) &&
    !ASKS_WAYS_TO_PAY.test(n)
  )
    return "refund_status";
  // "could I get a gift card instead?" right after a refund: the refund's form, not an exchange or a new return.
  if (
    last === "refund_status" &&
    (CREDIT_INSTEAD_MISREAD.has(intent) || (intent === "human_agent" && !ASKS_FOR_SOMEONE.test(n))) &&
    CREDIT_INSTEAD.test(n)
  )
    return "refund_status";
  if (last && ORDER_INTENTS.has(last) && intent !== last && (BARE_WHEN.test(n.trim()) || asksBareAmount(n)))
    return last;
  // "et ça date de quand ?", "¿y cuándo me lo depositaron?": a short question asking when, read as no topic,
  // asks the date of the order answer just given.
  if (
    last &&
    ORDER_INTENTS.has(last) &&
    UNSURE_READINGS.has(intent) &&
    !namesProduct &&
    WHEN_ASKED.test(n) &&
    n.split(/\s+/).filter(Boolean).length <= SHORT_WHEN_WORDS
  )
    return last;
  // "How do I send it back?" right after the shopper's return: that return, not delivery options.
  if (state.lastIntent && RETURN_INTENTS.has(state.lastIntent) && SEND_BACK_MISREAD.has(intent) && asksHowToSendBack(n))
    return "return_item";
  if (
    state.lastIntent === "refund_status" &&
    intent !== "refund_status" &&
    ((BANK.test(n) && WHEN_SEEN.test(n)) || HOW_LONG_TO_SEE.test(n))
  )
    return "refund_status";
  const orderInFocus = !!state.orderNumber || (!!state.lastIntent && ORDER_INTENTS.has(state.lastIntent));
  // One aspect of the order in focus (its items, cost, payment, code, address) asked in another topic's nouns:
  // a request's action word ("change", "cancel", "add") decides the intent, a noun alone doesn't.
  if (
    orderInFocus &&
    // "¿qué incluía?" can read as a greeting; as a question about the order in focus it is that order's.
    (!ASPECT_KEEPS.has(intent) || (GREETINGS.has(intent) && n.includes("?"))) &&
    asksOrderAspect(n) &&
    !ORDER_CHANGE.test(n) &&
    !REFUND_WORD.test(n) &&
    !MONEY_BACK.test(n)
  )
    // Right after a refund, the refund's answer gives the aspect too, and the conversation stays on the refund.
    return last === "refund_status" ? "refund_status" : "track_order";
  // "so when do I get it?", "when did you send it?" right after a refund: that refund's timing, not a parcel's.
  if (
    last === "refund_status" &&
    intent === "track_order" &&
    !SHIPMENT_FACT.test(n) &&
    (GET_IT_WHEN.test(n) ||
      (WHEN_ASKED.test(n) && !PARCEL.test(n) && n.split(/\s+/).filter(Boolean).length <= SHORT_WHEN_WORDS))
  )
    return "refund_status";
  // One fact of the shipment just shown: its last scan, whether it's stuck, until when it's held, a chase.
  if (
    orderInFocus &&
    last === "track_order" &&
    intent !== "track_order" &&
    !namesProduct &&
    (asksLastScan(n) ||
      UNTIL_WHEN.test(n.trim()) ||
      CHASE.test(n) ||
      COLLECT_WHEN.test(n) ||
      DELIVERED_BY.test(n) ||
      REDELIVER.test(n) ||
      (asksOrderAddress(n) && !ADDRESS_CHANGE.test(n)))
  )
    return "track_order";
  if (orderInFocus && !ORDER_INTENTS.has(intent) && SHIPMENT_FACT.test(n) && !ABOUT_A_RETURN.test(n))
    return "track_order";
  if (orderInFocus && !namesProduct && ORDER_FACT_MISREAD.has(intent) && (ORDER_CONTENTS.test(n) || SO_LONG.test(n)))
    return "track_order";
  if (orderInFocus && !namesProduct && PICKUP_MISREAD.has(intent) && WHERE.test(n) && PICKUP_PLACE.test(n))
    return "track_order";
  // "I live abroad, can you deliver to me?" asks where the shop delivers; no order's address changes.
  if (
    intent === "change_shipping_address" &&
    !orderInFocus &&
    LIVES_IN.test(n) &&
    !POINTS_TO_ORDER.test(n) &&
    !ADDRESS_CHANGE.test(n)
  )
    return "shipping_options";
  // "Which address is it going to?" asks where, it changes nothing.
  if (
    intent === "change_shipping_address" &&
    (orderInFocus || POINTS_TO_ORDER.test(n)) &&
    ORDER_ADDRESS.test(n) &&
    !ADDRESS_CHANGE.test(n)
  )
    return "track_order";
  // "Will I pay anything extra when it arrives?" asks about charges on delivery (duties), not the arrival.
  const asksOrderFact = ORDER_COST.test(n) || ORDER_ADDRESS.test(n) || (ARRIVAL.test(n) && !CHARGES.test(n));
  // "et les torchons, je les ai payés combien ?" while a return or exchange is discussed: what the shopper
  // paid, a fact of the order in focus, even when it names one of its items.
  if (
    orderInFocus &&
    PAID_MISREAD.has(intent) &&
    PAID_BY_ME.test(n) &&
    ORDER_COST.test(n) &&
    !MONEY_BACK.test(n) &&
    !ASKS_TO_ACT.test(n)
  )
    return "track_order";
  if (
    orderInFocus &&
    !namesProduct &&
    ORDER_FACT_MISREAD.has(intent) &&
    asksOrderFact &&
    (POINTS_TO_ORDER.test(n) || ORDER_COST.test(n))
  )
    return "track_order";
  // "Can I send it back when it comes?" about the order just shown: that order's return, not the general rule.
  if (
    intent === "return_policy" &&
    orderInFocus &&
    last &&
    ORDER_INTENTS.has(last) &&
    !RETURN_INTENTS.has(last) &&
    ABOUT_A_RETURN.test(n) &&
    (FOCUS_POINTER.test(n) || RETURN_POINTER.test(n)) &&
    !SHIPMENT_FACT.test(n) &&
    !CHARGES.test(n) &&
    !APPLIES_TO.test(n)
  )
    return "return_item";
  // Any other short question about the shipment just shown, read as another topic for a noun it names: that
  // shipment again, unless it names an action (change, cancel, return), a product or a product's fact.
  const words = n.split(/\s+/).filter(Boolean).length;
  if (
    last === "track_order" &&
    orderInFocus &&
    SHIPMENT_FOLLOW_UP_MISREAD.has(intent) &&
    !namesProduct &&
    // "vous avez une nouvelle date ?" names no product: the date it asks is the shipment's.
    (!asksProductFact || DATE_ASKED.test(n)) &&
    A_QUESTION.test(n.trim()) &&
    words <= SHIPMENT_FOLLOW_UP_WORDS &&
    (FOCUS_POINTER.test(n) || DATE_ASKED.test(n) || words <= BARE_FOLLOW_UP_WORDS) &&
    !ORDER_CHANGE.test(n) &&
    // "a new date?" asks a date; "a new address?" a change.
    !(ADDRESS_CHANGE.test(n) && !DATE_ASKED.test(n)) &&
    !ABOUT_A_RETURN.test(n) &&
    !CHARGES.test(n) &&
    !REFUND_WORD.test(n) &&
    !MONEY_BACK.test(n)
  )
    return "track_order";
  // "¿hasta cuándo lo puedo devolver?" about the order just shown: its own window, from its delivery.
  if (
    intent === "track_order" &&
    orderInFocus &&
    ABOUT_A_RETURN.test(n) &&
    RETURN_DEADLINE.test(n) &&
    !SENT_BACK.test(n)
  )
    return "return_item";
  // "is it too late to change it?" asks whether it can still change, not why it is late.
  if (
    LATE_MISREAD.has(intent) &&
    (LATE.test(n) || SO_LONG.test(n)) &&
    !ASKS_FOR_ACTION.test(n) &&
    !STILL_CHANGEABLE.test(n)
  )
    return "track_order";
  if (
    (LATE_MISREAD.has(intent) || intent === "shipping_options") &&
    words <= 4 &&
    DONE_YET.test(n.replace(/[¿?!.]/g, "").trim())
  )
    return "track_order";
  if ((LATE_MISREAD.has(intent) || intent === "shipping_options") && NO_CONFIRMATION.test(n)) return "track_order";
  if (LATE_MISREAD.has(intent) && ABOUT_MY_ORDER.test(n) && !ORDER_CHANGE.test(n)) return "track_order";
  if (LATE_MISREAD.has(intent) && (SHIPPED_YET.test(n) || WHAT_HAPPENED.test(n)) && !ORDER_CHANGE.test(n))
    return "track_order";
  return null;
}

/** A reading a change of the order is taken for: one of `misreads`, or a complaint with no word of grievance. */
function changeMisread(misreads: Set<Intent>, intent: Intent, n: string): boolean {
  return misreads.has(intent) || (intent === "complaint" && !saysGrievance(n));
}
