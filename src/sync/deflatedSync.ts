import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageYjsSyncStep2 } from 'y-protocols/sync'
import { messageSync, type WebsocketProvider } from 'y-websocket'
import { DEFLATED_SYNC_STEP2 } from '../../shared/protocol'

/** Whether this browser reads raw DEFLATE, so it may ask for a deflated sync step 2. */
export function readsDeflated(): boolean {
  try {
    new DecompressionStream('deflate-raw')
    return true
  } catch {
    return false
  }
}

async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/**
 * Teaches a provider the server's deflated answer to its state request (`DEFLATED_SYNC`): once
 * inflated, it goes through the provider's own handling of a sync step 2, which applies it and
 * marks the provider synced. Updates that arrive meanwhile wait in Yjs for what they build on. An
 * answer that does not inflate closes the socket, and the provider asks again when it reconnects.
 */
export function readDeflatedSyncs(provider: WebsocketProvider): void {
  provider.messageHandlers[DEFLATED_SYNC_STEP2] = (_encoder, decoder, current, emitSynced) => {
    const deflated = decoding.readVarUint8Array(decoder) as Uint8Array<ArrayBuffer>
    const socket = current.ws
    inflate(deflated).then(
      (update) => {
        const message = encoding.createEncoder()
        encoding.writeVarUint(message, messageYjsSyncStep2)
        encoding.writeVarUint8Array(message, update)
        // The stock handler writes its reply (none, for a step 2) after the message type.
        const reply = encoding.createEncoder()
        current.messageHandlers[messageSync]!(
          reply,
          decoding.createDecoder(encoding.toUint8Array(message)),
          current,
          emitSynced,
          messageSync,
        )
      },
      () => socket?.close(),
    )
  }
}
