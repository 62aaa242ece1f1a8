import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { SQL, STORAGE_VERSION, tablesSql } from './sql.js'

/** What the machine keeps for itself when the limit comes from the free disk. */
const RESERVE_MIN = 64 * 2 ** 20
const RESERVE_MAX = 2 ** 30

/**
 * The default size limit of the database `file`: what it takes now plus what its disk has free,
 * less a reserve for the rest of the machine (5% of the disk, between 64 MiB and 1 GiB). Past it,
 * edits are refused (4507) while everything stays readable, instead of the disk filling up.
 */
export function autoDatabaseLimit(file: string): number {
  const folder = path.dirname(file)
  fs.mkdirSync(folder, { recursive: true })
  const disk = fs.statfsSync(folder)
  const free = disk.bavail * disk.bsize
  const reserve = Math.min(RESERVE_MAX, Math.max(RESERVE_MIN, disk.blocks * disk.bsize * 0.05))
  const size = (name: string) => {
    try {
      return fs.statSync(name).size
    } catch {
      return 0
    }
  }
  const taken = size(file) + size(`${file}-wal`)
  return taken + Math.max(0, free - reserve)
}

/**
 * Opens (and creates when missing) the one SQLite file the server keeps, in WAL mode, with every
 * table in place. The folder is created too.
 */
export function openDatabase(file: string, options: { maxBytes?: number } = {}): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode keeps every committed row through a process crash (kill -9);
  // only a power loss of the whole machine can lose the last commits.
  db.pragma('synchronous = NORMAL')
  // Deleted rows are overwritten with zeros, so a deleted map cannot be read back from the file.
  db.pragma('secure_delete = ON')
  if (options.maxBytes) {
    // Past this size every write fails as on a full disk, and the server refuses edits (4507).
    const pageSize = db.pragma('page_size', { simple: true }) as number
    db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`)
  }
  db.exec(
    tablesSql({ time: 'INTEGER', bytes: 'BLOB', sequence: 'INTEGER PRIMARY KEY AUTOINCREMENT' }),
  )
  db.prepare(SQL.writeVersion).run(STORAGE_VERSION)
  return db
}
