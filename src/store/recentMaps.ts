const STORAGE_KEY = 'pk.recent'
const MAX_RECENT = 12

export interface RecentMap {
  roomId: string
  title: string
  visitedAt: number
}

function isRecent(value: unknown): value is RecentMap {
  const v = value as RecentMap
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.roomId === 'string' &&
    typeof v.title === 'string' &&
    typeof v.visitedAt === 'number'
  )
}

/** Maps opened on this device, newest first. Kept only in this browser. */
export function loadRecentMaps(): RecentMap[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isRecent) : []
  } catch {
    return []
  }
}

function store(list: RecentMap[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list.slice(0, MAX_RECENT)))
  } catch {
    // Storage refused: the list is a convenience only.
  }
}

/** Puts a map first in this device's list, under its current title; the list keeps at most 12. */
export function rememberMap(roomId: string, title: string): void {
  const others = loadRecentMaps().filter((map) => map.roomId !== roomId)
  store([{ roomId, title, visitedAt: Date.now() }, ...others])
}

/** Takes a map off this device's list; the map itself is not touched. */
export function forgetMap(roomId: string): void {
  store(loadRecentMaps().filter((map) => map.roomId !== roomId))
}
