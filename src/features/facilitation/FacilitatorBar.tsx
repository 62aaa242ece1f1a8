import { useId, useState } from 'react'
import { useT } from '../../i18n'
import { shareTexts } from '../share/shareTexts'
import {
  DIRECTIONS,
  stepOf,
  stepsFor,
  TEMPOS,
  timeLeft,
  type Direction,
  type Tempo,
} from '../../map'
import { useServerNow } from './useNow'
import { useRoom } from '../../store/roomStore'
import { PulseControls } from '../pulse/Pulse'
import { InfluenceControls } from '../influence/Influence'
import { BrainstormControls } from '../brainstorm/Brainstorm'
import { TaskFormControls } from '../tasks/TaskForm'
import { taskTexts } from '../tasks/texts'
import { useTexts } from '../../i18n/bundle'
import { LookBackStart } from '../followup/LookBack'
import { followUpTexts } from '../followup/texts'
import { useDisclosure } from '../shared/useDisclosure'
import { useFocusHandoff } from '../shared/useFocusHandoff'
import { usePanel } from '../room/panel'
import { closingTexts, facilitatorTexts } from './texts'
import { activityTexts } from './activityTexts'

/** A labelled checkbox in the facilitator's controls. */
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

/**
 * After the last step: what a session ends with. The closing head-heart-gut round, the map as a
 * PDF (the group's agreements), and a reminder to agree when they look at them again.
 */
function Closing() {
  const ct = useTexts(closingTexts)
  const { buttonRef, panelRef, buttonProps, panelProps, close } = useDisclosure<HTMLDivElement>()
  const room = useRoom.getState()
  return (
    <div className="closing">
      <button type="button" className="primary" data-focus="next" ref={buttonRef} {...buttonProps}>
        {ct('closing.open')}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div
        className="activities-menu closing-menu"
        role="group"
        aria-label={ct('closing.title')}
        ref={panelRef}
        {...panelProps}
      >
        <p>{ct('closing.intro')}</p>
        <div className="activity-controls">
          <button
            type="button"
            onClick={() => {
              room.setPulse('after')
              close(true)
            }}
          >
            {ct('closing.pulse')}
          </button>
          <button
            type="button"
            onClick={() => {
              close(false)
              usePanel.getState().open('export')
            }}
          >
            {ct('closing.pdf')}
          </button>
        </div>
        <p className="hint">{ct('closing.next')}</p>
      </div>
    </div>
  )
}

/** A labelled whole number from 1 up to `max` in the facilitator's controls (minutes, dots). */
function Count(props: {
  label: string
  max: number
  value: number
  onChange(value: number): void
}) {
  return (
    <label className="inline-field">
      <span>{props.label}</span>
      <input
        type="number"
        min={1}
        max={props.max}
        value={props.value}
        onChange={(event) => props.onChange(Math.max(1, Number(event.target.value) || 1))}
      />
    </label>
  )
}

/** Previous and next step, or the first one; the step's name is in the bar beside them. */
function StepButtons() {
  const fa = useTexts(facilitatorTexts)
  const kt = useTexts(taskTexts)
  const control = useRoom((state) => state.control)
  const board = useRoom((state) => state.view.board)
  const room = useRoom.getState()
  const { root, handTo } = useFocusHandoff<HTMLDivElement>()
  const first = stepOf(board, stepsFor(control.direction, 'ruim', board)[0]![0]!)
  return (
    <div className="facilitator-group" ref={root}>
      {control.step < 0 ? (
        <button
          type="button"
          className="primary"
          data-focus="first-step"
          onClick={() => {
            handTo('next')
            room.goToStep(0)
          }}
        >
          {fa('facilitation.start', { step: first })}
        </button>
      ) : (
        <>
          <button
            type="button"
            onClick={() => room.goToStep(control.step - 1)}
            disabled={control.step === 0}
          >
            <span aria-hidden="true">‹ </span>
            {fa('facilitation.previous')}
          </button>
          {control.step < control.steps.length - 1 ? (
            <button
              type="button"
              className="primary"
              data-focus="next"
              onClick={() => room.goToStep(control.step + 1)}
            >
              {fa('facilitation.next')}
              <span aria-hidden="true"> ›</span>
            </button>
          ) : control.form ? (
            // The last step of a working form leads back to the map, where the group was.
            <button type="button" className="primary" onClick={() => room.setForm(null)}>
              {kt('tasks.end')}
            </button>
          ) : (
            <Closing />
          )}
        </>
      )}
    </div>
  )
}

/** Start, pause, lengthen and stop the step timer every screen shows. */
function TimerButtons() {
  const fa = useTexts(facilitatorTexts)
  const timer = useRoom((state) => state.control.timer)
  const room = useRoom.getState()
  const [minutes, setMinutes] = useState(10)
  // At 0:00 there is nothing to pause: lengthen or stop.
  const now = useServerNow(timer !== null && timer.endsAt !== null)
  const over = timer !== null && timeLeft(timer, now) === 0
  const { root, handTo } = useFocusHandoff<HTMLDivElement>()
  return (
    <div
      className="facilitator-group"
      role="group"
      aria-label={fa('facilitation.timer')}
      ref={root}
    >
      {timer === null ? (
        <>
          <Count
            key="minutes"
            label={fa('facilitation.minutes')}
            max={240}
            value={minutes}
            onChange={setMinutes}
          />
          <button
            type="button"
            key="start"
            data-focus="start"
            onClick={() => {
              handTo('pause')
              room.startTimer(minutes)
            }}
          >
            {fa('facilitation.timerStart')}
          </button>
        </>
      ) : (
        <>
          {over ? null : timer.endsAt !== null ? (
            <button
              type="button"
              key="pause"
              data-focus="pause"
              onClick={() => {
                handTo('resume')
                room.pauseTimer()
              }}
            >
              {fa('facilitation.timerPause')}
            </button>
          ) : (
            <button
              type="button"
              key="resume"
              data-focus="resume"
              onClick={() => {
                handTo('pause')
                room.resumeTimer()
              }}
            >
              {fa('facilitation.timerResume')}
            </button>
          )}
          <button type="button" key="extend" onClick={() => room.extendTimer(1)}>
            {fa('facilitation.timerExtend')}
          </button>
          <button
            type="button"
            key="stop"
            className="quiet"
            onClick={() => {
              handTo('start')
              room.stopTimer()
            }}
          >
            {fa('facilitation.timerStop')}
          </button>
        </>
      )}
    </div>
  )
}

/** The way through the card: direction, tempo, locks, following, and leaving the steps. */
function StepSettings() {
  const fa = useTexts(facilitatorTexts)
  const control = useRoom((state) => state.control)
  const board = useRoom((state) => state.view.board)
  const room = useRoom.getState()
  // The card's step numbers, in the order this group goes through them (5, 4, ... from actions).
  const order = stepsFor(control.direction, 'ruim', board).map(([column]) => stepOf(board, column!))
  return (
    <>
      <label className="inline-field">
        <span>{fa('facilitation.direction')}</span>
        <select
          value={control.direction}
          onChange={(event) => room.setDirection(event.target.value as Direction)}
        >
          {DIRECTIONS.map((direction) => (
            <option key={direction} value={direction}>
              {fa(`facilitation.${direction}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{fa('facilitation.tempo')}</span>
        <select
          value={control.tempo}
          onChange={(event) => room.setTempo(event.target.value as Tempo)}
        >
          {TEMPOS.map((tempo) => (
            <option key={tempo} value={tempo}>
              {tempo === 'kort'
                ? fa('facilitation.kort', { first: order[0]!, from: order[1]!, to: order.at(-1)! })
                : fa('facilitation.ruim')}
            </option>
          ))}
        </select>
      </label>
      <Toggle label={fa('facilitation.lock')} checked={control.locked} onChange={room.setLocked} />
      <Toggle
        label={fa('facilitation.follow')}
        checked={control.follow}
        onChange={room.setFollow}
      />
      <Toggle
        label={fa('facilitation.hideRoles')}
        checked={control.hideRoles}
        onChange={room.setHideRoles}
      />
      {control.step >= 0 && (
        <button
          type="button"
          className="quiet"
          onClick={() => {
            room.goToStep(-1)
            // This button goes with the steps; the way back into them is the bar's start button.
            requestAnimationFrame(() =>
              document
                .querySelector<HTMLElement>('.facilitator-tools [data-focus="first-step"]')
                ?.focus(),
            )
          }}
        >
          {fa('facilitation.free')}
        </button>
      )}
    </>
  )
}

/** Writing alone first, then showing every draft at once (with or without names). */
function PrivateWriting() {
  const t = useT()
  const at = useTexts(activityTexts)
  const privateWriting = useRoom((state) => state.control.privateWriting)
  const room = useRoom.getState()
  const [anonymous, setAnonymous] = useState(false)
  return (
    <>
      <Toggle
        label={t('drafts.private')}
        checked={privateWriting}
        onChange={room.setPrivateWriting}
      />
      {/* Showing all drafts at once only means something while people write alone. */}
      {privateWriting && (
        <>
          <Toggle label={at('drafts.anonymous')} checked={anonymous} onChange={setAnonymous} />
          <button type="button" onClick={() => room.revealDrafts(anonymous)}>
            {at('drafts.reveal')}
          </button>
        </>
      )}
    </>
  )
}

/** The dot vote: open it with a number of dots, close it to show the result, sort or clear it. */
function DotVote() {
  const at = useTexts(activityTexts)
  const vote = useRoom((state) => state.control.vote)
  const sortByVotes = useRoom((state) => state.control.sortByVotes)
  const room = useRoom.getState()
  const [dots, setDots] = useState(3)
  const [onePerNote, setOnePerNote] = useState(false)
  const { root, handTo } = useFocusHandoff<HTMLDivElement>()
  return (
    <div className="activity-controls" ref={root}>
      {vote?.open ? (
        <button
          type="button"
          key="close"
          className="primary"
          data-focus="close"
          onClick={() => {
            handTo('open')
            room.closeVote()
          }}
        >
          {at('vote.close')}
        </button>
      ) : (
        <>
          <Count key="dots" label={at('vote.dots')} max={20} value={dots} onChange={setDots} />
          <Toggle label={at('vote.onePerNote')} checked={onePerNote} onChange={setOnePerNote} />
          <button
            type="button"
            key="open"
            data-focus="open"
            onClick={() => {
              handTo('close')
              room.openVote(dots, onePerNote)
            }}
          >
            {at('vote.open')}
          </button>
          {vote && (
            <>
              <Toggle
                label={at('vote.sort')}
                checked={sortByVotes}
                onChange={room.setSortByVotes}
              />
              <button type="button" className="quiet" onClick={() => room.clearVote()}>
                {at('vote.clear')}
              </button>
            </>
          )}
        </>
      )}
    </div>
  )
}

/** One part of the activities menu, with its name. */
function MenuPart({
  title,
  bare = false,
  children,
}: {
  title: string
  /** The children bring their own `.activity-controls` box. */
  bare?: boolean
  children: React.ReactNode
}) {
  const id = useId()
  return (
    <section className="activity-part" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {bare ? children : <div className="activity-controls">{children}</div>}
    </section>
  )
}

/**
 * The facilitator's part of the room's bar: previous and next step, the timer, and one menu for
 * the activities (writing alone, dot vote, ready check, head-heart-gut, locks and following).
 */
/**
 * Before the steps start, the first thing a facilitator does is bring people in: one press opens
 * joining by code and shows the code and QR large in the Delen panel, with the big screen a
 * click away.
 */
function InviteButton() {
  const st = useTexts(shareTexts)
  const step = useRoom((state) => state.control.step)
  const codeOpen = useRoom((state) => state.control.joinCode !== null)
  if (step >= 0) return null
  return (
    <button
      type="button"
      className="invite-button"
      onClick={() => {
        usePanel.getState().open('share')
        if (!codeOpen) void useRoom.getState().setJoinOpen(true)
      }}
    >
      {st('share.invite')}
    </button>
  )
}

export function FacilitatorBar() {
  const t = useT()
  const at = useTexts(activityTexts)
  const fa = useTexts(facilitatorTexts)
  const ft = useTexts(followUpTexts)
  const {
    open: menuOpen,
    buttonRef,
    panelRef,
    buttonProps,
    panelProps,
    close,
  } = useDisclosure<HTMLDivElement>()
  const room = useRoom.getState()
  return (
    <div className="facilitator-tools" role="group" aria-label={fa('facilitation.title')}>
      <InviteButton />
      <StepButtons />
      <TimerButtons />
      <div className="activities">
        <button type="button" className="activities-button" ref={buttonRef} {...buttonProps}>
          {fa('facilitation.activities')}
          <span aria-hidden="true"> ▾</span>
        </button>
        {/* On a phone the menu is a sheet: a tap beside it closes it, and presses nothing else. */}
        {menuOpen && <div className="activities-backdrop" aria-hidden="true" />}
        <div
          className="activities-menu"
          ref={panelRef}
          role="group"
          aria-label={fa('facilitation.activities')}
          {...panelProps}
        >
          <MenuPart title={fa('facilitation.steps')}>
            <StepSettings />
          </MenuPart>
          <MenuPart title={t('drafts.private')}>
            <PrivateWriting />
          </MenuPart>
          <MenuPart title={at('vote.title')} bare>
            <DotVote />
          </MenuPart>
          <MenuPart title={at('ready.title')}>
            <button type="button" className="quiet" onClick={() => room.resetReady()}>
              {at('ready.reset')}
            </button>
          </MenuPart>
          <PulseControls />
          <InfluenceControls />
          <BrainstormControls />
          <TaskFormControls />
          <MenuPart title={ft('lookBack.title')}>
            <LookBackStart onStarted={() => close(false)} />
          </MenuPart>
          <button type="button" className="activities-close" onClick={() => close(true)}>
            {fa('facilitation.activitiesClose')}
          </button>
        </div>
      </div>
    </div>
  )
}
