import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { isOverdue, today, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { prefersLessMotion } from '../board/motion'
import { formatDay, ownerLine } from '../shared/noteText'
import { FollowUpForm } from './FollowUpForm'
import { followUpTexts } from './texts'
import { lookBackSummary, useLookBack, type LookBackPlace } from './useLookBack'
import './followup.css'

/*
 * Loaded when the facilitator starts looking back (see RoomPage and ViewerPage).
 */

/**
 * Looking back at the actions together, above the board on every device in the room: the action
 * the facilitator put on screen, with its status, day and evaluation that anyone at the table
 * can set; the facilitator moves on, ending with a summary.
 */
export function LookBackRound() {
  const ft = useTexts(followUpTexts)
  const place = useLookBack()
  const level = useRoom((state) => state.level)
  // The facilitator who opened it, and those who follow the facilitator, are brought to it.
  const brought = useRoom(
    (state) =>
      state.level === 'facilitator' ||
      (state.level === 'participant' && state.control.follow && !state.followPaused),
  )
  const heading = useRef<HTMLHeadingElement>(null)
  const opened = place !== null
  useEffect(() => {
    if (!opened || !brought) return
    // Never from under someone's fingers: who is typing keeps their place.
    if (document.activeElement?.closest('input, textarea, select, [contenteditable="true"]')) {
      return
    }
    heading.current?.scrollIntoView?.({
      block: 'start',
      behavior: prefersLessMotion() ? 'auto' : 'smooth',
    })
    heading.current?.focus({ preventScroll: true })
  }, [opened, brought])
  if (!place) return null
  const facilitator = level === 'facilitator'
  return (
    <section className="lookback-round" aria-labelledby="lookback-title">
      <h2 id="lookback-title" ref={heading} tabIndex={-1}>
        {ft('lookBack.title')}
      </h2>
      {!facilitator && <p className="hint">{ft('lookBack.led')}</p>}
      {place.actions.length === 0 ? (
        <p>{ft('lookBack.none')}</p>
      ) : place.summary ? (
        <LookBackSummary actions={place.actions} />
      ) : (
        <CurrentAction place={place} />
      )}
      {facilitator && <LookBackNavigation place={place} />}
    </section>
  )
}

function CurrentAction({ place }: { place: LookBackPlace }) {
  const ft = useTexts(followUpTexts)
  const { current } = place
  if (!current) return <p role="status">{ft('lookBack.gone')}</p>
  return (
    <div className="lookback-action">
      {/* Who follows with a screen reader hears where the group is and what the action says. */}
      <div role="status">
        <p className="lookback-position">
          {ft('lookBack.position', { index: place.index + 1, count: place.actions.length })}
        </p>
        <ActionText note={current} />
      </div>
      {/* A fresh form per action: nothing typed for one is written to the next. */}
      <FollowUpForm key={current.id} note={current} live />
    </div>
  )
}

/** Long actions get a smaller size on the big screen, so where they stand still fits below. */
function sizeFor(text: string): string {
  return text.length > 400 ? 'is-long' : text.length > 160 ? 'is-medium' : ''
}

/** The action as the group wrote it: its label and text, who does it and when. */
function ActionText({ note, large = false }: { note: Note; large?: boolean }) {
  const t = useT()
  const ft = useTexts(followUpTexts)
  const owner = ownerLine(t, note)
  const overdue = isOverdue(note.followUp, today())
  return (
    <div className={`lookback-text${large ? ` is-large ${sizeFor(note.text)}` : ''}`}>
      <p className="lookback-note">
        <span className="lookback-label">{note.label}</span> {note.text}
      </p>
      {owner && <p className="lookback-owner">{owner}</p>}
      {overdue && note.followUp && (
        <p className="lookback-overdue">
          {ft('lookBack.overdue')} ({formatDay(t.lang, note.followUp.lookAgain)})
        </p>
      )}
    </div>
  )
}

/**
 * The facilitator's way through: previous, next, then the summary; and stopping. Keyboard users
 * stay on the buttons as they change (one button goes back, one forward); after stopping they
 * are back at the activities menu they started from.
 */
function LookBackNavigation({ place }: { place: LookBackPlace }) {
  const ft = useTexts(followUpTexts)
  const nav = useRef<HTMLDivElement>(null)
  // Where the action on screen stood, for when someone deletes it: the group goes on from there.
  const [last, setLast] = useState(Math.max(0, place.index))
  if (place.index >= 0 && place.index !== last) setLast(place.index)
  const room = () => useRoom.getState()
  const { actions, summary } = place
  const at = place.index >= 0 ? place.index : last
  // Deleted: its place is taken by the one after it, which is next.
  const next = place.index >= 0 ? at + 1 : at
  const go = (note: Note | null | undefined) => {
    if (note === undefined) return
    room().setLookBack(note ? note.id : null)
    requestAnimationFrame(() => {
      if (nav.current?.contains(document.activeElement)) return
      nav.current?.querySelector<HTMLButtonElement>('button:not([aria-disabled="true"])')?.focus()
    })
  }
  const first = summary ? false : at <= 0
  return (
    <div className="actions lookback-nav" ref={nav}>
      {summary ? (
        actions.length > 0 && (
          <button key="back" type="button" onClick={() => go(actions[actions.length - 1])}>
            {ft('lookBack.backToActions')}
          </button>
        )
      ) : (
        <>
          <button
            key="back"
            type="button"
            aria-disabled={first}
            onClick={() => !first && go(actions[at - 1])}
          >
            {ft('lookBack.previous')}
          </button>
          <button
            key="forward"
            type="button"
            className="primary"
            onClick={() => go(next < actions.length ? actions[next] : null)}
          >
            {ft(next < actions.length ? 'lookBack.next' : 'lookBack.toSummary')}
          </button>
        </>
      )}
      <button
        key="stop"
        type="button"
        className="quiet"
        onClick={() => {
          room().setLookBack(false)
          requestAnimationFrame(() =>
            document.querySelector<HTMLButtonElement>('.activities-button')?.focus(),
          )
        }}
      >
        {ft('lookBack.stop')}
      </button>
    </div>
  )
}

/** How the actions stand: done out of all, the other counts, and what was let go with why. */
export function LookBackSummary({
  actions,
  large = false,
}: {
  actions: readonly Note[]
  large?: boolean
}) {
  const t = useT()
  const ft = useTexts(followUpTexts)
  const summary = lookBackSummary(actions)
  const { counts } = summary
  // The big screen never scrolls: each list shows its first few and counts the rest.
  const max = large ? 4 : Infinity
  const letGo = summary.letGo.slice(0, max)
  const overdue = summary.overdue.slice(0, max)
  const more = (all: readonly Note[], shown: readonly Note[]) =>
    all.length > shown.length && (
      <li className="lookback-more">{ft('lookBack.more', { count: all.length - shown.length })}</li>
    )
  return (
    <div className={`lookback-summary${large ? ' is-large' : ''}`}>
      <h3>{ft('lookBack.summaryTitle')}</h3>
      <p className="lookback-done">
        {ft('lookBack.summaryDone', { done: counts.gedaan, count: actions.length })}
      </p>
      <p className="lookback-counts">{ft('lookBack.summaryCounts', counts)}</p>
      {letGo.length > 0 && (
        <>
          <h4>{ft('lookBack.letGo')}</h4>
          <ul className="lookback-list">
            {letGo.map((note) => (
              <li key={note.id}>
                <span className="lookback-label">{note.label}</span> {note.text}
                <span className="lookback-why">
                  {note.followUp?.evaluation || ft('lookBack.noReason')}
                </span>
              </li>
            ))}
            {more(summary.letGo, letGo)}
          </ul>
        </>
      )}
      {overdue.length > 0 && (
        <>
          <h4>{ft('lookBack.overdue')}</h4>
          <ul className="lookback-list is-overdue">
            {overdue.map((note) => (
              <li key={note.id}>
                <span className="lookback-label">{note.label}</span> {note.text}
                <span className="lookback-why">
                  {t(`status.${note.followUp!.status}`)} ·{' '}
                  {t('followUp.overdue', { date: formatDay(t.lang, note.followUp!.lookAgain) })}
                </span>
              </li>
            ))}
            {more(summary.overdue, overdue)}
          </ul>
        </>
      )}
    </div>
  )
}

/**
 * The shared screen while the group looks back: the action large in the middle, where it stands
 * and what the group said, or the summary. Read only; it follows the facilitator.
 */
export function LookBackScreen() {
  const t = useT()
  const ft = useTexts(followUpTexts)
  const place = useLookBack()
  if (!place) return null
  const { current } = place
  return (
    <section className="vw-lookback" aria-labelledby="vw-lookback-title">
      <h2 id="vw-lookback-title" className="vw-lookback-title">
        {ft('lookBack.title')}
      </h2>
      <div className="vw-lookback-body">
        {place.actions.length === 0 ? (
          <p className="vw-lookback-none">{ft('lookBack.none')}</p>
        ) : place.summary ? (
          <LookBackSummary actions={place.actions} large />
        ) : current ? (
          <>
            <p className="vw-lookback-position">
              {ft('lookBack.position', { index: place.index + 1, count: place.actions.length })}
            </p>
            <ActionText note={current} large />
            <p className={`vw-lookback-status is-${current.followUp!.status}`}>
              {t(`status.${current.followUp!.status}`)}
              {current.followUp!.lookAgain &&
                ` · ${t('followUp.lookAgain', { date: formatDay(t.lang, current.followUp!.lookAgain) })}`}
            </p>
            <p className="vw-lookback-evaluation">
              {current.followUp!.evaluation || ft('lookBack.noEvaluation')}
            </p>
          </>
        ) : (
          <p>{ft('lookBack.gone')}</p>
        )}
      </div>
      {place.actions.length > 0 && <Progress place={place} />}
    </section>
  )
}

/** Every action's label and status in a row along the bottom: how far the group got. */
function Progress({ place }: { place: LookBackPlace }) {
  const t = useT()
  const ft = useTexts(followUpTexts)
  return (
    <ol className="vw-lookback-progress" aria-label={ft('lookBack.progress')}>
      {place.actions.map((note, i) => (
        <li
          key={note.id}
          className={`is-${note.followUp!.status}${i === place.index ? ' is-current' : ''}${isOverdue(note.followUp, today()) ? ' is-overdue' : ''}`}
          aria-current={i === place.index ? 'step' : undefined}
        >
          <span className="lookback-label">{note.label}</span>{' '}
          {t(`status.${note.followUp!.status}`)}
        </li>
      ))}
    </ol>
  )
}

/** The facilitator's start, in the activities menu. */
export function LookBackStart({ onStarted }: { onStarted(): void }) {
  const ft = useTexts(followUpTexts)
  const first = useLookBackFirst()
  return (
    <>
      <p className="hint">{ft(first ? 'lookBack.startHint' : 'lookBack.none')}</p>
      <button
        type="button"
        disabled={!first}
        onClick={() => {
          useRoom.getState().setLookBack(first)
          onStarted()
        }}
      >
        {ft('lookBack.start')}
      </button>
    </>
  )
}

/** The first action in the card's order; null for a map without actions (the summary then says so). */
function useLookBackFirst() {
  return useRoom((state) => {
    for (const column of state.view.board.columns) {
      if (column.owners && state.view.columns[column.id].length > 0) {
        return state.view.columns[column.id][0]!.id
      }
    }
    return null
  })
}
