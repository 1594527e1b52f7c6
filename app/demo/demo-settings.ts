import type { DemoSnapshot } from "../commerce/demo-store";
import type { EditableSettings } from "../settings.server";

/**
 * The bot settings a merchant of the demo shop would have entered: support hours, hand-off email
 * and FAQs come from the snapshot, and codes the snapshot marks as private are never revealed.
 */
export function demoShopSettings(snapshot: DemoSnapshot): Partial<EditableSettings> {
  const internalCodes = snapshot.discounts.filter((d) => d.note && /not for public|do not share|internal/i.test(d.note)).map((d) => d.code);
  return {
    botName: "Northwind assistant",
    supportHours: snapshot.shop.supportHours ?? "",
    handoffEmail: snapshot.shop.email,
    faqs: JSON.stringify(snapshot.faqs),
    internalCodes: JSON.stringify(internalCodes),
    // The demo merchant lets the bot act itself, so the demo shows the Admin mutations' effect.
    allowCancel: true,
    allowReturns: true,
    allowAddressChange: true,
  };
}
