import {
  formOf,
  threadOf,
  type Board,
  type ColumnId,
  type ControlView,
  type Dot,
  type MapView,
  type NoteId,
  type ParticipantId,
  type VoteRules,
} from '../map'
import type { ConnectionState } from '../sync/connectionState'
import type { PresentPerson, ReadyStatus } from '../sync/roomConnection'
import type { AccessLevel } from './state'

/**
 * Pure readings of the store's state: the same input gives the same answer, so components and
 * actions ask the same rule and tests need no room.
 */

/**
 * Whether this person may add notes to a column, or move or edit notes into it, now. The lock
 * holds for every way of writing (the add button, drag, "Verplaats naar…", the edit form); the
 * server itself refuses viewers' writes and participants' changes to the facilitation state.
 */
export function mayWriteTo(
  control: Pick<ControlView, 'locked' | 'step' | 'activeColumns'>,
  level: AccessLevel,
  column: ColumnId,
): boolean {
  if (level === 'viewer') return false
  if (level === 'facilitator' || !control.locked || control.step < 0) return true
  return control.activeColumns.includes(column)
}

/**
 * The board on this person's screen: the one they chose to look at, else the working form the
 * facilitator put on screen, else the map's own board.
 */
export function sheetShown(state: {
  readonly view: Pick<MapView, 'board'>
  readonly control: Pick<ControlView, 'form'>
  readonly sheetChoice: string | null
}): Board {
  const { board } = state.view
  const kind = state.sheetChoice ?? state.control.form
  return (kind !== board.kind && formOf(board, kind)) || board
}

/**
 * What the heading can say of the map's title. A join link on a new device learns the title from
 * the server, and until the map has come from there an empty title is not yet a map without one:
 * it is `coming` while connecting, `offline` until the device is back, and `unknown` when the
 * server refused us (nothing will bring it). Only a map that has come, or one kept on this device
 * with a title, is `known` or `untitled`.
 */
export type TitleState = 'known' | 'coming' | 'offline' | 'unknown' | 'untitled'

export function titleState(state: {
  readonly view: { readonly meta: Pick<MapView['meta'], 'title'> }
  readonly synced: boolean
  readonly connection: Pick<ConnectionState, 'status'>
}): TitleState {
  if (state.view.meta.title) return 'known'
  if (state.synced) return 'untitled'
  const { status } = state.connection
  if (status === 'offline') return 'offline'
  return status === 'refused' ? 'unknown' : 'coming'
}

/** How many dots a person has left in an open round; never below zero. */
export function dotsLeft(rules: VoteRules, dots: readonly Dot[], participantId: ParticipantId) {
  const used = dots.filter((dot) => dot.participantId === participantId).length
  return Math.max(0, rules.dots - used)
}

/** The vote rule lives once, beside `castVote`; components ask it through here. */
export { voteRefusal } from '../map'

/** A person's dots on a note, and everyone's, in the dots that count. */
export function dotsOn(
  dots: readonly Dot[],
  noteId: NoteId,
  participantId: ParticipantId | null,
): { mine: number; total: number } {
  let mine = 0
  let total = 0
  for (const dot of dots) {
    if (dot.noteId !== noteId) continue
    total++
    if (dot.participantId === participantId) mine++
  }
  return { mine, total }
}

/** How far the room is with what runs now, in people (each once, however many devices). */
export interface RoomWork {
  readonly people: number
  /** People with at least one private draft (how many drafts and what they say stay theirs). */
  readonly writing: number
  /** People here who gave at least one dot in the open round. */
  readonly voted: number
}

export function roomWork(presence: readonly PresentPerson[], dots: readonly Dot[]): RoomWork {
  const drafts = new Map<string, number>()
  for (const person of presence) {
    const id = person.participant.id
    drafts.set(id, (drafts.get(id) ?? 0) + person.drafts)
  }
  const voters = new Set<string>(dots.map((dot) => dot.participantId))
  return {
    people: drafts.size,
    writing: [...drafts.values()].filter((count) => count > 0).length,
    voted: [...drafts.keys()].filter((id) => voters.has(id)).length,
  }
}

export interface ReadyCounts {
  readonly done: number
  readonly passed: number
  /** People in the room, each counted once however many devices they use. */
  readonly total: number
  /** This device's own answer for the current step and round. */
  readonly mine: ReadyStatus | null
}

/**
 * Who is done with this step: one answer per person, even on two devices; answers for another
 * step or round do not count.
 */
export function readyCounts(
  presence: readonly PresentPerson[],
  control: Pick<ControlView, 'readyRound' | 'step'>,
): ReadyCounts {
  const answers = new Map<string, ReadyStatus | null>()
  let mine: ReadyStatus | null = null
  for (const person of presence) {
    const mark = person.ready
    const current =
      mark && mark.round === control.readyRound && mark.step === control.step ? mark.status : null
    if (person.isMe) mine = current
    if (!answers.get(person.participant.id)) answers.set(person.participant.id, current)
  }
  const values = [...answers.values()]
  return {
    done: values.filter((status) => status === 'klaar').length,
    passed: values.filter((status) => status === 'pas').length,
    total: values.length,
    mine,
  }
}

export interface ThreadInputs {
  readonly threadNote: NoteId | null
  readonly control: Pick<ControlView, 'follow' | 'threadNote'>
  readonly level: AccessLevel
  readonly followPaused: boolean
  readonly view: Pick<MapView, 'notes' | 'linkIndex'>
}

/**
 * The golden thread to highlight: one's own choice, else the facilitator's on a screen that
 * follows; null when none, or when its note is gone.
 */
export function threadShown(state: ThreadInputs): ReadonlySet<NoteId> | null {
  const { threadNote, control, level, followPaused, view } = state
  const following = level === 'viewer' || (control.follow && !followPaused)
  const shared = level !== 'facilitator' && following ? control.threadNote : null
  const id = (threadNote ?? shared) as NoteId | null
  return id && view.notes.has(id) ? threadOf(id, view.linkIndex) : null
}

/** Whether two threads hold the same notes, so an unchanged thread keeps its identity. */
export function sameThread(a: ReadonlySet<NoteId> | null, b: ReadonlySet<NoteId> | null): boolean {
  if (a === null || b === null) return a === b
  return a.size === b.size && [...a].every((id) => b.has(id))
}
