/**
 * Failed order verifications, counted per shop on every key a guess involves: who is asking (the
 * client's address as the proxy's rate limits see it, and the logged-in customer), the email tried
 * and the order number tried — across conversations. Enough misses on any one key lock it, and each
 * new lock of that key lasts twice as long as the one before. A new conversation, a new email or a
 * new order number therefore doesn't buy a fresh count.
 *
 * The policy is pure (nextAttemptState); where the counts live is a port (AttemptStore): in memory
 * here, in the database for the app (app/chat/verification-store.server.ts).
 */

export const ATTEMPT_LIMITS = {
  /** Misses on one key before it locks: room for a typo or two, far too few to walk order numbers. */
  failuresBeforeLock: 5,
  /** How long the first lock of a key lasts; every further lock doubles it… */
  firstLockMs: 15 * 60_000,
  /** …up to this. */
  maxLockMs: 24 * 60 * 60_000,
  /** A key with no miss for this long (and no lock in force) starts again from nothing. */
  forgetAfterMs: 24 * 60 * 60_000,
};

export type AttemptLimits = typeof ATTEMPT_LIMITS;

export type AttemptKeyKind = "client" | "customer" | "email" | "order";

export interface AttemptKey {
  kind: AttemptKeyKind;
  /** Normalised: a lower-case email, the order number's digits, the client or customer id. */
  value: string;
}

export interface AttemptState {
  /** Misses since the key was last locked (or forgotten). */
  failures: number;
  /** How many times the key has been locked; sets the next lock's length. */
  locks: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

export interface AttemptStore {
  /** How long until every lock on these keys has ended (ms), or null when none is in force. */
  lockedFor(keys: AttemptKey[]): Promise<number | null>;
  /** One more miss on each key; how long the lock it caused (or found) lasts, or null. */
  recordFailure(keys: AttemptKey[]): Promise<number | null>;
}

/** The lock in force at `now`, in ms from now, or null. */
export function remainingLockMs(state: AttemptState | null, now: Date): number | null {
  if (!state?.lockedUntil) return null;
  const left = state.lockedUntil.getTime() - now.getTime();
  return left > 0 ? left : null;
}

/** A key's state after one more miss at `now`. */
export function nextAttemptState(
  previous: AttemptState | null,
  now: Date,
  limits: AttemptLimits = ATTEMPT_LIMITS,
): AttemptState {
  // Nothing is checked while a key is locked, so a miss can't land then; keep the lock as it is.
  if (previous && remainingLockMs(previous, now) !== null) return { ...previous, lastFailureAt: now };
  const fresh = !previous || now.getTime() - previous.lastFailureAt.getTime() > limits.forgetAfterMs;
  const failures = (fresh ? 0 : previous.failures) + 1;
  const locks = fresh ? 0 : previous.locks;
  if (failures < limits.failuresBeforeLock) return { failures, locks, lockedUntil: null, lastFailureAt: now };
  const lockMs = Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** locks);
  return { failures: 0, locks: locks + 1, lockedUntil: new Date(now.getTime() + lockMs), lastFailureAt: now };
}

/** The keys one verification attempt involves. */
export function attemptKeys(claim: {
  clientKey?: string | null;
  customerId?: string | null;
  email?: string | null;
  orderNumber?: string | null;
}): AttemptKey[] {
  const keys: AttemptKey[] = [];
  if (claim.clientKey) keys.push({ kind: "client", value: claim.clientKey });
  if (claim.customerId) keys.push({ kind: "customer", value: claim.customerId });
  const email = claim.email?.trim().toLowerCase();
  if (email) keys.push({ kind: "email", value: email });
  const digits = claim.orderNumber?.replace(/\D/g, "");
  if (digits) keys.push({ kind: "order", value: digits });
  return keys;
}

/** Counts in this process only: for tests, the eval and single conversations without a database. */
export function memoryAttemptStore(options: { now?: () => Date; limits?: AttemptLimits } = {}): AttemptStore {
  const now = options.now ?? (() => new Date());
  const states = new Map<string, AttemptState>();
  const id = (key: AttemptKey) => `${key.kind}:${key.value}`;
  const longest = (values: (number | null)[]) =>
    values.reduce<number | null>((max, v) => (v !== null && (max === null || v > max) ? v : max), null);
  return {
    async lockedFor(keys) {
      const at = now();
      return longest(keys.map((key) => remainingLockMs(states.get(id(key)) ?? null, at)));
    },
    async recordFailure(keys) {
      const at = now();
      return longest(
        keys.map((key) => {
          const next = nextAttemptState(states.get(id(key)) ?? null, at, options.limits);
          states.set(id(key), next);
          return remainingLockMs(next, at);
        }),
      );
    },
  };
}
