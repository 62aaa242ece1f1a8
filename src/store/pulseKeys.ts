/**
 * The key of this device's "hoofd, hart, buik" entry for a map, kept on the device only: the
 * document holds the entry under a fresh random key for every change, written by nobody the
 * device can be known by.
 */
const inPage = new Map<string, string>()

function storageKey(roomId: string): string {
  return `pk-pulse-${roomId}`
}

/** This device's pulse key for a map, null before its first entry; it never leaves the device. */
export function pulseKeyOf(roomId: string): string | null {
  try {
    return localStorage.getItem(storageKey(roomId)) ?? inPage.get(roomId) ?? null
  } catch {
    // No storage (a locked-down browser): the key lasts as long as the page.
    return inPage.get(roomId) ?? null
  }
}

/** Forgets the key of this device's pulse entry for a map (it was deleted). */
export function forgetPulseKey(roomId: string): void {
  inPage.delete(roomId)
  try {
    localStorage.removeItem(storageKey(roomId))
  } catch {
    // As above.
  }
}

/** Keeps the key of this device's pulse entry, in storage when it can and for the page anyway. */
export function keepPulseKey(roomId: string, key: string): void {
  inPage.set(roomId, key)
  try {
    localStorage.setItem(storageKey(roomId), key)
  } catch {
    // As above.
  }
}
