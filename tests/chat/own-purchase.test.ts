/** A return question about the shopper's own purchase is return_item; the general rule stays return_policy. */
import { describe, expect, it } from "vitest";
import { ownPurchaseIntent } from "../../app/chat/intent/own-purchase";

describe("own purchase or general rule", () => {
  it("reads a definite item the shopper bought, received or picked up as their own return", () => {
    for (const text of [
      "The lamp I picked up on Saturday, can I send it back?",
      "Can I return the scarf that I ordered in March?",
      "¿Puedo devolver la tetera que compré la semana pasada?",
      "Las tazas que recibí el lunes, ¿las puedo devolver?",
      "Je peux renvoyer le plaid que j'ai commandé le 3 mai ?",
      "Les bougies que j'ai récupérées hier, je peux les retourner ?",
    ])
      expect(ownPurchaseIntent("return_policy", text), text).toBe("return_item");
  });

  it("reads a return the shopper calls theirs as their own", () => {
    for (const text of ["où en est mon retour ?", "what's happening with my return?", "¿Cómo va mi devolución?"])
      expect(ownPurchaseIntent("return_policy", text), text).toBe("return_item");
    expect(ownPurchaseIntent("return_policy", "what's your return policy?")).toBeNull();
  });

  it("leaves the general rule, a question before buying, and other intents alone", () => {
    for (const text of [
      "can I return something I bought on sale?",
      "can i return things i bought on black friday?",
      "does the 30 days start from when i ordered or when it arrives",
      "si compro la chaqueta y no me queda, ¿la puedo devolver?",
      "si je commande la veste et qu'elle ne va pas, je peux la renvoyer ?",
      "Quelle est la politique de retour pour la commande d'un cadeau ?",
    ])
      expect(ownPurchaseIntent("return_policy", text), text).toBeNull();
    expect(ownPurchaseIntent("product_info", "Is the lamp I bought dishwasher safe?")).toBeNull();
  });
});

describe("a return asked about a product named, read as a question about the product", () => {
  it("is a return question, the shopper's own when they say they have it", async () => {
    const { returnOfNamedProduct } = await import("../../app/chat/intent/own-purchase");
    expect(returnOfNamedProduct("out_of_scope", "the blue mug is too small for me, can I give it back?", true)).toBe(
      "return_policy",
    );
    expect(returnOfNamedProduct("product_info", "le plaid est trop épais, je peux le rendre ?", true)).toBe(
      "return_policy",
    );
    expect(returnOfNamedProduct("product_info", "la taza que me llegó está fea, ¿la puedo devolver?", true)).toBe(
      "return_item",
    );
    // A question about the product itself, or with no product named, is left alone.
    expect(returnOfNamedProduct("product_info", "is the mug dishwasher safe?", true)).toBeNull();
    expect(returnOfNamedProduct("out_of_scope", "can I give it back?", false)).toBeNull();
    expect(returnOfNamedProduct("complaint", "the mug broke, can I send it back?", true)).toBeNull();
  });
});
