import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { LIMITS, SIDES, type Side } from '../../map'
import { TrajectoryError } from '../../map/trajectory'
import { useRoom } from '../../store/roomStore'
import { useTrajectory } from '../../store/trajectory'
import { Field } from '../shared/Field'
import { MeetingList } from './Meetings'
import { ScoreMovement } from './Movement'
import { ReportPart } from './report/ReportPart'
import { trajectoryTexts } from './texts'
import './trajectory.css'

/** Runs a change and turns a refusal into the words for it (null when it went through). */
export function useAttempt() {
  const tt = useTexts(trajectoryTexts)
  return (work: () => void): string | null => {
    try {
      work()
      return null
    } catch (error) {
      if (error instanceof TrajectoryError) return tt(`error.${error.code}`)
      throw error
    }
  }
}

/**
 * The trajectory in the side panel: the meetings this partnership carries its map through, who
 * prepares the next, and how the group's score moved. Anyone in the map reads it; only the
 * facilitator changes it.
 */
export function TrajectoryPart() {
  const tt = useTexts(trajectoryTexts)
  const facilitator = useRoom((state) => state.level === 'facilitator')
  const { status, view, deleted } = useTrajectory()

  useEffect(() => useTrajectory.getState().open(), [])

  return (
    <div className="trajectory">
      {status !== 'connected' && (
        <p className={status === 'refused' ? 'form-error' : 'hint'} role="status">
          {tt(`status.${status === 'deleted' ? 'connecting' : status}`)}
        </p>
      )}
      {deleted && !view.started && <DeletedNotice />}
      {!view.started ? (
        <>
          <p>{tt('intro')}</p>
          {facilitator && status === 'connected' ? <StartForm /> : <p>{tt('notStarted')}</p>}
        </>
      ) : (
        <>
          <TrajectoryTitle />
          <Partners />
          <MeetingList />
          <ScoreMovement />
          <ReportPart />
          {facilitator && <DeleteTrajectory />}
        </>
      )}
    </div>
  )
}

/** Said where the focus was: after a deletion, what was under it is gone. */
function DeletedNotice() {
  const tt = useTexts(trajectoryTexts)
  const notice = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) notice.current?.focus()
  }, [])
  return (
    <p role="status" tabIndex={-1} ref={notice}>
      {tt('deleted')}
    </p>
  )
}

function StartForm({ onDone }: { onDone?: () => void }) {
  const tt = useTexts(trajectoryTexts)
  const current = useTrajectory((state) => state.view.title)
  const mapTitle = useRoom((state) => state.view.meta.title)
  const [title, setTitle] = useState(current || mapTitle)
  const [error, setError] = useState<string | null>(null)
  const attempt = useAttempt()
  return (
    <form
      className="trajectory-form"
      onSubmit={(event) => {
        event.preventDefault()
        const refused = attempt(() => useTrajectory.getState().start(title))
        setError(refused)
        if (!refused) onDone?.()
      }}
    >
      <Field label={tt('start.title')} error={error}>
        {(control) => (
          <input
            {...control}
            value={title}
            maxLength={LIMITS.title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary">
        {tt(current ? 'meeting.save' : 'start.button')}
      </button>
    </form>
  )
}

function TrajectoryTitle() {
  const tt = useTexts(trajectoryTexts)
  const title = useTrajectory((state) => state.view.title)
  const facilitator = useRoom((state) => state.level === 'facilitator')
  const [renaming, setRenaming] = useState(false)
  if (renaming) return <StartForm onDone={() => setRenaming(false)} />
  return (
    <div className="trajectory-title">
      <h3>{title || tt('start.title')}</h3>
      {facilitator && (
        <button type="button" className="quiet" onClick={() => setRenaming(true)}>
          {tt('rename.button')}
        </button>
      )}
    </div>
  )
}

/** A name and a side: for a partner, and for someone who prepares a meeting. */
export function NameAndSideForm({
  label,
  button,
  onAdd,
  disabled = false,
}: {
  label: string
  button: string
  onAdd(name: string, side: Side): string | null
  disabled?: boolean
}) {
  const t = useT()
  const tt = useTexts(trajectoryTexts)
  const id = useId()
  const [name, setName] = useState('')
  const [side, setSide] = useState<Side>('informal')
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="trajectory-add"
      onSubmit={(event) => {
        event.preventDefault()
        const refused = onAdd(name, side)
        setError(refused)
        if (!refused) setName('')
      }}
    >
      <Field label={label} error={error}>
        {(control) => (
          <input
            {...control}
            value={name}
            maxLength={LIMITS.partnerName}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <fieldset className="choices trajectory-sides">
        <legend>{tt('partners.side')}</legend>
        {SIDES.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`${id}-side`}
              value={option}
              checked={side === option}
              onChange={() => setSide(option)}
            />
            <span>{t(`side.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={disabled}>
        {button}
      </button>
    </form>
  )
}

function Partners() {
  const t = useT()
  const tt = useTexts(trajectoryTexts)
  const id = useId()
  const partners = useTrajectory((state) => state.view.partners)
  const facilitator = useRoom((state) => state.level === 'facilitator')
  const attempt = useAttempt()
  return (
    <section className="trajectory-part" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{tt('partners.title')}</h4>
      {partners.length === 0 ? (
        <p className="hint">{tt('partners.none')}</p>
      ) : (
        <ul className="trajectory-people">
          {partners.map((partner) => (
            <li key={partner.id}>
              <span>
                {partner.name} <span className="hint">({t(`side.${partner.side}`)})</span>
              </span>
              {facilitator && (
                <button
                  type="button"
                  className="quiet"
                  aria-label={tt('partners.remove', { name: partner.name })}
                  onClick={() => useTrajectory.getState().removePartner(partner.id)}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {facilitator && (
        <>
          <p className="hint">{tt('partners.hint')}</p>
          <NameAndSideForm
            label={tt('partners.name')}
            button={tt('partners.add')}
            onAdd={(name, side) =>
              attempt(() => useTrajectory.getState().addPartner({ name, side }))
            }
          />
        </>
      )}
    </section>
  )
}

function DeleteTrajectory() {
  const tt = useTexts(trajectoryTexts)
  const id = useId()
  const [asking, setAsking] = useState(false)
  const [failed, setFailed] = useState(false)
  return (
    <section className="trajectory-part trajectory-delete" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{tt('delete.title')}</h4>
      <p className="hint">{tt('delete.intro')}</p>
      {!asking ? (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {tt('delete.button')}
        </button>
      ) : (
        <div role="group" aria-label={tt('delete.confirm')}>
          <p>{tt('delete.confirm')}</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              void useTrajectory
                .getState()
                .deleteTrajectory()
                .then((ok) => setFailed(!ok))
            }}
          >
            {tt('delete.yes')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {tt('meeting.cancel')}
          </button>
        </div>
      )}
      {failed && <p className="form-error">{tt('delete.failed')}</p>}
    </section>
  )
}
