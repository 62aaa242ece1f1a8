import { CONTROL_DOC } from '../../../shared/schema'
import { DEFAULT_BOARD, formOf, type Board, type FormKind } from '../board'
import { createControlDoc, onChange, rootOf, type ControlDoc } from '../doc'
import { checkedFields, forEachChecked } from '../roots'
import type { Direction, PulsePhase, Tempo } from '../schema'
import { stepsFor, type ControlView, type TimerState, type VoteState } from './schema'

/** The facilitation fields, each one that passes the schema's check (the server's check too). */
export function facilitationFields(doc: ControlDoc) {
  return checkedFields(rootOf(doc, 'facilitation'), CONTROL_DOC, 'facilitation') as Partial<{
    direction: Direction
    tempo: Tempo
    step: number
    locked: boolean
    follow: boolean
    timer: TimerState
    vote: VoteState
    sortByVotes: boolean
    readyRound: number
    privateWriting: boolean
    revealRound: number
    revealAnonymous: boolean
    joinCode: string
    focusNote: string
    threadNote: string
    askNote: string
    showBalance: boolean
    hideRoles: boolean
    brainstorm: boolean
    pulse: PulsePhase
    lookBack: { note: string | null }
    shownMeeting: string
    influence: number
    form: { kind: FormKind; step: number }
  }>
}

/**
 * The steps the group goes through now and the step it is at: the working form's when one is on
 * (its own steps, or one column after the other), else the map's.
 */
export function currentSteps(doc: ControlDoc, board: Board = DEFAULT_BOARD) {
  const raw = facilitationFields(doc)
  const form = raw.form ? formOf(board, raw.form.kind) : undefined
  const direction = raw.direction ?? 'fromValues'
  const tempo = raw.tempo ?? 'ruim'
  const steps = form
    ? (form.steps?.map((step) => [...step]) ?? stepsFor('fromValues', 'ruim', form))
    : stepsFor(direction, tempo, board)
  const wanted = form ? raw.form!.step : (raw.step ?? -1)
  return {
    raw,
    direction,
    tempo,
    form: form ? (form.kind as FormKind) : null,
    steps,
    step: Math.max(-1, Math.min(wanted, steps.length - 1)),
  }
}

/**
 * A plain, frozen view of the facilitation state. A field that does not fit the schema falls
 * back to its default, so whatever a peer wrote, the view is whole.
 */
export function viewControl(doc: ControlDoc, board: Board = DEFAULT_BOARD): ControlView {
  const { raw, direction, tempo, form, steps, step } = currentSteps(doc, board)
  const agreed = new Set<string>()
  forEachChecked(rootOf(doc, 'agreed'), CONTROL_DOC, 'agreed', (key) => agreed.add(key))
  return Object.freeze({
    direction,
    tempo,
    form,
    step,
    steps,
    activeColumns: step >= 0 ? steps[step]! : [],
    locked: raw.locked === true,
    follow: raw.follow === true,
    timer: raw.timer ?? null,
    vote: raw.vote ?? null,
    agreed,
    sortByVotes: raw.sortByVotes === true,
    readyRound: raw.readyRound ?? 0,
    privateWriting: raw.privateWriting === true,
    revealRound: raw.revealRound ?? 0,
    revealAnonymous: raw.revealAnonymous === true,
    focusNote: raw.focusNote ?? null,
    threadNote: raw.threadNote ?? null,
    askNote: raw.askNote ?? null,
    showBalance: raw.showBalance === true,
    hideRoles: raw.hideRoles === true,
    brainstorm: raw.brainstorm === true,
    pulse: raw.pulse ?? null,
    lookBack: raw.lookBack ?? null,
    shownMeeting: raw.shownMeeting ?? null,
    influence: raw.influence ?? null,
    joinCode: raw.joinCode ?? null,
  })
}

/** Calls `onView` now and after every change of the facilitation state. */
export function observeControl(
  doc: ControlDoc,
  onView: (view: ControlView) => void,
  board: Board = DEFAULT_BOARD,
): () => void {
  onView(viewControl(doc, board))
  return onChange(doc, () => onView(viewControl(doc, board)))
}

/** The facilitation state before anything has loaded: every field at its default. */
export const EMPTY_CONTROL: ControlView = viewControl(createControlDoc())
