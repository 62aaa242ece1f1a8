import type Database from 'better-sqlite3'
import type { AccessStore } from './access.js'
import { CloseCode } from './connection.js'
import type { JoinCodes } from './joinCodes.js'
import { logName } from './room.js'
import type { RoomRegistry } from './rooms.js'
import type { UpdateStore } from './storage.js'
import { log } from './log.js'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deleting maps for good, on the facilitator's request or by retention: everyone connected is
 * told (4410), the map leaves memory and every table, and the write-ahead log is checkpointed
 * and truncated, so no copy of its notes stays in the database files.
 */
export class MapDeletion {
  private readonly staleStmt: Database.Statement<[number, number], { room: string }>

  constructor(
    private readonly db: Database.Database,
    private readonly rooms: RoomRegistry,
    private readonly store: UpdateStore,
    private readonly access: AccessStore,
    private readonly joinCodes: JoinCodes,
  ) {
    // A map is stale when it was made before the cut-off and neither of its documents changed since.
    this.staleStmt = db.prepare(
      `SELECT m.room FROM maps m
       WHERE m.created_at < ?
         AND NOT EXISTS (
           SELECT 1 FROM rooms r
           WHERE r.room IN (m.room, m.room || '/control') AND r.updated_at >= ?
         )`,
    )
  }

  delete(roomId: string): void {
    const docs = [roomId, `${roomId}/control`]
    for (const doc of docs) this.rooms.evict(doc, CloseCode.deleted, 'map-deleted')
    this.db.transaction(() => {
      for (const doc of docs) this.store.deleteRoom(doc)
      this.joinCodes.close(roomId)
      this.access.delete(roomId)
    })()
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    log.info('map deleted', { room: logName(roomId) })
  }

  /** Deletes maps nobody changed in `days` days, except ones somebody has open. Returns how many. */
  sweep(days: number, now = Date.now()): number {
    if (days <= 0) return 0
    const cutoff = now - days * DAY_MS
    let deleted = 0
    for (const { room } of this.staleStmt.all(cutoff, cutoff)) {
      const inUse = [room, `${room}/control`].some(
        (doc) => (this.rooms.get(doc)?.peerCount ?? 0) > 0,
      )
      if (inUse) continue
      this.delete(room)
      deleted++
    }
    return deleted
  }
}
