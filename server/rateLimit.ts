/**
 * Counts what each key (an address) spends in fixed windows: requests, or bytes. Memory stays
 * bounded: windows that have ended are dropped on the next check after they end.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; spent: number }>()
  private lastSweep = 0

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Spends `cost` (one request by default) for `key`; false once the key is over its limit. */
  allow(key: string, cost = 1, now = Date.now()): boolean {
    if (now - this.lastSweep > this.windowMs) this.sweep(now)
    const window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, spent: cost })
      return cost <= this.limit
    }
    window.spent += cost
    return window.spent <= this.limit
  }

  /** True when `key` has already spent its limit in this window; spends nothing. */
  isOver(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key)
    return window !== undefined && now - window.start < this.windowMs && window.spent >= this.limit
  }

  private sweep(now: number): void {
    this.lastSweep = now
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key)
    }
  }
}
