import type { KeptScores, Meeting } from './model'

/** One phase of one meeting as the trajectory shows it: never below three answers. */
export interface PhaseScores {
  readonly answers: number
  /** Null when fewer than three answered (only the number of answers is kept then). */
  readonly average: number | null
  readonly counts: readonly number[] | null
}

export interface MeetingScores {
  readonly meeting: Meeting
  readonly before: PhaseScores | null
  readonly after: PhaseScores | null
}

/** One phase's kept scores with their average; null when nothing was kept. */
export function phaseScores(kept: KeptScores | null): PhaseScores | null {
  if (!kept) return null
  const { answers, counts } = kept
  const average =
    counts === null ? null : counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / answers
  return { answers, average, counts }
}

/**
 * How the group's score moved over the meetings, first to last: for each meeting that kept
 * scores, the number of answers and, from three answers on, the counts and the average. Never
 * per person: a meeting keeps nothing finer.
 */
export function scoreMovement(meetings: readonly Meeting[]): MeetingScores[] {
  return meetings
    .filter((meeting) => meeting.scoreBefore || meeting.scoreAfter)
    .map((meeting) => ({
      meeting,
      before: phaseScores(meeting.scoreBefore),
      after: phaseScores(meeting.scoreAfter),
    }))
}
