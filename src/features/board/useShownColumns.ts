import { useMemo } from 'react'
import { allColumnIds, tally, type ColumnId, type MapView, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'

/**
 * The columns' notes in the order every screen shows them: the group's own order, or, once a
 * vote has closed and the facilitator sorts by it, most dots first (equal dots keep the group's
 * order).
 */
export function useShownColumns(view: MapView): Readonly<Record<ColumnId, readonly Note[]>> {
  const vote = useRoom((state) => state.control.vote)
  const sortByVotes = useRoom((state) => state.control.sortByVotes)
  const dots = useRoom((state) => state.dots)
  return useMemo(() => {
    if (!sortByVotes || !vote || vote.open) return view.columns
    const counts = tally(dots)
    const byVotes = {} as Record<ColumnId, readonly Note[]>
    for (const column of allColumnIds(view.board)) {
      byVotes[column] = [...view.columns[column]].sort(
        (a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0),
      )
    }
    return byVotes
  }, [view, vote, sortByVotes, dots])
}
