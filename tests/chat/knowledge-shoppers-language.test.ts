/**
 * A shop that writes in two languages says most things twice: the version in the shopper's language is
 * quoted where it says what the best sentence says, even where the other version scores a little higher
 * (a shorter sentence). Made-up shop texts.
 */
import { describe, expect, it } from "vitest";
import { shopAnswer } from "../../app/chat/knowledge";

const shop = {
  policies: [
    {
      type: "REFUND_POLICY",
      title: "Politique de retour / Refund policy",
      url: "https://shop.test/policies/refund-policy",
      body:
        "Échanges : nous ne faisons malheureusement pas d'échange par correspondance pour le moment, désolés.\n\n" +
        "Retours sous 30 jours.\n\n" +
        "Exchanges: no exchange by post.\n\n" +
        "Returns within 30 days.",
    },
  ],
  faqs: [],
  pages: [],
};

describe("a shop that writes in two languages", () => {
  it("quotes the version in the shopper's language", () => {
    expect(shopAnswer(shop, "je voudrais échanger ma veste par la poste")[0]?.passage.text).toMatch(
      /par correspondance/,
    );
    expect(shopAnswer(shop, "can I exchange my jacket by mail?")[0]?.passage.text).toMatch(/by post/);
  });
});
