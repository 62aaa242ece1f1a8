/**
 * The calls for saved versions of a map; they load with the versions part of the app, not with
 * the map (see `serverApi.ts` for the rest of the HTTP client).
 */
import { ApiPath, FACILITATOR_KEY_HEADER, type CardVersionInfo } from '../../shared/protocol'

export type { CardVersionInfo } from '../../shared/protocol'

/** Why the server did not save a version; the UI says it in words. */
export type VersionRefusal =
  'map-too-big' | 'too-many-versions' | 'too-many-saves' | 'empty-map' | 'bad-label' | 'server'

/** The map's saved versions, oldest first. */
export async function listVersions(roomId: string): Promise<CardVersionInfo[]> {
  const response = await fetch(ApiPath.versions(roomId), { cache: 'no-store' })
  if (!response.ok) throw new Error('server')
  const { versions } = (await response.json()) as { versions?: CardVersionInfo[] }
  if (!Array.isArray(versions)) throw new Error('server')
  return versions
}

/** Saves the map as it is stored now as its next version; only the facilitator key can. */
export async function saveVersion(
  roomId: string,
  facilitatorKey: string,
  label: string,
): Promise<CardVersionInfo | VersionRefusal> {
  const response = await fetch(ApiPath.versions(roomId), {
    method: 'POST',
    headers: { [FACILITATOR_KEY_HEADER]: facilitatorKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ label }),
  })
  const body = (await response.json().catch(() => ({}))) as {
    version?: CardVersionInfo
    error?: string
  }
  if (response.ok && body.version) return body.version
  const known = [
    'map-too-big',
    'too-many-versions',
    'too-many-saves',
    'empty-map',
    'bad-label',
  ] as const
  return known.find((error) => error === body.error) ?? 'server'
}

/** One saved version's two snapshots, as the server keeps them. */
export async function loadVersion(
  roomId: string,
  number: number,
): Promise<{ map: Uint8Array; control: Uint8Array }> {
  const response = await fetch(ApiPath.version(roomId, number))
  if (!response.ok) throw new Error('server')
  const body = (await response.json()) as { map?: unknown; control?: unknown }
  if (typeof body.map !== 'string' || typeof body.control !== 'string') throw new Error('server')
  const bytes = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
  return { map: bytes(body.map), control: bytes(body.control) }
}
