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
