/**
 * A shopper telling that an item arrived damaged, broke or stopped working, in en/es/fr (states,
 * not parts: "zipper" or "seam" alone says nothing is wrong). One
 * vocabulary for the return flow (a defect is handed to the team with the shop's rule), the reading
 * of a follow-up ("it's torn" after a return answer) and the shop's own exception sentences ("except
 * for damaged or defective items"). Reads normalised text: lower case, accents folded.
 */
export const DEFECT_WORDS = new RegExp(
  "\\b(?:" +
    [
      // English
      "broke|broken|cracked|shattered|smashed|dented|chipped|defect\\w*|faulty|damaged|ripped|torn|leaks|leaking|leaked",
      "fell apart|falling apart|came apart|stopped working|(?:does ?n[o']?t|not) work(?:ing)?|delaminat\\w*|peeling",
      // Spanish
      "rot[oa]s?|se rompio|quebrad[oa]s?|estrellad[oa]s?|danad[oa]s?|defectuos[oa]s?|defecto|no funciona|dejo de funcionar",
      "despostillad[oa]s?|abollad[oa]s?|descosid[oa]s?",
      // French
      "casse|cassee?s?|abime\\w*|endommage\\w*|defectueu\\w*|defaut|dechire\\w*|fele\\w*|ebreche\\w*",
      "ne (?:marche|fonctionne) (?:pas|plus)",
    ].join("|") +
    ")\\b",
);

/** The (normalised) text tells of a damaged, broken or faulty item. */
export function tellsOfDefect(normalized: string): boolean {
  return DEFECT_WORDS.test(normalized);
}
