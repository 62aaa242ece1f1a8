/**
 * The vocabulary client and server share on the wire: the subprotocol, the documents of a map and
 * their names, the close codes with their reasons, and the formats of the ids in URLs. Both sides
 * compile this module; nothing else spells out a close code or a document name.
 */

/**
 * Subprotocol our client offers, and the server answers with. A client that offers none (the
 * stock y-websocket client) is let in as a participant all the same; the subprotocol is there to
 * carry the facilitator key beside it.
 */
export const SUBPROTOCOL = 'pk.v1'
/** The facilitator key travels as a second subprotocol, `pk.fk.<key>`, never in a URL. */
export const FACILITATOR_KEY_PREFIX = 'pk.fk.'

/**
 * Offered beside the subprotocol by a client that reads a large answer to its state request
 * compressed: message type `DEFLATED_SYNC_STEP2`, a sync step 2's update in raw DEFLATE (what the
 * browser's DecompressionStream('deflate-raw') reads). A map of 300 notes is 117 kB as an update
 * and 15 kB deflated: on a phone with 1.6 Mbit/s, half a second less before the map shows. Only
 * that answer is compressed; updates stay as they are.
 */
export const DEFLATED_SYNC = 'pk.deflate'
/** The message type of a deflated sync step 2, outside the y-websocket protocol's own types. */
export const DEFLATED_SYNC_STEP2 = 100

/** The subprotocols a client offers: ours, then the deflated answer and the facilitator key. */
export function subprotocolsFor(facilitatorKey: string | null, readsDeflated = false): string[] {
  return [
    SUBPROTOCOL,
    ...(readsDeflated ? [DEFLATED_SYNC] : []),
    ...(facilitatorKey ? [FACILITATOR_KEY_PREFIX + facilitatorKey] : []),
  ]
}

/** Where websockets connect: `/ws/<room>[/control]`, `/ws/v/<viewer token>[/control]`. */
export const WS_PATH = '/ws'
export const VIEWER_SEGMENT = 'v'

/** The HTTP API beside the websocket; the client's calls and the server's routes use these. */
export const ApiPath = {
  /** POST: a new map, with its secrets. */
  maps: '/api/maps',
  /** DELETE with the facilitator key: the map, for good. */
  map: (roomId: string) => `/api/maps/${roomId}`,
  /** POST / DELETE with the facilitator key: opens or closes joining by short code. */
  joinCode: (roomId: string) => `/api/maps/${roomId}/join-code`,
  /** GET: the map's saved versions; POST with the facilitator key: saves the map as the next one. */
  versions: (roomId: string) => `/api/maps/${roomId}/versions`,
  /** GET: one saved version's snapshot. */
  version: (roomId: string, number: number) => `/api/maps/${roomId}/versions/${number}`,
  /** DELETE with the facilitator key: the map's trajectory, for good (the map stays). */
  trajectory: (roomId: string) => `/api/maps/${roomId}/trajectory`,
  /** GET: the room a join code opens now. */
  join: (code: string) => `/api/join/${encodeURIComponent(code)}`,
  /** GET: the server's clock, so every screen shows the same timer. */
  time: '/api/time',
} as const

/** The header the facilitator key travels in on API calls (never in a URL). */
export const FACILITATOR_KEY_HEADER = 'X-Facilitator-Key'

/** An API path read back: which call, and the id in it. Null for any other path. */
export type ApiRoute =
  | { call: 'maps' }
  | { call: 'map'; roomId: string }
  | { call: 'joinCode'; roomId: string }
  | { call: 'versions'; roomId: string }
  | { call: 'version'; roomId: string; number: number }
  | { call: 'trajectory'; roomId: string }
  | { call: 'join'; code: string }
  | { call: 'time' }

const JOIN_CODE_ARGUMENT = /^[A-Za-z0-9]{1,16}$/

/** Reads `pathname` as one of the API's paths; the inverse of `ApiPath`. */
export function parseApiPath(pathname: string): ApiRoute | null {
  if (pathname === ApiPath.maps) return { call: 'maps' }
  if (pathname === ApiPath.time) return { call: 'time' }
  const [empty, api, kind, id, extra, number, ...rest] = pathname.split('/')
  if (empty !== '' || api !== 'api' || id === undefined || rest.length > 0) return null
  if (kind === 'join' && extra === undefined && JOIN_CODE_ARGUMENT.test(id)) {
    return { call: 'join', code: id }
  }
  if (kind !== 'maps' || !isSecret(id)) return null
  if (extra === undefined) return { call: 'map', roomId: id }
  if (extra === 'versions') {
    if (number === undefined) return { call: 'versions', roomId: id }
    return VERSION_NUMBER.test(number)
      ? { call: 'version', roomId: id, number: Number(number) }
      : null
  }
  if (number !== undefined) return null
  if (extra === 'trajectory') return { call: 'trajectory', roomId: id }
  return extra === 'join-code' ? { call: 'joinCode', roomId: id } : null
}

const VERSION_NUMBER = /^[1-9][0-9]{0,5}$/

/** A saved version of a map, as the server lists it; what it holds, only the client reads. */
export interface CardVersionInfo {
  /** 1, 2, 3, … in the order they were saved. */
  readonly number: number
  /** The facilitator's own words for it ("na bijeenkomst 2"); may be empty. */
  readonly label: string
  readonly createdAt: number
  /** What it takes of the map's size limit. */
  readonly bytes: number
}

/** The longest version label the server keeps. */
export const MAX_VERSION_LABEL = 60

/**
 * Characters a label may not hold: control and format characters (bidirectional overrides among
 * them, which would turn a list around), line and paragraph separators, and lone surrogates
 * (not text at all; a database stores them as broken UTF-8). Joiners stay: emoji use them.
 */
const NOT_IN_LABEL = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/u

/** A version label the server accepts: short text on one line, without hidden characters. */
export function isVersionLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_VERSION_LABEL && !NOT_IN_LABEL.test(value)
}

/**
 * The documents of one map: the notes; the facilitation state and the trajectory (the meetings
 * the map is carried through), which only facilitators change.
 */
export const DOC_NAMES = ['map', 'control', 'trajectory'] as const
export type DocName = (typeof DOC_NAMES)[number]

/** The path segment of the facilitation document, after the room id (`/ws/<room>/control`). */
export const CONTROL_SEGMENT = 'control'
/** …and of the trajectory (`/ws/<room>/trajectory`). */
export const TRAJECTORY_SEGMENT = 'trajectory'
/**
 * The query parameter a trajectory connection names its epoch with (`?epoch=2`): how many times
 * the trajectory had been deleted when this device opened it (`GET /api/maps/<room>/trajectory`
 * tells). A connection with another count is closed as deleted; none means 0.
 */
export const TRAJECTORY_EPOCH_PARAM = 'epoch'

/** True for the name of a document that follows the room id (all but the map itself). */
export function isDocSegment(value: unknown): value is Exclude<DocName, 'map'> {
  return value === CONTROL_SEGMENT || value === TRAJECTORY_SEGMENT
}

/**
 * The name a document is stored and kept in memory under: `<room>` for the notes,
 * `<room>/control` for facilitation, `<room>/trajectory` for the trajectory. One room id never
 * names two documents.
 */
export function docKey(roomId: string, doc: DocName): string {
  return doc === 'map' ? roomId : `${roomId}/${doc}`
}

/** Every stored document of a map. */
export function docKeysOf(roomId: string): string[] {
  return DOC_NAMES.map((doc) => docKey(roomId, doc))
}

/** The room and document a stored name stands for; the inverse of `docKey`. */
export function parseDocKey(key: string): { roomId: string; doc: DocName } {
  const slash = key.indexOf('/')
  if (slash < 0) return { roomId: key, doc: 'map' }
  const doc = key.slice(slash + 1)
  if (!isDocSegment(doc)) throw new Error('not a document name')
  return { roomId: key.slice(0, slash), doc }
}

/** Room ids, viewer tokens and keys: 22 to 64 characters of base64url (at least 128 random bits). */
const SECRET = /^[A-Za-z0-9_-]{22,64}$/

/** True for a room id, viewer token or key in the format the server hands out. */
export function isSecret(value: string): boolean {
  return SECRET.test(value)
}

/** Note and participant ids: 8 to 64 characters of base64url, made on any device. */
const ENTRY_ID = /^[A-Za-z0-9_-]{8,64}$/

/** True for a note or participant id. */
export function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && ENTRY_ID.test(value)
}

/** Letters and digits of a join code that cannot be mistaken for each other on a projector. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6
const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

/** True for a join code in the format the server hands out. */
export function isJoinCode(value: unknown): value is string {
  return typeof value === 'string' && JOIN_CODE.test(value)
}

/**
 * Close codes the server uses. The 4400 range means "do not retry this as it is" (the stock
 * y-websocket client stops reconnecting on them); the 4500 range means "try again later".
 */
export const CloseCode = {
  /** The client sent a frame that does not follow the protocol or the schema. */
  malformed: 4400,
  /** The facilitator key offered is not this map's. */
  forbidden: 4403,
  /** No map with this id or viewer token. */
  unknownMap: 4404,
  /** The facilitator deleted the map (or retention did): it is gone for good. */
  deleted: 4410,
  /** Over a limit: text too long, too many notes, map or presence too big (reason says which). */
  tooLarge: 4413,
  /** Too many messages on this connection, too many maps open, or the edit quota is used up. */
  tooMany: 4429,
  /** The server could not store an update (disk full or read-only); nothing was accepted. */
  storageFailed: 4507,
  /** A frame larger than the server takes (sent by the websocket library itself). */
  frameTooBig: 1009,
  /** The server could not load the map, or lost track of edits; the client may retry later. */
  unavailable: 1011,
  /** The server is shutting down on purpose: reconnect at once (to another node, if any). */
  serviceRestart: 1012,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Reasons sent with a close, where the client tells them apart. */
export const CloseReason = {
  textTooLong: 'text-too-long',
  tooManyNotes: 'too-many-notes',
  mapTooBig: 'map-too-big',
  presenceTooBig: 'presence-too-big',
  stateVectorTooBig: 'state-vector-too-big',
  writeQuota: 'write-quota',
  serverFull: 'server-full',
  tooManyMessages: 'too-many-messages',
  storageFailed: 'storage-failed',
  storageUnavailable: 'storage-unavailable',
  mapDeleted: 'map-deleted',
  trajectoryDeleted: 'trajectory-deleted',
  wrongKey: 'wrong facilitator key',
  unknownMap: 'unknown map',
  notLoaded: 'map could not be loaded',
  missingEdits: 'missing earlier edits',
  unreadableUpdate: 'unreadable update',
  restarting: 'server restarting',
} as const
/** A reason for going over a limit; the close code is `tooLarge`, or `tooMany` for the quota. */
export type LimitBreach =
  | typeof CloseReason.textTooLong
  | typeof CloseReason.tooManyNotes
  | typeof CloseReason.mapTooBig
  | typeof CloseReason.presenceTooBig
  | typeof CloseReason.stateVectorTooBig
  | typeof CloseReason.writeQuota

/** Close codes after which reconnecting as before cannot help: the 4400 range, and 1009. */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === CloseCode.frameTooBig
}
