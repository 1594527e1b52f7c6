/**
 * "It's my neighbour's order", "for my roommate", "el pedido de mi amiga", "la commande de mon
 * voisin": the shopper says the order belongs to someone else. Knowing that person's order number
 * and email doesn't make them its owner, so the bot helps only the person who placed it.
 *
 * A gift the shopper bought themselves ("I ordered it for my friend") is their own order.
 */

const EN_PEOPLE =
  "neighbou?rs?|friends?|room-?mates?|flat-?mates?|house-?mates?|mom|mum|mother|dad|father|parents?|wife|husband|partner|boyfriend|girlfriend|fianc[eé]e?|sister|brother|son|daughter|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|niece|nephew|boss|co-?workers?|colleagues?|employer|landlord|landlady|tenant";
const ES_PEOPLE =
  "vecin[oa]s?|amig[oa]s?|compañer[oa]s?(?: de (?:piso|cuarto|casa|trabajo))?|madre|padre|mam[aá]|pap[aá]|herman[oa]|hij[oa]|espos[oa]|marido|mujer|novi[oa]|pareja|jef[ea]|abuel[oa]|t[ií][oa]|prim[oa]|sobrin[oa]|casero|casera";
const FR_PEOPLE =
  "voisine?s?|amie?s?|colocataires?|colocs?|m[eè]re|p[eè]re|fr[eè]re|s(?:œ|oe)ur|fils|fille|mari|femme|copain|copine|conjointe?|patronne?|coll[eè]gues?|grand-m[eè]re|grand-p[eè]re|oncle|tante|cousine?|neveu|ni[eè]ce|propri[eé]taire";

const SOMEONE_ELSES: RegExp[] = [
  // "my neighbour's order", "it's my friend's", "my mom's package"
  new RegExp(
    `\\bmy (?:${EN_PEOPLE})(?:'s|’s|s'|s’)(?=\\s*(?:$|[.,;:!?)]|(?:\\S+\\s+){0,2}(?:order|package|parcel|purchase|delivery|shipment|stuff|account|email)\\b|and\\b|but\\b|so\\b))`,
    "i",
  ),
  // "for my roommate", "on behalf of my friend", "asking for a friend"
  new RegExp(`\\b(?:for|on behalf of) (?:my|a) (?:${EN_PEOPLE})\\b`, "i"),
  /\b(?:someone|somebody) else'?s\b|\bon (?:his|her|their) behalf\b/i,
  // "that's not my order", "this isn't mine, I never bought it" — but not "why isn't my order
  // moving?", which asks about the shopper's own order: the phrase has to end the clause.
  /\b(?:not|isn'?t|wasn'?t) (?:my order|mine)(?=\s*(?:$|[.,;:!)]|and\b|but\b|so\b|either\b))/i,
  // "el pedido de mi vecina", "es de mi amigo", "para mi compañero de piso", "en nombre de mi madre"
  new RegExp(`\\b(?:de|para|en nombre de) mi (?:${ES_PEOPLE})(?![\\p{L}])`, "iu"),
  /\b(?:no es m[ií]o|de otra persona|en su nombre)(?![\p{L}])/iu,
  // "la commande de mon voisin", "pour ma colocataire", "au nom de ma mère"
  new RegExp(`\\b(?:de|pour|au nom de) (?:mon|ma|mes) (?:${FR_PEOPLE})(?![\\p{L}])`, "iu"),
  /\b(?:pas (?:la|à) (?:mienne|moi)|quelqu'un d'autre|en son nom)(?![\p{L}])/iu,
];

// "I ordered it for my friend", "I bought a gift card for a friend", "compré esto para mi madre",
// "j'ai commandé pour ma sœur": their own purchase.
const FOR_SOMEONE = String.raw`\b(?:for|para|pour) (?:(?:the |l'|el |la )?(?:birthday|anniversaire|cumplea[ñn]os|christmas|no[eë]l|navidad) (?:of |de |d')?)?(?:my|a|an|mi|un|una|mon|ma|mes|une?)\b`;
// A purchase the shopper made, told at length: the gift may come a sentence's length later ("I ordered
// trekking poles and a headlamp yesterday for my dad", "Bought the shell for my husband's birthday",
// "j'ai passé commande hier d'un vase pour l'anniversaire de ma mère"). Not "got": getting a message or a
// question about someone's order is no purchase ("I got a message about the parcel for my neighbour").
const PURCHASED = new RegExp(
  String.raw`(?:\bi(?:'ve| have)? (?:just |already )?(?:bought|ordered|purchased|placed)|\bcompr[eé]|\bped[ií]|\bhice (?:un|el|mi) pedido|\bj'ai (?:achet[eé]|command[eé]|pass[eé] (?:une |ma )?commande|offert)|(?:^|[.!?]\s+)(?:bought|ordered|purchased))(?![a-z\u00C0-\u024F])[^.?!]{0,100}${FOR_SOMEONE}`,
  "i",
);
// Said close by: "I got it for my friend", "a gift for my mom", "un regalo para mi hermana", "un cadeau pour ma sœur".
const GOT_OR_GIFT = new RegExp(
  String.raw`\b(?:i got|(?:a |as a )?(?:gift|present)|regalo|cadeau)(?![a-z\u00C0-\u024F])[^.?!]{0,40}${FOR_SOMEONE}`,
  "i",
);

export function saysOrderIsSomeoneElses(text: string): boolean {
  if (PURCHASED.test(text) || GOT_OR_GIFT.test(text)) return false;
  return SOMEONE_ELSES.some((pattern) => pattern.test(text));
}
