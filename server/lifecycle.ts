import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { CloseCode, CloseReason } from '../shared/protocol.js'
import type { ServerConfig } from './config.js'
import type { Connection } from './connection.js'
import { autoDatabaseLimit } from './database.js'
import type { MapDeletion } from './maps.js'
import type { Relay } from './relay.js'
import type { RoomRegistry } from './rooms.js'
import { SqliteStorage } from './sqliteStorage.js'
import type { Storage } from './storage.js'
import { errorText, log } from './log.js'

/** How long shutdown waits for connections to close before it stops listening anyway. */
const DRAIN_MS = 5_000
const SWEEP_EVERY_MS = 60 * 60 * 1000

/**
 * The configured storage, open: PostgreSQL when a database URL is given, else the SQLite file.
 * Damage the check at start found is logged, and the server starts all the same.
 */
export async function openStorage(config: ServerConfig): Promise<Storage> {
  // The drivers load only when configured: one server with SQLite starts without them.
  if (config.databaseUrl) {
    const { PostgresStorage } = await import('./postgresStorage.js')
    return PostgresStorage.open(config.databaseUrl)
  }
  const file = path.join(config.dataDir, 'partnerschapskaart.db')
  const maxBytes = config.maxDbBytes === 'auto' ? autoDatabaseLimit(file) : config.maxDbBytes
  const storage = SqliteStorage.open(file, { maxBytes })
  if (config.maxDbBytes === 'auto') {
    log.info('database size limit', {
      megabytes: Math.floor(maxBytes / 2 ** 20),
      from: 'free disk',
    })
  }
  if (storage.damage.length > 0) {
    log.error('the database check found damage: restore a backup (see the README)', {
      problems: storage.damage.length,
      first: storage.damage[0],
    })
  }
  return storage
}

/** The configured relay, connected, or null without Redis; `storage` is closed when it fails. */
export async function connectRelay(config: ServerConfig, storage: Storage): Promise<Relay | null> {
  if (!config.redisUrl) return null
  try {
    const { RedisRelay } = await import('./relay.js')
    return await RedisRelay.connect(config.redisUrl)
  } catch (error) {
    await storage.close()
    throw error
  }
}

/** Listens on `port` (0: any free one); resolves with the port it got. */
function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

export interface LifecycleParts {
  config: ServerConfig
  /** Every open connection (admission adds and removes them). */
  connections: ReadonlySet<Connection>
  rooms: RoomRegistry
  deletion: MapDeletion
  relay: Relay | null
  storage: Storage
}

/**
 * Start and stop: the ping and retention timers, listening, and a shutdown that drains before
 * it closes, so every room is stored and compacted and the database closed last.
 */
export class Lifecycle {
  private stopping: Promise<void> | null = null
  private timers: NodeJS.Timeout[] = []
  private servers: http.Server[] = []

  constructor(private readonly parts: LifecycleParts) {}

  /** True from the first call of `close` on, and never false again. */
  get closing(): boolean {
    return this.stopping !== null
  }

  /**
   * Starts the timers, runs a first retention sweep, then listens: `app` on the configured port,
   * `metrics` (when given) on the metrics port. Resolves with both ports.
   */
  async start(
    app: http.Server,
    metrics: http.Server | null,
  ): Promise<{ port: number; metricsPort: number | null }> {
    const { config, connections } = this.parts
    this.every(config.pingIntervalMs, () => {
      for (const connection of connections) connection.checkAlive()
    })
    // Retention (off by default): at start and every hour after.
    await this.sweep()
    this.every(SWEEP_EVERY_MS, () => void this.sweep())
    this.servers.push(app)
    const port = await listen(app, config.port, config.host)
    if (!metrics) return { port, metricsPort: null }
    this.servers.push(metrics)
    return { port, metricsPort: await listen(metrics, config.metricsPort, config.metricsHost) }
  }

  /**
   * Stops: answers /health with 503 "draining" while it closes every connection (1012), then
   * stops listening, compacts and unloads rooms, and closes the relay and the database. Every
   * call returns the same promise.
   */
  close(): Promise<void> {
    this.stopping ??= this.stop()
    return this.stopping
  }

  private async stop(): Promise<void> {
    const { connections, rooms, relay, storage } = this.parts
    for (const timer of this.timers) clearInterval(timer)
    // 1012: the client reconnects at once, through the load balancer to a node that runs.
    // Meanwhile /health answers 503 "draining", so the balancer sends nobody new here.
    for (const connection of connections) {
      connection.end(CloseCode.serviceRestart, CloseReason.restarting)
    }
    await this.drained(DRAIN_MS)
    for (const connection of connections) connection.terminate()
    for (const server of this.servers) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
    await rooms.unloadAll()
    await relay?.close()
    await storage.close()
  }

  /** Runs `work` every `ms` until the server stops; the timer alone keeps no process alive. */
  private every(ms: number, work: () => void): void {
    const timer = setInterval(work, ms)
    timer.unref()
    this.timers.push(timer)
  }

  /** Resolves once every websocket has closed, or after `ms`. */
  private drained(ms: number): Promise<void> {
    const { connections } = this.parts
    return new Promise<void>((resolve) => {
      const deadline = Date.now() + ms
      const check = () => {
        if (connections.size === 0 || Date.now() > deadline) resolve()
        else setTimeout(check, 20)
      }
      check()
    })
  }

  private async sweep(): Promise<void> {
    const { deletion, config } = this.parts
    try {
      const deleted = await deletion.sweep(config.retentionDays)
      if (deleted > 0) log.info('retention sweep', { deleted, days: config.retentionDays })
    } catch (error) {
      log.error('retention sweep failed', { error: errorText(error) })
    }
  }
}
