import { keyFile, parseKeyFile, type KeyFileProblem } from '../sync/keyFile'
import { allSecrets, rememberSecrets } from '../sync/mapSecrets'
import { loadRecentMaps, rememberMap } from './recentMaps'

/*
 * A facilitator's keys outlive this browser's storage: saved to a file, restored on any device.
 * Loaded with the home page's key panel only.
 */

/** The key file for every map this device facilitates, titled as this device last saw them. */
export function keyFileOfThisDevice(now = new Date()): { text: string; count: number } {
  const titles = new Map(loadRecentMaps().map((map) => [map.roomId, map.title]))
  const maps = allSecrets().map((secrets) => ({
    ...secrets,
    title: titles.get(secrets.roomId) ?? '',
  }))
  return { text: keyFile(maps, now), count: maps.length }
}

/** Keeps the keys of a file on this device and lists its maps among those opened here. */
export function restoreKeyFile(
  text: string,
): { ok: true; count: number } | { ok: false; problem: KeyFileProblem } {
  const parsed = parseKeyFile(text)
  if (!parsed.ok) return parsed
  for (const map of [...parsed.maps].reverse()) {
    rememberSecrets(map.roomId, {
      facilitatorKey: map.facilitatorKey,
      ...(map.viewerToken ? { viewerToken: map.viewerToken } : {}),
    })
    rememberMap(map.roomId, map.title)
  }
  return { ok: true, count: parsed.maps.length }
}
