import { useMemo } from 'react'
import { actionsOf, countStatuses, isOverdue, today, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'

/** Where the group is in looking back: the actions in the card's order and the one on screen. */
export interface LookBackPlace {
  readonly actions: readonly Note[]
  /** The action on screen; null on the summary or when it was deleted meanwhile. */
  readonly current: Note | null
  /** Its place in `actions`, -1 when none. */
  readonly index: number
  /** Showing the summary. */
  readonly summary: boolean
}

export function useLookBack(): LookBackPlace | null {
  const lookBack = useRoom((state) => state.control.lookBack)
  const view = useRoom((state) => state.view)
  return useMemo(() => {
    if (!lookBack) return null
    const actions = actionsOf(view)
    const index = lookBack.note ? actions.findIndex((note) => note.id === lookBack.note) : -1
    return { actions, current: actions[index] ?? null, index, summary: lookBack.note === null }
  }, [lookBack, view])
}

/** What the summary says: counts per status, what was let go (and why), what is overdue. */
export function lookBackSummary(actions: readonly Note[], on = today()) {
  return {
    counts: countStatuses(actions),
    letGo: actions.filter((note) => note.followUp?.status === 'losgelaten'),
    overdue: actions.filter((note) => isOverdue(note.followUp, on)),
  }
}
