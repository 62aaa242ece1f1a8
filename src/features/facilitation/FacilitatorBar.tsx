import { useId, useState } from 'react'
import { useT } from '../../i18n'
import { DIRECTIONS, stepOf, stepsFor, TEMPOS, type Direction, type Tempo } from '../../map'
import { useRoom } from '../../store/roomStore'

/** A labelled checkbox in the facilitator's bar. */
function Toggle(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="choice small">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  )
}

/** The facilitator's controls: steps, direction, tempo, locks, follow-me and the timer. */
export function FacilitatorBar() {
  const t = useT()
  const id = useId()
  const control = useRoom((state) => state.control)
  const room = useRoom.getState()
  const [minutes, setMinutes] = useState(10)
  const [dots, setDots] = useState(3)
  const [onePerNote, setOnePerNote] = useState(false)
  const vote = control.vote
  const [anonymous, setAnonymous] = useState(false)
  const timer = control.timer
  const last = control.steps.length - 1
  // The card's step numbers, in the order this group goes through them (5, 4, ... from actions).
  const board = useRoom((state) => state.view.board)
  const order = stepsFor(control.direction, 'ruim', board).map(([column]) => stepOf(board, column!))

  return (
    <section className="facilitator-bar" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('facilitation.title')}
      </h2>
      <div className="facilitator-group" role="group" aria-label={t('facilitation.title')}>
        {control.step < 0 ? (
          <button type="button" className="primary" onClick={() => room.goToStep(0)}>
            {t('facilitation.start', { step: order[0]! })}
          </button>
        ) : (
          <>
            <button
              type="button"
              onClick={() => room.goToStep(control.step - 1)}
              disabled={control.step === 0}
            >
              {t('facilitation.previous')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => room.goToStep(control.step + 1)}
              disabled={control.step === last}
            >
              {t('facilitation.next')}
            </button>
            <button type="button" className="quiet" onClick={() => room.goToStep(-1)}>
              {t('facilitation.free')}
            </button>
          </>
        )}
      </div>
      <div className="facilitator-group">
        <label className="inline-field">
          <span>{t('facilitation.direction')}</span>
          <select
            value={control.direction}
            onChange={(event) => room.setDirection(event.target.value as Direction)}
          >
            {DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {t(`facilitation.${direction}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('facilitation.tempo')}</span>
          <select
            value={control.tempo}
            onChange={(event) => room.setTempo(event.target.value as Tempo)}
          >
            {TEMPOS.map((tempo) => (
              <option key={tempo} value={tempo}>
                {tempo === 'kort'
                  ? t('facilitation.kort', {
                      first: order[0]!,
                      from: order[1]!,
                      to: order.at(-1)!,
                    })
                  : t('facilitation.ruim')}
              </option>
            ))}
          </select>
        </label>
        <Toggle label={t('facilitation.lock')} checked={control.locked} onChange={room.setLocked} />
        <Toggle
          label={t('facilitation.follow')}
          checked={control.follow}
          onChange={room.setFollow}
        />
      </div>
      <div className="facilitator-group" role="group" aria-label={t('facilitation.timer')}>
        {timer === null ? (
          <>
            <label className="inline-field">
              <span>{t('facilitation.minutes')}</span>
              <input
                type="number"
                min={1}
                max={240}
                value={minutes}
                onChange={(event) => setMinutes(Math.max(1, Number(event.target.value) || 1))}
              />
            </label>
            <button type="button" onClick={() => room.startTimer(minutes)}>
              {t('facilitation.timerStart')}
            </button>
          </>
        ) : (
          <>
            {timer.endsAt !== null ? (
              <button type="button" onClick={() => room.pauseTimer()}>
                {t('facilitation.timerPause')}
              </button>
            ) : (
              <button type="button" onClick={() => room.resumeTimer()}>
                {t('facilitation.timerResume')}
              </button>
            )}
            <button type="button" onClick={() => room.extendTimer(1)}>
              {t('facilitation.timerExtend')}
            </button>
            <button type="button" className="quiet" onClick={() => room.stopTimer()}>
              {t('facilitation.timerStop')}
            </button>
          </>
        )}
      </div>
      <div className="facilitator-group" role="group" aria-label={t('drafts.private')}>
        <Toggle
          label={t('drafts.private')}
          checked={control.privateWriting}
          onChange={room.setPrivateWriting}
        />
        <Toggle label={t('drafts.anonymous')} checked={anonymous} onChange={setAnonymous} />
        <button type="button" onClick={() => room.revealDrafts(anonymous)}>
          {t('drafts.reveal')}
        </button>
      </div>
      <div className="facilitator-group" role="group" aria-label={t('vote.open')}>
        {vote?.open ? (
          <button type="button" className="primary" onClick={() => room.closeVote()}>
            {t('vote.close')}
          </button>
        ) : (
          <>
            <label className="inline-field">
              <span>{t('vote.dots')}</span>
              <input
                type="number"
                min={1}
                max={20}
                value={dots}
                onChange={(event) => setDots(Math.max(1, Number(event.target.value) || 1))}
              />
            </label>
            <Toggle label={t('vote.onePerNote')} checked={onePerNote} onChange={setOnePerNote} />
            <button type="button" onClick={() => room.openVote(dots, onePerNote)}>
              {t('vote.open')}
            </button>
          </>
        )}
        {vote && !vote.open && (
          <>
            <Toggle
              label={t('vote.sort')}
              checked={control.sortByVotes}
              onChange={room.setSortByVotes}
            />
            <button type="button" className="quiet" onClick={() => room.clearVote()}>
              {t('vote.clear')}
            </button>
          </>
        )}
        <button type="button" className="quiet" onClick={() => room.resetReady()}>
          {t('ready.reset')}
        </button>
      </div>
    </section>
  )
}
