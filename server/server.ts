import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import type { ServerConfig } from './config.js'
import { CloseCode, Connection } from './connection.js'
import { logName } from './room.js'
import { isValidRoomId, RoomRegistry } from './rooms.js'
import { createStaticHandler, SECURITY_HEADERS } from './static.js'
import { UpdateStore } from './storage.js'

export interface RunningServer {
  port: number
  /** The address people open in a browser. */
  url: string
  /** Stops accepting, closes every connection, compacts and unloads rooms, closes the database. */
  close(): Promise<void>
  readonly rooms: RoomRegistry
}

const WS_PREFIX = '/ws/'

/** Starts the http server, the websocket endpoint `/ws/<room>` and storage; resolves once listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = new UpdateStore(path.join(config.dataDir, 'partnerschapskaart.db'))
  const rooms = new RoomRegistry(store, {
    idleMs: config.idleRoomMs,
    compactAfterUpdates: config.compactAfterUpdates,
  })
  const connections = new Set<Connection>()
  const serveStatic = config.clientDir ? createStaticHandler(config.clientDir) : null

  const httpServer = http.createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ ok: true, rooms: rooms.size, connections: connections.size }))
      return
    }
    if (serveStatic) {
      serveStatic(req, res)
      return
    }
    res.writeHead(404, SECURITY_HEADERS).end()
  })
  httpServer.on('clientError', (_error, socket) => {
    socket.destroy()
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes })
  wss.on('error', () => {
    // Errors of single sockets are handled per connection; the server itself carries on.
  })

  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    const roomId = pathname.startsWith(WS_PREFIX) ? pathname.slice(WS_PREFIX.length) : ''
    if (!isValidRoomId(roomId)) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      let room
      try {
        room = rooms.open(roomId)
      } catch (error) {
        console.error(`room ${logName(roomId)}: could not be opened:`, error)
        ws.close(CloseCode.unavailable, 'map could not be loaded')
        return
      }
      const connection = new Connection(ws, room, (closed) => {
        connections.delete(closed)
        rooms.release(roomId)
      })
      connections.add(connection)
    })
  })

  const pingTimer = setInterval(() => {
    for (const connection of connections) connection.checkAlive()
  }, config.pingIntervalMs)
  pingTimer.unref()

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject)
      resolve()
    })
  })
  const port = (httpServer.address() as AddressInfo).port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host

  let closing: Promise<void> | null = null
  return {
    port,
    url: `http://${shownHost}:${port}/`,
    rooms,
    close() {
      closing ??= (async () => {
        clearInterval(pingTimer)
        for (const connection of connections) connection.end(CloseCode.goingAway, 'server stopping')
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve())
          httpServer.closeAllConnections()
        })
        rooms.unloadAll()
        store.close()
      })()
      return closing
    },
  }
}
