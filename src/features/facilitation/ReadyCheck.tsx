import { useT } from '../../i18n'
import type { ReadyStatus } from '../../sync/roomConnection'
import { useRoom } from '../../store/roomStore'

/** Who is done with this step: everyone can say "klaar" or "pas"; every screen sees the count. */
export function ReadyCheck() {
  const t = useT()
  const presence = useRoom((state) => state.presence)
  const control = useRoom((state) => state.control)
  const level = useRoom((state) => state.level)

  // One answer per person, even on two devices; stale answers (other step or round) do not count.
  const answers = new Map<string, ReadyStatus | null>()
  let mine: ReadyStatus | null = null
  for (const person of presence) {
    const mark = person.ready
    const current =
      mark && mark.round === control.readyRound && mark.step === control.step ? mark.status : null
    if (person.isMe) mine = current
    if (!answers.get(person.participant.id)) answers.set(person.participant.id, current)
  }
  const values = [...answers.values()]
  const done = values.filter((status) => status === 'klaar').length
  const passed = values.filter((status) => status === 'pas').length

  function answer(status: ReadyStatus): void {
    useRoom.getState().setReady(mine === status ? null : status)
  }

  return (
    <div className="ready-check">
      <p className="ready-count" role="status">
        {t('ready.count', { done, total: values.length, passed })}
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
