/**
 * Which engine answers a shop's shoppers. Environment settings apply to every shop; a merchant's
 * own key/model/mode in settings take precedence for their shop.
 *   local  — the embedded engine only (the default with no key)
 *   openai — GPT-4-class model for intent and replies, local engine as the safety net
 *   hybrid — local first; the model only when local confidence is low (the default with a key)
 */
export type EngineMode = "local" | "openai" | "hybrid";

export interface OpenAIConfig {
  apiKey: string;
  model: string;
  baseURL: string | undefined;
  timeoutMs: number;
  maxRetries: number;
}

export interface EngineConfig {
  mode: EngineMode;
  openai: OpenAIConfig | null;
}

export const DEFAULT_MODEL = "gpt-4.1";

export interface ShopEngineSettings {
  engineMode: string;
  openaiModel: string;
  /** Already decrypted. */
  openaiKey: string | null;
}

export function resolveEngineConfig(shop: ShopEngineSettings, env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const apiKey = shop.openaiKey || env.OPENAI_API_KEY || "";
  const openai: OpenAIConfig | null = apiKey
    ? {
        apiKey,
        model: shop.openaiModel || env.OPENAI_MODEL || DEFAULT_MODEL,
        baseURL: env.OPENAI_BASE_URL || undefined,
        timeoutMs: Number(env.OPENAI_TIMEOUT_MS ?? 15_000),
        maxRetries: Number(env.OPENAI_MAX_RETRIES ?? 2),
      }
    : null;
  // The shop's own choice wins; "auto" defers to the deployment's CHAT_ENGINE.
  const requested = (shop.engineMode && shop.engineMode !== "auto" ? shop.engineMode : env.CHAT_ENGINE || "auto").toLowerCase();
  if (!openai || requested === "local") return { mode: "local", openai };
  if (requested === "openai") return { mode: "openai", openai };
  return { mode: "hybrid", openai };
}
