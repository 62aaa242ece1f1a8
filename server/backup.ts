// A consistent copy of the SQLite database while the server runs, and putting one back.
// Usage (after a build):
//   npm run backup -- --out <file> [--data <data folder>]      the server may keep running
//   npm run restore -- --from <file> [--data <data folder>]    with the server stopped
// For PostgreSQL use pg_dump and pg_restore (see the README).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'

const DB_NAME = 'partnerschapskaart.db'

/** What a copy holds, once checked: sound pages and its maps. */
export interface CopyReport {
  maps: number
  bytes: number
}

/** Checks a database copy page by page; throws when it is damaged. */
function checkCopy(file: string): CopyReport {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const problems = (db.pragma('quick_check', { simple: false }) as { quick_check: string }[])
      .map((row) => row.quick_check)
      .filter((line) => line !== 'ok')
    if (problems.length > 0) throw new Error(`the copy is damaged: ${problems[0]}`)
    const maps = (db.prepare('SELECT COUNT(*) AS n FROM maps').get() as { n: number }).n
    return { maps, bytes: fs.statSync(file).size }
  } finally {
    db.close()
  }
}

/**
 * Copies the database of `dataDir` to `out` with SQLite's online backup, all pages in one step,
 * so the copy is one consistent moment of a database the server goes on writing. The copy is
 * checked before it takes its name, and only its owner may read it: it holds every note.
 */
export async function backup(dataDir: string, out: string): Promise<CopyReport> {
  const source = path.join(dataDir, DB_NAME)
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`)
  if (fs.existsSync(out)) throw new Error(`${out} exists already; choose another name`)
  const partial = `${out}.partial`
  fs.rmSync(partial, { force: true })
  const db = new Database(source, { fileMustExist: true })
  try {
    await db.backup(partial, { progress: () => 0x7fffffff })
  } finally {
    db.close()
  }
  fs.chmodSync(partial, 0o600)
  try {
    const report = checkCopy(partial)
    fs.renameSync(partial, out)
    return report
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
}

/**
 * Puts a checked copy back as the database of `dataDir`, which must have none (or, with
 * `replace`, loses the one it has). The server must be stopped.
 */
export function restore(from: string, dataDir: string, replace = false): CopyReport {
  const report = checkCopy(from)
  const target = path.join(dataDir, DB_NAME)
  const present = [target, `${target}-wal`, `${target}-shm`].filter((file) => fs.existsSync(file))
  if (present.length > 0 && !replace) {
    throw new Error(
      `${target} exists; stop the server and add --replace to put the copy in its place`,
    )
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const incoming = `${target}.restoring`
  fs.copyFileSync(from, incoming)
  fs.chmodSync(incoming, 0o600)
  for (const file of present) fs.rmSync(file)
  fs.renameSync(incoming, target)
  return report
}

async function main(command: 'backup' | 'restore'): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', short: 'd' },
      out: { type: 'string' },
      from: { type: 'string' },
      replace: { type: 'boolean' },
    },
    strict: true,
  })
  if (process.env.DATABASE_URL) {
    console.error(
      'This server keeps its maps in PostgreSQL: back it up with pg_dump (see the README).',
    )
    process.exit(2)
  }
  const dataDir = path.resolve(values.data ?? process.env.DATA_DIR ?? 'data')
  const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1)
  if (command === 'backup') {
    if (!values.out) {
      console.error('usage: npm run backup -- --out <file> [--data <data folder>]')
      process.exit(2)
    }
    const out = path.resolve(values.out)
    const report = await backup(dataDir, out)
    console.log(`Backed up ${report.maps} maps (${megabytes(report.bytes)} MB) to ${out}; checked.`)
    return
  }
  if (!values.from) {
    console.error('usage: npm run restore -- --from <file> [--data <data folder>] [--replace]')
    process.exit(2)
  }
  const report = restore(path.resolve(values.from), dataDir, values.replace === true)
  console.log(`Restored ${report.maps} maps (${megabytes(report.bytes)} MB) into ${dataDir}.`)
}

const command = process.argv[2] === 'restore' ? 'restore' : 'backup'
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  process.argv.splice(2, process.argv[2] === 'restore' || process.argv[2] === 'backup' ? 1 : 0)
  main(command).catch((error: unknown) => {
    console.error(`${command} failed: ${(error as Error).message}`)
    process.exit(1)
  })
}
