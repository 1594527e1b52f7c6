/**
 * A merchant's own OpenAI key is stored encrypted at rest (AES-256-GCM). The key-encryption key
 * comes from APP_ENCRYPTION_KEY, or is derived from the app's API secret, so a copied database
 * alone reveals nothing.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

function encryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const material = env.APP_ENCRYPTION_KEY || env.SHOPIFY_API_SECRET;
  if (!material) throw new Error("Set APP_ENCRYPTION_KEY (or SHOPIFY_API_SECRET) to store secrets");
  return createHash("sha256").update(`support-chat:${material}`).digest();
}

export function encryptSecret(plain: string, env?: NodeJS.ProcessEnv): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(env), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string, env?: NodeJS.ProcessEnv): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey(env), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** "sk-…abcd": enough for a merchant to recognise their key, never the key. */
export function maskSecret(secret: string): string {
  return secret.length <= 8 ? "••••" : `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}
