import { useMemo } from 'react'
import { useT } from '../../../i18n'
import { useTexts } from '../../../i18n/bundle'
import { viewerTexts } from './viewerTexts'
import { columnIds, tally, type Note } from '../../../map'
import { useRoom } from '../../../store/roomStore'
import { refOf } from '../../shared/refs'

/** As many as a side panel shows large; the rest is counted. */
const SHOWN = 5

/**
 * The result of a closed vote as a ranked list: most dots first, each with its count; equal
 * counts keep the map's order. It ranks every note that got dots, also after the next step.
 */
export function VoteRanking() {
  const t = useT()
  const vt = useTexts(viewerTexts)
  const vote = useRoom((state) => state.control.vote)
  const brainstorm = useRoom((state) => state.control.brainstorm)
  const dots = useRoom((state) => state.dots)
  const view = useRoom((state) => state.view)

  const ranked = useMemo(() => {
    const counts = tally(dots)
    const notes: { note: Note; count: number }[] = []
    // Every note that got dots, wherever it is: the step may have moved on since the vote.
    for (const column of columnIds(view.board)) {
      for (const note of view.columns[column]) {
        const count = counts.get(note.id) ?? 0
        if (count > 0) notes.push({ note, count })
      }
    }
    // A stable sort: equal counts stay in the map's order.
    return notes.sort((a, b) => b.count - a.count)
  }, [dots, view])

  if (!vote || vote.open || brainstorm) return null
  const rest = ranked.length - SHOWN
  return (
    <section className="vw-panel vw-ranking" aria-labelledby="vw-ranking-title">
      <h2 id="vw-ranking-title">{vt('viewer.ranking')}</h2>
      {ranked.length === 0 ? (
        <p>{vt('viewer.rankingEmpty')}</p>
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
      {rest > 0 && <p className="vw-ranking-more">{vt('viewer.rankingMore', { count: rest })}</p>}
    </section>
  )
}
