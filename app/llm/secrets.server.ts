/**
 * A merchant's own OpenAI key is stored encrypted at rest (AES-256-GCM), so a copied database
 * alone reveals nothing. The key-encryption key is APP_ENCRYPTION_KEY, which production requires
 * (requireEncryptionKey, at start-up): a key derived from SHOPIFY_API_SECRET would make every
 * stored key unreadable the day the secret is rotated. Outside production, and to read keys
 * stored before APP_ENCRYPTION_KEY was set, the secret still serves.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { isLoopbackUrl } from "../config.server";

export const MIN_ENCRYPTION_KEY_LENGTH = 32;

/** Throws, with what to do, when this deployment can't keep merchants' keys readable. */
export function requireEncryptionKey(env: NodeJS.ProcessEnv = process.env): void {
  const key = env.APP_ENCRYPTION_KEY?.trim();
  if (key) {
    if (key.length < MIN_ENCRYPTION_KEY_LENGTH)
      throw new Error(
        `APP_ENCRYPTION_KEY must be at least ${MIN_ENCRYPTION_KEY_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`,
      );
    return;
  }
  // The demo runs in production mode, on this machine only, with a fresh secret per run.
  const demo = !!env.DEMO_STORE_SNAPSHOT?.trim() && isLoopbackUrl(env.SHOPIFY_APP_URL ?? "");
  if (env.NODE_ENV !== "production" || demo) return;
  throw new Error(
    "APP_ENCRYPTION_KEY is required in production: it encrypts merchants' own OpenAI keys, which must stay readable " +
      "when SHOPIFY_API_SECRET is rotated. Set it to a random value of at least 32 characters " +
      "(e.g. `openssl rand -base64 32`), keep it with the app's other secrets, and never change it.",
  );
}

/** The keys to try, newest first: APP_ENCRYPTION_KEY, then the one derived from the API secret. */
function encryptionKeys(env: NodeJS.ProcessEnv = process.env): Buffer[] {
  const materials = [env.APP_ENCRYPTION_KEY?.trim(), env.SHOPIFY_API_SECRET].filter((m): m is string => !!m);
  if (!materials.length) throw new Error("Set APP_ENCRYPTION_KEY (or SHOPIFY_API_SECRET) to store secrets");
  return materials.map((material) => createHash("sha256").update(`support-chat:${material}`).digest());
}

export function encryptSecret(plain: string, env?: NodeJS.ProcessEnv): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKeys(env)[0], iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(
    ".",
  );
}

/** The secret, or null when no key this deployment has can open it (GCM refuses a wrong key). */
export function decryptSecret(sealed: string, env?: NodeJS.ProcessEnv): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  for (const key of encryptionKeys(env)) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      // not this key
    }
  }
  return null;
}

/** "sk-…abcd": enough for a merchant to recognise their key, never the key. */
export function maskSecret(secret: string): string {
  return secret.length <= 8 ? "••••" : `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}
