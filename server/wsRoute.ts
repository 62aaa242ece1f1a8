import type http from 'node:http'
import { FACILITATOR_KEY_PROTOCOL_PREFIX, type DocName } from './access.js'

/** Room ids, viewer tokens and keys: 22 to 64 characters of base64url (at least 128 random bits). */
const SECRET = /^[A-Za-z0-9_-]{22,64}$/

/** True when `id` has the shape of a room id; anything else is refused before a room is made. */
export function isValidRoomId(id: string): boolean {
  return SECRET.test(id)
}

export type WsRoute =
  { kind: 'room'; roomId: string; doc: DocName } | { kind: 'viewer'; token: string; doc: DocName }

/**
 * Reads a websocket path: `/ws/<room>` and `/ws/<room>/control` for participants and facilitators,
 * `/ws/v/<viewer token>` and `/ws/v/<viewer token>/control` for the read-only viewer link.
 */
export function parseWsPath(pathname: string): WsRoute | null {
  const parts = pathname.split('/')
  if (parts[0] !== '' || parts[1] !== 'ws') return null
  const rest = parts.slice(2)
  const viewer = rest[0] === 'v'
  const [id, docPart, ...extra] = viewer ? rest.slice(1) : rest
  if (!id || !SECRET.test(id) || extra.length > 0) return null
  if (docPart !== undefined && docPart !== 'control') return null
  const doc: DocName = docPart === 'control' ? 'control' : 'map'
  return viewer ? { kind: 'viewer', token: id, doc } : { kind: 'room', roomId: id, doc }
}

/** The facilitator key offered as a websocket subprotocol, if any. */
export function facilitatorKeyOf(req: http.IncomingMessage): string | null {
  const header = req.headers['sec-websocket-protocol']
  if (!header) return null
  for (const protocol of header.split(',').map((p) => p.trim())) {
    if (protocol.startsWith(FACILITATOR_KEY_PROTOCOL_PREFIX)) {
      return protocol.slice(FACILITATOR_KEY_PROTOCOL_PREFIX.length)
    }
  }
  return null
}
