import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useT } from '../../i18n'
import { LIMITS, PULSE_SCORES, type PulseEntry } from '../../map'
import { useRoom } from '../../store/roomStore'
import { prefersLessMotion } from '../board/motion'
import { Field } from '../shared/Field'
import { PULSE_MIN_ANSWERS, pulsePhase, pulseWords } from '../shared/pulseRules'
import { useTexts } from '../../i18n/bundle'
import { pulseTexts } from '../shared/pulseTexts'

type Phase = 'before' | 'after'

/**
 * The warm-up ("before") or closing ("after") round, while the facilitator has it open: the form
 * for this person, and what the room answered so far, without names.
 */
export function PulseRound() {
  const pt = useTexts(pulseTexts)
  const phase = useRoom((state) => state.control.pulse)
  const level = useRoom((state) => state.level)
  const following = useRoom(
    (state) => state.level === 'participant' && state.control.follow && !state.followPaused,
  )
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // The round opened: who follows the facilitator is brought to it, and hears its name.
    if (!phase || !following) return
    heading.current?.scrollIntoView?.({
      block: 'start',
      behavior: prefersLessMotion() ? 'auto' : 'smooth',
    })
    heading.current?.focus({ preventScroll: true })
  }, [phase, following])
  if (!phase) return null
  return (
    <section className="pulse-round" aria-labelledby="pulse-title">
      <h2 id="pulse-title" ref={heading} tabIndex={-1}>
        {pt(phase === 'before' ? 'pulse.titleBefore' : 'pulse.titleAfter')}
      </h2>
      <p>{pt(phase === 'before' ? 'pulse.introBefore' : 'pulse.introAfter')}</p>
      {level !== 'viewer' && <PulseForm key={phase} phase={phase} />}
      <PulseResults />
      {level === 'facilitator' && (
        <button type="button" onClick={() => useRoom.getState().setPulse(null)}>
          {pt('pulse.close')}
        </button>
      )}
    </section>
  )
}

function PulseForm({ phase }: { phase: Phase }) {
  const pt = useTexts(pulseTexts)
  const id = useId()
  const own = useRoom.getState().ownPulse()
  const [head, setHead] = useState(own?.head ?? '')
  const [heart, setHeart] = useState(own?.heart ?? '')
  const [gut, setGut] = useState(own?.gut ?? '')
  const [score, setScore] = useState<number | null>(own?.[phase] ?? null)
  const [saved, setSaved] = useState(false)

  function submit(event: FormEvent): void {
    event.preventDefault()
    const change: Partial<PulseEntry> = phase === 'before' ? { head, heart, gut } : {}
    useRoom.getState().writePulse({ ...change, [phase]: score })
    setSaved(true)
  }

  const field = (label: string, hint: string, value: string, set: (v: string) => void) => (
    <Field label={label} hint={hint}>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          value={value}
          maxLength={LIMITS.noteText}
          onChange={(event) => {
            set(event.target.value)
            setSaved(false)
          }}
        />
      )}
    </Field>
  )

  return (
    <form className="pulse-form" onSubmit={submit}>
      {phase === 'before' && (
        <>
          {field(pt('pulse.head'), pt('pulse.headHint'), head, setHead)}
          {field(pt('pulse.heart'), pt('pulse.heartHint'), heart, setHeart)}
          {field(pt('pulse.gut'), pt('pulse.gutHint'), gut, setGut)}
        </>
      )}
      <fieldset className="choices inline pulse-scores">
        <legend>{pt('pulse.score')}</legend>
        {PULSE_SCORES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-score`}
              value={value}
              checked={score === value}
              onChange={() => {
                setScore(value)
                setSaved(false)
              }}
            />
            <span>{value}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint">{pt('pulse.anonymous')}</p>
      <div className="actions">
        <button type="submit" className="primary">
          {pt('pulse.save')}
        </button>
        <span role="status" className="form-status">
          {saved ? pt('pulse.saved') : ''}
        </span>
      </div>
    </form>
  )
}

/** The distribution of scores before and after, and the words, in no particular order. */
function PulseResults() {
  const pt = useTexts(pulseTexts)
  const entries = useRoom((state) => state.view.pulse)
  const written = (key: 'head' | 'heart' | 'gut') =>
    entries.filter((entry) => entry[key] !== '').length
  return (
    <div className="pulse-results">
      {(['before', 'after'] as const).map((phase) => (
        <ScoreChart key={phase} phase={phase} />
      ))}
      {(['head', 'heart', 'gut'] as const).map((key) => {
        if (written(key) === 0) return null
        const words = pulseWords(entries, key)
        return (
          <div key={key} className="pulse-words">
            <h3>{pt(`pulse.${key}`)}</h3>
            {words ? (
              <ul>
                {words.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            ) : (
              <p className="pulse-chart-waiting">
                {pt('pulse.wordsTooFew', { min: PULSE_MIN_ANSWERS })}
              </p>
            )}
          </div>
        )
      })}
    </div>
  )
}

function ScoreChart({ phase }: { phase: Phase }) {
  const t = useT()
  const pt = useTexts(pulseTexts)
  const entries = useRoom((state) => state.view.pulse)
  const shown = pulsePhase(t, entries, phase)
  if (!shown) return null
  if (!shown.counts) {
    return (
      <p className="pulse-chart-waiting">
        <strong>{shown.title}:</strong> {shown.text}
      </p>
    )
  }
  const { counts } = shown
  const most = Math.max(...counts)
  return (
    <figure className="pulse-chart" data-phase={phase}>
      <figcaption>
        <strong>{shown.title}</strong> {shown.text}
      </figcaption>
      <ol className="pulse-bars">
        {counts.map((count, i) => (
          <li
            key={i}
            aria-label={pt('pulse.bar', { score: i + 1, count })}
            data-score={i + 1}
            data-count={count}
          >
            <span className="pulse-bar" style={{ height: `${(count / most) * 100}%` }} />
            <span className="pulse-score" aria-hidden="true">
              {i + 1}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  )
}

/** The facilitator's buttons to open the warm-up or the closing round. */
export function PulseControls() {
  const pt = useTexts(pulseTexts)
  const phase = useRoom((state) => state.control.pulse)
  const answered = useRoom((state) => state.view.pulse.length)
  return (
    <section className="pulse-controls" aria-labelledby="pulse-controls-title">
      <h2 id="pulse-controls-title">{pt('pulse.controls')}</h2>
      <p className="hint">{pt('pulse.controlsHint')}</p>
      <div className="actions">
        <button
          type="button"
          aria-pressed={phase === 'before'}
          onClick={() => useRoom.getState().setPulse(phase === 'before' ? null : 'before')}
        >
          {pt('pulse.openBefore')}
        </button>
        <button
          type="button"
          aria-pressed={phase === 'after'}
          onClick={() => useRoom.getState().setPulse(phase === 'after' ? null : 'after')}
        >
          {pt('pulse.openAfter')}
        </button>
      </div>
      {!phase && answered > 0 && (
        <details>
          <summary>{pt('pulse.results')}</summary>
          <PulseResults />
        </details>
      )}
    </section>
  )
}
