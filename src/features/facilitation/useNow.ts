import { useEffect, useState } from 'react'
import { useRoom } from '../../store/roomStore'

/** The server's time, re-read every `intervalMs` while `active`; for clocks that tick on screen. */
export function useServerNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => useRoom.getState().now())
  useEffect(() => {
    if (!active) return
    const tick = (): void => setNow(useRoom.getState().now())
    tick()
    const id = setInterval(tick, intervalMs)
    return () => clearInterval(id)
  }, [active, intervalMs])
  return now
}
