import { useId, useState } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { ACTION_STATUSES, LIMITS, type ActionStatus, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { Field } from '../shared/Field'
import { followUpTexts } from './texts'
import './followup.css'

/**
 * An action's follow-up: where it stands, when to look at it again, and the group's evaluation.
 * On a card (`live` false) it writes everything at once with "Opslaan". While the group looks
 * back together (`live`), the status and the day go to every screen as they are chosen, and the
 * evaluation when it is saved or the field is left, so nothing typed is lost on "Volgende".
 */
export function FollowUpForm({
  note,
  live = false,
  onDone,
}: {
  note: Note
  live?: boolean
  /** On a card: after saving or cancelling. */
  onDone?(): void
}) {
  const t = useT()
  const ft = useTexts(followUpTexts)
  const id = useId()
  const stored = note.followUp ?? { status: 'open' as const, lookAgain: '', evaluation: '' }
  // A change not written yet; what others write shows until this person changes it.
  const [status, setStatus] = useState<ActionStatus | null>(null)
  const [lookAgain, setLookAgain] = useState<string | null>(null)
  const [evaluation, setEvaluation] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const room = () => useRoom.getState()

  function write(changes: Parameters<ReturnType<typeof room>['setFollowUp']>[1]): boolean {
    const ok = room().setFollowUp(note.id, changes)
    if (ok) setSaved(true)
    return ok
  }

  function saveEvaluation(): void {
    if (evaluation === null) return
    if (write({ evaluation })) setEvaluation(null)
  }

  const shownStatus = status ?? stored.status
  const shownDay = lookAgain ?? stored.lookAgain
  const shownEvaluation = evaluation ?? stored.evaluation

  return (
    <form
      className={`followup-form${live ? ' is-live' : ''}`}
      aria-label={live ? undefined : ft('form.title', { note: note.label ?? '' })}
      onSubmit={(event) => {
        event.preventDefault()
        if (live) return saveEvaluation()
        const changes = {
          ...(status !== null && { status }),
          ...(lookAgain !== null && { lookAgain }),
          ...(evaluation !== null && { evaluation }),
        }
        if (Object.keys(changes).length === 0 || write(changes)) onDone?.()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onDone) {
          event.preventDefault()
          event.stopPropagation()
          onDone()
        }
      }}
    >
      <fieldset className="choices followup-statuses">
        <legend>{ft('form.status')}</legend>
        {ACTION_STATUSES.map((each) => (
          <label key={each} className={`choice followup-status is-${each}`}>
            <input
              type="radio"
              name={`${id}-status`}
              value={each}
              checked={shownStatus === each}
              aria-describedby={`${id}-${each}-hint`}
              onChange={() => {
                if (live) write({ status: each })
                else setStatus(each)
              }}
            />
            <span>
              {t(`status.${each}`)}
              <small id={`${id}-${each}-hint`}>{ft(`status.${each}.hint`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <Field label={ft('form.lookAgain')} hint={ft('form.lookAgainHint')}>
        {(control) => (
          <input
            {...control}
            type="date"
            min="2000-01-01"
            max="2199-12-31"
            value={shownDay}
            onChange={(event) => {
              const day = event.target.value
              if (live) write({ lookAgain: day })
              else setLookAgain(day)
            }}
          />
        )}
      </Field>
      <Field label={ft('form.evaluation')} hint={ft('form.evaluationHint')}>
        {(control) => (
          <textarea
            {...control}
            rows={live ? 4 : 3}
            maxLength={LIMITS.evaluation}
            value={shownEvaluation}
            onChange={(event) => {
              setEvaluation(event.target.value)
              setSaved(false)
            }}
            onBlur={live ? saveEvaluation : undefined}
          />
        )}
      </Field>
      <div className="actions">
        {/* Always there: a button that came and went would move what is under a finger. */}
        <button type="submit" className="primary">
          {ft('form.save')}
        </button>
        {!live && onDone && (
          <button type="button" onClick={onDone}>
            {ft('form.cancel')}
          </button>
        )}
        <span className="followup-saved" role="status">
          {live && saved && evaluation === null ? ft('form.saved') : ''}
        </span>
      </div>
    </form>
  )
}
