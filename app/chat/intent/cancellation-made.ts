/**
 * A cancellation already made, asked or told about in past or status words (accents folded,
 * lower case): "why was it cancelled", "is my order cancelled", "you cancelled it", "I already
 * cancelled", "my cancelled order", "fue cancelado", "se canceló", "me la anularon", "a été
 * annulée", "vous avez annulé". A request ("I want it cancelled", "can it be cancelled?", "que
 * sea cancelado", "qu'elle soit annulée") is not one. Which order a message means
 * (policy/which-order.ts) and what its words ask (deeds.ts, state-questions.ts) read it here.
 */
/** At most one word between doer and deed ("you already cancelled"), never a negation ("you never cancelled"). */
const ANY_WORD_BUT_NOT = String.raw`(?:(?!not\b|never\b|pas\b|jamais\b)\w+ )?`;

export const CANCELLATION_MADE = new RegExp(
  String.raw`\b(?:` +
    [
      // English: a state, a doer, a cancelled thing, or why.
      String.raw`(?:was|were|been|got|is|are|it'?s|has been) (?:(?:it|my|the|this|that|order|already|now|just|#?\d+) ){0,3}cancell?ed`,
      String.raw`(?:you|they|u|y'all|someone|somebody) ${ANY_WORD_BUT_NOT}cancell?ed`,
      String.raw`i (?:already )?cancell?ed`,
      String.raw`(?:my|the|that|this) cancell?ed`,
      String.raw`cancell?ed (?:order|my order|it)`,
      String.raw`why (?:did|would|was|were|has|is) .*\bcancel\w*`,
      // Spanish.
      String.raw`(?:fue|fueron|esta|estan|ha sido|quedo) (?:cancelad|anulad)[oa]s?`,
      String.raw`(?:se|me|lo|la) (?:cancelo|anulo|cancelaron|anularon)`,
      String.raw`cancelaron|anularon|(?:ya )?cancele`,
      String.raw`(?:pedido|orden|compra) (?:cancelad|anulad)[oa]`,
      String.raw`por que .*\b(?:cancel|anul)\w*`,
      // French.
      String.raw`(?:a|ont|ete|est|sont) (?:ete )?annulee?s?`,
      String.raw`(?:a|ont|avez|on a) annule`,
      String.raw`(?:vous avez|j'ai|on a|ils ont) ${ANY_WORD_BUT_NOT}annule`,
      String.raw`commande annulee`,
      String.raw`pourquoi .*\bannul\w*`,
    ].join("|") +
    String.raw`)\b`,
);

/** Any past or participle form of cancelling, made or asked about: looser, for a question that is already a status question. */
export const CANCELLED_FORM = /\b(?:cancel+ed|annulee?s?|cancelad[oa]s?|cancelo|cancelaron|anulad[oa]s?)\b/;
