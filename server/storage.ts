import type Database from 'better-sqlite3'
import { createStorageMetrics, type StorageMetrics } from './metrics.js'

export interface StoredLog {
  updates: Uint8Array[]
  /** Sequence number of the newest stored row, or 0 when the room has none. */
  lastSeq: number
}

const TOUCH_EVERY_MS = 60_000

/**
 * Append-only update log per document in the SQLite file. It stores opaque Yjs updates and
 * knows nothing of what is inside them.
 */
export class UpdateStore {
  private readonly insertStmt: Database.Statement<[string, Uint8Array, number]>
  private readonly touchStmt: Database.Statement<[string, number, number]>
  private readonly loadStmt: Database.Statement<[string], { seq: number; data: Buffer }>
  private readonly deleteUpToStmt: Database.Statement<[string, number]>
  private readonly countStmt: Database.Statement<[string], { n: number }>
  private readonly deleteRoomStmts: Database.Statement<[string]>[]

  /** Uses a database opened by `openDatabase`; the caller closes it. */
  constructor(
    private readonly db: Database.Database,
    readonly metrics: StorageMetrics = createStorageMetrics(),
  ) {
    this.insertStmt = this.db.prepare(
      'INSERT INTO updates (room, data, created_at) VALUES (?, ?, ?)',
    )
    this.touchStmt = this.db.prepare(
      `INSERT INTO rooms (room, created_at, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET updated_at = excluded.updated_at`,
    )
    this.loadStmt = this.db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq')
    this.deleteUpToStmt = this.db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?')
    this.countStmt = this.db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?')
    this.deleteRoomStmts = [
      this.db.prepare('DELETE FROM updates WHERE room = ?'),
      this.db.prepare('DELETE FROM rooms WHERE room = ?'),
    ]
  }

  /** Removes a document's whole log; the caller wraps this in its transaction. */
  deleteRoom(room: string): void {
    this.touched.delete(room)
    for (const statement of this.deleteRoomStmts) statement.run(room)
  }

  /** Every stored update of a room, oldest first. */
  load(room: string): StoredLog {
    const rows = this.loadStmt.all(room)
    return {
      updates: rows.map(
        (row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length),
      ),
      lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
    }
  }

  /** When each room's `updated_at` was last written; it is kept to the minute, not the update. */
  private readonly touched = new Map<string, number>()

  /**
   * Appends updates of one room in one transaction (group commit): all are committed when this
   * returns, or none is. The room's last-change time (for retention) is refreshed once a minute at
   * most. Returns the last update's sequence number.
   */
  appendMany(room: string, updates: readonly Uint8Array[]): number {
    return this.metrics.appendSeconds.time(() => {
      const now = Date.now()
      const touch = now - (this.touched.get(room) ?? 0) > TOUCH_EVERY_MS
      const write = this.db.transaction(() => {
        let last = 0
        for (const update of updates) {
          last = Number(this.insertStmt.run(room, update, now).lastInsertRowid)
        }
        if (touch) this.touchStmt.run(room, now, now)
        return last
      })
      const last = write()
      if (touch) this.touched.set(room, now)
      this.metrics.updates.inc(updates.length)
      return last
    })
  }

  /** Forgets the in-memory bookkeeping of a room that left memory. */
  forget(room: string): void {
    this.touched.delete(room)
  }

  /**
   * Replaces the rows up to `upToSeq` by one merged update in a single transaction, so a crash
   * at any moment leaves either the old rows or the merged one, never neither. Returns the merged row's sequence number.
   */
  compact(room: string, merged: Uint8Array, upToSeq: number): number {
    const now = Date.now()
    const compact = this.db.transaction(() => {
      const { lastInsertRowid } = this.insertStmt.run(room, merged, now)
      this.deleteUpToStmt.run(room, upToSeq)
      return Number(lastInsertRowid)
    })
    return this.metrics.compactSeconds.time(compact)
  }

  /** Number of rows in a room's log. */
  count(room: string): number {
    return this.countStmt.get(room)?.n ?? 0
  }
}
