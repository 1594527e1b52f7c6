/**
 * "Can I get the electric kettle sent to the US?", "¿me mandan el molino a Monterrey?": a product
 * named with a place to send it to asks whether (and how) it ships there, not about the product.
 */
import { normalize } from "../preprocess";
import type { Intent } from "./labels";

// Sending words in en/es/fr (accents folded).
const SENDING =
  /\b(?:ship\w*|send|sent|sending|deliver\w*|post|mail|envi\w*|mand\w*|livr\w*|expedi\w*|envoy\w*|envoi)\b/;

/** shipping_options for a product question that asks to send it to a place it names; else null. */
export function productShippingIntent(intent: Intent, text: string, placeNamed: boolean): Intent | null {
  if (intent !== "product_info" && intent !== "product_search") return null;
  return placeNamed && SENDING.test(normalize(text)) ? "shipping_options" : null;
}
