import { createHash, randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Counter } from './metrics.js'
import { errorText, log } from './log.js'

/**
 * What one server tells the others about a document it holds:
 * - `updates`: updates it stored (in the log before they are sent);
 * - `presence`: presence changes of its own connections (an awareness update);
 * - `reload`: read the document's log again, something may have been missed;
 * - `deleted`: the map was deleted, close its connections;
 * - `versions`: a version of the map was saved, count its versions' bytes again.
 */
export type RelayMessage =
  | { kind: 'updates'; updates: Uint8Array[] }
  | { kind: 'presence'; update: Uint8Array }
  | { kind: 'reload' }
  | { kind: 'deleted' }
  | { kind: 'versions' }

const KINDS = ['updates', 'presence', 'reload', 'deleted', 'versions'] as const
const NODE_ID_BYTES = 16

/** Frame of a relay message: kind, the sending server's id, then its payload. */
function encodeRelayMessage(nodeId: Uint8Array, message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8(encoder, KINDS.indexOf(message.kind))
  encoding.writeUint8Array(encoder, nodeId)
  if (message.kind === 'updates') {
    encoding.writeVarUint(encoder, message.updates.length)
    for (const update of message.updates) encoding.writeVarUint8Array(encoder, update)
  } else if (message.kind === 'presence') {
    encoding.writeVarUint8Array(encoder, message.update)
  }
  return encoding.toUint8Array(encoder)
}

/** Reads a relay frame; throws on one that does not follow the format. */
function decodeRelayMessage(bytes: Uint8Array): { from: Uint8Array; message: RelayMessage } {
  const decoder = decoding.createDecoder(bytes)
  const kind = KINDS[decoding.readUint8(decoder)]
  const from = decoding.readUint8Array(decoder, NODE_ID_BYTES)
  switch (kind) {
    case 'updates': {
      const count = decoding.readVarUint(decoder)
      const updates: Uint8Array[] = []
      for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder))
      return { from, message: { kind, updates } }
    }
    case 'presence':
      return { from, message: { kind, update: decoding.readVarUint8Array(decoder) } }
    case 'reload':
    case 'deleted':
    case 'versions':
      return { from, message: { kind } }
    default:
      throw new Error('unknown relay message')
  }
}

/** The channel of a document: a hash, so room ids (the keys to maps) never reach Redis. */
function channelOf(doc: string): string {
  return `pk:${createHash('sha256').update(doc).digest('hex').slice(0, 32)}`
}

/** Passes document and presence updates between the servers that hold the same document. */
export interface Relay {
  /** True while messages can go out and come in. */
  readonly ready: boolean
  readonly published: Counter
  readonly received: Counter
  /** Starts listening for a document; resolves once Redis confirmed the subscription. */
  subscribe(doc: string, listener: (message: RelayMessage) => void): Promise<void>
  unsubscribe(doc: string): void
  /** Sends to every other server holding the document; never waits, a failure is logged. */
  publish(doc: string, message: RelayMessage): void
  /** Called after the connection to Redis came back, when messages may have been missed. */
  onReconnect(listener: () => void): void
  close(): Promise<void>
}

/** A Redis connection as the relay uses it. */
function redisClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    // Commands fail at once while Redis is away instead of waiting in a queue: rooms then refuse
    // to open (the client retries) and publishing is skipped, to be repaired by a reload.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(100 * 2 ** times, 2000),
  })
}

/** A relay through Redis pub/sub: one connection publishes, a second one listens. */
export class RedisRelay implements Relay {
  readonly published = new Counter('pk_relay_published_total', 'Messages sent to other servers')
  readonly received = new Counter('pk_relay_received_total', 'Messages from other servers')
  private readonly nodeId = new Uint8Array(randomBytes(NODE_ID_BYTES))
  private readonly listeners = new Map<string, (message: RelayMessage) => void>()
  private readonly channels = new Map<string, string>()
  private readonly reconnectListeners: Array<() => void> = []
  private lostConnection = false

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {
    for (const [name, client] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      client.on('error', (error: unknown) => {
        // The client reconnects by itself; until then /health reports the node not ready.
        if (!this.lostConnection) {
          log.warn('redis connection lost', { client: name, error: errorText(error) })
        }
        this.lostConnection = true
      })
      client.on('ready', () => {
        if (!this.lostConnection || !this.ready) return
        this.lostConnection = false
        log.info('redis connection back')
        for (const listener of this.reconnectListeners) listener()
      })
    }
    subscriber.on('messageBuffer', (channel: Buffer, bytes: Buffer) => {
      const doc = this.channels.get(channel.toString())
      if (doc !== undefined) this.deliver(doc, bytes)
    })
  }

  /** Connects both clients to `url` (redis://…); rejects when Redis does not answer. */
  static async connect(url: string): Promise<RedisRelay> {
    const publisher = redisClient(url)
    const subscriber = redisClient(url)
    const relay = new RedisRelay(publisher, subscriber)
    await Promise.all([publisher.connect(), subscriber.connect()])
    return relay
  }

  get ready(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  async subscribe(doc: string, listener: (message: RelayMessage) => void): Promise<void> {
    const channel = channelOf(doc)
    this.listeners.set(doc, listener)
    this.channels.set(channel, doc)
    await this.subscriber.subscribe(channel)
  }

  unsubscribe(doc: string): void {
    const channel = channelOf(doc)
    this.listeners.delete(doc)
    this.channels.delete(channel)
    this.subscriber.unsubscribe(channel).catch(() => {
      // Gone with the connection; a resubscription after reconnecting finds no listener.
    })
  }

  publish(doc: string, message: RelayMessage): void {
    const frame = encodeRelayMessage(this.nodeId, message)
    this.published.inc()
    this.publisher
      .publish(channelOf(doc), Buffer.from(frame.buffer, frame.byteOffset, frame.length))
      .catch((error: unknown) => {
        // Once per outage; the other servers read the log again when Redis is back.
        if (!this.lostConnection) {
          log.warn('could not relay to other servers', { error: errorText(error) })
        }
      })
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener)
  }

  async close(): Promise<void> {
    this.listeners.clear()
    // A client still trying to reach Redis would wait for it: that one is dropped at once.
    await Promise.allSettled(
      [this.publisher, this.subscriber].map((client) =>
        client.status === 'ready' ? client.quit() : Promise.resolve(client.disconnect()),
      ),
    )
  }

  private deliver(doc: string, bytes: Buffer): void {
    const listener = this.listeners.get(doc)
    if (!listener) return
    let decoded
    try {
      decoded = decodeRelayMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length))
    } catch (error) {
      log.warn('unreadable relay message', { error: errorText(error) })
      return
    }
    if (Buffer.compare(decoded.from, this.nodeId) === 0) return
    this.received.inc()
    listener(decoded.message)
  }
}
