/**
 * One deadline per shopper message, counted from when its answer starts (the message is already
 * stored). A hung Admin API or database lookup ends in the apology when it passes, instead of
 * after every per-call timeout and retry (about 34 s with the Admin API's 8 s × 4 attempts).
 */
import { REPLY_DEADLINE_MS } from "../llm/engine-router";

/**
 * The store lookups of one message together: the shop's settings and approved answers, and
 * every Admin API call with its retries. CHAT_STORE_DEADLINE_MS overrides it (milliseconds).
 */
export const STORE_DEADLINE_MS = positiveNumber(process.env.CHAT_STORE_DEADLINE_MS) ?? 10_000;

export interface MessageDeadline {
  /** Aborts when the store lookups are out of time: Admin API calls are cancelled, not retried. */
  store: AbortSignal;
  /** Aborts when a model's answer is out of time: the store's time plus the model's own deadline. */
  withModel: AbortSignal;
  storeMs: number;
  /**
   * The message is answered: its timers go. Without this each message's two timers (and what
   * their signals hold) would outlive it by up to 35 s, into the heap's old generation.
   */
  done(): void;
}

export function messageDeadline(storeMs = STORE_DEADLINE_MS): MessageDeadline {
  const started = Date.now();
  const store = abortAfter(storeMs);
  // Made when first asked for (a model answers): the local engine's messages need no second timer
  // and signal. It still counts from the message's start.
  let withModel: ReturnType<typeof abortAfter> | null = null;
  let finished = false;
  return {
    store: store.signal,
    get withModel() {
      withModel ??= abortAfter(Math.max(0, started + storeMs + REPLY_DEADLINE_MS - Date.now()), !finished);
      return withModel.signal;
    },
    storeMs,
    done() {
      finished = true;
      clearTimeout(store.timer);
      if (withModel) clearTimeout(withModel.timer);
    },
  };
}

/** AbortSignal.timeout's signal (same reason), with a timer that can be cleared. */
function abortAfter(ms: number, start = true): { signal: AbortSignal; timer?: ReturnType<typeof setTimeout> } {
  const controller = new AbortController();
  if (!start) return { signal: controller.signal };
  const timer = setTimeout(
    () => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
    ms,
  );
  timer.unref();
  return { signal: controller.signal, timer };
}

export class DeadlineExceeded extends Error {
  constructor() {
    super("deadline passed");
  }
}

/** `work`'s result, or DeadlineExceeded once `signal` aborts; work still running then is ignored. */
export function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DeadlineExceeded());
  return new Promise<T>((resolve, reject) => {
    const expire = () => reject(new DeadlineExceeded());
    signal.addEventListener("abort", expire, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", expire));
  });
}

function positiveNumber(value: string | undefined): number | null {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : null;
}
