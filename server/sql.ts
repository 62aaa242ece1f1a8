import { DOC_NAMES } from '../shared/protocol.js'

/** The stored names of a map's documents, in SQL, from its `room` column `m.room`. */
const DOCS_OF_MAP = DOC_NAMES.map((doc) => (doc === 'map' ? 'm.room' : `m.room || '/${doc}'`)).join(
  ', ',
)

/**
 * The SQL both engines run, written once with `?` placeholders: SQLite takes them as they are,
 * PostgreSQL through `numbered`. What only one engine can say (its locks, its array parameters,
 * its pragmas) stays in that engine's file.
 */

/** Written to `storage_meta` at start; both engines keep the same tables under it. */
export const STORAGE_VERSION = '4'

/** The column types that differ between the engines; everything else in the tables is the same. */
export interface ColumnTypes {
  /** Milliseconds since 1970. */
  time: string
  bytes: string
  /** The update log's own row number, growing with every row. */
  sequence: string
}

/** Every table, created when missing: the same in both engines, so a map moves row by row. */
export function tablesSql(types: ColumnTypes): string {
  return `
    CREATE TABLE IF NOT EXISTS storage_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rooms (
      room TEXT PRIMARY KEY,
      created_at ${types.time} NOT NULL,
      updated_at ${types.time} NOT NULL
    );
    CREATE TABLE IF NOT EXISTS updates (
      seq ${types.sequence},
      room TEXT NOT NULL,
      data ${types.bytes} NOT NULL,
      created_at ${types.time} NOT NULL
    );
    CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, seq);
    CREATE TABLE IF NOT EXISTS join_codes (
      code TEXT PRIMARY KEY,
      room TEXT NOT NULL UNIQUE,
      expires_at ${types.time} NOT NULL
    );
    CREATE TABLE IF NOT EXISTS maps (
      room TEXT PRIMARY KEY,
      facilitator_key_hash TEXT NOT NULL,
      viewer_token_hash TEXT NOT NULL UNIQUE,
      created_at ${types.time} NOT NULL
    );
    CREATE TABLE IF NOT EXISTS card_versions (
      room TEXT NOT NULL,
      number INTEGER NOT NULL,
      label TEXT NOT NULL,
      created_at ${types.time} NOT NULL,
      map_data ${types.bytes} NOT NULL,
      control_data ${types.bytes} NOT NULL,
      PRIMARY KEY (room, number)
    );
    CREATE TABLE IF NOT EXISTS trajectory_epochs (
      room TEXT PRIMARY KEY,
      epoch INTEGER NOT NULL
    );
  `
}

export const SQL = {
  ping: 'SELECT 1',
  writeVersion: `INSERT INTO storage_meta (key, value) VALUES ('version', ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`,

  // The document log.
  insertUpdate: 'INSERT INTO updates (room, data, created_at) VALUES (?, ?, ?)',
  /** A document's last-change time, for retention; the row is made on its first write. */
  touch: `INSERT INTO rooms (room, created_at, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (room) DO UPDATE SET updated_at = excluded.updated_at`,
  loadLog: 'SELECT seq, data FROM updates WHERE room = ? ORDER BY seq',
  /** A row here means edits were stored for the document once. */
  written: 'SELECT 1 AS x FROM rooms WHERE room = ?',
  countLog: 'SELECT COUNT(*) AS n FROM updates WHERE room = ?',

  // Map records.
  mapExists: 'SELECT 1 AS x FROM maps WHERE room = ?',
  insertMap:
    'INSERT INTO maps (room, facilitator_key_hash, viewer_token_hash, created_at) VALUES (?, ?, ?, ?)',
  keyHash: 'SELECT facilitator_key_hash FROM maps WHERE room = ?',
  byViewer: 'SELECT room FROM maps WHERE viewer_token_hash = ?',
  deleteMap: 'DELETE FROM maps WHERE room = ?',
  /** Made before the cut-off (first `?`), and none of its documents changed since (second `?`). */
  staleMaps: `SELECT m.room FROM maps m
    WHERE m.created_at < ?
      AND NOT EXISTS (
        SELECT 1 FROM rooms r
        WHERE r.room IN (${DOCS_OF_MAP}) AND r.updated_at >= ?
      )`,

  // Saved versions of a map: snapshots, never changed once written.
  insertVersion: `INSERT INTO card_versions (room, number, label, created_at, map_data, control_data)
    VALUES (?, ?, ?, ?, ?, ?)`,
  /** The next version's number, and the bytes the map's versions take so far. */
  versionTotals: `SELECT COUNT(*) AS count, COALESCE(MAX(number), 0) + 1 AS next,
    COALESCE(SUM(LENGTH(map_data) + LENGTH(control_data)), 0) AS bytes,
    COALESCE(MAX(created_at), 0) AS last
    FROM card_versions WHERE room = ?`,
  listVersions: `SELECT number, label, created_at, LENGTH(map_data) + LENGTH(control_data) AS bytes
    FROM card_versions WHERE room = ? ORDER BY number`,
  loadVersion: 'SELECT map_data, control_data FROM card_versions WHERE room = ? AND number = ?',
  deleteVersions: 'DELETE FROM card_versions WHERE room = ?',

  // How many times a map's trajectory was deleted: a connection must name the current count.
  trajectoryEpoch: 'SELECT epoch FROM trajectory_epochs WHERE room = ?',
  bumpTrajectoryEpoch: `INSERT INTO trajectory_epochs (room, epoch) VALUES (?, 1)
    ON CONFLICT (room) DO UPDATE SET epoch = trajectory_epochs.epoch + 1`,
  putTrajectoryEpoch: 'INSERT INTO trajectory_epochs (room, epoch) VALUES (?, ?)',
  deleteTrajectoryEpoch: 'DELETE FROM trajectory_epochs WHERE room = ?',

  // Join codes.
  insertCode: 'INSERT INTO join_codes (code, room, expires_at) VALUES (?, ?, ?)',
  /** Expired codes (before `?`) go, and so does the room's (`?`) own earlier code. */
  clearCodes: 'DELETE FROM join_codes WHERE expires_at <= ? OR room = ?',
  deleteCodeOf: 'DELETE FROM join_codes WHERE room = ?',
  lookupCode: 'SELECT room FROM join_codes WHERE code = ? AND expires_at > ?',
} as const

/** `sql` with its `?` placeholders numbered `$1, $2, …`, as PostgreSQL takes them. */
function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

/** The shared statements in PostgreSQL's placeholders, numbered once. */
export const PG_SQL = Object.fromEntries(
  Object.entries(SQL).map(([name, sql]) => [name, numbered(sql)]),
) as { readonly [name in keyof typeof SQL]: string }
