// A raw websocket client for the benchmarks: it writes real Yjs updates and time-stamps what it
// receives without decoding it, so a benchmark measures servers and not its own clients.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

/** A y-websocket message: sync (0), then `kind` (0 step 1, 2 update), then the bytes. */
function syncMessage(kind, bytes) {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, kind)
  encoding.writeVarUint8Array(encoder, bytes)
  return encoding.toUint8Array(encoder)
}

/**
 * The Yjs client id that wrote a relayed update, read from the message's first bytes (sync,
 * update, length, struct groups, structs, client) without decoding the rest; or null when the
 * message is no document update. A Hocuspocus message starts with the document's name.
 */
function writerOf(data, named = false) {
  const decoder = decoding.createDecoder(data)
  if (named) decoding.readVarString(decoder)
  if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return null
  decoding.readVarUint(decoder) // length of the update
  if (decoding.readVarUint(decoder) === 0) return null // no struct groups: a deletion only
  decoding.readVarUint(decoder) // structs in the first group
  return decoding.readVarUint(decoder)
}

/**
 * A raw websocket client: its own Y.Doc makes the updates it sends; what it receives is only
 * time-stamped and attributed to its writer, never applied. `onUpdate(writerId, at)`.
 */
export function connectRaw(port, wsPath, room) {
  const doc = new Y.Doc()
  const ws = new WebSocket(`ws://127.0.0.1:${port}${wsPath}/${room}`)
  ws.binaryType = 'nodebuffer'
  const client = { doc, ws, onUpdate: null }
  ws.on('message', (data) => {
    const at = performance.now()
    const writer = writerOf(data)
    if (writer !== null && writer !== doc.clientID) client.onUpdate?.(writer, at)
  })
  doc.on('update', (update) => ws.send(syncMessage(2, update)))
  client.synced = new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.send(syncMessage(0, Y.encodeStateVector(doc)))
      resolve()
    })
    ws.once('error', reject)
  })
  client.destroy = () => ws.close()
  return client
}

/** A Hocuspocus message for document `name`: its name, the message type, then what `write` adds. */
function hocuspocusMessage(name, type, write) {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, name)
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * The same raw client for Hocuspocus, whose messages name their document and which takes none
 * before the connection authenticated it (an empty token: the benchmark server asks for none).
 * Hocuspocus message types: 0 sync, 2 auth (0 token, 2 authenticated).
 */
export function connectRawHocuspocus(port, room) {
  const doc = new Y.Doc()
  const ws = new WebSocket(`ws://127.0.0.1:${port}`)
  ws.binaryType = 'nodebuffer'
  const client = { doc, ws, onUpdate: null }
  const sync = (kind, bytes) =>
    hocuspocusMessage(room, 0, (encoder) => {
      encoding.writeVarUint(encoder, kind)
      encoding.writeVarUint8Array(encoder, bytes)
    })
  let authenticated
  const ready = new Promise((resolve) => (authenticated = resolve))
  ws.on('message', (data) => {
    const at = performance.now()
    const writer = writerOf(data, true)
    if (writer !== null && writer !== doc.clientID) client.onUpdate?.(writer, at)
    else if (writer === null) {
      const decoder = decoding.createDecoder(data)
      decoding.readVarString(decoder)
      if (decoding.readVarUint(decoder) === 2 && decoding.readVarUint(decoder) === 2)
        authenticated()
    }
  })
  doc.on('update', (update) => ws.send(sync(2, update)))
  client.synced = new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.send(
        hocuspocusMessage(room, 2, (encoder) => {
          encoding.writeVarUint(encoder, 0)
          encoding.writeVarString(encoder, '')
        }),
      )
      ws.send(sync(0, Y.encodeStateVector(doc)))
      void ready.then(resolve)
    })
    ws.once('error', reject)
  })
  client.destroy = () => ws.close()
  return client
}
