/**
 * "How do I get an invoice?" before any order is named: the shop's own invoice rules (where to ask,
 * what a company invoice needs, until when) come first, then the bot asks which order. An order
 * already known gets its invoice request as before (answers/orders.ts), with the same rules.
 */
import { knowledgeFor } from "../knowledge";
import { invoiceRules } from "../policy/shop-sentences";
import { getInvoice } from "./orders";
import type { Answer, Turn } from "../types";

export async function invoiceAnswer(turn: Turn): Promise<Answer> {
  const answer = await getInvoice(turn);
  if (answer.state?.awaiting !== "order_number" && answer.state?.awaiting !== "email") return answer;
  const rules = invoiceRules(knowledgeFor(turn.ctx.shop).passages, turn.language);
  if (rules.length === 0) return answer;
  return {
    ...answer,
    text: `${rules.map((p) => p.quote).join(" ")}\n\n${answer.text}`,
    lookups: [...(answer.lookups ?? []), { kind: "faq", ref: "invoice rules", outcome: "matched" }],
  };
}
