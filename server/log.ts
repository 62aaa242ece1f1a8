import { createHash } from 'node:crypto'

/**
 * The server's log: one JSON object per line (time, level, msg and plain fields) for log
 * collectors, or readable text in a terminal. Callers pass counts and hashed room names only,
 * never a room id, key, token or note text; errors are logged by their message.
 */
export type LogFormat = 'json' | 'text'
type Level = 'info' | 'warn' | 'error'
type Fields = Record<string, string | number | boolean | undefined>

let format: LogFormat = process.stdout.isTTY ? 'text' : 'json'

/** Sets the format of every line from now on; lines already written stay as they are. */
export function setLogFormat(chosen: LogFormat): void {
  format = chosen
}

function write(level: Level, msg: string, fields: Fields = {}): void {
  const stream = level === 'info' ? process.stdout : process.stderr
  const defined = Object.entries(fields).filter(([, value]) => value !== undefined)
  if (format === 'json') {
    const line = { time: new Date().toISOString(), level, msg, ...Object.fromEntries(defined) }
    stream.write(`${JSON.stringify(line)}\n`)
    return
  }
  const extra = defined.map(([key, value]) => `${key}=${String(value)}`).join(' ')
  stream.write(`${level === 'info' ? '' : `${level}: `}${msg}${extra ? ` (${extra})` : ''}\n`)
}

export const log = {
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
}

/** An error's message for the log (no stack, no data it may carry). */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** A short, non-reversible name for a room in logs: the room id itself is the key to the map. */
export function logName(room: string): string {
  return createHash('sha256').update(room).digest('hex').slice(0, 8)
}
