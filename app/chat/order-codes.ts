/**
 * One-time codes that prove a guest reads the mailbox of the order they want to change: emailed to
 * the order's address, single-use, short-lived, a few tries each. Only a keyed hash of a code is
 * kept (HMAC-SHA256 with a server-side secret), so a copy of the store reveals no code, and 10^6
 * possible codes can't be tried offline against it.
 *
 * The rules and hashing are here; where the records live is a port (OrderCodeStore): in memory
 * here, in the database for the app (app/chat/verification-store.server.ts).
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export const CODE_RULES = {
  digits: 6,
  /** How long an emailed code works. */
  ttlMs: 10 * 60_000,
  /** Wrong entries before a code stops working. */
  maxTries: 5,
  /** Codes one order may be sent per hour, so the chat can't be used to flood a customer's inbox. */
  maxPerOrderPerHour: 5,
};

export type IssuedCode =
  { ok: true; challengeId: string; code: string; expiresAt: Date } | { ok: false; reason: "too_many" };

export type CodeCheck =
  { ok: true } | { ok: false; reason: "wrong"; triesLeft: number } | { ok: false; reason: "expired" | "used_up" };

export interface OrderCodeStore {
  /** A fresh code for a change to this order (digits only), or a refusal past the hourly limit. */
  issue(orderNumber: string): Promise<IssuedCode>;
  /** Try a code against a challenge for this order; a right code works once. */
  redeem(challengeId: string, orderNumber: string, code: string): Promise<CodeCheck>;
  /** The store's clock (real time, also in the demo, whose shop clock is frozen). */
  now(): Date;
}

export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_RULES.digits)).padStart(CODE_RULES.digits, "0");
}

export function newChallengeId(): string {
  return randomBytes(16).toString("base64url");
}

export function hashCode(secret: string | Buffer, challengeId: string, code: string): string {
  return createHmac("sha256", secret).update(`${challengeId}:${code}`).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

interface CodeRecord {
  id: string;
  orderNumber: string;
  codeHash: string;
  tries: number;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

/** Codes in this process only: for tests, the eval and single conversations without a database. */
export function memoryCodeStore(
  options: { now?: () => Date; secret?: string } = {},
): OrderCodeStore & { records: readonly CodeRecord[] } {
  const now = options.now ?? (() => new Date());
  const secret = options.secret ?? randomBytes(32).toString("hex");
  const records: CodeRecord[] = [];
  return {
    records,
    now,
    async issue(orderNumber) {
      const at = now();
      const lastHour = records.filter(
        (r) => r.orderNumber === orderNumber && at.getTime() - r.createdAt.getTime() < 3_600_000,
      );
      if (lastHour.length >= CODE_RULES.maxPerOrderPerHour) return { ok: false, reason: "too_many" };
      const challengeId = newChallengeId();
      const code = newCode();
      const expiresAt = new Date(at.getTime() + CODE_RULES.ttlMs);
      records.push({
        id: challengeId,
        orderNumber,
        codeHash: hashCode(secret, challengeId, code),
        tries: 0,
        expiresAt,
        usedAt: null,
        createdAt: at,
      });
      return { ok: true, challengeId, code, expiresAt };
    },
    async redeem(challengeId, orderNumber, code) {
      const record = records.find((r) => r.id === challengeId && r.orderNumber === orderNumber);
      if (!record || record.usedAt || record.expiresAt <= now()) return { ok: false, reason: "expired" };
      if (record.tries >= CODE_RULES.maxTries) return { ok: false, reason: "used_up" };
      record.tries += 1;
      if (!sameHash(record.codeHash, hashCode(secret, challengeId, code))) {
        const triesLeft = CODE_RULES.maxTries - record.tries;
        return triesLeft > 0 ? { ok: false, reason: "wrong", triesLeft } : { ok: false, reason: "used_up" };
      }
      record.usedAt = now();
      return { ok: true };
    },
  };
}
