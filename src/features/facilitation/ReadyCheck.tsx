import { useT } from '../../i18n'
import type { ReadyStatus } from '../../sync/roomConnection'
import { useRoom } from '../../store/roomStore'
import { readyCounts } from '../../store/selectors'

/** Who is done with this step: everyone can say "klaar" or "pas"; every screen sees the count. */
export function ReadyCheck() {
  const t = useT()
  const presence = useRoom((state) => state.presence)
  const control = useRoom((state) => state.control)
  const level = useRoom((state) => state.level)

  const { done, passed, total, mine } = readyCounts(presence, control)

  function answer(status: ReadyStatus): void {
    useRoom.getState().setReady(mine === status ? null : status)
  }

  return (
    <div className="ready-check">
      <p className="ready-count" role="status">
        {t('ready.count', { done, total, passed })}
      </p>
      {level !== 'viewer' && (
        <div className="ready-buttons" role="group" aria-label={t('ready.question')}>
          <button type="button" aria-pressed={mine === 'klaar'} onClick={() => answer('klaar')}>
            {t('ready.klaar')}
          </button>
          <button type="button" aria-pressed={mine === 'pas'} onClick={() => answer('pas')}>
            {t('ready.pas')}
          </button>
        </div>
      )}
    </div>
  )
}
