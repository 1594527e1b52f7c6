/**
 * A change to an order that the shopper states outright, in the families a shop's team is asked
 * for before an order ships: add an item, another way of delivery (express, collect instead of
 * delivery), one parcel with another order, a typo in the name on it, another quantity, holding
 * the shipment, one item for another (or the wrong option picked). Each reads as a change of the
 * order (not tracking, not a new address, not a question before buying) once an order is meant,
 * and the team gets it in the shopper's own words. Normalized text (lower case, accents folded).
 */

export type StatedChange = "add" | "delivery" | "combine" | "details" | "quantity" | "hold" | "swap";

// "add one more", "a second pair" (not "the second box", a parcel already coming), "rajouter une lampe", "agregar otra bolsa", "un autre X avec ma
// commande", "otra X en mi pedido": any item, not one shop's products.
const NOT_AN_ITEM =
  "(?:question|thing|issue|problem|problema|probleme|time|pregunta|duda|consulta|cosa|vez|veces|chose|fois|souci|update|charge|delay|retraso|retard|cargo|cobro|error|errores|erreur|email|e-mail|mail|code|codigo|order|commande|pedido)s?";
const ADD = new RegExp(
  String.raw`\badd(?:s|ed|ing)?\b|\b(?:one|a couple) more\b|\b(?<!\bthe )(?:a )?(?:second|2nd|third|another) (?:pair|unit|bag|box|set)\b` +
    String.raw`|\b(?:a )?(?:second|2nd|third|another) (?!${NOT_AN_ITEM}\b)[a-z]+ (?:to|in|with|on) (?:my|the|this) order\b` +
    String.raw`|\b(?:r?ajout\w*)\b|\bune? de plus\b|\bune? (?:autre|deuxieme|second\w*) (?:exemplaire|paire|piece|article|unite|lot|boite)\b` +
    String.raw`|\bune? (?:autre|deuxieme|second\w*) (?!${NOT_AN_ITEM}\b)[a-z]+ (?:a|dans|avec|sur) (?:ma|la|cette) commande\b` +
    String.raw`|\b(?:agreg\w*|anad\w*|sumar\w*)\b|\botr[oa]s? (?:mas|par|bolsa|caja|unidad|pieza)\b` +
    String.raw`|\botr[oa]s? (?!${NOT_AN_ITEM}\b)[a-z]+ (?:a|en|con) (?:mi|el|este) pedido\b`,
);
// How it reaches the shopper, not where: express, collecting it, a pickup point, home delivery.
const DELIVERY_METHOD =
  /\b(?:express|expedited|faster (?:shipping|delivery)|next[- ]day|overnight|pick(?:ing)? (?:it |them |my order )?up|pickup|collect(?:ing|ion)?|click (?:and|&) collect|home delivery|shipping (?:method|option)|delivery (?:method|option)|retrait|retirer|point relais|relais|(?:livraison|livrer|livree?) a domicile|mode de livraison|recog\w*|a domicilio|(?:metodo|forma|tipo) de (?:envio|entrega))\b/;
// "instead", "rather than", "au lieu de", "en vez de": the method is swapped, not asked about.
const INSTEAD =
  /\b(?:instead|rather than|rather have|switch|change|upgrade|au lieu|plutot|a la place|changer|passer (?:en|au|a la)|en vez|en lugar|mejor|cambiar|cambio)\b/;
// Two orders made one: "combine my orders", "ship them together", "regrouper", "juntar mi pedido con otro".
const COMBINE =
  /\b(?:combin\w*|merg\w*|consolidat\w*|regroup\w*|fusion\w*|junt\w*|unir|unan|together|ensemble|en un solo (?:envio|paquete)|in one (?:parcel|package|box|shipment)|(?:same|one) (?:parcel|package|box|shipment)|(?:meme|un seul) colis|mismo (?:paquete|envio))\b/;
const ANOTHER_ORDER =
  /\b(?:orders|commandes|pedidos)\b|\b(?:other|another|next|new|second|autre|nouvelle|prochaine|deuxieme|otro|nuevo|siguiente|segundo)\b[^.?!]{0,25}\b(?:order|one|commande|pedido)\b|\b(?:the one|one) (?:i'?m|i am|i'll|i will) (?:placing|ordering|making)\b|\bcelle que je\b|\b(?:con )?otro que\b/;
// A typo in the name (or phone) the order carries; an address has its own request.
const DETAILS =
  /\b(?:typo|misspel\w*|mis-spel\w*|spelled wrong|spelt wrong|wrong (?:name|spelling|phone(?: number)?|last name|first name)|(?:my|the) (?:last |first )?name (?:is|was) (?:wrong|misspelled|incorrect|spelled wrong)|faute (?:de frappe |d'orthographe )?(?:dans|sur) (?:mon|le) (?:nom|prenom)|(?:mon|le) (?:nom|prenom) (?:est )?mal (?:ecrit|orthographie)|erreur (?:dans|sur) (?:mon|le) (?:nom|prenom|numero de telephone)|(?:mi|el) (?:nombre|apellido) (?:esta|quedo|salio|aparece) mal|mal escrito (?:mi|el) (?:nombre|apellido)|(?:error|me equivoque) en (?:mi|el) (?:nombre|apellido|telefono))\b/;

// How many: "2 poles instead of 1", "4 mugs au lieu de 2", "3 bolsas en vez de 2", "make it two", "que sean dos" (only an order placed has a
// number to replace), or "change the quantity" (a change word needed: "is there a quantity limit?" asks a rule).
const OTHER_QUANTITY =
  /\b\d+ (?:[\w'-]+ ){0,5}(?:instead of|rather than|au lieu de|plutot que|en vez de|en lugar de) (?:just |only |seulement |solo )?(?:\d+|one|two|three|une?|deux|trois|una?|dos|tres)\b|\bmake it (?:\d+|two|three|four|five|six|a couple|a pair)\b(?! (?:days?|weeks?|hours?|business)\b)|\b(?:one|two|1|2) (?!size|days?\b|weeks?\b|hours?\b)[a-z]+ (?:less|fewer)\b|\bmettez-en (?:\d+|deux|trois|quatre|cinq)\b|\bque sean (?:\d+|dos|tres|cuatro|cinco)\b/;
const QUANTITY_CHANGED =
  /\b(?:chang\w*|modif\w*|updat\w*|cambi\w*|increase|reduce|lower|augment\w*|reduire|diminuer|aumentar|reducir|bajar)\b.*\b(?:quantity|quantite|cantidad)\b/;

/** Whether the message replaces a number of items by another ("2 poles instead of 1"), normalized text. */
export function namesOtherQuantity(n: string): boolean {
  return OTHER_QUANTITY.test(n);
}
// When it leaves: "hold my order until next week", "retardez l'envoi", "esperen para enviarlo".
const HOLD =
  /\b(?:hold (?:my |the |this )?(?:order|parcel|package|shipment|it|them)|delay (?:the |my )?(?:order|shipping|shipment|it)|postpone|ship (?:it |them )?later|(?:don'?t|do not) ship (?:it |them )?(?:until|before|yet)|retard\w* (?:l'envoi|l'expedition|ma commande)|attendre avant (?:de l'envoyer|d'expedier|l'envoi)|retras\w* (?:el envio|mi pedido)|(?:esperen|esperar) (?:para|antes de) (?:enviar|mandar)\w*)\b/;
// The wrong option picked: "I picked the wrong colour", "wrong length on my order", "je me suis trompée de
// finition", "me equivoqué de talla", "el sabor equivocado": any option a shop's products have. What
// isn't an option is left out: where it goes, who it's for, how it's paid, the parcel received.
const NOT_AN_OPTION =
  "(?:address|adress|adresse|direccion|domicilio|email|e-mail|mail|correo|card|carte|tarjeta|number|numero|name|nom|nombre|phone|telephone|telefono|order|commande|pedido|package|parcel|colis|paquete|envio|day|date|jour|dia|fecha|time|way|place|item|product|article|articulo|producto|thing|price|prix|precio|site|boutique|tienda|mot|password)s?";
const WRONG_OPTION = new RegExp(
  String.raw`\bwrong (?:colou?r|size|variant|model|option|version|one)\b|\b(?:picked|chose|ordered|selected|clicked) the wrong\b` +
    String.raw`|\bwrong (?!${NOT_AN_OPTION}\b)[a-z]+ (?:on|in|for) (?:my|the|this) order\b` +
    String.raw`|\bje me suis trompee? de (?!${NOT_AN_OPTION}\b)[a-z]+|\b(?:mauvaise|mauvais) (?:couleur|taille|modele|format)\b` +
    String.raw`|\b(?:choisi|pris|commande|selectionne) (?:la|le) mauvaise? (?!${NOT_AN_OPTION}\b)[a-z]+` +
    String.raw`|\bme equivoque de (?:producto|articulo|modelo)\b|\bme equivoque de (?!${NOT_AN_OPTION}\b)[a-z]+|\b(?:el|la|los|las|un|una) (?!${NOT_AN_OPTION}\b)[a-z]+ equivocad[oa]s?\b`,
);
/** Whether the shopper says they picked the wrong option (a colour, a size, any option), normalized text. */
export function saysWrongOption(n: string): boolean {
  return WRONG_OPTION.test(n);
}

// One item for another: "swap the X for the Y", "cambiar el X por el Y", "remplacer le X par le Y".
const SWAP =
  /\b(?:swap\w*|switch\w*|replac\w*|exchang\w*|trade)\b.*\b(?:for|with|to)\b|\binstead of\b|\b(?:cambi\w*|reemplaz\w*|sustitu\w*)\b.*\bpor\b|\b(?:remplac\w*|echang\w*|chang\w*)\b.*\b(?:par|contre|pour)\b|\bau lieu d|\ben (?:vez|lugar) de(?:l)?\b/;

/** The kind of change the message states, or null when it states none of these (normalized text). */
export function statedChange(n: string): StatedChange | null {
  if (DETAILS.test(n)) return "details";
  if (COMBINE.test(n) && ANOTHER_ORDER.test(n)) return "combine";
  if (DELIVERY_METHOD.test(n) && INSTEAD.test(n)) return "delivery";
  if (OTHER_QUANTITY.test(n) || QUANTITY_CHANGED.test(n)) return "quantity";
  if (HOLD.test(n)) return "hold";
  if (ADD.test(n)) return "add";
  if (SWAP.test(n) || WRONG_OPTION.test(n)) return "swap";
  return null;
}

// The shopper's own order: "my order", "mi pedido de ayer", "order FR-3048", "#1042".
const AN_ORDER =
  /\b(?:my|mi|mon|ma|mes|mis|this|that|the|el|este|ese|la|cette)(?: [\w-]+){0,2} (?:order|orders|pedido|pedidos|commande|commandes)\b|\b(?:order|commande|pedido)\s*(?:#|n[o°]\.?\s*)?[a-z]{0,3}-?\d{3,}|#\s?\d{3,}/;

/** Whether the message points to an order the shopper placed (normalized text). */
export function meansAnOrder(n: string): boolean {
  return AN_ORDER.test(n);
}
