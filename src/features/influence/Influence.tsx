import { ActivityToggle } from '../shared/ActivityToggle'
import { useId, useState, type FormEvent } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { LIMITS, POWER_HOLDERS, SIDES, stepOf, type PowerHolder, type Side } from '../../map'
import { INFLUENCE_MIN_ANSWERS, influenceBySide } from '../../map/influence'
import { useRoom } from '../../store/roomStore'
import { powerTexts } from '../power/texts'
import { influenceTexts } from './texts'

/*
 * "Wie heeft hier invloed?": the facilitator asks it at any step; everyone answers without a
 * name, and the answers show per side, side by side, on every screen. Loaded while it is asked.
 */

/** The question while it is open: the form for this person and the answers per side. */
export function InfluenceRound({ large = false }: { large?: boolean }) {
  const t = useT()
  const it = useTexts(influenceTexts)
  const round = useRoom((state) => state.control.influence)
  const level = useRoom((state) => state.level)
  const active = useRoom((state) => state.control.activeColumns)
  const board = useRoom((state) => state.view.board)
  if (round === null) return null
  return (
    <section
      className={`pulse-round influence-round${large ? ' is-large' : ''}`}
      aria-labelledby="influence-title"
    >
      <h2 id="influence-title">{it('influence.title')}</h2>
      {active.length === 1 && (
        <p className="influence-step">
          {it('influence.atStep', {
            number: stepOf(board, active[0]!),
            column: t(`column.${active[0]!}`),
          })}
        </p>
      )}
      {level !== 'viewer' && <InfluenceForm key={round} round={round} />}
      <div className="influence-sides">
        {SIDES.map((side) => (
          <SideAnswers key={side} round={round} side={side} short={large} />
        ))}
      </div>
      {level === 'facilitator' && (
        <button type="button" onClick={() => useRoom.getState().askInfluence(false)}>
          {it('influence.end')}
        </button>
      )}
    </section>
  )
}

function InfluenceForm({ round }: { round: number }) {
  const it = useTexts(influenceTexts)
  const pt = useTexts(powerTexts)
  const id = useId()
  const [holder, setHolder] = useState<PowerHolder | null>(null)
  const [words, setWords] = useState('')
  const [saved, setSaved] = useState(false)

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (holder) setSaved(useRoom.getState().answerInfluence(holder, words))
  }

  return (
    <form className="pulse-form influence-form" onSubmit={submit} data-round={round}>
      <p className="hint">{it('influence.intro')}</p>
      <fieldset className="choices">
        <legend>{it('influence.choose')}</legend>
        {POWER_HOLDERS.map((each) => (
          <label key={each} className="choice">
            <input
              type="radio"
              name={`${id}-holder`}
              checked={holder === each}
              onChange={() => {
                setHolder(each)
                setSaved(false)
              }}
            />
            <span>{pt(`power.holder.${each}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="influence-words">
        <span>{it('influence.words')}</span>
        <input
          type="text"
          value={words}
          maxLength={LIMITS.influenceWords}
          onChange={(event) => {
            setWords(event.target.value)
            setSaved(false)
          }}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={holder === null}>
          {it('influence.save')}
        </button>
        <span role="status" className="form-status">
          {saved ? it('influence.saved') : ''}
        </span>
      </div>
    </form>
  )
}

/** One side's answers: how many named each, and their words, once enough of that side answered. */
function SideAnswers({ round, side, short }: { round: number; side: Side; short: boolean }) {
  const it = useTexts(influenceTexts)
  const pt = useTexts(powerTexts)
  const answers = useRoom((state) => state.view.influence)
  const shown = influenceBySide(answers, round, side)
  const most = shown ? Math.max(1, ...Object.values(shown.counts)) : 1
  return (
    <section className="influence-side" data-side={side} aria-labelledby={`influence-${side}`}>
      <h3 id={`influence-${side}`}>{it(`influence.side.${side}`)}</h3>
      {shown ? (
        <>
          <p className="influence-count">{it('influence.answers', { count: shown.answers })}</p>
          <ul className="influence-bars">
            {POWER_HOLDERS.map((holder) => (
              <li key={holder} data-holder={holder} data-count={shown.counts[holder]}>
                <span className="influence-holder">
                  {it('influence.bar', {
                    // Two sides beside each other in the big screen's panel: short names there.
                    holder: pt(short ? `power.short.${holder}` : `power.holder.${holder}`),
                    count: shown.counts[holder],
                  })}
                </span>
                <span
                  className="influence-bar"
                  aria-hidden="true"
                  style={{ width: `${(shown.counts[holder] / most) * 100}%` }}
                />
              </li>
            ))}
          </ul>
          {shown.words.length > 0 && (
            <ul className="influence-said">
              {shown.words.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="pulse-chart-waiting">
          {it('influence.tooFew', { min: INFLUENCE_MIN_ANSWERS })}
        </p>
      )}
    </section>
  )
}

/** The facilitator's button to ask the question, or put it aside. */
export function InfluenceControls() {
  const it = useTexts(influenceTexts)
  const asked = useRoom((state) => state.control.influence !== null)
  return (
    <ActivityToggle
      title={it('influence.title')}
      hint={it('influence.askHint')}
      on={asked}
      label={it('influence.ask')}
      onToggle={() => useRoom.getState().askInfluence(!asked)}
    />
  )
}
