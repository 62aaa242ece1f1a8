import { columnIds, DEFAULT_BOARD, type Board, type FormKind } from '../board'
import type { ColumnId, Direction, PulsePhase, Tempo } from '../schema'

export {
  DIRECTIONS,
  PULSE_PHASES,
  TEMPOS,
  type Direction,
  type PulsePhase,
  type Tempo,
} from '../schema'

/**
 * The facilitation state of a map: which step is active, the timer, locks, follow-me, votes. It
 * lives in a second document of the room that the server lets only facilitators write. Its
 * roots and the check of every field are in `shared/schema.ts` (`CONTROL_DOC`).
 */
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
  /**
   * The working form on screen (the task sorting); null for the map. While one is on, `step`,
   * `steps` and `activeColumns` are the form's, and the map's own step waits.
   */
  readonly form: FormKind | null
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
  /** Notes show their writers by name only, not by role ("de persoon voorop, niet de functie"). */
  readonly hideRoles: boolean
  /** A brainstorm runs: its rules show, and votes and "gedeeld" marks wait until it ends. */
  readonly brainstorm: boolean
  /** The warm-up or closing round ("hoofd, hart, buik") that is open; null when none is. */
  readonly pulse: PulsePhase | null
  /**
   * Looking back at the actions with the group: the one on screen (null: the summary). Null
   * when the group is not looking back.
   */
  readonly lookBack: { readonly note: string | null } | null
  /** The trajectory meeting (by id) whose report the big screen shows; null for none. */
  readonly shownMeeting: string | null
  /** The round of "Wie heeft hier invloed?" that is open; null when the question is not asked. */
  readonly influence: number | null
}

/**
 * The steps for a board, direction and tempo: "ruim" is one column per step; "kort" is the first
 * column alone, then all the others.
 */
export function stepsFor(
  direction: Direction,
  tempo: Tempo,
  board: Board = DEFAULT_BOARD,
): ColumnId[][] {
  const order = direction === 'fromValues' ? [...columnIds(board)] : [...columnIds(board)].reverse()
  return tempo === 'ruim' ? order.map((column) => [column]) : [[order[0]!], order.slice(1)]
}
