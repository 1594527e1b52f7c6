/**
 * "Can I return the teapot I bought?" is about the shopper's own purchase (return_item); "can I
 * return something I bought on sale?" asks the general rule (return_policy), as the labelling
 * convention has it. The difference is a definite item ("the", "my", "el", "le", …) the shopper
 * says they bought, ordered, received or picked up; "if I order…" is still a question before buying.
 */
import type { Intent } from "./labels";
import { normalize } from "../preprocess";
import { asksAQuestion } from "./asks";

const DEFINITE =
  "the|my|this|that|these|those|el|la|los|las|mi|mis|este|esta|estos|estas|ese|esa|esos|esas|le|les|mon|ma|mes|ce|cet|cette|ces";
const ACQUIRED_EN_ES =
  "(?:i\\s+)?(?:bought|ordered|purchased|got|received|picked up|collected|compre|pedi|recibi|recogi|me llego|me llegaron)";
// French past participles only after "ai": "la commande" is a noun, "j'ai commandé" the purchase.
const ACQUIRED_FR = "(?:j'|je\\s+l'|je\\s+les\\s+)?ai\\s+(?:achete|commande|recu|recupere|retire)e?s?";
const OWN_ITEM = new RegExp(
  `\\b(?:${DEFINITE})\\s+(?:[\\w'-]+\\s+){0,3}?(?:que\\s+|that\\s+|which\\s+|qu')?(?:${ACQUIRED_EN_ES}|${ACQUIRED_FR})\\b`,
);

// "Où en est mon retour ?": a return the shopper calls theirs has been asked for already.
const OWN_RETURN = /\b(?:my|mon|ma|mi)\s+(?:return|retour|devolucion)\b/;

// "I put in a return request last night", "j'ai fait une demande de retour", "ya hice la solicitud de devolución":
// a return the shopper already asked for; asked about ("did it go through?", "¿ya la vieron?"), it is theirs.
const RETURN_FILED =
  /\b(?:i (?:(?:just |already )?(?:put in|submitted|filed|made|sent|started|opened|requested|filled (?:in|out)|did)) (?:a|the|my) return(?: request| form)?|my return (?:request|form)|j'ai (?:deja )?(?:fait|envoye|depose|rempli|fait une|demande) (?:une |ma |la )?(?:demande de )?retour|ma demande de retour|(?:ya )?(?:hice|mande|envie|solicite|llene|pedi|meti) (?:la |una |mi )?(?:solicitud de )?devolucion|mi solicitud de devolucion)\b/;
// Its money is the refund's question.
const MONEY = /\b(?:refund\w*|money|rembours\w*|argent|reembols\w*|dinero)\b/;
/** Readings a question about a return already requested gets for the story around it. */
const RETURN_FILED_MISREADS = new Set<Intent>([
  "return_policy",
  "out_of_scope",
  "complaint",
  "account_help",
  "product_info",
  "product_search",
  "greeting",
]);

/** return_item for a return question about an item the shopper names as bought, or about their own return; else null. */
export function ownPurchaseIntent(intent: Intent, text: string): Intent | null {
  const plain = normalize(text);
  if (RETURN_FILED_MISREADS.has(intent) && RETURN_FILED.test(plain) && asksAQuestion(plain) && !MONEY.test(plain))
    return "return_item";
  if (intent !== "return_policy") return null;
  return OWN_ITEM.test(plain) || OWN_RETURN.test(plain) ? "return_item" : null;
}

// Asking to give an item back, in any words: "can I give it back?", "je peux le rendre ?", "¿la puedo devolver?".
const GIVE_BACK =
  /\b(?:return(?:ing)? (?:it|them|this|that|these|those|the|my)|(?:send|give|take) (?:it|them|this|that) back|send (?:the|my) [\w-]+(?: [\w-]+)? back|(?:le|la|les|l'|vous l[ae]s?) ?(?:rendre|renvoyer|retourner|rapporter)|(?:rendre|renvoyer|retourner|rapporter) (?:la|le|les|l'|mon|ma|mes|cet|cette|ce)|devolver(?:l[oa]s?)?|regresar(?:l[oa]s?)?|l[oa]s? (?:devuelvo|regreso|puedo devolver|puedo regresar))\b/;
/** Readings a return question naming a product gets for the product's name alone. */
const PRODUCT_MISREADS = new Set<Intent>(["product_info", "product_search", "out_of_scope"]);

/**
 * "The white cushion cover is too hard to keep clean, can I give it back?": a return asked about a
 * product the message names reads like a question about the product. It is a return question: the
 * shopper's own when they say they bought or received it, else the shop's rule for that product.
 */
export function returnOfNamedProduct(intent: Intent, text: string, namesProduct: boolean): Intent | null {
  // A product reading says the catalog heard a product in it; an unsure one needs the product named.
  if (!PRODUCT_MISREADS.has(intent) || (intent === "out_of_scope" && !namesProduct)) return null;
  const plain = normalize(text);
  if (!GIVE_BACK.test(plain)) return null;
  return ownPurchaseIntent("return_policy", text) ?? "return_policy";
}
