import { useMemo } from 'react'
import { useT } from '../../../i18n'
import { columnIds, tally, type ColumnId, type Note } from '../../../map'
import { useRoom } from '../../../store/roomStore'
import { refOf } from '../../shared/refs'

/** As many as a side panel shows large; the rest is counted. */
const SHOWN = 8

/**
 * The result of a closed vote as a ranked list: most dots first, each with its count. A vote is
 * about the step the group was in (without a step, the whole map); equal counts keep the map's
 * order, step by step.
 */
export function VoteRanking() {
  const t = useT()
  const vote = useRoom((state) => state.control.vote)
  const dots = useRoom((state) => state.dots)
  const view = useRoom((state) => state.view)
  const activeColumns = useRoom((state) => state.control.activeColumns)
  const steps = useRoom((state) => state.control.steps)

  const ranked = useMemo(() => {
    const counts = tally(dots)
    const inSteps = [...new Set<ColumnId>(steps.flat())]
    const columns =
      activeColumns.length > 0
        ? activeColumns
        : inSteps.length > 0
          ? inSteps
          : columnIds(view.board)
    const notes: { note: Note; count: number }[] = []
    for (const column of columns) {
      for (const note of view.columns[column]) {
        const count = counts.get(note.id) ?? 0
        if (count > 0) notes.push({ note, count })
      }
    }
    // A stable sort: equal counts stay in the map's order.
    return notes.sort((a, b) => b.count - a.count)
  }, [dots, view, activeColumns, steps])

  if (!vote || vote.open) return null
  const rest = ranked.length - SHOWN
  return (
    <section className="vw-panel vw-ranking" aria-labelledby="vw-ranking-title">
      <h2 id="vw-ranking-title">{t('viewer.ranking')}</h2>
      {ranked.length === 0 ? (
        <p>{t('viewer.rankingEmpty')}</p>
      ) : (
        <ol className="vw-ranking-list">
          {ranked.slice(0, SHOWN).map(({ note, count }) => (
            <li key={note.id} data-note-id={note.id} data-count={count}>
              <span
                className="vw-ranking-count"
                aria-label={t(count === 1 ? 'vote.resultOne' : 'vote.result', { count })}
              >
                {count}
              </span>
              <span className="vw-ranking-note">
                <span className="vw-ref">{refOf(t, view, note.id)}</span> {note.text}
              </span>
            </li>
          ))}
        </ol>
      )}
      {rest > 0 && <p className="vw-ranking-more">{t('viewer.rankingMore', { count: rest })}</p>}
    </section>
  )
}
