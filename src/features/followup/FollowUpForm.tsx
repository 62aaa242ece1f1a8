import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import {
  ACTION_STATUSES,
  isCalendarDate,
  LIMITS,
  NO_FOLLOW_UP,
  type ActionStatus,
  type FollowUp,
  type Note,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { Field } from '../shared/Field'
import { shortText } from '../shared/noteText'
import { followUpTexts } from './texts'
import './followup.css'

/**
 * An action's follow-up: where it stands, when to look at it again, and the group's evaluation.
 * On a card (`live` false) it writes everything at once with "Opslaan". While the group looks
 * back together (`live`), the status goes to every screen as it is chosen, the day once it is a
 * whole date, and the evaluation when it is saved, the field is left or the group moves on.
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
  const stored = note.followUp ?? NO_FOLLOW_UP
  // A change not written yet; what others write shows until this person changes it.
  const [status, setStatus] = useState<ActionStatus | null>(null)
  const [lookAgain, setLookAgain] = useState<string | null>(null)
  const [evaluation, setEvaluation] = useState<string | null>(null)
  // The evaluation as it was stored when this person began to change it.
  const [base, setBase] = useState('')
  const [saved, setSaved] = useState(false)
  const firstChoice = useRef<HTMLFieldSetElement>(null)
  const room = () => useRoom.getState()

  function write(changes: Partial<FollowUp>): boolean {
    const ok = room().setFollowUp(note.id, changes)
    if (ok) setSaved(true)
    return ok
  }

  function saveEvaluation(): void {
    if (evaluation === null) return
    if (write({ evaluation })) setEvaluation(null)
  }

  // Looking back, the facilitator may move on while someone still types: what they typed is kept.
  const unsaved = useRef<string | null>(null)
  useEffect(() => {
    unsaved.current = live ? evaluation : null
  }, [live, evaluation])
  useEffect(
    () => () => {
      if (unsaved.current !== null) room().setFollowUp(note.id, { evaluation: unsaved.current })
    },
    [note.id],
  )

  useEffect(() => {
    // On a card the form is what the person asked for: they land on the status chosen now.
    if (!live) firstChoice.current?.querySelector<HTMLInputElement>('input:checked')?.focus()
  }, [live])

  const shownStatus = status ?? stored.status
  const shownDay = lookAgain ?? stored.lookAgain
  const shownEvaluation = evaluation ?? stored.evaluation
  const changedMeanwhile = evaluation !== null && stored.evaluation !== base

  function chooseDay(day: string): void {
    setLookAgain(day)
    // While typing, the field holds years like 0002 on the way to 2027: only a whole date goes out.
    if (live && isCalendarDate(day)) write({ lookAgain: day })
  }

  return (
    <form
      className={`followup-form${live ? ' is-live' : ''}`}
      aria-label={
        live ? undefined : ft('form.title', { note: note.label ?? shortText(note.text, 30) })
      }
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
      <fieldset className="choices followup-statuses" ref={firstChoice}>
        <legend>{ft('form.status')}</legend>
        {ACTION_STATUSES.map((each) => (
          <label key={each} className={`choice followup-status is-${each}`}>
            <input
              type="radio"
              name={`${id}-status`}
              value={each}
              checked={shownStatus === each}
              onChange={() => {
                if (live) write({ status: each })
                else setStatus(each)
              }}
            />
            <span>
              {t(`status.${each}`)}
              <small>{ft(`status.${each}.hint`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="followup-day">
        <Field label={ft('form.lookAgain')} hint={ft('form.lookAgainHint')}>
          {(control) => (
            <input
              {...control}
              type="date"
              min="2000-01-01"
              max="2199-12-31"
              value={shownDay}
              onChange={(event) => chooseDay(event.target.value)}
              onBlur={(event) => {
                // Emptied on purpose (not half typed): the day goes for everyone.
                if (live && event.target.value === '' && !event.target.validity.badInput) {
                  if (stored.lookAgain !== '') write({ lookAgain: '' })
                  setLookAgain(null)
                }
              }}
            />
          )}
        </Field>
        {shownDay !== '' && (
          <button
            type="button"
            className="quiet small"
            onClick={() => {
              setLookAgain('')
              if (live) write({ lookAgain: '' })
            }}
          >
            {ft('form.noDay')}
          </button>
        )}
      </div>
      <Field label={ft('form.evaluation')} hint={ft('form.evaluationHint')}>
        {(control) => (
          <textarea
            {...control}
            rows={live ? 4 : 3}
            maxLength={LIMITS.evaluation}
            value={shownEvaluation}
            onChange={(event) => {
              if (evaluation === null) setBase(stored.evaluation)
              setEvaluation(event.target.value)
              setSaved(false)
            }}
            onBlur={live ? saveEvaluation : undefined}
          />
        )}
      </Field>
      {changedMeanwhile && (
        <p className="followup-meanwhile" role="status">
          {ft('form.changedMeanwhile', { text: shortText(stored.evaluation || '—', 120) })}
        </p>
      )}
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
