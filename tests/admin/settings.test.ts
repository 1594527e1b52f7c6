import { describe, expect, it } from "vitest";
import { configureTestApp } from "../helpers/app-env";

configureTestApp("settings");
const { default: db } = await import("../../app/db.server");
const { parseSettingsForm, saveSettings, settingsView } = await import("../../app/admin/settings.server");
const { getShopSettings, DEFAULT_SETTINGS } = await import("../../app/settings.server");
const { encryptSecret } = await import("../../app/llm/secrets.server");

function form(overrides: Record<string, string> = {}): FormData {
  const data = new FormData();
  const values = {
    ...DEFAULT_SETTINGS,
    retentionDays: "90",
    openaiKey: "",
    allowCancel: "on",
    allowReturns: "off",
    allowAddressChange: "off",
    ...overrides,
  } as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) if (typeof value !== "boolean") data.set(key, String(value));
  return data;
}

describe("merchant settings", () => {
  it("rejects bad values with a message per field", () => {
    const result = parseSettingsForm(form({ accentColor: "green", handoffEmail: "nope", retentionDays: "2" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["accentColor", "handoffEmail", "retentionDays"]);
  });

  it("says what is wrong in plain words, for every field, never in the validator's own terms", () => {
    const bad = {
      botName: "x".repeat(41),
      greeting: " ",
      accentColor: "#12345",
      position: "middle",
      tone: "sarcastic",
      supportHours: "x".repeat(301),
      handoffEmail: "team at shop",
      retentionDays: "two weeks",
      engineMode: "turbo",
      openaiModel: "m".repeat(81),
    };
    const result = parseSettingsForm(form(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(Object.keys(bad).sort());
    for (const [field, message] of Object.entries(result.errors)) {
      expect(message, field).toMatch(/^[A-Z][^]*[.)]$/); // a sentence
      expect(message, field).not.toMatch(
        /string|enum|received|expected|invalid_|NaN|regex|character\(s\)|number\b.*\bnumber/i,
      );
    }
    expect(result.errors.accentColor).toBe("Use a colour code like #1f6f5c: # and six digits or letters a–f.");
    expect(result.errors.retentionDays).toBe("Enter a number of days, like 90.");
    const short = parseSettingsForm(form({ retentionDays: "3" }));
    expect(!short.ok && short.errors.retentionDays).toBe("Keep transcripts for at least 7 days.");
  });

  it("stores the OpenAI key encrypted, shows it masked, keeps it on a blank save, and scopes by shop", async () => {
    const shop = "settings-a.myshopify.com";
    const parsed = parseSettingsForm(
      form({ openaiKey: "sk-test-merchant-1234", engineMode: "hybrid", openaiModel: "gpt-4.1-mini" }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await saveSettings(db, shop, parsed.value);
    const stored = await getShopSettings(db, shop);
    expect(stored.openaiKeyCiphertext).not.toContain("sk-test-merchant");
    expect(stored.allowCancel).toBe(true);
    expect(stored.allowReturns).toBe(false);
    const view = await settingsView(db, shop);
    expect(view.openaiKeyMasked).toBe("sk-…1234");
    expect(JSON.stringify(view)).not.toContain("sk-test-merchant-1234");
    const blank = parseSettingsForm(form({ engineMode: "hybrid" }));
    if (blank.ok) await saveSettings(db, shop, blank.value);
    expect((await settingsView(db, shop)).openaiKeyMasked).toBe("sk-…1234");
    expect((await settingsView(db, "settings-b.myshopify.com")).openaiKeyMasked).toBeNull();
  });

  it("tells the merchant when their stored key can't be read, and doesn't show it as stored", async () => {
    const shop = "settings-unreadable.myshopify.com";
    const sealedElsewhere = encryptSecret("sk-lost-1234", {
      APP_ENCRYPTION_KEY: "a-key-this-deployment-does-not-have",
    } as unknown as NodeJS.ProcessEnv);
    await db.shopSettings.create({ data: { shop, openaiKeyCiphertext: sealedElsewhere, openaiModel: "o1-pro" } });
    const view = await settingsView(db, shop);
    expect(view.openaiKeyUnreadable).toBe(true);
    expect(view.openaiKeyMasked).toBeNull();
    const readable = "settings-readable.myshopify.com";
    await db.shopSettings.create({ data: { shop: readable, openaiKeyCiphertext: encryptSecret("sk-fine-1234") } });
    expect((await settingsView(db, readable)).openaiKeyUnreadable).toBe(false);
  });

  it("saves a model outside the app's list only with the merchant's own key", async () => {
    const shop = "settings-model.myshopify.com";
    const save = async (fields: Record<string, string>) => {
      const parsed = parseSettingsForm(form({ engineMode: "openai", ...fields }));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return saveSettings(db, shop, parsed.value);
    };
    expect(await save({ openaiModel: "o1-pro" })).toEqual({
      openaiModel: expect.stringContaining("needs your own OpenAI key"),
    });
    expect((await getShopSettings(db, shop)).openaiModel).toBe("");
    expect(await save({ openaiModel: "gpt-4.1" })).toEqual({});
    expect(await save({ openaiModel: "o1-pro", openaiKey: "sk-own-key-9876" })).toEqual({});
    expect((await getShopSettings(db, shop)).openaiModel).toBe("o1-pro");
    // Their key stays stored: a later save with a blank key field keeps the choice.
    expect(await save({ openaiModel: "o1-pro" })).toEqual({});
    expect(await save({ openaiModel: "o1-pro", removeOpenaiKey: "on" })).toEqual({
      openaiModel: expect.stringContaining("needs your own OpenAI key"),
    });
  });
});
