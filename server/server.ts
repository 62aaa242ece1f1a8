import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import type { ServerConfig } from './config.js'
import { AccessStore, canWrite, PROTOCOL, type AccessLevel } from './access.js'
import { createApi } from './api.js'
import { CloseCode, Connection } from './connection.js'
import { JoinCodes } from './joinCodes.js'
import { MapDeletion } from './maps.js'
import type { Relay } from './relay.js'
import { logName, type Room } from './room.js'
import { RoomRegistry, RoomsFullError } from './rooms.js'
import { SqliteStorage } from './sqliteStorage.js'
import { createStaticHandler, SECURITY_HEADERS } from './static.js'
import type { Storage } from './storage.js'
import { facilitatorKeyOf, parseWsPath } from './wsRoute.js'
import { errorText, log } from './log.js'

export interface RunningServer {
  port: number
  /** The address people open in a browser. */
  url: string
  /** Stops accepting, closes every connection, compacts and unloads rooms, closes the database. */
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
  return SqliteStorage.open(path.join(config.dataDir, 'partnerschapskaart.db'), {
    maxBytes: config.maxDbBytes,
  })
}

/** Rejects when `promise` has not settled after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

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
  })
  const connectionLimits = {
    messagesPerSecond: config.maxMessagesPerSecond,
    messageBurst: config.maxMessagesPerSecond * 10,
    maxPresenceBytes: config.maxPresenceBytes,
  }
  const connections = new Set<Connection>()
  let closing: Promise<void> | null = null
  /** Ready: storage answers within two seconds, the relay (if any) is connected, not closing. */
  const readiness = async (): Promise<
    'ready' | 'draining' | 'storage-unavailable' | 'relay-unavailable'
  > => {
    if (closing) return 'draining'
    try {
      await within(storage.ping(), 2000)
    } catch {
      return 'storage-unavailable'
    }
    if (relay && !relay.ready) return 'relay-unavailable'
    return 'ready'
  }
  const serveStatic = config.clientDir ? createStaticHandler(config.clientDir) : null

  const httpServer = http.createServer((req, res) => {
    if (req.url === '/health') {
      // Ready only while storage answers and the server is not shutting down, so a load
      // balancer sends nobody to a node that cannot take them.
      void readiness().then((status) => {
        res.writeHead(status === 'ready' ? 200 : 503, {
          ...SECURITY_HEADERS,
          'Content-Type': 'application/json',
        })
        res.end(
          JSON.stringify({
            ok: status === 'ready',
            status,
            rooms: rooms.size,
            connections: connections.size,
          }),
        )
      })
      return
    }
    if (req.url === '/metrics') {
      // Prometheus text format; counts only, never a room id, key or note.
      const memory = process.memoryUsage()
      const lines = [
        ['pk_rooms_in_memory', 'gauge', rooms.size],
        ['pk_connections', 'gauge', connections.size],
        ['process_resident_memory_bytes', 'gauge', memory.rss],
        ['nodejs_heap_used_bytes', 'gauge', memory.heapUsed],
      ].map(([name, type, value]) => `# TYPE ${name} ${type}\n${name} ${value}`)
      const { updates, appendSeconds, compactSeconds } = storage.metrics
      lines.push(updates.render(), appendSeconds.render(), compactSeconds.render())
      if (relay) lines.push(relay.published.render(), relay.received.render())
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; version=0.0.4' })
      res.end(`${lines.join('\n')}\n`)
      return
    }
    if (api(req, res)) return
    if (serveStatic) {
      serveStatic(req, res)
      return
    }
    res.writeHead(404, SECURITY_HEADERS).end()
  })
  httpServer.on('clientError', (_error, socket) => {
    socket.destroy()
  })

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxFrameBytes,
    // Never compressed: updates are small, and Connection.sendFrames relies on ws sending every
    // frame the moment it is given one.
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  })
  wss.on('error', () => {
    // Errors of single sockets are handled per connection; the server itself carries on.
  })

  /** Who this upgrade request is, and which stored document it opens; a close code if refused. */
  async function admit(
    req: http.IncomingMessage,
  ): Promise<
    | { docKey: string; roomId: string; level: AccessLevel; writable: boolean }
    | { refuse: number; reason: string }
    | null
  > {
    const route = parseWsPath(new URL(req.url ?? '/', 'http://localhost').pathname)
    if (!route) return null
    let roomId: string | null
    let level: AccessLevel
    if (route.kind === 'viewer') {
      roomId = await access.roomForViewer(route.token)
      level = 'viewer'
    } else {
      const who = await access.check(route.roomId, facilitatorKeyOf(req))
      if (who === 'forbidden')
        return { refuse: CloseCode.forbidden, reason: 'wrong facilitator key' }
      roomId = who === 'unknown' ? null : route.roomId
      level = who === 'facilitator' ? 'facilitator' : 'participant'
    }
    if (!roomId) return { refuse: CloseCode.unknownMap, reason: 'unknown map' }
    const docKey = route.doc === 'map' ? roomId : `${roomId}/${route.doc}`
    return { docKey, roomId, level, writable: canWrite(level, route.doc) }
  }

  /**
   * Who it is and the room, both from storage, before the websocket is accepted: no message can
   * arrive before its room is there. A refusal is told as a close code after the upgrade.
   */
  async function accept(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let admission
    try {
      admission = await admit(req)
    } catch (error) {
      log.error('could not check access', { error: errorText(error) })
      admission = { refuse: CloseCode.unavailable, reason: 'storage-unavailable' }
    }
    if (!admission) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      return
    }
    const outcome = 'refuse' in admission ? admission : await joinRoom(admission)
    let upgraded = false
    wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded = true
      ws.on('error', () => ws.terminate())
      if ('refuse' in outcome) {
        // Told why, and given no data at all.
        ws.close(outcome.refuse, outcome.reason)
        return
      }
      const { room, docKey, writable } = outcome
      const connection = new Connection(ws, room, writable, connectionLimits, (closed) => {
        connections.delete(closed)
        rooms.release(docKey)
      })
      connections.add(connection)
    })
    // The client left while its room loaded: nobody joined it.
    if (!upgraded && 'room' in outcome) rooms.release(outcome.docKey)
  }

  /** The admitted document's room, loaded; or why it cannot be opened. */
  async function joinRoom(admission: {
    docKey: string
    roomId: string
    writable: boolean
  }): Promise<
    { room: Room; docKey: string; writable: boolean } | { refuse: number; reason: string }
  > {
    const { docKey, roomId, writable } = admission
    try {
      return { room: await rooms.open(docKey), docKey, writable }
    } catch (error) {
      // Stopping began while this one was let in: it reconnects, to another server if any.
      if (closing) return { refuse: CloseCode.serviceRestart, reason: 'server restarting' }
      if (error instanceof RoomsFullError) {
        log.warn('room refused: server full', { room: logName(roomId), rooms: rooms.size })
        return { refuse: CloseCode.tooMany, reason: 'server-full' }
      }
      log.error('room could not be opened', { room: logName(roomId), error: errorText(error) })
      return { refuse: CloseCode.unavailable, reason: 'map could not be loaded' }
    }
  }

  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    if (closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      return
    }
    void accept(req, socket, head)
  })

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

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject)
      resolve()
    })
  })
  const port = (httpServer.address() as AddressInfo).port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host

  return {
    port,
    url: `http://${shownHost}:${port}/`,
    rooms,
    access,
    storage,
    close() {
      closing ??= (async () => {
        clearInterval(pingTimer)
        clearInterval(sweepTimer)
        // 1012: the client reconnects at once, through the load balancer to a node that runs.
        for (const connection of connections) {
          connection.end(CloseCode.serviceRestart, 'server restarting')
        }
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve())
          httpServer.closeAllConnections()
        })
        await rooms.unloadAll()
        await relay?.close()
        await storage.close()
      })()
      return closing
    },
  }
}
