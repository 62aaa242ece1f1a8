import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import { CloseCode, CloseReason } from '../shared/protocol.js'
import { isPresenceState } from '../shared/schema.js'
import { HeldUpdates } from './heldUpdates.js'
import { LimitError } from './limits.js'
import type { RateLimiter } from './rateLimit.js'
import { logRefusal } from './refusals.js'
import {
  checkStateVector,
  encodeAwareness,
  encodeDeflatedSyncStep2,
  encodeSyncStep1,
  encodeSyncStep2,
  handleSyncMessage,
  MessageType,
  ProtocolError,
  readAwarenessUpdate,
  writeAwarenessUpdate,
} from './protocol.js'
import type { Peer } from './peer.js'
import type { Room } from './room.js'

/** What one connection may do and takes, from its request. */
export interface ConnectionTerms {
  /**
   * False makes this a read-only connection: its document updates and presence are dropped
   * before they touch the room, whatever the client sends.
   */
  writable: boolean
  /** The client offered `DEFLATED_SYNC`. */
  readsDeflated: boolean
}

/**
 * A state answer from this size on goes deflated to a client that reads it so: below it, the
 * bytes saved do not pay for the compressing.
 */
const DEFLATE_FROM_BYTES = 8 * 1024

/** Limits of one connection. */
export interface ConnectionLimits {
  /** Messages per second a connection may send on average… */
  messagesPerSecond: number
  /** …and in one burst. */
  messageBurst: number
  /** Bytes of one presence state (JSON). */
  maxPresenceBytes: number
  /** Bytes of edits per address and hour, shared by all connections of the address. */
  writeQuota: RateLimiter
}

/**
 * Bytes a connection may have waiting to be sent, beyond the document state it asked for: a
 * peer that stops reading is dropped instead of growing the server's memory.
 */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

/** A presence state fits the schema (who, "klaar", drafts; or null, for leaving). */
function isPresenceJson(json: string): boolean {
  try {
    return isPresenceState(JSON.parse(json))
  } catch {
    return false
  }
}

/**
 * Presence ids one connection may speak for. Our client has one per document; the stock client
 * also echoes everyone else's changes, which are dropped as not its own.
 */
const MAX_PRESENCES_PER_CONNECTION = 2
/** …and over its whole life, so a connection cannot make up ids one after the other. */
const MAX_PRESENCES_EVER = 4

/** Largest state vector a client may send: thousands of writers' worth. */
const MAX_STATE_VECTOR_BYTES = 100 * 1024

/** Entries in one presence message: a whole room's, as a stock client echoes them on joining. */
const MAX_PRESENCE_ENTRIES = 500

/**
 * One websocket joined to one room. It turns frames into room changes and room changes into
 * frames; a frame that cannot be read closes this connection only.
 */
export class Connection implements Peer {
  private alive = true
  private tokens: number
  private lastRefill = Date.now()
  /** A state reply is still on its way out; a new request waits for it (only the last one). */
  private replying = false
  private waitingRequest: Uint8Array | null = null
  /** Size of the last state reply: the buffer may hold that much more than the usual limit. */
  private stateBytes = 0
  /** Updates that build on edits the server does not have yet. */
  private readonly held: HeldUpdates

  /** False for a read-only connection (see `ConnectionTerms`). */
  private readonly writable: boolean
  /** Whether a large answer to a state request goes deflated (see `DEFLATED_SYNC`). */
  private readonly readsDeflated: boolean

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    terms: ConnectionTerms,
    private readonly limits: ConnectionLimits,
    /** The address the limits count (never logged). */
    private readonly address: string,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.writable = terms.writable
    this.readsDeflated = terms.readsDeflated
    this.tokens = limits.messageBurst
    this.held = new HeldUpdates(
      (update, decoded) => room.receive(update, decoded, this),
      (error) => this.onHandleError(error),
      () => {
        logRefusal('updates waiting for earlier edits')
        this.refuse(CloseCode.unavailable, CloseReason.missingEdits)
      },
    )
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

  send(message: Uint8Array, sent?: () => void): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message, (error) => {
      if (error) this.close()
      else sent?.()
    })
    this.checkBuffered()
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
    this.checkBuffered()
  }

  /** Drops a peer whose unsent bytes pile up: it does not read what it is sent. */
  private checkBuffered(): void {
    if (this.socket.bufferedAmount <= MAX_BUFFERED_BYTES + this.stateBytes) return
    logRefusal('peer that does not read')
    this.socket.terminate()
    this.close()
  }

  /**
   * Answers a state request (sync step 1) once the previous answer is on its way: a client that
   * asks again and again, without reading, makes the server encode the document once, not each
   * time. Only the last request waiting is answered.
   */
  private answerStateRequest(stateVector: Uint8Array): void {
    if (stateVector.length > MAX_STATE_VECTOR_BYTES)
      throw new LimitError(CloseReason.stateVectorTooBig)
    checkStateVector(stateVector)
    if (this.replying) {
      this.waitingRequest = stateVector
      return
    }
    this.replying = true
    const state = this.room.stateFor(stateVector)
    this.stateBytes = state.length
    const answer =
      this.readsDeflated && state.length >= DEFLATE_FROM_BYTES
        ? encodeDeflatedSyncStep2(this.room.deflated(state))
        : encodeSyncStep2(state)
    this.send(answer, () => {
      this.replying = false
      const waiting = this.waitingRequest
      this.waitingRequest = null
      if (!waiting || this.closed) return
      // Answered from the socket's callback, outside the message handler: whatever goes wrong
      // closes this connection, never the process.
      try {
        this.answerStateRequest(waiting)
      } catch (error) {
        this.onHandleError(error)
      }
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

  /** Drops the socket without a closing handshake: for a peer that did not close in time. */
  terminate(): void {
    this.socket.terminate()
    this.close()
  }

  storageFailed(): void {
    this.refuse(CloseCode.storageFailed, CloseReason.storageFailed)
  }

  private ending = false
  /** Every presence id this connection has spoken for: a few over its whole life. */
  private readonly everSpoken = new Set<number>()

  private closed = false

  private close(): void {
    if (this.closed) return
    this.closed = true
    this.held.clear()
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
        logRefusal('too many messages from one connection')
        this.refuse(CloseCode.tooMany, CloseReason.tooManyMessages)
        return
      }
      if (!isBinary || !(data instanceof Buffer)) throw new ProtocolError('expected a binary frame')
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.length)
      this.handle(bytes)
    } catch (error) {
      this.onHandleError(error)
    }
  }

  /** Closes the connection with the code that says what was wrong with what it sent. */
  private onHandleError(error: unknown): void {
    if (error instanceof LimitError && error.breach === CloseReason.writeQuota) {
      logRefusal('edits per address and hour')
      this.refuse(CloseCode.tooMany, error.breach)
    } else if (error instanceof LimitError) this.refuse(CloseCode.tooLarge, error.breach)
    else {
      const reason = error instanceof ProtocolError ? error.message : 'unreadable message'
      this.refuse(CloseCode.malformed, reason)
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
        handleSyncMessage(
          decoder,
          (stateVector) => this.answerStateRequest(stateVector),
          this.writable
            ? (update, decoded) => {
                if (!this.limits.writeQuota.allow(this.address, update.length)) {
                  throw new LimitError(CloseReason.writeQuota)
                }
                this.held.offer(update, decoded)
              }
            : null,
        )
        return
      }
      case MessageType.awareness: {
        this.room.presence.heard(this)
        const update = decoding.readVarUint8Array(decoder)
        const entries = readAwarenessUpdate(update)
        if (!this.writable) return
        if (entries.length > MAX_PRESENCE_ENTRIES) throw new LimitError(CloseReason.presenceTooBig)
        for (const entry of entries) {
          if (Buffer.byteLength(entry.json) > this.limits.maxPresenceBytes) {
            throw new LimitError(CloseReason.presenceTooBig)
          }
          if (!isPresenceJson(entry.json))
            throw new ProtocolError('presence does not fit the schema')
        }
        // Only presences this connection speaks for (or that nobody live speaks for) change, and
        // it takes on at most a couple: a flood of made-up ids goes nowhere.
        const presence = this.room.presence
        const states = this.room.awareness.getStates()
        const speaking = new Set(presence.spokenBy(this))
        const own = entries.filter((entry) => {
          if (!presence.maySpeakFor(this, entry.clientId)) return false
          // Taking away a presence that is not there would only leave its trace behind.
          if (entry.json === 'null') return states.has(entry.clientId)
          if (speaking.has(entry.clientId)) return true
          const fresh = !this.everSpoken.has(entry.clientId)
          if (
            speaking.size >= MAX_PRESENCES_PER_CONNECTION ||
            (fresh && this.everSpoken.size >= MAX_PRESENCES_EVER)
          ) {
            logRefusal('presence ids over the limit of one connection')
            return false
          }
          speaking.add(entry.clientId)
          this.everSpoken.add(entry.clientId)
          return true
        })
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
