import type http from 'node:http'
import {
  DEFLATED_SYNC,
  FACILITATOR_KEY_PREFIX,
  isDocSegment,
  isSecret,
  VIEWER_SEGMENT,
  WS_PATH,
  type DocName,
} from '../shared/protocol.js'

export type WsRoute =
  { kind: 'room'; roomId: string; doc: DocName } | { kind: 'viewer'; token: string; doc: DocName }

/**
 * Reads a websocket path: `/ws/<room>`, `/ws/<room>/control` and `/ws/<room>/trajectory` for
 * participants and facilitators, `/ws/v/<viewer token>` (and its `/control`, `/trajectory`) for
 * the read-only viewer link; null for any other path, so nothing else opens a document.
 */
export function parseWsPath(pathname: string): WsRoute | null {
  if (!pathname.startsWith(`${WS_PATH}/`)) return null
  const rest = pathname.slice(WS_PATH.length + 1).split('/')
  const viewer = rest[0] === VIEWER_SEGMENT
  const [id, docPart, ...extra] = viewer ? rest.slice(1) : rest
  if (!id || !isSecret(id) || extra.length > 0) return null
  if (docPart !== undefined && !isDocSegment(docPart)) return null
  const doc: DocName = docPart ?? 'map'
  return viewer ? { kind: 'viewer', token: id, doc } : { kind: 'room', roomId: id, doc }
}

/** The subprotocols a websocket request offers. */
function offeredProtocols(req: http.IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol']
  return header ? header.split(',').map((p) => p.trim()) : []
}

/** Whether the client reads a large sync step 2 deflated (see `DEFLATED_SYNC`). */
export function readsDeflated(req: http.IncomingMessage): boolean {
  return offeredProtocols(req).includes(DEFLATED_SYNC)
}

/** The facilitator key offered as a websocket subprotocol, if any; never one from the URL. */
export function facilitatorKeyOf(req: http.IncomingMessage): string | null {
  for (const protocol of offeredProtocols(req)) {
    if (protocol.startsWith(FACILITATOR_KEY_PREFIX)) {
      return protocol.slice(FACILITATOR_KEY_PREFIX.length)
    }
  }
  return null
}
