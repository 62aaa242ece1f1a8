import type Database from 'better-sqlite3'
import { docKey, docKeysOf, type CardVersionInfo } from '../shared/protocol.js'
import { openDatabase } from './database.js'
import { errorText, log } from './log.js'
import { createStorageMetrics, type StorageMetrics } from './metrics.js'
import { SQL } from './sql.js'
import {
  MapGoneError,
  mapOf,
  nextVersion,
  TouchClock,
  type CardVersionSnapshot,
  type ImportedMap,
  type MapRecord,
  type Storage,
  type StoredLog,
  type VersionLimits,
  type VersionRefusal,
} from './storage.js'

/** A row's blob as the plain bytes the rest of the server passes around. */
function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length)
}

/** True for SQLite's "database or disk is full". */
function isFull(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_FULL'
}

/**
 * Storage in one SQLite file (WAL), embedded in the server process: the default. Its calls are
 * synchronous underneath; they answer through promises to share the interface with PostgreSQL.
 */
export class SqliteStorage implements Storage {
  readonly engine = 'sqlite'
  /** One process owns the file: nobody else appends to its logs. */
  readonly shared = false
  private readonly clock = new TouchClock()
  /** The last write failed because the file reached its limit or the disk is full. */
  private refusedFull = false
  readonly damage: readonly string[]
  private readonly stmt
  /** One batch of updates in one transaction, set up once rather than for every commit. */
  private readonly appendTransaction: (
    doc: string,
    updates: readonly Uint8Array[],
    now: number,
    touch: boolean,
  ) => void

  constructor(
    readonly db: Database.Database,
    readonly metrics: StorageMetrics = createStorageMetrics(),
    damage: readonly string[] = [],
  ) {
    this.damage = damage
    const prepare = <P extends unknown[], R = unknown>(sql: string) =>
      db.prepare<P, R>(sql) as Database.Statement<P, R>
    this.stmt = {
      ping: prepare<[]>(SQL.ping),
      insert: prepare<[string, Uint8Array, number]>(SQL.insertUpdate),
      touch: prepare<[string, number, number]>(SQL.touch),
      load: prepare<[string], { seq: number; data: Buffer }>(SQL.loadLog),
      written: prepare<[string], { x: number }>(SQL.written),
      mapExists: prepare<[string], { x: number }>(SQL.mapExists),
      deleteRow: prepare<[number]>('DELETE FROM updates WHERE seq = ?'),
      count: prepare<[string], { n: number }>(SQL.countLog),
      deleteLog: prepare<[string]>('DELETE FROM updates WHERE room = ?'),
      deleteRoom: prepare<[string]>('DELETE FROM rooms WHERE room = ?'),
      insertMap: prepare<[string, string, string, number]>(SQL.insertMap),
      keyHash: prepare<[string], { facilitator_key_hash: string }>(SQL.keyHash),
      byViewer: prepare<[string], { room: string }>(SQL.byViewer),
      deleteMap: prepare<[string]>(SQL.deleteMap),
      stale: prepare<[number, number], { room: string }>(SQL.staleMaps),
      insertCode: prepare<[string, string, number]>(SQL.insertCode),
      clearCodes: prepare<[number, string]>(SQL.clearCodes),
      deleteCodeOf: prepare<[string]>(SQL.deleteCodeOf),
      lookupCode: prepare<[string, number], { room: string }>(SQL.lookupCode),
      insertVersion: prepare<[string, number, string, number, Uint8Array, Uint8Array]>(
        SQL.insertVersion,
      ),
      versionTotals: prepare<
        [string],
        { count: number; next: number; bytes: number; last: number }
      >(SQL.versionTotals),
      listVersions: prepare<
        [string],
        { number: number; label: string; created_at: number; bytes: number }
      >(SQL.listVersions),
      loadVersion: prepare<[string, number], { map_data: Buffer; control_data: Buffer }>(
        SQL.loadVersion,
      ),
      deleteVersions: prepare<[string]>(SQL.deleteVersions),
      trajectoryEpoch: prepare<[string], { epoch: number }>(SQL.trajectoryEpoch),
      bumpTrajectoryEpoch: prepare<[string]>(SQL.bumpTrajectoryEpoch),
      deleteTrajectoryEpoch: prepare<[string]>(SQL.deleteTrajectoryEpoch),
    }
    this.appendTransaction = db.transaction((doc, updates, now, touch) => {
      // One writer at a time: a deletion is either before this (the map is gone) or after.
      if (!this.stmt.mapExists.get(mapOf(doc))) throw new MapGoneError()
      for (const update of updates) this.stmt.insert.run(doc, update, now)
      if (touch) this.stmt.touch.run(doc, now, now)
    })
  }

  /**
   * Opens (or creates) the database file `file` (see `openDatabase`) and checks its pages: what
   * the check finds is in `damage`.
   */
  static open(file: string, options: { maxBytes?: number } = {}): SqliteStorage {
    const db = openDatabase(file, options)
    const found = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[]
    const damage = found.map((row) => row.quick_check).filter((line) => line !== 'ok')
    return new SqliteStorage(db, createStorageMetrics(), damage)
  }

  get full(): boolean {
    return this.refusedFull
  }

  /** Every map with its documents and live join code, one at a time (for the migration). */
  *exportMaps(now = Date.now()): Generator<ImportedMap> {
    const maps = this.db
      .prepare<
        [],
        {
          room: string
          facilitator_key_hash: string
          viewer_token_hash: string
          created_at: number
        }
      >(
        'SELECT room, facilitator_key_hash, viewer_token_hash, created_at FROM maps ORDER BY created_at',
      )
      .all()
    const roomRow = this.db.prepare<[string], { created_at: number; updated_at: number }>(
      'SELECT created_at, updated_at FROM rooms WHERE room = ?',
    )
    const codeRow = this.db.prepare<[string, number], { code: string; expires_at: number }>(
      'SELECT code, expires_at FROM join_codes WHERE room = ? AND expires_at > ?',
    )
    for (const map of maps) {
      const docs = docKeysOf(map.room).flatMap((name) => {
        const updates = this.loadNow(name).map((row) => row.data)
        if (updates.length === 0) return []
        const times = roomRow.get(name)
        return [
          {
            name,
            updates,
            createdAt: times?.created_at ?? map.created_at,
            updatedAt: times?.updated_at ?? map.created_at,
          },
        ]
      })
      const code = codeRow.get(map.room, now)
      const versions = this.stmt.listVersions.all(map.room).map((row) => {
        const snapshot = this.stmt.loadVersion.get(map.room, row.number)!
        return {
          number: row.number,
          label: row.label,
          createdAt: row.created_at,
          bytes: row.bytes,
          map: bytesOf(snapshot.map_data),
          control: bytesOf(snapshot.control_data),
        }
      })
      yield {
        record: {
          roomId: map.room,
          facilitatorKeyHash: map.facilitator_key_hash,
          viewerTokenHash: map.viewer_token_hash,
          createdAt: map.created_at,
        },
        docs,
        joinCode: code ? { code: code.code, expiresAt: code.expires_at } : null,
        versions,
        trajectoryEpoch: this.stmt.trajectoryEpoch.get(map.room)?.epoch ?? 0,
      }
    }
  }

  async ping(): Promise<void> {
    this.stmt.ping.get()
  }

  async close(): Promise<void> {
    this.db.close()
  }

  /** The log, read at once (the tests and the migration read it outside any server). */
  loadNow(doc: string): { seq: number; data: Uint8Array }[] {
    return this.stmt.load.all(doc).map((row) => ({ seq: row.seq, data: bytesOf(row.data) }))
  }

  async load(doc: string): Promise<StoredLog> {
    const updates = this.loadNow(doc).map((row) => row.data)
    return { updates, written: updates.length > 0 || this.stmt.written.get(doc) !== undefined }
  }

  async append(doc: string, updates: readonly Uint8Array[]): Promise<void> {
    this.appendNow(doc, updates)
  }

  /** Appends at once; the room's last-change time (for retention) is refreshed once a minute. */
  appendNow(doc: string, updates: readonly Uint8Array[]): void {
    this.metrics.appendSeconds.time(() => {
      const now = Date.now()
      const touch = this.clock.due(doc, now)
      try {
        this.appendTransaction(doc, updates, now, touch)
      } catch (error) {
        if (isFull(error)) this.refusedFull = true
        throw error
      }
      this.refusedFull = false
      if (touch) this.clock.done(doc, now)
      this.metrics.updates.inc(updates.length)
    })
  }

  async compact(doc: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<boolean> {
    // One SQLite file has one writer at a time: the transaction is the lock.
    this.metrics.compactSeconds.time(() =>
      this.db.transaction(() => {
        // A deleted map gets no merged row.
        if (!this.stmt.mapExists.get(mapOf(doc))) return
        const rows = this.loadNow(doc)
        if (rows.length <= 1) return
        this.stmt.insert.run(doc, merge(rows.map((row) => row.data)), Date.now())
        for (const row of rows) this.stmt.deleteRow.run(row.seq)
      })(),
    )
    return true
  }

  async count(doc: string): Promise<number> {
    return this.stmt.count.get(doc)?.n ?? 0
  }

  forget(doc: string): void {
    this.clock.forget(doc)
  }

  async createMap(record: MapRecord): Promise<void> {
    this.stmt.insertMap.run(
      record.roomId,
      record.facilitatorKeyHash,
      record.viewerTokenHash,
      record.createdAt,
    )
  }

  async facilitatorKeyHash(roomId: string): Promise<string | null> {
    return this.stmt.keyHash.get(roomId)?.facilitator_key_hash ?? null
  }

  async roomForViewerHash(viewerTokenHash: string): Promise<string | null> {
    return this.stmt.byViewer.get(viewerTokenHash)?.room ?? null
  }

  async deleteMap(roomId: string): Promise<void> {
    this.db.transaction(() => {
      for (const doc of docKeysOf(roomId)) {
        this.clock.forget(doc)
        this.stmt.deleteLog.run(doc)
        this.stmt.deleteRoom.run(doc)
      }
      this.stmt.deleteVersions.run(roomId)
      this.stmt.deleteTrajectoryEpoch.run(roomId)
      this.stmt.deleteCodeOf.run(roomId)
      this.stmt.deleteMap.run(roomId)
    })()
    this.checkpoint()
  }

  /**
   * After a deletion: secure_delete zeroed the rows in the file; the write-ahead log still held
   * copies. What was deleted is gone either way; a checkpoint that fails now (a full disk)
   * happens on a later write.
   */
  private checkpoint(): void {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } catch (error) {
      log.warn('could not checkpoint the write-ahead log after a deletion', {
        error: errorText(error),
      })
    }
  }

  async deleteTrajectory(roomId: string, options: { again?: boolean } = {}): Promise<boolean> {
    const doc = docKey(roomId, 'trajectory')
    const deleted = this.db.transaction(() => {
      if (!this.stmt.mapExists.get(roomId)) return false
      this.clock.forget(doc)
      this.stmt.deleteLog.run(doc)
      this.stmt.deleteRoom.run(doc)
      if (!options.again) this.stmt.bumpTrajectoryEpoch.run(roomId)
      return true
    })()
    if (deleted) this.checkpoint()
    return deleted
  }

  async trajectoryEpoch(roomId: string): Promise<number> {
    return this.stmt.trajectoryEpoch.get(roomId)?.epoch ?? 0
  }

  async saveVersion(
    roomId: string,
    label: string,
    snapshot: CardVersionSnapshot,
    now: number,
    limits: VersionLimits,
  ): Promise<CardVersionInfo | VersionRefusal> {
    const bytes = snapshot.map.length + snapshot.control.length
    try {
      return this.db.transaction(() => {
        if (!this.stmt.mapExists.get(roomId)) throw new MapGoneError()
        const next = nextVersion(this.stmt.versionTotals.get(roomId)!, bytes, now, limits)
        if (typeof next === 'string') return next
        const { number, createdAt } = next
        this.stmt.insertVersion.run(
          roomId,
          number,
          label,
          createdAt,
          snapshot.map,
          snapshot.control,
        )
        return { number, label, createdAt, bytes }
      })()
    } catch (error) {
      if (isFull(error)) this.refusedFull = true
      throw error
    }
  }

  async listVersions(roomId: string): Promise<CardVersionInfo[]> {
    return this.stmt.listVersions.all(roomId).map((row) => ({
      number: row.number,
      label: row.label,
      createdAt: row.created_at,
      bytes: row.bytes,
    }))
  }

  async loadVersion(roomId: string, number: number): Promise<CardVersionSnapshot | null> {
    const row = this.stmt.loadVersion.get(roomId, number)
    return row ? { map: bytesOf(row.map_data), control: bytesOf(row.control_data) } : null
  }

  async staleMaps(cutoff: number): Promise<string[]> {
    return this.stmt.stale.all(cutoff, cutoff).map((row) => row.room)
  }

  async putJoinCode(room: string, code: string, expiresAt: number, now: number): Promise<boolean> {
    return this.db.transaction(() => {
      this.stmt.clearCodes.run(now, room)
      try {
        this.stmt.insertCode.run(code, room, expiresAt)
        return true
      } catch (error) {
        // Only a code another room holds is a "no"; a full disk is an error.
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return false
        throw error
      }
    })()
  }

  async deleteJoinCode(room: string): Promise<void> {
    this.stmt.deleteCodeOf.run(room)
  }

  async roomForJoinCode(code: string, now: number): Promise<string | null> {
    return this.stmt.lookupCode.get(code, now)?.room ?? null
  }
}
