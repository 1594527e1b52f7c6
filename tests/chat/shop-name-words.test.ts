/** The shop's own name is no word of what it sells, unless the name is one word that may be ("Linen"). */
import { describe, expect, it } from "vitest";
import { withoutShopName } from "../../app/chat/knowledge/passages";

describe("the shop's name in a question", () => {
  it("is taken out when it is a name of two words or more, accents or not", () => {
    expect(withoutShopName("do Café Colibrí beans come whole?", "Café Colibrí").trim()).toBe(
      "do   beans come whole?".trim(),
    );
    expect(withoutShopName("cafe colibri shipping", "Café Colibrí").trim()).toBe("shipping");
  });

  it("stays when the name is one word, which may be what the shop sells", () => {
    expect(withoutShopName("are the linen napkins washable?", "Linen")).toBe("are the linen napkins washable?");
  });
});
