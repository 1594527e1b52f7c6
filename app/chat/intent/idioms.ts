/**
 * Phrases whose words belong to a topic they don't mean: Spanish "darse cuenta" (to realise: "me di
 * cuenta de que pedí la talla equivocada") holds "cuenta", the account. Read by the model, the idiom is
 * its meaning ("noté"), so a change or a question told after it isn't taken for an account problem.
 */

// "me di cuenta", "nos dimos cuenta", "se dio cuenta", "acabo de darme cuenta", "dándome cuenta".
const DARSE_CUENTA =
  /\b(?:(?:me|te|se|nos|os) (?:di|diste|dio|dimos|dieron|doy|das|da|damos|dan|he dado|ha dado|hemos dado|han dado)|dar(?:me|te|se|nos)|dand(?:o|ome|ose|onos)|d[aá]ndome|d[aá]ndose) cuenta\b/giu;

/** The text with such idioms put in plain words for the intent model. */
export function withIdiomsPlain(text: string): string {
  return text.replace(DARSE_CUENTA, "noté");
}
