import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { DocName } from '../shared/protocol.js'
import type { MapRecords } from './storage.js'

/** Who a connection is. The server knows this much of a map and no more. */
export type AccessLevel = 'facilitator' | 'participant' | 'viewer'

/**
 * Who may write which document: a viewer never writes, only a facilitator writes the
 * facilitation document; reading is open to anyone who is let in at all.
 */
export function canWrite(level: AccessLevel, doc: DocName): boolean {
  if (level === 'viewer') return false
  return doc === 'map' || level === 'facilitator'
}

/** A fresh secret: 144 random bits, base64url. */
function newSecret(): string {
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
  constructor(private readonly records: MapRecords) {}

  /** Registers a new map with fresh secrets; the secrets are returned once and stored hashed. */
  async create(now = Date.now()): Promise<NewMapAccess> {
    const access = { roomId: newSecret(), facilitatorKey: newSecret(), viewerToken: newSecret() }
    await this.records.createMap({
      roomId: access.roomId,
      facilitatorKeyHash: hash(access.facilitatorKey).toString('hex'),
      viewerTokenHash: hash(access.viewerToken).toString('hex'),
      createdAt: now,
    })
    return access
  }

  /** True only for the map's own facilitator key (compared in constant time). */
  async isFacilitatorKey(roomId: string, key: string): Promise<boolean> {
    return (await this.check(roomId, key)) === 'facilitator'
  }

  /**
   * Who offers `key` (or no key) for a map, in one look-up: nobody when there is no such map,
   * refused for a wrong key.
   */
  async check(
    roomId: string,
    key: string | null,
  ): Promise<'unknown' | 'forbidden' | 'facilitator' | 'participant'> {
    const stored = await this.records.facilitatorKeyHash(roomId)
    if (stored === null) return 'unknown'
    if (key === null) return 'participant'
    return timingSafeEqual(Buffer.from(stored, 'hex'), hash(key)) ? 'facilitator' : 'forbidden'
  }

  /** How many times the map's trajectory was deleted; a trajectory connection must name it. */
  trajectoryEpoch(roomId: string): Promise<number> {
    return this.records.trajectoryEpoch(roomId)
  }

  /** The room a viewer token opens, or null. */
  roomForViewer(token: string): Promise<string | null> {
    return this.records.roomForViewerHash(hash(token).toString('hex'))
  }
}
