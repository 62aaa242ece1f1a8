import type http from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import type { Relay } from './relay.js'
import type { RoomRegistry } from './rooms.js'
import { SECURITY_HEADERS } from './static.js'
import type { StorageHealth } from './storage.js'

/** What /health says; anything but "ready" answers 503, so a load balancer sends nobody. */
export type Readiness =
  | 'ready'
  | 'draining'
  | 'storage-unavailable'
  | 'storage-full'
  | 'storage-damaged'
  | 'relay-unavailable'

/** Rejects when `promise` has not settled after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export interface OperationsParts {
  storage: StorageHealth
  relay: Relay | null
  rooms: RoomRegistry
  /** Open websocket connections now. */
  connections(): number
  /** True once the server is stopping. */
  draining(): boolean
}

/**
 * The answers a host's tools ask for: /health (is this node fit to take people?) and /metrics
 * (counts in Prometheus text format; never an id, key or note).
 */
export function createOperations(parts: OperationsParts) {
  const { storage, relay, rooms } = parts

  /** Ready: not stopping, storage answers within two seconds, sound and not full, relay up. */
  async function readiness(): Promise<Readiness> {
    if (parts.draining()) return 'draining'
    try {
      await within(storage.ping(), 2000)
    } catch {
      return 'storage-unavailable'
    }
    if (storage.damage.length > 0) return 'storage-damaged'
    if (storage.full) return 'storage-full'
    if (relay && !relay.ready) return 'relay-unavailable'
    return 'ready'
  }

  return {
    readiness,

    health(res: http.ServerResponse): void {
      void readiness().then((status) => {
        res.writeHead(status === 'ready' ? 200 : 503, {
          ...SECURITY_HEADERS,
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
        })
        res.end(
          JSON.stringify({
            ok: status === 'ready',
            status,
            rooms: rooms.size,
            connections: parts.connections(),
          }),
        )
      })
    },

    metrics(res: http.ServerResponse): void {
      const memory = process.memoryUsage()
      const lines = [
        ['pk_rooms_in_memory', 'gauge', rooms.size],
        ['pk_connections', 'gauge', parts.connections()],
        ['pk_storage_full', 'gauge', storage.full ? 1 : 0],
        ['process_resident_memory_bytes', 'gauge', memory.rss],
        ['nodejs_heap_used_bytes', 'gauge', memory.heapUsed],
      ].map(([name, type, value]) => `# TYPE ${name} ${type}\n${name} ${value}`)
      const { updates, appendSeconds, compactSeconds } = storage.metrics
      lines.push(updates.render(), appendSeconds.render(), compactSeconds.render())
      if (relay) lines.push(relay.published.render(), relay.received.render())
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; version=0.0.4' })
      res.end(`${lines.join('\n')}\n`)
    },
  }
}

/** What the routes answer /health and /metrics with. */
export type Operations = ReturnType<typeof createOperations>

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function hasBearer(req: http.IncomingMessage, token: string): boolean {
  const header = req.headers.authorization
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice(7))
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
