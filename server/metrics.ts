/**
 * Counters and a latency histogram for /metrics (Prometheus text format). Only counts and
 * timings: never a room id, key or note.
 */

/** Upper bounds of the storage latency buckets, in seconds. */
const BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1]

/** Durations counted into fixed buckets: memory stays the same however many are observed. */
export class Histogram {
  private readonly counts = BUCKETS.map(() => 0)
  private sum = 0
  private count = 0

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  observe(seconds: number): void {
    this.sum += seconds
    this.count++
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) this.counts[i]!++
  }

  /** Times `work` and records how long it took, also when it throws. */
  time<T>(work: () => T): T {
    const started = process.hrtime.bigint()
    try {
      return work()
    } finally {
      this.observe(Number(process.hrtime.bigint() - started) / 1e9)
    }
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    BUCKETS.forEach((bound, i) =>
      lines.push(`${this.name}_bucket{le="${bound}"} ${this.counts[i]}`),
    )
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`)
    lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`)
    return lines.join('\n')
  }
}

/** A count that only grows, from zero at start. */
export class Counter {
  value = 0
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(by = 1): void {
    this.value += by
  }

  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} counter\n${this.name} ${this.value}`
  }
}

/** What the storage layer measures; one set per server process. */
export interface StorageMetrics {
  readonly appendSeconds: Histogram
  readonly compactSeconds: Histogram
  readonly updates: Counter
}

/** A fresh set of storage metrics, all at zero: one per storage, so nothing is counted twice. */
export function createStorageMetrics(): StorageMetrics {
  return {
    appendSeconds: new Histogram(
      'pk_storage_append_seconds',
      'Time to commit the updates of one turn of the event loop (relayed only after this)',
    ),
    compactSeconds: new Histogram(
      'pk_storage_compact_seconds',
      "Time to replace a room's log by one merged update",
    ),
    updates: new Counter('pk_updates_total', 'Updates accepted and stored'),
  }
}
