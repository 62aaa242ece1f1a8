import * as Y from 'yjs'
import type { Side } from '../../../shared/schema'
import type { TrajectoryDoc } from '../doc'

export type { TrajectoryDoc } from '../doc'

/** A new, empty trajectory document; it fills from the server once connected. */
export function createTrajectoryDoc(): TrajectoryDoc {
  return new Y.Doc() as unknown as TrajectoryDoc
}

/** A partner (an organisation or an informal group), or one who prepares a meeting. */
export interface NameAndSide {
  readonly name: string
  readonly side: Side
}

export interface Partner extends NameAndSide {
  readonly id: string
}

/**
 * One phase's scores as a meeting keeps them: how many answered, and how many gave each score
 * 1 to 10 (index 0 is score 1); the counts only from three answers on, null below that.
 */
export interface KeptScores {
  readonly answers: number
  readonly counts: readonly number[] | null
}

export interface Meeting {
  readonly id: string
  /** YYYY-MM-DD. */
  readonly date: string
  readonly theme: string
  /** A short piece of theory or a question to start with. */
  readonly prompt: string
  /** The working form used ("Partnerschapskaart", "Hoofd, hart, buik", ...). */
  readonly form: string
  /** What the group takes along to the next time. */
  readonly report: string
  /** The card's version saved at the end; null when none was linked. */
  readonly version: number | null
  /** Who prepares the next meeting. */
  readonly preparers: readonly NameAndSide[]
  readonly scoreBefore: KeptScores | null
  readonly scoreAfter: KeptScores | null
  readonly createdAt: number
}

export interface TrajectoryView {
  /** False until a facilitator starts one: the map is not in a trajectory yet. */
  readonly started: boolean
  /** When a facilitator started it (0 before). */
  readonly startedAt: number
  readonly title: string
  readonly partners: readonly Partner[]
  /** By date, then by when they were added. */
  readonly meetings: readonly Meeting[]
}

export const EMPTY_TRAJECTORY: TrajectoryView = Object.freeze({
  started: false,
  startedAt: 0,
  title: '',
  partners: [],
  meetings: [],
})

/** The Yjs document behind a handle, for this folder (the providers use `providerDoc`). */
export function trajectoryYDoc(doc: TrajectoryDoc): Y.Doc {
  return doc as unknown as Y.Doc
}
