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
}

function toInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a whole number >= 0, got "${value}"`)
  }
  return parsed
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
      'max-frame-bytes': { type: 'string' },
    },
    strict: true,
  })
  const base = { ...DEFAULT_CONFIG, ...defaults }
  const port = toInt(values.port ?? env.PORT, 'port', base.port)
  if (port > 65535) throw new Error(`port must be at most 65535, got ${port}`)
  return {
    ...base,
    port,
    host: values.host ?? env.HOST ?? base.host,
    dataDir: path.resolve(values.data ?? env.DATA_DIR ?? base.dataDir),
    clientDir: values.client ?? env.CLIENT_DIR ?? base.clientDir,
    maxFrameBytes: toInt(
      values['max-frame-bytes'] ?? env.MAX_FRAME_BYTES,
      'max-frame-bytes',
      base.maxFrameBytes,
    ),
  }
}
