/**
 * How far this device's clock is off from the server's, so every screen shows the same timer.
 * Measured once per room from one round trip; 0 when the server cannot be asked (offline).
 */
export async function measureClockOffset(): Promise<number> {
  try {
    const sent = Date.now()
    const response = await fetch('/api/time', { cache: 'no-store' })
    const received = Date.now()
    const { now } = (await response.json()) as { now: number }
    return Number.isFinite(now) ? now - (sent + received) / 2 : 0
  } catch {
    return 0
  }
}
