import type * as Y from 'yjs'
import { LIMITS } from '../../../shared/schema'
import { DEFAULT_BOARD, formOf, type Board, type FormKind } from '../board'
import { rootOf, transact, type ControlDoc } from '../doc'
import type { Direction, PulsePhase, Tempo } from '../schema'
import { stepsFor, type TimerState } from './schema'
import { currentSteps, facilitationFields } from './view'

export { createControlDoc, type ControlDoc } from '../doc'

/** The writers of the facilitation document; each change is one transaction. */
function stateOf(doc: ControlDoc): Y.Map<unknown> {
  return rootOf(doc, 'facilitation')
}

/** Note ids the group agreed on; a map of its own so two marks at once both count. */
function agreedOf(doc: ControlDoc): Y.Map<unknown> {
  return rootOf(doc, 'agreed')
}

function write(doc: ControlDoc, change: (state: Y.Map<unknown>) => void): void {
  transact(doc, () => change(stateOf(doc)))
}

/** Sets the direction; the group starts again from its first step. */
export function setDirection(doc: ControlDoc, direction: Direction): void {
  write(doc, (state) => {
    state.set('direction', direction)
    const step = state.get('step')
    if (typeof step === 'number' && step >= 0) state.set('step', 0)
  })
}

/** Sets the tempo, keeping the current column active where it can. */
export function setTempo(doc: ControlDoc, tempo: Tempo, board: Board = DEFAULT_BOARD): void {
  // The map's own steps, also while a working form is on screen.
  const { raw, direction } = currentSteps(doc, board)
  const before = stepsFor(direction, raw.tempo ?? 'ruim', board)
  const step = Math.min(raw.step ?? -1, before.length - 1)
  write(doc, (state) => {
    state.set('tempo', tempo)
    if (step < 0) return
    const current = before[step]![0]!
    const steps = stepsFor(direction, tempo, board)
    state.set(
      'step',
      steps.findIndex((columns) => columns.includes(current)),
    )
  })
}

/**
 * Goes to a step (clamped to the steps there are) of what is on screen: the working form's steps
 * while one is on, else the map's; -1 ends the guided part.
 */
export function goToStep(doc: ControlDoc, step: number, board: Board = DEFAULT_BOARD): void {
  const { steps, form } = currentSteps(doc, board)
  const clamped = Math.max(-1, Math.min(step, steps.length - 1))
  write(doc, (state) =>
    state.set(form ? 'form' : 'step', form ? { kind: form, step: clamped } : clamped),
  )
}

/**
 * Puts a working form of the map's board on everyone's screen at `step` (its first unless told),
 * or (null) takes it off: the map comes back at the step it was at.
 */
export function setForm(
  doc: ControlDoc,
  kind: FormKind | null,
  board: Board = DEFAULT_BOARD,
  step = 0,
): void {
  const form = kind === null ? undefined : formOf(board, kind)
  write(doc, (state) => {
    if (!form) state.delete('form')
    else {
      const last = (form.steps?.length ?? form.columns.length) - 1
      state.set('form', { kind, step: Math.max(0, Math.min(step, last)) })
    }
  })
}

export function setLocked(doc: ControlDoc, locked: boolean): void {
  write(doc, (state) => state.set('locked', locked))
}

export function setFollow(doc: ControlDoc, follow: boolean): void {
  write(doc, (state) => state.set('follow', follow))
}

/** Starts (or restarts) the timer for `durationMs` from `now` (server clock). */
export function startTimer(doc: ControlDoc, durationMs: number, now: number): void {
  const duration = Math.max(1000, Math.min(durationMs, LIMITS.timerMs))
  write(doc, (state) =>
    state.set('timer', { durationMs: duration, endsAt: now + duration, remainingMs: null }),
  )
}

/** Milliseconds left on a timer at `now`; never negative. */
export function timeLeft(timer: TimerState, now: number): number {
  if (timer.endsAt !== null) return Math.max(0, timer.endsAt - now)
  return Math.max(0, timer.remainingMs ?? 0)
}

export function pauseTimer(doc: ControlDoc, now: number): void {
  const { timer } = facilitationFields(doc)
  if (!timer || timer.endsAt === null) return
  write(doc, (state) =>
    state.set('timer', { ...timer, endsAt: null, remainingMs: timeLeft(timer, now) }),
  )
}

export function resumeTimer(doc: ControlDoc, now: number): void {
  const { timer } = facilitationFields(doc)
  if (!timer || timer.endsAt !== null) return
  write(doc, (state) =>
    state.set('timer', { ...timer, endsAt: now + (timer.remainingMs ?? 0), remainingMs: null }),
  )
}

/** Adds time to a running or paused timer (also to one that just ran out). */
export function extendTimer(doc: ControlDoc, extraMs: number, now: number): void {
  const { timer } = facilitationFields(doc)
  if (!timer) return
  const left = timeLeft(timer, now) + extraMs
  write(doc, (state) =>
    state.set(
      'timer',
      timer.endsAt === null
        ? { ...timer, remainingMs: left }
        : { ...timer, endsAt: now + left, remainingMs: null },
    ),
  )
}

export function stopTimer(doc: ControlDoc): void {
  write(doc, (state) => state.delete('timer'))
}

/** Opens a new voting round with `dots` per person. */
export function openVote(doc: ControlDoc, dots: number, onePerNote: boolean): void {
  const { vote } = facilitationFields(doc)
  const round = (vote?.round ?? 0) + 1
  write(doc, (state) => {
    state.set('vote', {
      round,
      dots: Math.max(1, Math.min(LIMITS.dots, dots)),
      onePerNote,
      open: true,
    })
    state.set('sortByVotes', false)
  })
}

/** Closes the vote: dots stay as cast, and results show on every screen. */
export function closeVote(doc: ControlDoc): void {
  const { vote } = facilitationFields(doc)
  if (vote) write(doc, (state) => state.set('vote', { ...vote, open: false }))
}

/** Clears the vote from view (the dots stay in the record of their round). */
export function clearVote(doc: ControlDoc): void {
  write(doc, (state) => {
    state.delete('vote')
    state.set('sortByVotes', false)
  })
}

export function setSortByVotes(doc: ControlDoc, sort: boolean): void {
  write(doc, (state) => state.set('sortByVotes', sort))
}

/** Marks a note as shared by the group ("gedeeld"), or takes the mark away. */
export function setAgreed(doc: ControlDoc, noteId: string, agreed: boolean): void {
  transact(doc, () => {
    if (agreed) agreedOf(doc).set(noteId, true)
    else agreedOf(doc).delete(noteId)
  })
}

/** Asks everyone's "klaar" or "pas" anew. */
export function resetReady(doc: ControlDoc): void {
  const { readyRound = 0 } = facilitationFields(doc)
  write(doc, (state) => state.set('readyRound', readyRound + 1))
}

/** Turns writing alone first on or off. */
export function setPrivateWriting(doc: ControlDoc, on: boolean): void {
  write(doc, (state) => state.set('privateWriting', on))
}

/** Asks every device to share its drafts now (optionally without authors); private writing ends. */
export function revealDrafts(doc: ControlDoc, anonymous: boolean): void {
  const { revealRound = 0 } = facilitationFields(doc)
  write(doc, (state) => {
    state.set('revealRound', revealRound + 1)
    state.set('revealAnonymous', anonymous)
    state.set('privateWriting', false)
  })
}

/** Shows (or, with null, hides) the join code on every screen; the server decides if it works. */
export function setJoinCode(doc: ControlDoc, code: string | null): void {
  write(doc, (state) => (code ? state.set('joinCode', code) : state.delete('joinCode')))
}

/** Puts a note in the spotlight on every following screen, or (null) takes it out. */
export function setFocusNote(doc: ControlDoc, noteId: string | null): void {
  write(doc, (state) => (noteId ? state.set('focusNote', noteId) : state.delete('focusNote')))
}

/** Shows a note's golden thread on every following screen, or (null) stops showing one. */
export function setThreadNote(doc: ControlDoc, noteId: string | null): void {
  write(doc, (state) => (noteId ? state.set('threadNote', noteId) : state.delete('threadNote')))
}

/** Puts a loose end to the room: the note goes in the spotlight with the question. */
export function setAskNote(doc: ControlDoc, noteId: string | null): void {
  write(doc, (state) => {
    if (noteId) {
      state.set('askNote', noteId)
      state.set('focusNote', noteId)
    } else {
      if (state.get('focusNote') === state.get('askNote')) state.delete('focusNote')
      state.delete('askNote')
    }
  })
}

export function setShowBalance(doc: ControlDoc, show: boolean): void {
  write(doc, (state) => state.set('showBalance', show))
}

/** A brainstorm lasts this long unless the facilitator changes the timer. */
export const BRAINSTORM_MS = 20 * 60 * 1000

/**
 * Starts a brainstorm with its timer (twenty minutes), or ends it: then the votes and "gedeeld"
 * marks show again and the timer stops.
 */
export function setBrainstorm(doc: ControlDoc, on: boolean, now: number): void {
  write(doc, (state) => {
    if (on) {
      state.set('brainstorm', true)
      state.set('timer', {
        durationMs: BRAINSTORM_MS,
        endsAt: now + BRAINSTORM_MS,
        remainingMs: null,
      })
    } else {
      state.delete('brainstorm')
      state.delete('timer')
    }
  })
}

/** Notes show their writers by name only (true), or by name and role. */
export function setHideRoles(doc: ControlDoc, hide: boolean): void {
  write(doc, (state) => (hide ? state.set('hideRoles', true) : state.delete('hideRoles')))
}

/** Opens the warm-up ("before") or closing ("after") round, or (null) closes it. */
export function setPulse(doc: ControlDoc, phase: PulsePhase | null): void {
  write(doc, (state) => (phase ? state.set('pulse', phase) : state.delete('pulse')))
}

/**
 * Looking back at the actions: `{ note }` puts that action on every screen, `{ note: null }` the
 * summary; null ends looking back.
 */
export function setLookBack(doc: ControlDoc, lookBack: { note: string | null } | null): void {
  write(doc, (state) => (lookBack ? state.set('lookBack', lookBack) : state.delete('lookBack')))
}

/** Asks "Wie heeft hier invloed?" as round `round`, or (null) stops asking. */
export function setInfluence(doc: ControlDoc, round: number | null): void {
  write(doc, (state) => (round ? state.set('influence', round) : state.delete('influence')))
}

/** Puts a trajectory meeting (what the group took along from it) on the big screen, or (null) takes it off. */
export function setShownMeeting(doc: ControlDoc, meeting: string | null): void {
  write(doc, (state) =>
    meeting ? state.set('shownMeeting', meeting) : state.delete('shownMeeting'),
  )
}
