/**
 * A complaint is a grievance, not a question. The model reads "if I throw my puffy in the washing
 * machine will it be ruined?" or "is your down ethically sourced?" as a complaint now and then;
 * a question with no word of grievance in it is answered as a question, never filed as a ticket.
 */

// Words of a grievance in English, Spanish and French (language, not any shop's facts).
const GRIEVANCE =
  /\b(worst|terrible|awful|horrible|disgusting|unacceptable|ridiculous|pathetic|useless|scam|rip(?:-| )?off|fraud|angry|furious|annoyed|fed up|sick of|disappointed|disappointing|not happy|unhappy|never again|still (?:not|no|hasn't|haven't|waiting)|wtf|fuck\w*|shit\w*|damn\w*|crap\w*|broke|broken|damaged|fell apart|missing|wrong|late|lost|complain\w*|pesimo|pesima|verguenza|estafa|harto|harta|decepcionad\w*|enfadad\w*|inaceptable|colmo|roto|rota|rotos|rotas|nadie|nunca|tarde|perdido|equivocado|casse|cassee|abime\w*|personne ne|jamais|retard\w*|perdu|nul|nulle|honte|arnaque|scandale\w*|inadmissible|decu\w*|furieux|furieuse|colere|inacceptable|marre)\b/i;

// English questions often drop the "?"; Spanish and French starters ("es", "que", "ou") are too
// common in statements to count without one.
const QUESTION_START =
  /^(?:how|what|what's|whats|which|is|are|does|do|can|could|will|would|should|did|where|when|why|who|if|any)\b/i;

/** Asked as a question ("…?", "¿…", or opening with an English question word) and with no word of grievance. */
export function isPlainQuestion(normalized: string): boolean {
  const text = normalized.trim();
  return (/\?\s*$/.test(text) || text.startsWith("¿") || QUESTION_START.test(text)) && !GRIEVANCE.test(text);
}

// What a plain question is about, when the model called it a complaint.
const ABOUT_AN_ORDER =
  /\b(order|orders|package|parcel|delivery|delivered|arrive|arrived|shipment|shipped|pedido|paquete|envio|entrega|llego|commande|colis|livraison|livre|arrive)\b/i;

export function plainQuestionIntent(
  normalized: string,
  namesProduct: boolean,
): "product_info" | "track_order" | "out_of_scope" {
  if (namesProduct) return "product_info";
  return ABOUT_AN_ORDER.test(normalized) ? "track_order" : "out_of_scope";
}
