import { useCallback, useEffect, useState } from 'react'
import { useRoom } from '../../store/roomStore'
import type { CardVersionInfo } from '../../store/versionActions'

/** The open map's saved versions, fetched when shown and again on `refresh`. */
export function useVersions() {
  const roomId = useRoom((state) => state.roomId)
  const [versions, setVersions] = useState<CardVersionInfo[] | 'loading' | 'failed'>('loading')
  const refresh = useCallback(() => {
    if (roomId)
      useRoom
        .getState()
        .listVersions()
        .then(setVersions, () => setVersions('failed'))
  }, [roomId])
  useEffect(refresh, [refresh])
  return { versions, refresh }
}

/** "12 maart 2027" for a moment in time, in the reader's language. */
export function dayOf(lang: string, time: number): string {
  return new Date(time).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
}
