import { useT } from '../../i18n'
import type { Side } from '../../map'
import { useRoom } from '../../store/roomStore'
import { onePerPerson } from '../presence/PresenceList'

/** How many different people of each side are connected now (a person on two devices once). */
export function useRoomMix(): Record<Side, number> {
  const presence = useRoom((state) => state.presence)
  const mix = { formal: 0, informal: 0 }
  for (const { participant } of onePerPerson(presence)) mix[participant.side]++
  return mix
}

/**
 * The room's mix: formal and informal partners at the table now. The method asks for roughly
 * equal numbers, so a clear imbalance gets a gentle line, never a warning about anyone.
 */
export function RoomMix() {
  const t = useT()
  const mix = useRoomMix()
  const total = mix.formal + mix.informal
  if (total === 0) return null
  const uneven =
    total >= 3 && Math.max(mix.formal, mix.informal) > 2 * Math.min(mix.formal, mix.informal)
  return (
    <div className="room-mix">
      <p>
        <strong>{t('mix.title')}</strong>{' '}
        {t('mix.counts', { formal: mix.formal, informal: mix.informal })}
      </p>
      {uneven && <p className="hint">{t('mix.uneven')}</p>}
    </div>
  )
}
