/**
 * Which engine answers a shop's shoppers. Environment settings apply to every shop; a merchant's
 * own key/model/mode in settings take precedence for their shop. A merchant's model choice runs
 * on their own key; on the app's key (OPENAI_API_KEY) only the app's models run (OPENAI_MODELS).
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
  const ownKey = shop.openaiKey || null;
  const apiKey = ownKey || env.OPENAI_API_KEY || "";
  const openai: OpenAIConfig | null = apiKey
    ? {
        apiKey,
        model: ownKey ? shop.openaiModel || appDefaultModel(env) : modelOnAppKey(shop.openaiModel, env),
        baseURL: env.OPENAI_BASE_URL || undefined,
        timeoutMs: Number(env.OPENAI_TIMEOUT_MS ?? 15_000),
        maxRetries: Number(env.OPENAI_MAX_RETRIES ?? 2),
      }
    : null;
  // The shop's own choice wins; "auto" defers to the deployment's CHAT_ENGINE.
  const requested = (
    shop.engineMode && shop.engineMode !== "auto" ? shop.engineMode : env.CHAT_ENGINE || "auto"
  ).toLowerCase();
  if (!openai || requested === "local") return { mode: "local", openai };
  if (requested === "openai") return { mode: "openai", openai };
  return { mode: "hybrid", openai };
}

export function appDefaultModel(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENAI_MODEL?.trim() || DEFAULT_MODEL;
}

/** The models the app's key may run: OPENAI_MODELS (comma-separated) and the app's default model. */
export function appModels(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.OPENAI_MODELS ?? "")
    .split(",")
    .map((model) => model.trim())
    .filter(Boolean);
  return [...new Set([appDefaultModel(env), ...listed])];
}

/** The merchant's choice when the app allows it on its key, else the app's default model. */
function modelOnAppKey(choice: string, env: NodeJS.ProcessEnv): string {
  return choice && appModels(env).includes(choice) ? choice : appDefaultModel(env);
}

/** Why a merchant can't save this model choice, or null: other models need their own key. */
export function modelChoiceError(
  model: string,
  hasOwnKey: boolean,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (!model || hasOwnKey || appModels(env).includes(model)) return null;
  return `${model} needs your own OpenAI key. With the app's key, choose ${appModels(env).join(" or ")}, or leave the model empty.`;
}
