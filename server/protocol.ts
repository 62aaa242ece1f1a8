import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { DEFLATED_SYNC_STEP2 } from '../shared/protocol.js'

/** Message types of the y-websocket protocol; the stock client speaks exactly these. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** Thrown for a frame that does not follow the protocol; the connection that sent it is closed. */
export class ProtocolError extends Error {}

/** A sync step 1 message carrying the document's state vector, as the stock server sends it. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** A sync update message carrying one Yjs update, its bytes as they were stored. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness message with the states of the given clients, and of no one else. */
export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/** What a connection does with an update it was sent, once it decoded as a whole. */
export type UpdateHandler = (update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>) => void

/**
 * Reads one sync message. A state request (sync step 1) goes to `onStateRequest` with the
 * client's state vector; updates are fully decoded before anything else happens, so a malformed
 * update is refused whole; then they go to `onUpdate`, or are dropped when it is null (a
 * read-only connection).
 */
export function handleSyncMessage(
  decoder: decoding.Decoder,
  onStateRequest: (stateVector: Uint8Array) => void,
  onUpdate: UpdateHandler | null,
): void {
  const syncType = decoding.readVarUint(decoder)
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1:
      onStateRequest(decoding.readVarUint8Array(decoder))
      return
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder)
      const decoded = decodeWellFormedUpdate(update)
      onUpdate?.(update, decoded)
      return
    }
    default:
      throw new ProtocolError(`unknown sync message type ${syncType}`)
  }
}

/**
 * The state vector a client sent, checked to decode whole; a ProtocolError otherwise. Checked on
 * arrival, so a request answered later (after the one before it) cannot fail then.
 */
export function checkStateVector(stateVector: Uint8Array): Uint8Array {
  try {
    const decoder = decoding.createDecoder(stateVector)
    const clients = decoding.readVarUint(decoder)
    for (let i = 0; i < clients; i++) {
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
    }
  } catch (error) {
    throw new ProtocolError(`malformed state vector: ${(error as Error).message}`)
  }
  return stateVector
}

/** A sync step 2 message: what the client lacks, as one update, whatever the step 1 it answers. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A sync step 2 whose update is in raw DEFLATE, for a client that offered `DEFLATED_SYNC`. */
export function encodeDeflatedSyncStep2(deflated: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, DEFLATED_SYNC_STEP2)
  encoding.writeVarUint8Array(encoder, deflated)
  return encoding.toUint8Array(encoder)
}

/** The decoded update; a ProtocolError unless `update` decodes as a complete Yjs update. */
export function decodeWellFormedUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update)
  } catch (error) {
    throw new ProtocolError(`malformed update: ${(error as Error).message}`)
  }
}

/** One entry of an awareness update: whose presence, its clock, and its state as JSON text. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  json: string
}

/** Reads an awareness update into its entries; a ProtocolError when it is not one. */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    // Every entry takes at least three bytes, so a count beyond that is a lie.
    if (count > update.length / 3) throw new Error('entry count larger than the update')
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      entries.push({ clientId, clock, json })
    }
    if (decoding.hasContent(decoder)) throw new Error('bytes after the last entry')
    return entries
  } catch (error) {
    throw new ProtocolError(`malformed presence: ${(error as Error).message}`)
  }
}

/** An awareness update of `entries`, as sent: `readAwarenessUpdate` reads it back unchanged. */
export function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}
