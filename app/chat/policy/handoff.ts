/**
 * Handing a conversation to the shop's team, and where the team replies. The reply address is
 * never one the shopper didn't give: an address they typed in this conversation, or (for a
 * logged-in customer) the email of one of their own orders. A guest who gave none is asked for
 * one, and no ticket is filed until it comes (the team could not answer it).
 */
export type HandoffVerdict = { kind: "hand_off"; contactEmail: string | undefined } | { kind: "ask_contact_email" };

export interface HandoffClaim {
  loggedIn: boolean;
  /** Emails the shopper typed in this conversation, latest first. */
  typedEmails: readonly (string | null | undefined)[];
  /** An address someone proposes for the reply (the model's choice), if any. */
  proposedEmail?: string | null;
  /** The logged-in customer's own addresses, from orders verified for them. */
  ownEmails?: readonly string[];
}

export function handoffVerdict(claim: HandoffClaim): HandoffVerdict {
  const typed = claim.typedEmails.filter((e): e is string => !!e);
  const proposed = claim.proposedEmail?.trim();
  const known = [...typed, ...(claim.ownEmails ?? [])].map((e) => e.toLowerCase());
  const contactEmail = proposed && known.includes(proposed.toLowerCase()) ? proposed : typed[0];
  if (!claim.loggedIn && !contactEmail) return { kind: "ask_contact_email" };
  return { kind: "hand_off", contactEmail };
}
