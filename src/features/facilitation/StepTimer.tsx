import { useEffect, useRef } from 'react'
import { useT } from '../../i18n'
import { timeLeft } from '../../map'
import { usePreferences } from '../../store/preferences'
import { useRoom } from '../../store/roomStore'
import { playChime } from './chime'
import { useServerNow } from './useNow'

function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * The step timer every screen shows, on the server's clock; a clear signal when time is up.
 * `compact` is the room's bar: the sound choice then has a short visible name.
 */
export function StepTimer({ compact = false }: { compact?: boolean }) {
  const t = useT()
  const timer = useRoom((state) => state.control.timer)
  const now = useServerNow(timer !== null && timer.endsAt !== null)
  const sound = usePreferences((state) => state.timerSound)
  const wasDone = useRef(true)

  const left = timer ? timeLeft(timer, now) : 0
  const done = timer !== null && left === 0
  const paused = timer !== null && timer.endsAt === null && !done

  useEffect(() => {
    if (done && !wasDone.current && sound) playChime()
    wasDone.current = done
  }, [done, sound])

  if (!timer) return null
  return (
    <div className={`step-timer${done ? ' is-done' : ''}${paused ? ' is-paused' : ''}`}>
      <p className="step-timer-clock" role="timer" aria-label={t('timer.label')}>
        {clock(left)}
        {paused && <span className="step-timer-state"> ({t('timer.paused')})</span>}
      </p>
      <p className="step-timer-done" role="status">
        {done ? t('timer.done') : ''}
      </p>
      <label className="choice small" title={compact ? t('timer.sound') : undefined}>
        <input
          type="checkbox"
          checked={sound}
          aria-label={compact ? t('timer.sound') : undefined}
          onChange={(event) => usePreferences.getState().setTimerSound(event.target.checked)}
        />
        <span>{t(compact ? 'timer.soundShort' : 'timer.sound')}</span>
      </label>
    </div>
  )
}
