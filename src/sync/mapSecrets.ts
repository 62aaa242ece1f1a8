const STORAGE_KEY = 'pk.secrets'

type Secrets = Record<string, { facilitatorKey: string; viewerToken?: string }>

function load(): Secrets {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    return typeof parsed === 'object' && parsed !== null ? (parsed as Secrets) : {}
  } catch {
    return {}
  }
}

/**
 * Keeps a facilitator's keys for a map on this device only. Whoever holds them facilitates: the
 * server checks the key, not a checkbox.
 */
export function rememberSecrets(
  roomId: string,
  secrets: { facilitatorKey: string; viewerToken?: string },
): void {
  const all = load()
  all[roomId] = { ...all[roomId], ...secrets }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all))
  } catch {
    // Storage refused: the facilitator link still works for this page.
  }
}

/** Forgets a map's keys on this device (the map was deleted). */
export function forgetSecrets(roomId: string): void {
  const all = load()
  delete all[roomId]
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all))
  } catch {
    // Storage refused: nothing was kept either.
  }
}

export function secretsFor(
  roomId: string,
): { facilitatorKey: string; viewerToken?: string } | null {
  const found = load()[roomId]
  return found && typeof found.facilitatorKey === 'string' ? found : null
}

/** Every map this device facilitates, with its keys (for the key file, see keyFile.ts). */
export function allSecrets(): { roomId: string; facilitatorKey: string; viewerToken?: string }[] {
  return Object.entries(load())
    .filter(([, found]) => found && typeof found.facilitatorKey === 'string')
    .map(([roomId, found]) => ({ roomId, ...found }))
}
