import path from 'node:path'
import { parseArgs } from 'node:util'

/** Everything the server can be told at start-up; every field has a safe default. */
export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** Folder with the built client; the server serves it next to the websocket. */
  clientDir: string | null
  /** Largest websocket frame accepted; larger frames close the connection (1009). */
  maxFrameBytes: number
  /** How long a room with no connections stays in memory before it is compacted and unloaded. */
  idleRoomMs: number
  /** After this many appended updates a room's log is compacted into one row. */
  compactAfterUpdates: number
  /** Interval of websocket pings that find and close dead connections. */
  pingIntervalMs: number
  /** Longest text in any field of an update (a note's text is the longest the app writes). */
  maxNoteChars: number
  /** Notes in one map. */
  maxNotes: number
  /** Bytes one map document may take on disk, after compaction. */
  maxMapBytes: number
  /** Documents held in memory at once (a map is two: its notes and its facilitation state). */
  maxRooms: number
  /** Average messages per second one connection may send; bursts may reach ten times this. */
  maxMessagesPerSecond: number
  /** Bytes of one person's presence state. */
  maxPresenceBytes: number
  /** Maps nobody changed for this many days are deleted; 0 keeps maps for ever (the default). */
  retentionDays: number
  /**
   * Largest size of the SQLite file; 0 for no limit but the disk's; 'auto' (the default) for
   * what the disk has free at start, less a reserve the machine keeps for itself.
   */
  maxDbBytes: number | 'auto'
  /** Maps one address may create in an hour. */
  maxMapsPerHour: number
  /** Bytes of edits one address may send in an hour, over all its connections. */
  maxWriteBytesPerHour: number
  /** Open connections (HTTP and websocket) from one address; IPv6 counts per /64. */
  maxConnectionsPerAddress: number
  /** A second listener for /metrics and /health (on `metricsHost`); 0 for none. */
  metricsPort: number
  metricsHost: string
  /** With this token, /metrics answers on the app port too (`Authorization: Bearer <token>`). */
  metricsToken: string | null
  /** Serve the client's source maps (for debugging); off, so the source is not public. */
  serveSourceMaps: boolean
  /** JSON lines for log collectors, or text; by default text in a terminal and JSON otherwise. */
  logFormat: 'json' | 'text' | 'auto'
  /** PostgreSQL (postgres://…) instead of the SQLite file in `dataDir`; shared by many servers. */
  databaseUrl: string | null
  /** Redis (redis://…) through which servers holding the same map pass its updates. */
  redisUrl: string | null
  /** Behind a reverse proxy: rate limits count the address it adds to X-Forwarded-For. */
  trustProxy: boolean
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: path.resolve('data'),
  clientDir: null,
  maxFrameBytes: 2 * 1024 * 1024,
  idleRoomMs: 30_000,
  compactAfterUpdates: 500,
  pingIntervalMs: 30_000,
  maxNoteChars: 1000,
  maxNotes: 2000,
  maxMapBytes: 16 * 1024 * 1024,
  maxRooms: 5000,
  maxMessagesPerSecond: 100,
  maxPresenceBytes: 4096,
  retentionDays: 0,
  maxDbBytes: 'auto',
  maxMapsPerHour: 60,
  maxWriteBytesPerHour: 16 * 1024 * 1024,
  maxConnectionsPerAddress: 200,
  metricsPort: 0,
  metricsHost: '127.0.0.1',
  metricsToken: null,
  serveSourceMaps: false,
  logFormat: 'auto',
  databaseUrl: null,
  redisUrl: null,
  trustProxy: false,
}

/** Flags with a whole-number value: flag name, environment variable, config field. */
const NUMBER_OPTIONS = [
  ['max-frame-bytes', 'MAX_FRAME_BYTES', 'maxFrameBytes'],
  ['max-note-chars', 'MAX_NOTE_CHARS', 'maxNoteChars'],
  ['max-notes', 'MAX_NOTES', 'maxNotes'],
  ['max-map-bytes', 'MAX_MAP_BYTES', 'maxMapBytes'],
  ['max-rooms', 'MAX_ROOMS', 'maxRooms'],
  ['max-messages-per-second', 'MAX_MESSAGES_PER_SECOND', 'maxMessagesPerSecond'],
  ['max-presence-bytes', 'MAX_PRESENCE_BYTES', 'maxPresenceBytes'],
  ['retention-days', 'RETENTION_DAYS', 'retentionDays'],
  ['max-maps-per-hour', 'MAX_MAPS_PER_HOUR', 'maxMapsPerHour'],
  ['max-write-bytes-per-hour', 'MAX_WRITE_BYTES_PER_HOUR', 'maxWriteBytesPerHour'],
  ['max-connections-per-address', 'MAX_CONNECTIONS_PER_ADDRESS', 'maxConnectionsPerAddress'],
  ['metrics-port', 'METRICS_PORT', 'metricsPort'],
  ['compact-after-updates', 'COMPACT_AFTER_UPDATES', 'compactAfterUpdates'],
  ['idle-room-ms', 'IDLE_ROOM_MS', 'idleRoomMs'],
] as const

function toInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a whole number >= 0, got "${value}"`)
  }
  return parsed
}

/** What `--help` prints: every flag, with its environment variable; the README explains each. */
export function usage(): string {
  const flags = [
    ['port', 'PORT'],
    ['host', 'HOST'],
    ['data', 'DATA_DIR'],
    ['client', 'CLIENT_DIR'],
    ['log-format', 'LOG_FORMAT'],
    ['database-url', 'DATABASE_URL'],
    ['redis-url', 'REDIS_URL'],
    ['trust-proxy', 'TRUST_PROXY'],
    ['max-db-bytes', 'MAX_DB_BYTES'],
    ['metrics-host', 'METRICS_HOST'],
    ['metrics-token', 'METRICS_TOKEN'],
    ['serve-source-maps', 'SERVE_SOURCE_MAPS'],
    ...NUMBER_OPTIONS.map(([flag, variable]) => [flag, variable]),
  ]
  const lines = flags.map(([flag, variable]) => `  --${flag!.padEnd(30)} ${variable}`)
  return [
    'Usage: node dist/server/index.js [options]',
    'Options (each also read from the environment variable beside it; see the README):',
    ...lines,
  ].join('\n')
}

/** Reads flags first, then environment variables, then defaults; throws on a malformed value. */
export function parseConfig(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaults: Partial<ServerConfig> = {},
): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      data: { type: 'string', short: 'd' },
      client: { type: 'string' },
      'log-format': { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'max-db-bytes': { type: 'string' },
      'metrics-host': { type: 'string' },
      'metrics-token': { type: 'string' },
      'serve-source-maps': { type: 'boolean' },
      ...Object.fromEntries(NUMBER_OPTIONS.map(([flag]) => [flag, { type: 'string' as const }])),
    },
    strict: true,
  })
  const base = { ...DEFAULT_CONFIG, ...defaults }
  const port = toInt(values.port ?? env.PORT, 'port', base.port)
  if (port > 65535) throw new Error(`port must be at most 65535, got ${port}`)
  const numbers = Object.fromEntries(
    NUMBER_OPTIONS.map(([flag, variable, field]) => {
      const given = (values as Record<string, string | boolean | undefined>)[flag]
      return [field, toInt(typeof given === 'string' ? given : env[variable], flag, base[field])]
    }),
  ) as Pick<ServerConfig, (typeof NUMBER_OPTIONS)[number][2]>
  if (numbers.metricsPort > 65535) throw new Error('metrics-port must be at most 65535')
  const dbBytes = values['max-db-bytes'] ?? env.MAX_DB_BYTES
  const maxDbBytes =
    dbBytes === undefined || dbBytes === ''
      ? base.maxDbBytes
      : dbBytes === 'auto'
        ? 'auto'
        : toInt(dbBytes, 'max-db-bytes', 0)
  const metricsToken = values['metrics-token'] ?? env.METRICS_TOKEN ?? base.metricsToken
  if (metricsToken && metricsToken.length < 16) {
    throw new Error('metrics-token must be at least 16 characters')
  }
  const logFormat = values['log-format'] ?? env.LOG_FORMAT ?? base.logFormat
  if (logFormat !== 'json' && logFormat !== 'text' && logFormat !== 'auto') {
    throw new Error(`log-format must be json, text or auto, got "${logFormat}"`)
  }
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL ?? base.databaseUrl
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('database-url must start with postgres:// or postgresql://')
  }
  const redisUrl = values['redis-url'] ?? env.REDIS_URL ?? base.redisUrl
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error('redis-url must start with redis:// or rediss://')
  }
  return {
    ...base,
    ...numbers,
    logFormat,
    databaseUrl: databaseUrl || null,
    redisUrl: redisUrl || null,
    trustProxy: values['trust-proxy'] ?? (env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true'),
    maxDbBytes,
    metricsHost: values['metrics-host'] ?? env.METRICS_HOST ?? base.metricsHost,
    metricsToken: metricsToken || null,
    serveSourceMaps:
      values['serve-source-maps'] ??
      (env.SERVE_SOURCE_MAPS === '1' || env.SERVE_SOURCE_MAPS === 'true' || base.serveSourceMaps),
    port,
    host: typeof values.host === 'string' ? values.host : (env.HOST ?? base.host),
    dataDir: path.resolve(
      typeof values.data === 'string' ? values.data : (env.DATA_DIR ?? base.dataDir),
    ),
    clientDir:
      typeof values.client === 'string' ? values.client : (env.CLIENT_DIR ?? base.clientDir),
  }
}
