/**
 * One breaker per shop: after `threshold` consecutive model failures, stop calling the model for
 * `cooldownMs` and answer locally at once; then let one request through to test the water.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;

  constructor(
    private readonly threshold = 3,
    private readonly cooldownMs = 30_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** May we call the model now? (Half-open after the cooldown: one trial call.) */
  allows(): boolean {
    if (this.openedAt === null) return true;
    return this.clock() - this.openedAt >= this.cooldownMs;
  }

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === null) return "closed";
    return this.allows() ? "half-open" : "open";
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.failures >= this.threshold) this.openedAt = this.clock();
  }
}

const breakers = new Map<string, CircuitBreaker>();

export function breakerFor(shop: string): CircuitBreaker {
  let breaker = breakers.get(shop);
  if (!breaker) breakers.set(shop, (breaker = new CircuitBreaker()));
  return breaker;
}
