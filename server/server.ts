import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import type { ServerConfig } from './config.js'
import { AccessStore, canWrite, PROTOCOL, type AccessLevel } from './access.js'
import { createApi } from './api.js'
import { CloseCode, Connection } from './connection.js'
import { openDatabase } from './database.js'
import { JoinCodes } from './joinCodes.js'
import { MapDeletion } from './maps.js'
import { logName } from './room.js'
import { RoomRegistry, RoomsFullError } from './rooms.js'
import { createStaticHandler, SECURITY_HEADERS } from './static.js'
import { UpdateStore } from './storage.js'
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
}

/** Starts the http server, the websocket endpoint `/ws/<room>` and storage; resolves once listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = openDatabase(path.join(config.dataDir, 'partnerschapskaart.db'), {
    maxBytes: config.maxDbBytes,
  })
  const store = new UpdateStore(db)
  const access = new AccessStore(db)
  const joinCodes = new JoinCodes(db)
  const rooms = new RoomRegistry(store, {
    idleMs: config.idleRoomMs,
    compactAfterUpdates: config.compactAfterUpdates,
    maxRooms: config.maxRooms,
    limits: {
      maxTextChars: config.maxNoteChars,
      maxNotes: config.maxNotes,
      maxDocBytes: config.maxMapBytes,
    },
  })
  const deletion = new MapDeletion(db, rooms, store, access, joinCodes)
  const api = createApi(access, joinCodes, (roomId) => deletion.delete(roomId))
  const connectionLimits = {
    messagesPerSecond: config.maxMessagesPerSecond,
    messageBurst: config.maxMessagesPerSecond * 10,
    maxPresenceBytes: config.maxPresenceBytes,
  }
  const connections = new Set<Connection>()
  let closing: Promise<void> | null = null
  const healthCheck = db.prepare('SELECT 1')
  const storageAnswers = (): boolean => {
    try {
      healthCheck.get()
      return true
    } catch {
      return false
    }
  }
  const serveStatic = config.clientDir ? createStaticHandler(config.clientDir) : null

  const httpServer = http.createServer((req, res) => {
    if (req.url === '/health') {
      // Ready only while storage answers and the server is not shutting down, so a load
      // balancer sends nobody to a node that cannot take them.
      const status = closing ? 'draining' : storageAnswers() ? 'ready' : 'storage-unavailable'
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
      const { updates, appendSeconds, compactSeconds } = store.metrics
      lines.push(updates.render(), appendSeconds.render(), compactSeconds.render())
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
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  })
  wss.on('error', () => {
    // Errors of single sockets are handled per connection; the server itself carries on.
  })

  /** Who this upgrade request is, and which stored document it opens; a close code if refused. */
  function admit(
    req: http.IncomingMessage,
  ):
    | { docKey: string; roomId: string; level: AccessLevel; writable: boolean }
    | { refuse: number; reason: string }
    | null {
    const route = parseWsPath(new URL(req.url ?? '/', 'http://localhost').pathname)
    if (!route) return null
    let roomId: string | null
    let level: AccessLevel
    if (route.kind === 'viewer') {
      roomId = access.roomForViewer(route.token)
      level = 'viewer'
    } else {
      roomId = access.exists(route.roomId) ? route.roomId : null
      const key = facilitatorKeyOf(req)
      if (roomId && key !== null && !access.isFacilitatorKey(roomId, key)) {
        return { refuse: CloseCode.forbidden, reason: 'wrong facilitator key' }
      }
      level = key !== null ? 'facilitator' : 'participant'
    }
    if (!roomId) return { refuse: CloseCode.unknownMap, reason: 'unknown map' }
    const docKey = route.doc === 'map' ? roomId : `${roomId}/${route.doc}`
    return { docKey, roomId, level, writable: canWrite(level, route.doc) }
  }

  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    if (closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      return
    }
    const admission = admit(req)
    if (!admission) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate())
      if ('refuse' in admission) {
        // Told why, and given no data at all.
        ws.close(admission.refuse, admission.reason)
        return
      }
      const { docKey, roomId, writable } = admission
      let room
      try {
        room = rooms.open(docKey)
      } catch (error) {
        if (error instanceof RoomsFullError) {
          log.warn('room refused: server full', { room: logName(roomId), rooms: rooms.size })
          ws.close(CloseCode.tooMany, 'server-full')
          return
        }
        log.error('room could not be opened', { room: logName(roomId), error: errorText(error) })
        ws.close(CloseCode.unavailable, 'map could not be loaded')
        return
      }
      const connection = new Connection(ws, room, writable, connectionLimits, (closed) => {
        connections.delete(closed)
        rooms.release(docKey)
      })
      connections.add(connection)
    })
  })

  const pingTimer = setInterval(() => {
    for (const connection of connections) connection.checkAlive()
  }, config.pingIntervalMs)
  pingTimer.unref()

  // Retention (off by default): at start and every hour after.
  const sweep = (): void => {
    try {
      const deleted = deletion.sweep(config.retentionDays)
      if (deleted > 0) log.info('retention sweep', { deleted, days: config.retentionDays })
    } catch (error) {
      log.error('retention sweep failed', { error: errorText(error) })
    }
  }
  sweep()
  const sweepTimer = setInterval(sweep, 60 * 60 * 1000)
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
        rooms.unloadAll()
        db.close()
      })()
      return closing
    },
  }
}
