import type http from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { canWrite, type AccessLevel, type AccessStore } from './access.js'
import {
  CloseCode,
  CloseReason,
  docKey as keyOf,
  SUBPROTOCOL,
  TRAJECTORY_EPOCH_PARAM,
} from '../shared/protocol.js'
import { Connection, type ConnectionLimits } from './connection.js'
import { errorText, log, logName } from './log.js'
import { PerAddress } from './perAddress.js'
import { logRefusal } from './refusals.js'
import { addressKey, clientAddress, requestPath } from './request.js'
import type { Room } from './room.js'
import { RoomsFullError, type RoomRegistry } from './rooms.js'
import { facilitatorKeyOf, parseWsPath, readsDeflated } from './wsRoute.js'

type Refusal = { refuse: number; reason: string }

/** The trajectory epoch a connection names (none is 0); NaN for anything but a whole number. */
function epochOf(req: http.IncomingMessage): number {
  const value = new URL(req.url ?? '/', 'http://localhost').searchParams.get(TRAJECTORY_EPOCH_PARAM)
  if (value === null) return 0
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN
}

export interface AdmissionParts {
  access: AccessStore
  rooms: RoomRegistry
  connectionLimits: ConnectionLimits
  /** Largest websocket frame; a larger one closes the socket (1009). */
  maxFrameBytes: number
  /**
   * Open connections per address. Behind a proxy every socket is the proxy's, so there the cap
   * counts websockets by the forwarded address instead of sockets.
   */
  maxConnectionsPerAddress: number
  trustProxy: boolean
  /** Every open connection, for shutdown, pings and the counts. */
  connections: Set<Connection>
  /** True once the server is stopping. */
  closing(): boolean
}

/**
 * Lets websockets in: who it is and which document it opens, both from storage, and the room
 * loaded, all before the websocket is accepted, so no message can arrive before its room is
 * there. A refusal is told as a close code after the upgrade; a request that is no websocket
 * path of ours gets 400 without one. No address holds more connections than its cap.
 */
export function createAdmission(parts: AdmissionParts) {
  const { access, rooms, connections } = parts
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: parts.maxFrameBytes,
    // Never compressed: updates are small, and Connection.sendFrames relies on ws sending every
    // frame the moment it is given one.
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  })
  wss.on('error', () => {
    // Errors of single sockets are handled per connection; the server itself carries on.
  })
  /** Websockets per forwarded address, behind a proxy; without one, `attach` counts sockets. */
  const perAddress = parts.trustProxy ? new PerAddress(parts.maxConnectionsPerAddress) : null

  async function admit(
    req: http.IncomingMessage,
  ): Promise<
    { docKey: string; roomId: string; level: AccessLevel; writable: boolean } | Refusal | null
  > {
    const pathname = requestPath(req)
    const route = pathname === null ? null : parseWsPath(pathname)
    if (!route) return null
    let roomId: string | null
    let level: AccessLevel
    if (route.kind === 'viewer') {
      roomId = await access.roomForViewer(route.token)
      level = 'viewer'
    } else {
      const who = await access.check(route.roomId, facilitatorKeyOf(req))
      if (who === 'forbidden') return { refuse: CloseCode.forbidden, reason: CloseReason.wrongKey }
      roomId = who === 'unknown' ? null : route.roomId
      level = who === 'facilitator' ? 'facilitator' : 'participant'
    }
    if (!roomId) return { refuse: CloseCode.unknownMap, reason: CloseReason.unknownMap }
    // Opened before the trajectory was last deleted: what this device holds is gone for good.
    // (The big screen writes nothing and opens it afresh each time, so it names no epoch.)
    if (
      route.doc === 'trajectory' &&
      level !== 'viewer' &&
      epochOf(req) !== (await access.trajectoryEpoch(roomId))
    )
      return { refuse: CloseCode.deleted, reason: CloseReason.trajectoryDeleted }
    return { docKey: keyOf(roomId, route.doc), roomId, level, writable: canWrite(level, route.doc) }
  }

  /** The admitted document's room, loaded; or why it cannot be opened. */
  async function joinRoom(docKey: string, roomId: string): Promise<{ room: Room } | Refusal> {
    try {
      return { room: await rooms.open(docKey) }
    } catch (error) {
      // Stopping began while this one was let in: it reconnects, to another server if any.
      if (parts.closing())
        return { refuse: CloseCode.serviceRestart, reason: CloseReason.restarting }
      if (error instanceof RoomsFullError) {
        log.warn('room refused: server full', { room: logName(roomId), rooms: rooms.size })
        return { refuse: CloseCode.tooMany, reason: CloseReason.serverFull }
      }
      log.error('room could not be opened', { room: logName(roomId), error: errorText(error) })
      return { refuse: CloseCode.unavailable, reason: CloseReason.notLoaded }
    }
  }

  async function accept(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const address = clientAddress(req, parts.trustProxy)
    if (perAddress && !perAddress.take(address)) {
      logRefusal('websockets per address')
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\n\r\n')
      return
    }
    let held = true
    const release = () => {
      if (held) perAddress?.release(address)
      held = false
    }
    let admission
    try {
      admission = await admit(req)
    } catch (error) {
      log.error('could not check access', { error: errorText(error) })
      admission = { refuse: CloseCode.unavailable, reason: CloseReason.storageUnavailable }
    }
    if (!admission) {
      release()
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      return
    }
    const outcome: { room: Room } | Refusal =
      'refuse' in admission ? admission : await joinRoom(admission.docKey, admission.roomId)
    let upgraded = false
    wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded = true
      ws.on('error', () => ws.terminate())
      if ('refuse' in outcome) {
        release()
        // Told why, and given no data at all.
        ws.close(outcome.refuse, outcome.reason)
        return
      }
      const { docKey, writable } = admission as { docKey: string; writable: boolean }
      const connection = new Connection(
        ws,
        outcome.room,
        { writable, readsDeflated: readsDeflated(req) },
        parts.connectionLimits,
        address,
        (closed) => {
          connections.delete(closed)
          rooms.release(docKey)
          release()
        },
      )
      connections.add(connection)
    })
    if (!upgraded) {
      release()
      // The client left while its room loaded: nobody joined it.
      if ('room' in outcome && 'docKey' in admission) rooms.release(admission.docKey)
    }
  }

  function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    if (parts.closing()) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      return
    }
    void accept(req, socket, head).catch((error: unknown) => {
      log.error('a websocket could not be let in', { error: errorText(error) })
      socket.destroy()
    })
  }

  return {
    /** Takes the upgrades of `server`, and without a proxy caps its sockets per address. */
    attach(server: http.Server): void {
      if (!parts.trustProxy) {
        const socketsPerAddress = new PerAddress(parts.maxConnectionsPerAddress)
        server.on('connection', (socket: Socket) => {
          const key = addressKey(socket.remoteAddress ?? 'unknown')
          if (!socketsPerAddress.take(key)) {
            logRefusal('connections per address')
            socket.destroy()
            return
          }
          socket.once('close', () => socketsPerAddress.release(key))
        })
      }
      server.on('upgrade', upgrade)
    },
  }
}
