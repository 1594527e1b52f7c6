/**
 * Answers from the shop's written policies and FAQs: quote the sentences that answer the
 * question, link the full policy, never paste it whole.
 */
import type { ShopPolicy } from "../../commerce/types";
import { relevantSentences } from "./products";
import type { Answer, Turn } from "../types";

const POLICY_FOR_INTENT: Record<string, string> = {
  return_policy: "REFUND_POLICY",
  shipping_options: "SHIPPING_POLICY",
};

export function policyAnswer(turn: Turn, policyType: string, lead: string): Answer {
  const policy = turn.ctx.shop.policies.find((p) => p.type === policyType);
  if (!policy) return noPolicy(turn);
  const quoted = quoteFrom(policy, turn.pre.contentTokens);
  return {
    text: `${lead}${quoted}\n\nFull policy: ${policy.url}`,
    lookups: [{ kind: "policy", ref: policy.type, outcome: "quoted" }],
  };
}

export function returnPolicy(turn: Turn): Answer {
  return policyAnswer(turn, POLICY_FOR_INTENT.return_policy, "");
}

export function shippingOptions(turn: Turn): Answer {
  return policyAnswer(turn, POLICY_FOR_INTENT.shipping_options, "");
}

/** The best FAQ answer for the question, or null when none shares enough words with it. */
export function faqAnswer(turn: Turn): Answer | null {
  const wanted = new Set(turn.pre.contentTokens.filter((t) => t.length > 2));
  let best: { answer: string; question: string; score: number } | null = null;
  for (const faq of turn.ctx.shop.faqs) {
    const words = `${faq.question} ${faq.answer}`.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const score = new Set(words.filter((w) => wanted.has(w))).size;
    if (score > (best?.score ?? 1)) best = { ...faq, score };
  }
  return best ? { text: best.answer, lookups: [{ kind: "faq", ref: best.question, outcome: "quoted" }] } : null;
}

function quoteFrom(policy: ShopPolicy, questionTokens: string[]): string {
  const sentences = relevantSentences(policy.body, questionTokens, 3);
  return sentences.length > 0 ? sentences.join(" ") : policy.body.split(/\n\n/)[0];
}

function noPolicy(turn: Turn): Answer {
  return {
    text: `I don't have that policy to hand. Our team can answer it: email ${turn.ctx.shop.email}.`,
    handoff: false,
  };
}

export function paymentMethods(turn: Turn): Answer {
  return faqAnswer(turn) ?? policyAnswer(turn, "TERMS_OF_SERVICE", "");
}

export function paymentIssue(turn: Turn): Answer {
  return faqAnswer(turn) ?? noPolicy(turn);
}

export function accountHelp(turn: Turn): Answer {
  return faqAnswer(turn) ?? noPolicy(turn);
}
