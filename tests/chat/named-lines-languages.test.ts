/** An order's item named in another of the shop's languages ("the thermos" for a "Termo …" line). */
import { describe, expect, it } from "vitest";
import { namedLines } from "../../app/chat/policy/which-order";
import { preprocess } from "../../app/chat/preprocess";
import type { Order } from "../../app/commerce/types";

const line = (id: string, title: string, variantTitle: string | null = null) => ({ id, title, variantTitle });
const order = {
  lineItems: [line("a", "Café de altura — Lote 7", "250 g"), line("b", "Termo de acero (500 ml)", "Rojo")],
  returns: [],
} as unknown as Order;

describe("items named in another language", () => {
  it("finds the line a shopper names in English when the shop titles it in Spanish", () => {
    expect(
      namedLines(order, { pre: preprocess("can I exchange the thermos for another colour?") }).map((l) => l.id),
    ).toEqual(["b"]);
  });

  it("keeps a line named in the title's own words first, and names none when nothing matches", () => {
    expect(namedLines(order, { pre: preprocess("el termo llegó abollado") }).map((l) => l.id)).toEqual(["b"]);
    expect(namedLines(order, { pre: preprocess("can I return it?") })).toEqual([]);
  });
});
