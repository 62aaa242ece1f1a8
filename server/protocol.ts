import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** Message types of the y-websocket protocol; the stock client speaks exactly these. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** Thrown for a frame that does not follow the protocol; the connection that sent it is closed. */
export class ProtocolError extends Error {}

/** A sync step 1 message carrying the document's state vector. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** A sync update message carrying one Yjs update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness message with the states of the given clients. */
export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/**
 * Reads one sync message and applies it to `doc` with `origin`. Updates are fully decoded before
 * they touch the document, so a malformed update is refused whole; with `writable` false they are
 * checked and dropped. Returns the reply to send, if any.
 */
export function handleSyncMessage(
  decoder: decoding.Decoder,
  doc: Y.Doc,
  origin: unknown,
  writable: boolean,
): Uint8Array | null {
  const syncType = decoding.readVarUint(decoder)
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = decoding.readVarUint8Array(decoder)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector))
      return encoding.toUint8Array(encoder)
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder)
      assertWellFormedUpdate(update)
      if (writable) Y.applyUpdate(doc, update, origin)
      return null
    }
    default:
      throw new ProtocolError(`unknown sync message type ${syncType}`)
  }
}

/** Throws a ProtocolError unless `update` decodes as a complete Yjs update. */
export function assertWellFormedUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update)
  } catch (error) {
    throw new ProtocolError(`malformed update: ${(error as Error).message}`)
  }
}
