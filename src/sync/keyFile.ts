import { isSecret } from '../../shared/protocol'

export const KEY_FILE_FORMAT = 'partnerschapskaart-sleutels'
const KEY_FILE_VERSION = 1
/** A facilitator of many partnerships still has far fewer maps than this. */
const MAX_MAPS = 500
const MAX_TITLE = 200
const MAX_CHARS = 300_000

/** One map in a key file: enough to open it as its facilitator, and its title to recognise it. */
export interface KeyFileMap {
  roomId: string
  title: string
  facilitatorKey: string
  viewerToken?: string
}

export type KeyFileProblem = 'not-json' | 'not-a-key-file' | 'invalid' | 'too-big'

/**
 * The facilitator's keys as a file: for every map, its id, title and keys; nothing about
 * notes or people. Whoever holds the file facilitates those maps, as with the facilitator link.
 */
export function keyFile(maps: readonly KeyFileMap[], savedAt: Date): string {
  return `${JSON.stringify(
    { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, savedAt: savedAt.toISOString(), maps },
    null,
    2,
  )}\n`
}

/** Reads a key file; anything foreign or broken is refused whole, with the reason. */
export function parseKeyFile(
  text: string,
): { ok: true; maps: KeyFileMap[] } | { ok: false; problem: KeyFileProblem } {
  if (text.length > MAX_CHARS) return { ok: false, problem: 'too-big' }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'not-json' }
  }
  const file = raw as { format?: unknown; version?: unknown; maps?: unknown }
  if (typeof raw !== 'object' || raw === null || file.format !== KEY_FILE_FORMAT) {
    return { ok: false, problem: 'not-a-key-file' }
  }
  if (file.version !== KEY_FILE_VERSION || !Array.isArray(file.maps)) {
    return { ok: false, problem: 'invalid' }
  }
  if (file.maps.length > MAX_MAPS) return { ok: false, problem: 'too-big' }
  const maps: KeyFileMap[] = []
  for (const entry of file.maps as unknown[]) {
    const map = entry as Partial<Record<keyof KeyFileMap, unknown>>
    if (typeof entry !== 'object' || entry === null) return { ok: false, problem: 'invalid' }
    const { roomId, title, facilitatorKey, viewerToken } = map
    if (typeof roomId !== 'string' || !isSecret(roomId)) return { ok: false, problem: 'invalid' }
    if (typeof facilitatorKey !== 'string' || !isSecret(facilitatorKey)) {
      return { ok: false, problem: 'invalid' }
    }
    if (viewerToken !== undefined && (typeof viewerToken !== 'string' || !isSecret(viewerToken))) {
      return { ok: false, problem: 'invalid' }
    }
    if (typeof title !== 'string' || title.length > MAX_TITLE) {
      return { ok: false, problem: 'invalid' }
    }
    maps.push({ roomId, title, facilitatorKey, ...(viewerToken ? { viewerToken } : {}) })
  }
  return { ok: true, maps }
}
