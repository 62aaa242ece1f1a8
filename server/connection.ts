import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import { LimitError } from './limits.js'
import {
  encodeAwareness,
  encodeSyncStep1,
  handleSyncMessage,
  MessageType,
  ProtocolError,
  readAwarenessUpdate,
  writeAwarenessUpdate,
} from './protocol.js'
import type { Peer, Room } from './room.js'

/**
 * Close codes this server uses. The 4400 range means "do not retry this as it is" (the stock
 * y-websocket client stops reconnecting on them); the 4500 range means "try again later".
 */
export const CloseCode = {
  /** The client sent a frame that does not follow the protocol. */
  malformed: 4400,
  /** The facilitator key offered is not this map's. */
  forbidden: 4403,
  /** No map with this id or viewer token. */
  unknownMap: 4404,
  /** The facilitator deleted the map (or retention did): it is gone for good. */
  deleted: 4410,
  /** Over a limit: text too long, too many notes, map or presence too big (reason says which). */
  tooLarge: 4413,
  /** Too many messages on this connection, or too many maps open on the server. */
  tooMany: 4429,
  /** The server could not store an update (disk full or read-only); nothing was accepted. */
  storageFailed: 4507,
  /** The server is shutting down; reconnecting is fine. */
  goingAway: 1001,
  /** The server is shutting down on purpose: reconnect at once (to another node, if any). */
  serviceRestart: 1012,
  /** The server could not load the map (storage trouble); the client may retry later. */
  unavailable: 1011,
} as const

/** Limits of one connection. */
export interface ConnectionLimits {
  /** Messages per second a connection may send on average… */
  messagesPerSecond: number
  /** …and in one burst. */
  messageBurst: number
  /** Bytes of one presence state (JSON). */
  maxPresenceBytes: number
}

/** A presence state is a JSON object (or null, for leaving); anything else is refused. */
function isPresenceState(json: string): boolean {
  try {
    const state: unknown = JSON.parse(json)
    return state === null || (typeof state === 'object' && !Array.isArray(state))
  } catch {
    return false
  }
}

/**
 * One websocket joined to one room. It turns frames into room changes and room changes into
 * frames; a frame that cannot be read closes this connection only.
 */
export class Connection implements Peer {
  private alive = true
  private tokens: number
  private lastRefill = Date.now()

  /**
   * `writable` false makes this a read-only connection: its document updates and presence are
   * dropped before they touch the room, whatever the client sends.
   */
  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    private readonly writable: boolean,
    private readonly limits: ConnectionLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.tokens = limits.messageBurst
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary))
    socket.on('pong', () => {
      this.alive = true
    })
    socket.on('close', () => this.close())
    socket.on('error', () => this.close())
    room.addPeer(this)
    // Server speaks first, as the stock server does: its state vector, then who is here.
    this.send(encodeSyncStep1(room.doc))
    const states = room.awareness.getStates()
    if (states.size > 0) this.send(encodeAwareness(room.awareness, [...states.keys()]))
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message, (error) => {
      if (error) this.close()
    })
  }

  sendFrames(frames: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    // ws has no call for bytes framed already, so they go to its TCP socket. That keeps frames in
    // order with ws's own writes because ws never holds a frame back here: this server does not
    // compress (perMessageDeflate is off) and sends no Blobs.
    const tcp = (this.socket as unknown as { _socket?: Socket })._socket
    tcp?.write(frames, (error) => {
      if (error) this.close()
    })
  }

  /** Called by the ping timer: closes a connection that did not answer the previous ping. */
  checkAlive(): void {
    if (!this.alive) {
      this.socket.terminate()
      return
    }
    this.alive = false
    this.socket.ping()
  }

  /** Closes the socket with a code and reason, e.g. on shutdown; nothing more is read from it. */
  end(code: number, reason: string): void {
    this.ending = true
    this.socket.close(code, reason)
  }

  storageFailed(): void {
    this.refuse(CloseCode.storageFailed, 'storage-failed')
  }

  private ending = false

  private closed = false

  private close(): void {
    if (this.closed) return
    this.closed = true
    this.room.removePeer(this)
    this.onClose(this)
    if (this.socket.readyState === this.socket.OPEN) this.socket.terminate()
  }

  /** A token bucket: `messagesPerSecond` on average, bursts up to `messageBurst`. */
  private withinRate(): boolean {
    const now = Date.now()
    const { messagesPerSecond, messageBurst } = this.limits
    this.tokens = Math.min(
      messageBurst,
      this.tokens + ((now - this.lastRefill) / 1000) * messagesPerSecond,
    )
    this.lastRefill = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    if (this.closed || this.ending) return
    try {
      if (!this.withinRate()) {
        this.refuse(CloseCode.tooMany, 'too-many-messages')
        return
      }
      if (!isBinary || !(data instanceof Buffer)) throw new ProtocolError('expected a binary frame')
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.length)
      this.handle(bytes)
    } catch (error) {
      if (error instanceof LimitError) this.refuse(CloseCode.tooLarge, error.breach)
      else {
        const reason = error instanceof ProtocolError ? error.message : 'unreadable message'
        this.refuse(CloseCode.malformed, reason)
      }
    }
  }

  /** Tells the client why and closes; no further frame of it is read. */
  private refuse(code: number, reason: string): void {
    this.socket.close(code, reason.slice(0, 120))
    this.close()
  }

  private handle(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        this.room.presence.heard(this)
        const reply = handleSyncMessage(
          decoder,
          this.room.doc,
          this.writable ? (update, decoded) => this.room.receive(update, decoded, this) : null,
        )
        if (reply) this.send(reply)
        return
      }
      case MessageType.awareness: {
        this.room.presence.heard(this)
        const update = decoding.readVarUint8Array(decoder)
        const entries = readAwarenessUpdate(update)
        if (!this.writable) return
        for (const entry of entries) {
          if (Buffer.byteLength(entry.json) > this.limits.maxPresenceBytes) {
            throw new LimitError('presence-too-big')
          }
          if (!isPresenceState(entry.json)) throw new ProtocolError('presence is not an object')
        }
        // Only presences this connection speaks for (or that nobody live speaks for) change.
        const own = entries.filter((entry) => this.room.presence.maySpeakFor(this, entry.clientId))
        if (own.length > 0) {
          // Re-encoded only when something was left out; usually the update goes in as sent.
          const allowed = own.length === entries.length ? update : writeAwarenessUpdate(own)
          awarenessProtocol.applyAwarenessUpdate(this.room.awareness, allowed, this)
        }
        return
      }
      case MessageType.queryAwareness: {
        const states = this.room.awareness.getStates()
        this.send(encodeAwareness(this.room.awareness, [...states.keys()]))
        return
      }
      case MessageType.auth:
        // No auth messages are defined between our client and server yet; ignore like the stock server.
        return
      default:
        throw new ProtocolError(`unknown message type ${type}`)
    }
  }
}
