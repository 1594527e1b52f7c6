/** Discount codes: check a code against the shop's discounts; never invent one, never reveal internal ones. */
import { faqAnswer } from "./policies";
import { outOfScope } from "./conversation";
import type { Answer, Turn } from "../types";

export async function discountCode(turn: Turn): Promise<Answer> {
  return faqAnswer(turn) ?? outOfScope(turn);
}
