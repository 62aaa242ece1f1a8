/**
 * Counts requests per key (an address) in fixed windows. Memory stays bounded: windows that have
 * ended are dropped on the next check after they end.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()
  private lastSweep = 0

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request for `key`; false once the key is over its limit in this window. */
  allow(key: string, now = Date.now()): boolean {
    if (now - this.lastSweep > this.windowMs) this.sweep(now)
    const window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 })
      return true
    }
    window.count++
    return window.count <= this.limit
  }

  /** True when `key` is already over its limit in this window; counts nothing. */
  isOver(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key)
    return window !== undefined && now - window.start < this.windowMs && window.count >= this.limit
  }

  private sweep(now: number): void {
    this.lastSweep = now
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key)
    }
  }
}
