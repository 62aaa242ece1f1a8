import { log } from './log.js'

/** How often each kind of refusal is written to the log at most. */
const EVERY_MS = 60_000

const pending = new Map<string, { count: number; since: number }>()

/**
 * Logs that the server refused something to protect itself (a flood, a rate limit, a cap), at
 * most once a minute per kind with how many there were: a flood must not flood the log too.
 * Never with an id, key, address or note.
 */
export function logRefusal(kind: string, now = Date.now()): void {
  const entry = pending.get(kind)
  if (entry && now - entry.since < EVERY_MS) {
    entry.count++
    return
  }
  log.warn('refused', { kind, count: (entry?.count ?? 0) + 1 })
  pending.set(kind, { count: 0, since: now })
}
