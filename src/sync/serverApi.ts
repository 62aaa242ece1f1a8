/**
 * The whole HTTP client: every call this app makes to its own server besides the websocket.
 * Paths and headers are the protocol's, so the server's routes read the same ones.
 */
import { ApiPath, FACILITATOR_KEY_HEADER } from '../../shared/protocol'

/** The secrets of a new map, made by the server; the facilitator keeps them on this device. */
export interface NewMapSecrets {
  roomId: string
  facilitatorKey: string
  viewerToken: string
}

/** Asks our server for a new map; throws with a short reason when it cannot. */
export async function requestNewMap(): Promise<NewMapSecrets> {
  const response = await fetch(ApiPath.maps, { method: 'POST' })
  if (!response.ok) throw new Error(response.status === 429 ? 'too-many-maps' : 'server')
  const body = (await response.json()) as NewMapSecrets
  if (!body.roomId || !body.facilitatorKey || !body.viewerToken) throw new Error('server')
  return body
}

/** Opens (or closes) joining by short code; only the facilitator key can. Returns the code. */
export async function requestJoinCode(
  roomId: string,
  facilitatorKey: string,
  open: boolean,
): Promise<string | null> {
  const response = await fetch(ApiPath.joinCode(roomId), {
    method: open ? 'POST' : 'DELETE',
    headers: { [FACILITATOR_KEY_HEADER]: facilitatorKey },
  })
  if (!response.ok) throw new Error('server')
  if (!open) return null
  const { code } = (await response.json()) as { code?: string }
  if (!code) throw new Error('server')
  return code
}

/** The room a join code opens now; null for an unknown or closed code, throws when refused. */
export async function lookupJoinCode(code: string): Promise<string | null> {
  const response = await fetch(ApiPath.join(code))
  if (response.status === 404) return null
  if (!response.ok) throw new Error(response.status === 429 ? 'too-many-tries' : 'server')
  const { roomId } = (await response.json()) as { roomId?: string }
  return roomId ?? null
}

/** Deletes a map for good on the server; only the facilitator key can. */
export async function requestDeleteMap(roomId: string, facilitatorKey: string): Promise<void> {
  const response = await fetch(ApiPath.map(roomId), {
    method: 'DELETE',
    headers: { [FACILITATOR_KEY_HEADER]: facilitatorKey },
  })
  if (!response.ok) throw new Error('server')
}

/**
 * How far this device's clock is off from the server's, so every screen shows the same timer.
 * Measured once per room from one round trip; 0 when the server cannot be asked (offline).
 */
export async function measureClockOffset(): Promise<number> {
  try {
    const sent = Date.now()
    const response = await fetch(ApiPath.time, { cache: 'no-store' })
    const received = Date.now()
    const { now } = (await response.json()) as { now: number }
    return Number.isFinite(now) ? now - (sent + received) / 2 : 0
  } catch {
    return 0
  }
}
