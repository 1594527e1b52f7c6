/** Reading and saving the merchant's settings: validated, scoped to the shop, the API key encrypted. */
import { settingsProblems, settingsSchema, type SettingsForm } from "./settings-form";
import type { Db } from "../db.server";
import { invalidateShop } from "../shop-cache.server";
import { encryptSecret, maskSecret, decryptSecret } from "../llm/secrets.server";
import { appModels, modelChoiceError } from "../llm/config";
import { getShopSettings } from "../settings.server";
import type { Commerce } from "../commerce/store";
import { withinSupportHours } from "../chat/answers/conversation";

export { ENGINE_MODES, type SettingsForm } from "./settings-form";

export async function settingsView(db: Db, shop: string) {
  const settings = await getShopSettings(db, shop);
  const key = settings.openaiKeyCiphertext ? decryptSecret(settings.openaiKeyCiphertext) : null;
  const { openaiKeyCiphertext: _secret, ...visible } = settings;
  return {
    ...visible,
    openaiKeyMasked: key ? maskSecret(key) : null,
    // Stored, but this deployment's encryption key can't open it (APP_ENCRYPTION_KEY changed).
    openaiKeyUnreadable: !!settings.openaiKeyCiphertext && key === null,
    envKeyConfigured: !!process.env.OPENAI_API_KEY,
    appModels: appModels(),
    // Hours the bot can't read make it say neither "open" nor "closed": tell the merchant.
    supportHoursUnreadable:
      !!settings.supportHours.trim() && withinSupportHours(settings.supportHours, new Date()) === null,
  };
}

export function parseSettingsForm(
  data: FormData,
): { ok: true; value: SettingsForm } | { ok: false; errors: Record<string, string> } {
  const raw = Object.fromEntries(data.entries());
  const checkbox = (name: string) => raw[name] === "on" || raw[name] === "true";
  const input = {
    ...raw,
    allowCancel: checkbox("allowCancel"),
    allowReturns: checkbox("allowReturns"),
    allowAddressChange: checkbox("allowAddressChange"),
    removeOpenaiKey: checkbox("removeOpenaiKey"),
    openaiKey: raw.openaiKey ?? "",
    openaiModel: raw.openaiModel ?? "",
  };
  const result = settingsSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: settingsProblems(input) };
}

/**
 * Publish the bubble settings to the storefront: the app embed reads them from an app-data
 * metafield. Saved settings stay saved if this fails; the merchant is told and can save again.
 */
export async function publishBubbleSettings(
  commerce: Pick<Commerce, "publishBubbleAppearance">,
  value: SettingsForm,
): Promise<string | null> {
  try {
    const result = await commerce.publishBubbleAppearance({
      bot_name: value.botName,
      greeting: value.greeting,
      accent_color: value.accentColor,
      position: value.position,
    });
    return result.ok ? null : result.message;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Saves the settings, or returns why not (field → message); {} when saved. */
export async function saveSettings(db: Db, shop: string, value: SettingsForm): Promise<Record<string, string>> {
  const { openaiKey, removeOpenaiKey, ...fields } = value;
  // A blank key field keeps the stored key; the key itself is never sent back to the browser.
  const keyUpdate = removeOpenaiKey
    ? { openaiKeyCiphertext: "" }
    : openaiKey
      ? { openaiKeyCiphertext: encryptSecret(openaiKey) }
      : {};
  const hasOwnKey = removeOpenaiKey ? false : !!openaiKey || (await storedKeyReadable(db, shop));
  const modelError = modelChoiceError(fields.openaiModel, hasOwnKey);
  if (modelError) return { openaiModel: modelError };
  await db.shopSettings.upsert({
    where: { shop },
    create: { shop, ...fields, ...keyUpdate },
    update: { ...fields, ...keyUpdate },
  });
  invalidateShop(shop);
  return {};
}

async function storedKeyReadable(db: Db, shop: string): Promise<boolean> {
  const stored = await db.shopSettings.findUnique({ where: { shop }, select: { openaiKeyCiphertext: true } });
  return !!stored?.openaiKeyCiphertext && decryptSecret(stored.openaiKeyCiphertext) !== null;
}
