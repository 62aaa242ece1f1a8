import * as Y from 'yjs'
import { Origin, plainEntries } from './doc'
import { COLUMN_IDS, type ColumnId, type Direction, type PulsePhase, type Tempo } from './schema'

export {
  DIRECTIONS,
  PULSE_PHASES,
  TEMPOS,
  type Direction,
  type PulsePhase,
  type Tempo,
} from './schema'

/**
 * The facilitation state of a map: which step is active, the timer, locks, follow-me. It lives in
 * a second document of the room that the server lets only facilitators write.
 */
export type ControlDoc = Y.Doc

export interface TimerState {
  /** Length the facilitator set, for "start again". */
  readonly durationMs: number
  /** Server-clock moment it ends while running; null while paused or stopped. */
  readonly endsAt: number | null
  /** Time left while paused; null while running. */
  readonly remainingMs: number | null
}

export interface VoteState {
  /** Each vote the facilitator opens is a new round; dots of earlier rounds do not count. */
  readonly round: number
  readonly dots: number
  readonly onePerNote: boolean
  /** Open: people place dots. Closed: results show. */
  readonly open: boolean
}

export interface ControlView {
  readonly direction: Direction
  readonly tempo: Tempo
  /** Index into `steps`; -1 before the facilitator starts (every column open). */
  readonly step: number
  /** The columns of each step, in the order the group goes through them. */
  readonly steps: readonly (readonly ColumnId[])[]
  /** The columns of the current step; empty before the start. */
  readonly activeColumns: readonly ColumnId[]
  /** Columns outside the current step are closed for participants. */
  readonly locked: boolean
  /** Participants' screens follow the facilitator's step. */
  readonly follow: boolean
  readonly timer: TimerState | null
  readonly vote: VoteState | null
  /** Notes the group marked as shared ("gedeeld"). */
  readonly agreed: ReadonlySet<string>
  /** Show notes ordered by their dots once a vote is closed. */
  readonly sortByVotes: boolean
  /** Bumped by the facilitator to ask everyone's "klaar" or "pas" again. */
  readonly readyRound: number
  /** Write alone first: new notes stay on the writer's own device until the reveal. */
  readonly privateWriting: boolean
  /** Bumped at every reveal; each device then shares its drafts once. */
  readonly revealRound: number
  /** The last reveal shares drafts without their authors. */
  readonly revealAnonymous: boolean
  /** The short code that opens the map while joining is open; null when closed. */
  readonly joinCode: string | null
  /** The note the facilitator puts in the spotlight for everyone who follows; null for none. */
  readonly focusNote: string | null
  /** The note whose golden thread the facilitator shows on every following screen. */
  readonly threadNote: string | null
  /** A loose end the facilitator puts to the room ("which value does this serve?"). */
  readonly askNote: string | null
  /** The balance of voices per step shows on the shared screen too. */
  readonly showBalance: boolean
  /** The warm-up or closing round ("hoofd, hart, buik") that is open; null when none is. */
  readonly pulse: PulsePhase | null
}

function noteIdOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 64 ? value : null
}

export function createControlDoc(): ControlDoc {
  return new Y.Doc()
}

function stateOf(doc: ControlDoc): Y.Map<unknown> {
  return doc.getMap('facilitation')
}

/** Note ids the group agreed on; a map of its own so two marks at once both count. */
function agreedOf(doc: ControlDoc): Y.Map<unknown> {
  return doc.getMap('agreed')
}

/** The steps for a direction and tempo: "kort" is the first column alone, then the other four. */
export function stepsFor(direction: Direction, tempo: Tempo): ColumnId[][] {
  const order = direction === 'fromValues' ? [...COLUMN_IDS] : [...COLUMN_IDS].reverse()
  return tempo === 'ruim' ? order.map((column) => [column]) : [[order[0]!], order.slice(1)]
}

function wholeNumber(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

function isVote(value: unknown): value is VoteState {
  const v = value as VoteState
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.round) &&
    v.round >= 1 &&
    Number.isInteger(v.dots) &&
    v.dots >= 1 &&
    v.dots <= 20 &&
    typeof v.onePerNote === 'boolean' &&
    typeof v.open === 'boolean'
  )
}

function isTimer(value: unknown): value is TimerState {
  const t = value as TimerState
  return (
    typeof t === 'object' &&
    t !== null &&
    Number.isFinite(t.durationMs) &&
    t.durationMs > 0 &&
    (t.endsAt === null || Number.isFinite(t.endsAt)) &&
    (t.remainingMs === null || Number.isFinite(t.remainingMs))
  )
}

/** A plain view of the facilitation state; anything malformed falls back to its default. */
export function viewControl(doc: ControlDoc): ControlView {
  const raw = plainEntries(stateOf(doc))
  const agreed = new Set<string>()
  agreedOf(doc).forEach((value, key) => {
    if (value === true) agreed.add(key)
  })
  const direction: Direction = raw.direction === 'fromActions' ? 'fromActions' : 'fromValues'
  const tempo: Tempo = raw.tempo === 'kort' ? 'kort' : 'ruim'
  const steps = stepsFor(direction, tempo)
  const rawStep = typeof raw.step === 'number' && Number.isInteger(raw.step) ? raw.step : -1
  const step = Math.max(-1, Math.min(rawStep, steps.length - 1))
  return Object.freeze({
    direction,
    tempo,
    step,
    steps,
    activeColumns: step >= 0 ? steps[step]! : [],
    locked: raw.locked === true,
    follow: raw.follow === true,
    timer: isTimer(raw.timer) ? raw.timer : null,
    vote: isVote(raw.vote) ? raw.vote : null,
    agreed,
    sortByVotes: raw.sortByVotes === true,
    readyRound: wholeNumber(raw.readyRound),
    privateWriting: raw.privateWriting === true,
    revealRound: wholeNumber(raw.revealRound),
    revealAnonymous: raw.revealAnonymous === true,
    focusNote: noteIdOrNull(raw.focusNote),
    threadNote: noteIdOrNull(raw.threadNote),
    askNote: noteIdOrNull(raw.askNote),
    showBalance: raw.showBalance === true,
    pulse: raw.pulse === 'before' || raw.pulse === 'after' ? raw.pulse : null,
    joinCode:
      typeof raw.joinCode === 'string' && /^[A-HJ-NP-Z2-9]{6}$/.test(raw.joinCode)
        ? raw.joinCode
        : null,
  })
}

/** Calls `onView` now and after every change of the facilitation state. */
export function observeControl(doc: ControlDoc, onView: (view: ControlView) => void): () => void {
  onView(viewControl(doc))
  const onUpdate = (): void => onView(viewControl(doc))
  doc.on('update', onUpdate)
  return () => doc.off('update', onUpdate)
}

function write(doc: ControlDoc, change: (state: Y.Map<unknown>) => void): void {
  doc.transact(() => change(stateOf(doc)), Origin.local)
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
export function setTempo(doc: ControlDoc, tempo: Tempo): void {
  const before = viewControl(doc)
  write(doc, (state) => {
    state.set('tempo', tempo)
    if (before.step < 0) return
    const current = before.activeColumns[0]!
    const steps = stepsFor(before.direction, tempo)
    state.set(
      'step',
      steps.findIndex((columns) => columns.includes(current)),
    )
  })
}

/** Goes to a step (clamped to the steps there are); -1 ends the guided part. */
export function goToStep(doc: ControlDoc, step: number): void {
  const { steps } = viewControl(doc)
  write(doc, (state) => state.set('step', Math.max(-1, Math.min(step, steps.length - 1))))
}

export function setLocked(doc: ControlDoc, locked: boolean): void {
  write(doc, (state) => state.set('locked', locked))
}

export function setFollow(doc: ControlDoc, follow: boolean): void {
  write(doc, (state) => state.set('follow', follow))
}

/** Starts (or restarts) the timer for `durationMs` from `now` (server clock). */
export function startTimer(doc: ControlDoc, durationMs: number, now: number): void {
  const duration = Math.max(1000, Math.min(durationMs, 4 * 60 * 60 * 1000))
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
  const { timer } = viewControl(doc)
  if (!timer || timer.endsAt === null) return
  write(doc, (state) =>
    state.set('timer', { ...timer, endsAt: null, remainingMs: timeLeft(timer, now) }),
  )
}

export function resumeTimer(doc: ControlDoc, now: number): void {
  const { timer } = viewControl(doc)
  if (!timer || timer.endsAt !== null) return
  write(doc, (state) =>
    state.set('timer', { ...timer, endsAt: now + (timer.remainingMs ?? 0), remainingMs: null }),
  )
}

/** Adds time to a running or paused timer (also to one that just ran out). */
export function extendTimer(doc: ControlDoc, extraMs: number, now: number): void {
  const { timer } = viewControl(doc)
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
  const { vote } = viewControl(doc)
  const round = (vote?.round ?? 0) + 1
  write(doc, (state) => {
    state.set('vote', { round, dots: Math.max(1, Math.min(20, dots)), onePerNote, open: true })
    state.set('sortByVotes', false)
  })
}

/** Closes the vote: dots stay as cast, and results show on every screen. */
export function closeVote(doc: ControlDoc): void {
  const { vote } = viewControl(doc)
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
  doc.transact(() => {
    if (agreed) agreedOf(doc).set(noteId, true)
    else agreedOf(doc).delete(noteId)
  }, Origin.local)
}

/** Asks everyone's "klaar" or "pas" anew. */
export function resetReady(doc: ControlDoc): void {
  const { readyRound } = viewControl(doc)
  write(doc, (state) => state.set('readyRound', readyRound + 1))
}

/** Turns writing alone first on or off. */
export function setPrivateWriting(doc: ControlDoc, on: boolean): void {
  write(doc, (state) => state.set('privateWriting', on))
}

/** Asks every device to share its drafts now (optionally without authors); private writing ends. */
export function revealDrafts(doc: ControlDoc, anonymous: boolean): void {
  const { revealRound } = viewControl(doc)
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

/** Opens the warm-up ("before") or closing ("after") round, or (null) closes it. */
export function setPulse(doc: ControlDoc, phase: PulsePhase | null): void {
  write(doc, (state) => (phase ? state.set('pulse', phase) : state.delete('pulse')))
}
