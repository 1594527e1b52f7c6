/** Table-driven checks of the order rules that re-read a message the model took for another request. */
import { expect } from "vitest";
import { orderQuestionIntent } from "../../app/chat/intent/order-questions";
import type { Intent } from "../../app/chat/intent/labels";
import type { DialogueState } from "../../app/chat/types";

/** Each row: what the model read, the message, and what the order rules make of it (null: they leave it). */
export function readsAs(state: DialogueState, rows: [Intent, string, Intent | null][]) {
  for (const [predicted, text, expected] of rows)
    expect(orderQuestionIntent(predicted, text, state), text).toBe(expected);
}
