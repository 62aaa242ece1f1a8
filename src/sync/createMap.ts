/** The secrets of a new map, made by the server; the facilitator keeps them on this device. */
export interface NewMapSecrets {
  roomId: string
  facilitatorKey: string
  viewerToken: string
}

/** Asks our server for a new map; throws with a short reason when it cannot. */
export async function requestNewMap(): Promise<NewMapSecrets> {
  const response = await fetch('/api/maps', { method: 'POST' })
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
  const response = await fetch(`/api/maps/${roomId}/join-code`, {
    method: open ? 'POST' : 'DELETE',
    headers: { 'X-Facilitator-Key': facilitatorKey },
  })
  if (!response.ok) throw new Error('server')
  if (!open) return null
  const { code } = (await response.json()) as { code?: string }
  if (!code) throw new Error('server')
  return code
}

/** The room a join code opens now; null for an unknown or closed code, throws when refused. */
export async function lookupJoinCode(code: string): Promise<string | null> {
  const response = await fetch(`/api/join/${encodeURIComponent(code)}`)
  if (response.status === 404) return null
  if (!response.ok) throw new Error(response.status === 429 ? 'too-many-tries' : 'server')
  const { roomId } = (await response.json()) as { roomId?: string }
  return roomId ?? null
}

/** Deletes a map for good on the server; only the facilitator key can. */
export async function requestDeleteMap(roomId: string, facilitatorKey: string): Promise<void> {
  const response = await fetch(`/api/maps/${roomId}`, {
    method: 'DELETE',
    headers: { 'X-Facilitator-Key': facilitatorKey },
  })
  if (!response.ok) throw new Error('server')
}
