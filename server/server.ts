import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import type { ServerConfig } from './config.js'
import { CloseCode, CloseReason, SUBPROTOCOL } from '../shared/protocol.js'
import { AccessStore } from './access.js'
import { createAdmission } from './admission.js'
import { createApi } from './api.js'
import type { Connection } from './connection.js'
import { autoDatabaseLimit } from './database.js'
import { JoinCodes } from './joinCodes.js'
import { MapDeletion } from './maps.js'
import { createOperations, hasBearer } from './operations.js'
import { PerAddress } from './perAddress.js'
import { RateLimiter } from './rateLimit.js'
import { logRefusal } from './refusals.js'
import type { Relay } from './relay.js'
import { addressKey, requestPath } from './request.js'
import { RoomRegistry } from './rooms.js'
import { SqliteStorage } from './sqliteStorage.js'
import { createStaticHandler, SECURITY_HEADERS } from './static.js'
import type { Storage } from './storage.js'
import { errorText, log } from './log.js'

export interface RunningServer {
  port: number
  /** The address people open in a browser. */
  url: string
  /** The port of the separate /metrics and /health listener, when configured. */
  metricsPort: number | null
  /**
   * Stops: answers /health with 503 "draining" while it closes every connection (1012), then
   * stops listening, compacts and unloads rooms, and closes the database.
   */
  close(): Promise<void>
  readonly rooms: RoomRegistry
  readonly access: AccessStore
  readonly storage: Storage
}

/** The configured storage: PostgreSQL when a database URL is given, else the SQLite file. */
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

/** How long a request may take to send its headers, and the whole of itself. */
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 30_000
/** How long shutdown waits for connections to close before it stops listening anyway. */
const DRAIN_MS = 5_000

/** Starts the http server, the websocket endpoint `/ws/<room>` and storage; resolves once listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const storage = await openStorage(config)
  let relay: Relay | null = null
  try {
    if (config.redisUrl) {
      const { RedisRelay } = await import('./relay.js')
      relay = await RedisRelay.connect(config.redisUrl)
    }
  } catch (error) {
    await storage.close()
    throw error
  }
  const access = new AccessStore(storage)
  const joinCodes = new JoinCodes(storage)
  const rooms = new RoomRegistry(
    storage,
    {
      idleMs: config.idleRoomMs,
      compactAfterUpdates: config.compactAfterUpdates,
      maxRooms: config.maxRooms,
      limits: {
        maxTextChars: config.maxNoteChars,
        maxNotes: config.maxNotes,
        maxDocBytes: config.maxMapBytes,
      },
    },
    relay,
  )
  const deletion = new MapDeletion(storage, rooms, relay)
  const api = createApi(access, joinCodes, (roomId) => deletion.delete(roomId), {
    trustProxy: config.trustProxy,
    mapsPerHour: config.maxMapsPerHour,
  })
  const connections = new Set<Connection>()
  let closing: Promise<void> | null = null
  const operations = createOperations({
    storage,
    relay,
    rooms,
    connections: () => connections.size,
    draining: () => closing !== null,
  })
  const serveStatic = config.clientDir
    ? createStaticHandler(config.clientDir, { sourceMaps: config.serveSourceMaps })
    : null

  /** Every request lands here; nothing it holds can throw out of it. */
  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const pathname = requestPath(req)
    if (pathname === null) {
      res.writeHead(400, SECURITY_HEADERS).end()
      return
    }
    if (pathname === '/health') return operations.health(res)
    if (pathname === '/metrics') {
      // Not public: on the app port only with the token; otherwise on the metrics port.
      if (config.metricsToken && hasBearer(req, config.metricsToken)) return operations.metrics(res)
      res.writeHead(404, SECURITY_HEADERS).end()
      return
    }
    if (api(req, res)) return
    if (serveStatic) return serveStatic(req, res, pathname)
    res.writeHead(404, SECURITY_HEADERS).end()
  }

  // Timeouts are checked every two seconds (Node's default is every thirty).
  const httpServer = http.createServer({ connectionsCheckingInterval: 2000 }, (req, res) => {
    try {
      route(req, res)
    } catch (error) {
      log.warn('a request could not be answered', { error: errorText(error) })
      if (!res.headersSent) res.writeHead(400, SECURITY_HEADERS).end()
      else res.destroy()
    }
  })
  // Slow requests do not hold sockets for long: headers within 10 s, the request within 30 s.
  httpServer.headersTimeout = HEADERS_TIMEOUT_MS
  httpServer.requestTimeout = REQUEST_TIMEOUT_MS
  httpServer.on('clientError', (_error, socket) => {
    socket.destroy()
  })

  // Open sockets per address; behind a proxy every socket is the proxy's, so there the cap
  // counts websockets by the forwarded address instead.
  const socketsPerAddress = new PerAddress(config.maxConnectionsPerAddress)
  if (!config.trustProxy) {
    httpServer.on('connection', (socket: Socket) => {
      const key = addressKey(socket.remoteAddress ?? 'unknown')
      if (!socketsPerAddress.take(key)) {
        logRefusal('connections per address')
        socket.destroy()
        return
      }
      socket.once('close', () => socketsPerAddress.release(key))
    })
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxFrameBytes,
    // Never compressed: updates are small, and Connection.sendFrames relies on ws sending every
    // frame the moment it is given one.
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  })
  wss.on('error', () => {
    // Errors of single sockets are handled per connection; the server itself carries on.
  })
  const admission = createAdmission({
    wss,
    access,
    rooms,
    connectionLimits: {
      messagesPerSecond: config.maxMessagesPerSecond,
      messageBurst: config.maxMessagesPerSecond * 10,
      maxPresenceBytes: config.maxPresenceBytes,
      writeQuota: new RateLimiter(config.maxWriteBytesPerHour, 60 * 60_000),
    },
    perAddress: config.trustProxy ? new PerAddress(config.maxConnectionsPerAddress) : null,
    trustProxy: config.trustProxy,
    connections,
    closing: () => closing !== null,
  })
  httpServer.on('upgrade', (req, socket, head) => admission.upgrade(req, socket, head))

  const pingTimer = setInterval(() => {
    for (const connection of connections) connection.checkAlive()
  }, config.pingIntervalMs)
  pingTimer.unref()

  // Retention (off by default): at start and every hour after.
  const sweep = async (): Promise<void> => {
    try {
      const deleted = await deletion.sweep(config.retentionDays)
      if (deleted > 0) log.info('retention sweep', { deleted, days: config.retentionDays })
    } catch (error) {
      log.error('retention sweep failed', { error: errorText(error) })
    }
  }
  await sweep()
  const sweepTimer = setInterval(() => void sweep(), 60 * 60 * 1000)
  sweepTimer.unref()

  const listen = (server: http.Server, port: number, host: string) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve((server.address() as AddressInfo).port)
      })
    })
  const port = await listen(httpServer, config.port, config.host)
  let metricsServer: http.Server | null = null
  let metricsPort: number | null = null
  if (config.metricsPort > 0) {
    metricsServer = http.createServer((req, res) => {
      const pathname = requestPath(req)
      if (pathname === '/metrics') operations.metrics(res)
      else if (pathname === '/health') operations.health(res)
      else res.writeHead(404, SECURITY_HEADERS).end()
    })
    metricsPort = await listen(metricsServer, config.metricsPort, config.metricsHost)
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host

  /** Resolves once every websocket has closed, or after `ms`. */
  const drained = (ms: number) =>
    new Promise<void>((resolve) => {
      const deadline = Date.now() + ms
      const check = () => {
        if (connections.size === 0 || Date.now() > deadline) resolve()
        else setTimeout(check, 20)
      }
      check()
    })

  return {
    port,
    url: `http://${shownHost}:${port}/`,
    metricsPort,
    rooms,
    access,
    storage,
    close() {
      closing ??= (async () => {
        clearInterval(pingTimer)
        clearInterval(sweepTimer)
        // 1012: the client reconnects at once, through the load balancer to a node that runs.
        // Meanwhile /health answers 503 "draining", so the balancer sends nobody new here.
        for (const connection of connections) {
          connection.end(CloseCode.serviceRestart, CloseReason.restarting)
        }
        await drained(DRAIN_MS)
        for (const connection of connections) connection.terminate()
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve())
          httpServer.closeAllConnections()
        })
        if (metricsServer) {
          await new Promise<void>((resolve) => {
            metricsServer!.close(() => resolve())
            metricsServer!.closeAllConnections()
          })
        }
        await rooms.unloadAll()
        await relay?.close()
        await storage.close()
      })()
      return closing
    },
  }
}
