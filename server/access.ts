import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type Database from 'better-sqlite3'

/** Who a connection is. The server knows this much of a map and no more. */
export type AccessLevel = 'facilitator' | 'participant' | 'viewer'

/** The documents of one map: the notes, and the facilitation state only facilitators change. */
export type DocName = 'map' | 'control'

/** Subprotocol every client offers; the facilitator key travels as a second one, never in a URL. */
export const PROTOCOL = 'pk.v1'
export const FACILITATOR_KEY_PROTOCOL_PREFIX = 'pk.fk.'

/** Who may write which document; reading is open to anyone who is let in at all. */
export function canWrite(level: AccessLevel, doc: DocName): boolean {
  if (level === 'viewer') return false
  return doc === 'map' || level === 'facilitator'
}

/** A fresh secret: 144 random bits, base64url. */
export function newSecret(): string {
  return randomBytes(18).toString('base64url')
}

function hash(secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

export interface NewMapAccess {
  roomId: string
  facilitatorKey: string
  viewerToken: string
}

/**
 * The maps this server knows, with hashes of their facilitator key and viewer token: a copy of the
 * database alone does not give anyone a working facilitator or viewer link.
 */
export class AccessStore {
  private readonly insertStmt: Database.Statement<[string, string, string, number]>
  private readonly byRoomStmt: Database.Statement<[string], { facilitator_key_hash: string }>
  private readonly byViewerStmt: Database.Statement<[string], { room: string }>
  private readonly deleteStmt: Database.Statement<[string]>

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO maps (room, facilitator_key_hash, viewer_token_hash, created_at) VALUES (?, ?, ?, ?)',
    )
    this.byRoomStmt = db.prepare('SELECT facilitator_key_hash FROM maps WHERE room = ?')
    this.byViewerStmt = db.prepare('SELECT room FROM maps WHERE viewer_token_hash = ?')
    this.deleteStmt = db.prepare('DELETE FROM maps WHERE room = ?')
  }

  /** Forgets a map: its id, facilitator key and viewer token stop working. */
  delete(roomId: string): void {
    this.deleteStmt.run(roomId)
  }

  /** Registers a new map with fresh secrets; the secrets are returned once and stored hashed. */
  create(now = Date.now()): NewMapAccess {
    const access = { roomId: newSecret(), facilitatorKey: newSecret(), viewerToken: newSecret() }
    this.insertStmt.run(
      access.roomId,
      hash(access.facilitatorKey).toString('hex'),
      hash(access.viewerToken).toString('hex'),
      now,
    )
    return access
  }

  exists(roomId: string): boolean {
    return this.byRoomStmt.get(roomId) !== undefined
  }

  /** True only for the map's own facilitator key (compared in constant time). */
  isFacilitatorKey(roomId: string, key: string): boolean {
    const row = this.byRoomStmt.get(roomId)
    if (!row) return false
    return timingSafeEqual(Buffer.from(row.facilitator_key_hash, 'hex'), hash(key))
  }

  /** The room a viewer token opens, or null. */
  roomForViewer(token: string): string | null {
    return this.byViewerStmt.get(hash(token).toString('hex'))?.room ?? null
  }
}
