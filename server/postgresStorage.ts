import pg from 'pg'
import { docKey, docKeysOf, type CardVersionInfo } from '../shared/protocol.js'
import { createStorageMetrics, type StorageMetrics } from './metrics.js'
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
import { PG_SQL, STORAGE_VERSION, tablesSql } from './sql.js'
import { errorText, log } from './log.js'

/** Advisory lock taken while the schema is created, so servers starting together do not race. */
const SCHEMA_LOCK = 7_164_532_001

/** BYTEA arrives as a Buffer; the log works with plain views of it. */
const bytesOf = (data: Buffer): Uint8Array =>
  new Uint8Array(data.buffer, data.byteOffset, data.length)

/**
 * Storage in PostgreSQL, shared by every server process of a deployment. The update log and the
 * rules are those of the SQLite file; compaction takes a per-document advisory lock, so one
 * server at a time compacts a document.
 */
export class PostgresStorage implements Storage {
  readonly engine = 'postgres'
  /** Every server of the deployment appends to the same logs. */
  readonly shared = true
  private readonly clock = new TouchClock()
  /** The last write failed with "disk full" (53100). */
  private refusedFull = false
  /** PostgreSQL checks its own pages; the server has nothing to add. */
  readonly damage: readonly string[] = []

  get full(): boolean {
    return this.refusedFull
  }

  private constructor(
    private readonly pool: pg.Pool,
    readonly metrics: StorageMetrics,
  ) {}

  /** Connects to `url` (postgres://…) and creates the tables when missing. */
  static async open(url: string, metrics = createStorageMetrics()): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString: url, max: 10 })
    // An idle connection the database dropped must not end the process; the next query reconnects.
    pool.on('error', (error) => log.warn('database connection lost', { error: errorText(error) }))
    const storage = new PostgresStorage(pool, metrics)
    await storage.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
      await client.query(
        tablesSql({ time: 'BIGINT', bytes: 'BYTEA', sequence: 'BIGSERIAL PRIMARY KEY' }),
      )
      await client.query(PG_SQL.writeVersion, [STORAGE_VERSION])
    })
    return storage
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /**
   * Adds a whole map moved from another store: its access record, its documents' logs and
   * last-change times, and its join code, in one transaction. Resolves false, changing nothing,
   * when the map is already here.
   */
  async importMap(map: ImportedMap): Promise<boolean> {
    return this.transaction(async (client) => {
      const { record } = map
      const added = await client.query(`${PG_SQL.insertMap} ON CONFLICT DO NOTHING`, [
        record.roomId,
        record.facilitatorKeyHash,
        record.viewerTokenHash,
        record.createdAt,
      ])
      if (added.rowCount !== 1) return false
      for (const doc of map.docs) {
        await client.query(
          'INSERT INTO updates (room, data, created_at) SELECT $1, unnest($2::bytea[]), $3',
          [doc.name, doc.updates.map((update) => Buffer.from(update)), doc.updatedAt],
        )
        await client.query(PG_SQL.touch, [doc.name, doc.createdAt, doc.updatedAt])
      }
      for (const version of map.versions) {
        await client.query(PG_SQL.insertVersion, [
          record.roomId,
          version.number,
          version.label,
          version.createdAt,
          Buffer.from(version.map),
          Buffer.from(version.control),
        ])
      }
      if (map.trajectoryEpoch > 0) {
        await client.query(PG_SQL.putTrajectoryEpoch, [record.roomId, map.trajectoryEpoch])
      }
      if (map.joinCode) {
        await client.query(`${PG_SQL.insertCode} ON CONFLICT DO NOTHING`, [
          map.joinCode.code,
          record.roomId,
          map.joinCode.expiresAt,
        ])
      }
      return true
    })
  }

  async ping(): Promise<void> {
    await this.pool.query(PG_SQL.ping)
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  async load(doc: string): Promise<StoredLog> {
    const { rows } = await this.pool.query<{ data: Buffer }>(PG_SQL.loadLog, [doc])
    const written = rows.length > 0 || (await this.pool.query(PG_SQL.written, [doc])).rowCount === 1
    return { updates: rows.map((row) => bytesOf(row.data)), written }
  }

  async append(doc: string, updates: readonly Uint8Array[]): Promise<void> {
    const started = process.hrtime.bigint()
    const now = Date.now()
    const touch = this.clock.due(doc, now)
    const data = updates.map((update) =>
      Buffer.from(update.buffer, update.byteOffset, update.length),
    )
    let stored: number
    try {
      // One statement, so one round trip and all or nothing. It shares a lock on the map's record
      // with other appends, so a deletion waits for it, and it writes nothing once the map is
      // deleted (after waiting for a deletion under way).
      const result = await this.pool.query<{ n: string }>(
        `WITH live AS (SELECT room FROM maps WHERE room = $4 FOR KEY SHARE),
         added AS (
           INSERT INTO updates (room, data, created_at)
           SELECT $1, unnest($2::bytea[]), $3 FROM live RETURNING 1
         )${
           touch
             ? `,
         touched AS (
           INSERT INTO rooms (room, created_at, updated_at) SELECT $1, $3, $3 FROM live
           ON CONFLICT (room) DO UPDATE SET updated_at = excluded.updated_at RETURNING 1
         )`
             : ''
         }
         SELECT count(*) AS n FROM added`,
        [doc, data, now, mapOf(doc)],
      )
      stored = Number(result.rows[0]?.n ?? 0)
      this.refusedFull = false
    } catch (error) {
      if ((error as { code?: string }).code === '53100') this.refusedFull = true
      throw error
    } finally {
      this.metrics.appendSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9)
    }
    if (stored !== updates.length) throw new MapGoneError()
    if (touch) this.clock.done(doc, now)
    this.metrics.updates.inc(updates.length)
  }

  async compact(doc: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<boolean> {
    const started = process.hrtime.bigint()
    try {
      return await this.transaction(async (client) => {
        const locked = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
          [doc],
        )
        if (!locked.rows[0]?.locked) return false
        // Held until the merged row is in: a deletion waits, and a deleted map gets no row.
        const live = await client.query(`${PG_SQL.mapExists} FOR KEY SHARE`, [mapOf(doc)])
        if (live.rowCount !== 1) return false
        const { rows } = await client.query<{ seq: string; data: Buffer }>(PG_SQL.loadLog, [doc])
        if (rows.length <= 1) return true
        const merged = merge(rows.map((row) => bytesOf(row.data)))
        await client.query(PG_SQL.insertUpdate, [
          doc,
          Buffer.from(merged.buffer, merged.byteOffset, merged.length),
          Date.now(),
        ])
        // Exactly the rows read: one another server appended meanwhile stays.
        await client.query('DELETE FROM updates WHERE seq = ANY($1::bigint[])', [
          rows.map((row) => row.seq),
        ])
        return true
      })
    } finally {
      this.metrics.compactSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9)
    }
  }

  async count(doc: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(PG_SQL.countLog, [doc])
    return Number(rows[0]?.n ?? 0)
  }

  forget(doc: string): void {
    this.clock.forget(doc)
  }

  async createMap(record: MapRecord): Promise<void> {
    await this.pool.query(PG_SQL.insertMap, [
      record.roomId,
      record.facilitatorKeyHash,
      record.viewerTokenHash,
      record.createdAt,
    ])
  }

  async facilitatorKeyHash(roomId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ facilitator_key_hash: string }>(PG_SQL.keyHash, [
      roomId,
    ])
    return rows[0]?.facilitator_key_hash ?? null
  }

  async roomForViewerHash(viewerTokenHash: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ room: string }>(PG_SQL.byViewer, [viewerTokenHash])
    return rows[0]?.room ?? null
  }

  async deleteMap(roomId: string): Promise<void> {
    const docs = docKeysOf(roomId)
    await this.transaction(async (client) => {
      // The record first: this waits for appends and compactions holding it, and after it none
      // can write; the logs are deleted after that, so whatever they wrote goes too.
      await client.query(PG_SQL.deleteMap, [roomId])
      await client.query('DELETE FROM updates WHERE room = ANY($1::text[])', [docs])
      await client.query('DELETE FROM rooms WHERE room = ANY($1::text[])', [docs])
      await client.query(PG_SQL.deleteVersions, [roomId])
      await client.query(PG_SQL.deleteTrajectoryEpoch, [roomId])
      await client.query(PG_SQL.deleteCodeOf, [roomId])
    })
    for (const doc of docs) this.clock.forget(doc)
  }

  async deleteTrajectory(roomId: string, options: { again?: boolean } = {}): Promise<boolean> {
    const doc = docKey(roomId, 'trajectory')
    const deleted = await this.transaction(async (client) => {
      // The map's record, locked: appends and compactions under way finish first (and their
      // rows go too); the room is closed on every server before this, so none follow.
      const live = await client.query(`${PG_SQL.mapExists} FOR UPDATE`, [roomId])
      if (live.rowCount !== 1) return false
      await client.query('DELETE FROM updates WHERE room = $1', [doc])
      await client.query('DELETE FROM rooms WHERE room = $1', [doc])
      if (!options.again) await client.query(PG_SQL.bumpTrajectoryEpoch, [roomId])
      return true
    })
    this.clock.forget(doc)
    return deleted
  }

  async trajectoryEpoch(roomId: string): Promise<number> {
    const { rows } = await this.pool.query<{ epoch: number }>(PG_SQL.trajectoryEpoch, [roomId])
    return rows[0] ? Number(rows[0].epoch) : 0
  }

  async saveVersion(
    roomId: string,
    label: string,
    snapshot: CardVersionSnapshot,
    now: number,
    limits: VersionLimits,
  ): Promise<CardVersionInfo | VersionRefusal> {
    const bytes = snapshot.map.length + snapshot.control.length
    return this.transaction(async (client) => {
      // The map's record, locked: two saves number one after the other, and a deletion waits.
      const live = await client.query(`${PG_SQL.mapExists} FOR UPDATE`, [roomId])
      if (live.rowCount !== 1) throw new MapGoneError()
      const { rows } = await client.query<Record<'count' | 'next' | 'bytes' | 'last', string>>(
        PG_SQL.versionTotals,
        [roomId],
      )
      const totals = rows[0]!
      const next = nextVersion(
        {
          count: Number(totals.count),
          next: Number(totals.next),
          bytes: Number(totals.bytes),
          last: Number(totals.last),
        },
        bytes,
        now,
        limits,
      )
      if (typeof next === 'string') return next
      const { number, createdAt } = next
      await client.query(PG_SQL.insertVersion, [
        roomId,
        number,
        label,
        createdAt,
        Buffer.from(snapshot.map),
        Buffer.from(snapshot.control),
      ])
      return { number, label, createdAt, bytes }
    })
  }

  async listVersions(roomId: string): Promise<CardVersionInfo[]> {
    const { rows } = await this.pool.query<{
      number: number
      label: string
      created_at: string
      bytes: string
    }>(PG_SQL.listVersions, [roomId])
    return rows.map((row) => ({
      number: row.number,
      label: row.label,
      createdAt: Number(row.created_at),
      bytes: Number(row.bytes),
    }))
  }

  async loadVersion(roomId: string, number: number): Promise<CardVersionSnapshot | null> {
    const { rows } = await this.pool.query<{ map_data: Buffer; control_data: Buffer }>(
      PG_SQL.loadVersion,
      [roomId, number],
    )
    const row = rows[0]
    return row ? { map: bytesOf(row.map_data), control: bytesOf(row.control_data) } : null
  }

  async staleMaps(cutoff: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ room: string }>(PG_SQL.staleMaps, [cutoff, cutoff])
    return rows.map((row) => row.room)
  }

  async putJoinCode(room: string, code: string, expiresAt: number, now: number): Promise<boolean> {
    return this.transaction(async (client) => {
      await client.query(PG_SQL.clearCodes, [now, room])
      const inserted = await client.query(`${PG_SQL.insertCode} ON CONFLICT DO NOTHING`, [
        code,
        room,
        expiresAt,
      ])
      return inserted.rowCount === 1
    })
  }

  async deleteJoinCode(room: string): Promise<void> {
    await this.pool.query(PG_SQL.deleteCodeOf, [room])
  }

  async roomForJoinCode(code: string, now: number): Promise<string | null> {
    const { rows } = await this.pool.query<{ room: string }>(PG_SQL.lookupCode, [code, now])
    return rows[0]?.room ?? null
  }
}
