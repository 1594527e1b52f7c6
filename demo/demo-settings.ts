import type { DemoSnapshot } from "./demo-store";
import type { EditableSettings } from "../app/settings.server";
import { normalize } from "../app/chat/preprocess";
import { findDurations } from "../app/chat/shop/durations";

/**
 * The bot settings a merchant of the demo shop would have entered: support hours, hand-off email
 * and FAQs come from the snapshot, and codes the snapshot marks as private are never revealed.
 */
export function demoShopSettings(snapshot: DemoSnapshot): Partial<EditableSettings> {
  const isPrivate = (d: { note?: string }) =>
    !!d.note && /not for public|do not share|internal|not announced/i.test(d.note);
  const internalCodes = snapshot.discounts.filter(isPrivate).map((d) => d.code);
  const publicCodes = snapshot.discounts.filter((d) => !isPrivate(d)).map((d) => d.code);
  const [replyTime] = findDurations(normalize(snapshot.shop.liveChatAgentsAvailable ?? "")).map(
    ({ min, max, unit }) => ({ min, max, unit }),
  );
  return {
    supportHours: snapshot.shop.supportHours ?? "",
    handoffEmail: snapshot.shop.email,
    faqs: JSON.stringify(snapshot.faqs),
    internalCodes: JSON.stringify(internalCodes),
    publicCodes: JSON.stringify(publicCodes),
    // The demo merchant's answer to "how soon does your team reply?", confirmed in Store facts.
    factOverrides: JSON.stringify(replyTime ? { replyTime } : {}),
    // The demo merchant lets the bot act itself, so the demo shows the Admin mutations' effect.
    allowCancel: true,
    allowReturns: true,
    allowAddressChange: true,
  };
}
