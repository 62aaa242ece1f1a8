// Moves every map from the SQLite file of one server to PostgreSQL, for running many servers.
// Usage (after a build; the server should be stopped):
//   npm run migrate -- --data <data folder> --database-url postgres://user@host/db
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { PostgresStorage } from './postgresStorage.js'
import { SqliteStorage } from './sqliteStorage.js'

export interface MigrationReport {
  moved: number
  skipped: number
  updates: number
}

/**
 * Copies every map of `sqliteFile` into the PostgreSQL database at `databaseUrl`: access record,
 * both documents' update logs as they are, last-change times and a join code still valid. Each
 * map moves in one transaction; a map already there is skipped, so running it twice is safe.
 */
export async function migrate(sqliteFile: string, databaseUrl: string): Promise<MigrationReport> {
  if (!fs.existsSync(sqliteFile)) throw new Error(`no database file at ${sqliteFile}`)
  const source = SqliteStorage.open(sqliteFile)
  const target = await PostgresStorage.open(databaseUrl)
  const report: MigrationReport = { moved: 0, skipped: 0, updates: 0 }
  try {
    for (const map of source.exportMaps()) {
      if (await target.importMap(map)) {
        report.moved++
        report.updates += map.docs.reduce((sum, doc) => sum + doc.updates.length, 0)
      } else report.skipped++
    }
  } finally {
    await Promise.all([source.close(), target.close()])
  }
  return report
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', short: 'd' },
      'database-url': { type: 'string' },
    },
    strict: true,
  })
  const dataDir = path.resolve(values.data ?? process.env.DATA_DIR ?? 'data')
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL
  if (!databaseUrl) {
    console.error('usage: npm run migrate -- --data <data folder> --database-url postgres://…')
    process.exit(2)
  }
  const file = path.join(dataDir, 'partnerschapskaart.db')
  const report = await migrate(file, databaseUrl)
  console.log(
    `Moved ${report.moved} maps (${report.updates} stored updates) from ${file} to PostgreSQL; ` +
      `${report.skipped} were there already and were left as they are.`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(`migration failed: ${(error as Error).message}`)
    process.exit(1)
  })
}
