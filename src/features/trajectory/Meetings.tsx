import { useEffect, useId, useRef, useState } from 'react'
import { useLang, useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { LIMITS, today } from '../../map'
import {
  keptScores,
  meetingOfToday,
  phaseScores,
  preparationBalance,
  type KeptScores,
  type Meeting,
  type NameAndSide,
} from '../../map/trajectory'
import { useRoom } from '../../store/roomStore'
import { useTrajectory } from '../../store/trajectory'
import { onePerPerson } from '../presence/PresenceList'
import { Field } from '../shared/Field'
import { formatDay } from '../shared/noteText'
import { useVersionView } from '../versions/state'
import { useVersions } from '../versions/useVersions'
import { phaseText } from './meetingText'
import { NameAndSideForm, useAttempt } from './TrajectoryPart'
import { trajectoryTexts } from './texts'

/** Working forms of the method, offered as suggestions; any other may be typed. */
const WORKING_FORMS = ['Partnerschapskaart', 'Hoofd, hart, buik', 'Rode draad', 'Terugkijken']

export function MeetingList() {
  const tt = useTexts(trajectoryTexts)
  const id = useId()
  const meetings = useTrajectory((state) => state.view.meetings)
  const facilitator = useRoom((state) => state.level === 'facilitator')
  // Several may be open at once: opening one never throws away what was typed in another.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const edit = (id: string, editing: boolean) =>
    setOpen((old) => {
      const next = new Set(old)
      if (editing) next.add(id)
      else next.delete(id)
      return next
    })
  const todays = meetingOfToday(meetings, today())
  return (
    <section className="trajectory-part" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{tt('meetings.title')}</h4>
      {meetings.length === 0 && <p className="hint">{tt('meetings.none')}</p>}
      <ol className="trajectory-meetings">
        {meetings.map((meeting, i) => (
          <MeetingItem
            key={meeting.id}
            meeting={meeting}
            number={i + 1}
            today={meeting.id === todays?.id}
            editing={open.has(meeting.id)}
            onEdit={(editing) => edit(meeting.id, editing)}
          />
        ))}
      </ol>
      {facilitator && <AddMeeting onAdded={(added) => edit(added, true)} />}
      <datalist id="trajectory-forms">
        {WORKING_FORMS.map((form) => (
          <option key={form} value={form} />
        ))}
      </datalist>
    </section>
  )
}

function AddMeeting({ onAdded }: { onAdded(id: string): void }) {
  const tt = useTexts(trajectoryTexts)
  const [date, setDate] = useState(today())
  const [theme, setTheme] = useState('')
  const [error, setError] = useState<string | null>(null)
  const attempt = useAttempt()
  return (
    <form
      className="trajectory-form trajectory-add-meeting"
      onSubmit={(event) => {
        event.preventDefault()
        let added: string | null = null
        const refused = attempt(() => {
          added = useTrajectory.getState().addMeeting({ date, theme })
        })
        setError(refused)
        if (added) {
          setTheme('')
          onAdded(added)
        }
      }}
    >
      <Field label={tt('meeting.date')} error={error}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={date}
            required
            onChange={(event) => setDate(event.target.value)}
          />
        )}
      </Field>
      <Field label={tt('meeting.theme')}>
        {(control) => (
          <input
            {...control}
            value={theme}
            maxLength={LIMITS.meetingTheme}
            onChange={(event) => setTheme(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary">
        {tt('meeting.add')}
      </button>
    </form>
  )
}

function MeetingItem({
  meeting,
  number,
  today: isToday,
  editing,
  onEdit,
}: {
  meeting: Meeting
  number: number
  /** The meeting of today: the round's scores are kept with this one. */
  today: boolean
  editing: boolean
  onEdit(editing: boolean): void
}) {
  const tt = useTexts(trajectoryTexts)
  const lang = useLang((state) => state.lang)
  const facilitator = useRoom((state) => state.level === 'facilitator')
  const show = useVersionView((state) => state.show)
  const shown = useRoom((state) => state.control.shownMeeting === meeting.id)
  const editButton = useRef<HTMLButtonElement>(null)
  const headingId = useId()
  return (
    <li className="trajectory-meeting" aria-labelledby={headingId}>
      <h5 id={headingId}>
        {tt('meeting.name', { number })}
        {meeting.date && <> · {formatDay(lang, meeting.date)}</>}
        {meeting.theme && <> · {meeting.theme}</>}
      </h5>
      {editing ? (
        <MeetingForm
          meeting={meeting}
          onDone={() => {
            onEdit(false)
            // Back where the edit began, once the button is there again.
            requestAnimationFrame(() => editButton.current?.focus())
          }}
        />
      ) : (
        <dl className="trajectory-facts">
          {meeting.form && (
            <>
              <dt>{tt('meeting.form')}</dt>
              <dd>{meeting.form}</dd>
            </>
          )}
          {meeting.prompt && (
            <>
              <dt>{tt('meeting.promptShown')}</dt>
              <dd className="trajectory-text">{meeting.prompt}</dd>
            </>
          )}
          <dt>{tt('meeting.report')}</dt>
          <dd className="trajectory-text">{meeting.report || tt('meeting.noReport')}</dd>
          {meeting.version !== null && (
            <>
              <dt>{tt('meeting.version')}</dt>
              <dd>
                <button
                  type="button"
                  onClick={() => show({ kind: 'one', number: meeting.version! })}
                >
                  {tt('meeting.openVersion', { number: meeting.version })}
                </button>
              </dd>
            </>
          )}
          <dt>{tt('scores.title')}</dt>
          <dd>
            <ScoresLine label={tt('scores.before')} scores={meeting.scoreBefore} />
            <ScoresLine label={tt('scores.after')} scores={meeting.scoreAfter} />
            {!meeting.scoreBefore && !meeting.scoreAfter && '–'}
          </dd>
        </dl>
      )}
      <Preparers meeting={meeting} editable={facilitator && editing} />
      {facilitator && !editing && (
        <div className="trajectory-actions">
          <button type="button" ref={editButton} onClick={() => onEdit(true)}>
            {tt('meeting.edit')}
          </button>
          <button
            type="button"
            aria-pressed={shown}
            aria-label={tt('screen.showLabel', { number })}
            onClick={() => useRoom.getState().setShownMeeting(shown ? null : meeting.id)}
          >
            {tt('screen.show')}
          </button>
          {isToday && <KeepScores meeting={meeting} />}
        </div>
      )}
    </li>
  )
}

function ScoresLine({ label, scores }: { label: string; scores: KeptScores | null }) {
  const tt = useTexts(trajectoryTexts)
  const lang = useLang((state) => state.lang)
  const phase = phaseScores(scores)
  if (!phase) return null
  return (
    <span className="trajectory-score">
      {label}: {phaseText(tt, lang, phase)}
    </span>
  )
}

function MeetingForm({ meeting, onDone }: { meeting: Meeting; onDone(): void }) {
  const form = useRef<HTMLFormElement>(null)
  // Opened (by Bewerken, or as a meeting just added): its first field takes the focus.
  useEffect(() => form.current?.querySelector('input')?.focus(), [])
  const tt = useTexts(trajectoryTexts)
  const { versions } = useVersions()
  const [fields, setFields] = useState({
    date: meeting.date || today(),
    theme: meeting.theme,
    form: meeting.form,
    prompt: meeting.prompt,
    report: meeting.report,
    version: meeting.version,
  })
  const [error, setError] = useState<string | null>(null)
  const attempt = useAttempt()
  const set = (change: Partial<typeof fields>) => setFields((old) => ({ ...old, ...change }))
  return (
    <form
      ref={form}
      className="trajectory-form"
      onSubmit={(event) => {
        event.preventDefault()
        const refused = attempt(() => useTrajectory.getState().updateMeeting(meeting.id, fields))
        setError(refused)
        if (!refused) onDone()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onDone()
        }
      }}
    >
      <Field label={tt('meeting.date')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={fields.date}
            required
            onChange={(event) => set({ date: event.target.value })}
          />
        )}
      </Field>
      <Field label={tt('meeting.theme')}>
        {(control) => (
          <input
            {...control}
            value={fields.theme}
            maxLength={LIMITS.meetingTheme}
            onChange={(event) => set({ theme: event.target.value })}
          />
        )}
      </Field>
      <Field label={tt('meeting.form')} hint={tt('meeting.formHint')}>
        {(control) => (
          <input
            {...control}
            value={fields.form}
            list="trajectory-forms"
            maxLength={LIMITS.workingForm}
            onChange={(event) => set({ form: event.target.value })}
          />
        )}
      </Field>
      <Field label={tt('meeting.prompt')}>
        {(control) => (
          <textarea
            {...control}
            value={fields.prompt}
            rows={2}
            maxLength={LIMITS.meetingPrompt}
            onChange={(event) => set({ prompt: event.target.value })}
          />
        )}
      </Field>
      <Field label={tt('meeting.report')}>
        {(control) => (
          <textarea
            {...control}
            value={fields.report}
            rows={4}
            maxLength={LIMITS.meetingReport}
            onChange={(event) => set({ report: event.target.value })}
          />
        )}
      </Field>
      <Field label={tt('meeting.version')}>
        {(control) => (
          <select
            {...control}
            value={fields.version ?? ''}
            onChange={(event) =>
              set({ version: event.target.value ? Number(event.target.value) : null })
            }
          >
            <option value="">{tt('meeting.noVersion')}</option>
            {(Array.isArray(versions) ? versions : []).map((version) => (
              <option key={version.number} value={version.number}>
                {[tt('meeting.versionOption', { number: version.number }), version.label]
                  .filter(Boolean)
                  .join(' · ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="trajectory-actions">
        <button type="submit" className="primary">
          {tt('meeting.save')}
        </button>
        <button type="button" onClick={onDone}>
          {tt('meeting.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(tt('meeting.removeConfirm'))) {
              useTrajectory.getState().removeMeeting(meeting.id)
            }
          }}
        >
          {tt('meeting.remove')}
        </button>
      </div>
    </form>
  )
}

/** Who prepares the next meeting, and whether formal and informal partners are in balance. */
function Preparers({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const t = useT()
  const tt = useTexts(trajectoryTexts)
  const presence = useRoom((state) => state.presence)
  const attempt = useAttempt()
  const { preparers } = meeting
  const balance = preparationBalance(preparers)
  const full = preparers.length >= LIMITS.preparers
  const save = (next: readonly NameAndSide[]) =>
    attempt(() => useTrajectory.getState().updateMeeting(meeting.id, { preparers: next }))
  const chosen = new Set(preparers.map((person) => person.name))
  const here = onePerPerson(presence)
    .map(({ participant }) => ({ name: participant.name, side: participant.side }))
    .filter((person) => person.name && !chosen.has(person.name))
  return (
    <div className="trajectory-prep">
      <h6>{tt('prep.title')}</h6>
      {editable && <p className="hint">{tt('prep.savedAtOnce')}</p>}
      {preparers.length === 0 ? (
        <p className="hint">{tt('prep.none')}</p>
      ) : (
        <ul className="trajectory-people">
          {preparers.map((person, i) => (
            <li key={`${person.name}-${i}`}>
              <span>
                {person.name} <span className="hint">({t(`side.${person.side}`)})</span>
              </span>
              {editable && (
                <button
                  type="button"
                  className="quiet"
                  aria-label={tt('prep.remove', { name: person.name })}
                  onClick={() => save(preparers.filter((_, j) => j !== i))}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {balance.verdict !== 'empty' && (
        <p
          className={
            balance.verdict === 'balanced' ? 'trajectory-balanced' : 'trajectory-unbalanced'
          }
          role="status"
        >
          {tt('prep.counts', { formal: balance.formal, informal: balance.informal })}.{' '}
          {tt(`prep.${balance.verdict}`)}
        </p>
      )}
      {editable && (
        <>
          {here.length > 0 && !full && (
            <p className="trajectory-here">
              {tt('prep.fromRoom')}{' '}
              {here.map((person) => (
                <button
                  key={person.name}
                  type="button"
                  onClick={() => save([...preparers, person])}
                >
                  + {person.name}
                </button>
              ))}
            </p>
          )}
          <NameAndSideForm
            label={tt('prep.name')}
            button={tt('prep.add')}
            disabled={full}
            onAdd={(name, side) => save([...preparers, { name, side }])}
          />
          {full && <p className="hint">{tt('prep.tooMany', { max: LIMITS.preparers })}</p>}
        </>
      )}
    </div>
  )
}

/**
 * Keeps today's head-heart-gut scores with the meeting of today: counts from three answers on
 * only. Once it holds scores, the round can be emptied for the next meeting.
 */
function KeepScores({ meeting }: { meeting: Meeting }) {
  const tt = useTexts(trajectoryTexts)
  const pulse = useRoom((state) => state.view.pulse)
  const [kept, setKept] = useState(false)
  const any = keptScores(pulse, 'before') || keptScores(pulse, 'after')
  const holds = meeting.scoreBefore !== null || meeting.scoreAfter !== null
  // Once kept and the round emptied, say so rather than that nobody scored.
  if (!any)
    return kept ? (
      <p role="status">{tt('scores.cleared')}</p>
    ) : (
      <p className="hint">{tt('scores.nothing')}</p>
    )
  return (
    <>
      <button
        type="button"
        onClick={() => {
          useTrajectory.getState().keepScores(meeting.id)
          setKept(true)
        }}
      >
        {tt('scores.keep')}
      </button>
      {kept && <span role="status">{tt('scores.kept')}</span>}
      {holds && <ClearRound />}
    </>
  )
}

/**
 * Empties the map's head-heart-gut round once its scores are kept, so the next meeting does not
 * count who is not there any more. Asked twice: today's words go too.
 */
function ClearRound() {
  const tt = useTexts(trajectoryTexts)
  const [asking, setAsking] = useState(false)
  return (
    <div className="trajectory-clear">
      <p className="hint">{tt('scores.clearHint')}</p>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          {tt('scores.clear')}
        </button>
      ) : (
        <div role="group" aria-label={tt('scores.clearConfirm')}>
          <p>{tt('scores.clearConfirm')}</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              // Closed too, so nobody's form keeps last time's answer to save again.
              useRoom.getState().setPulse(null)
              useRoom.getState().clearPulse()
            }}
          >
            {tt('scores.clearYes')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {tt('meeting.cancel')}
          </button>
        </div>
      )}
    </div>
  )
}
