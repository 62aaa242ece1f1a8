import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebSocket } from 'ws'
import {
  encodeAwareness,
  encodeSyncStep1,
  handleSyncMessage,
  MessageType,
  ProtocolError,
} from './protocol.js'
import type { Peer, Room } from './room.js'

/** Close codes this server uses; the 4400 range means "do not retry this as it is". */
export const CloseCode = {
  /** The client sent a frame that does not follow the protocol. */
  malformed: 4400,
  /** The facilitator key offered is not this map's. */
  forbidden: 4403,
  /** No map with this id or viewer token. */
  unknownMap: 4404,
  /** The server is shutting down; reconnecting is fine. */
  goingAway: 1001,
  /** The server could not load the map (storage trouble); the client may retry later. */
  unavailable: 1011,
} as const

/**
 * One websocket joined to one room. It turns frames into room changes and room changes into
 * frames; a frame that cannot be read closes this connection only.
 */
export class Connection implements Peer {
  private alive = true

  /**
   * `writable` false makes this a read-only connection: its document updates and presence are
   * dropped before they touch the room, whatever the client sends.
   */
  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    private readonly writable: boolean,
    private readonly onClose: (connection: Connection) => void,
  ) {
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

  /** Called by the ping timer: closes a connection that did not answer the previous ping. */
  checkAlive(): void {
    if (!this.alive) {
      this.socket.terminate()
      return
    }
    this.alive = false
    this.socket.ping()
  }

  /** Closes the socket with a code and reason, e.g. on shutdown. */
  end(code: number, reason: string): void {
    this.socket.close(code, reason)
  }

  private closed = false

  private close(): void {
    if (this.closed) return
    this.closed = true
    this.room.removePeer(this)
    this.onClose(this)
    if (this.socket.readyState === this.socket.OPEN) this.socket.terminate()
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    try {
      if (!isBinary || !(data instanceof Buffer)) throw new ProtocolError('expected a binary frame')
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.length)
      this.handle(bytes)
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'unreadable message'
      this.socket.close(CloseCode.malformed, reason.slice(0, 120))
      this.close()
    }
  }

  private handle(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const reply = handleSyncMessage(decoder, this.room.doc, this, this.writable)
        if (reply) this.send(reply)
        return
      }
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder)
        if (this.writable) awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this)
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
