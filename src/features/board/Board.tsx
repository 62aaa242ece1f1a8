import { DndContext, DragOverlay } from '@dnd-kit/core'
import { useEffect, useMemo, useRef, type CSSProperties } from 'react'
import { useT } from '../../i18n'
import { cardOrder, columnIds, tally, type ColumnId, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { Column } from './Column'
import { NoteBody } from './NoteCard'
import { useNoteDrag } from './useNoteDrag'

/** The board's columns in the card's order, with drag and drop between and within them. */
export function Board() {
  const t = useT()
  const view = useRoom((state) => state.view)
  const boardRef = useRef<HTMLDivElement>(null)
  const drag = useNoteDrag(boardRef, view)

  useEffect(() => {
    // On a phone the columns scroll sideways: start at step 1 (Waarden), the rightmost column.
    const board = boardRef.current
    if (board && board.scrollWidth > board.clientWidth) board.scrollLeft = board.scrollWidth
  }, [])

  const follow = useRoom((state) => state.control.follow)
  const activeColumns = useRoom((state) => state.control.activeColumns)
  const level = useRoom((state) => state.level)
  const followPaused = useRoom((state) => state.followPaused)
  const focusNote = useRoom((state) => state.control.focusNote)
  useEffect(() => {
    // Follow me: bring the facilitator's note in the spotlight, or else the step, into view,
    // unless this person stepped out. The shared screen always follows.
    const following = level === 'viewer' || (follow && !followPaused && level !== 'facilitator')
    if (!following) return
    const target = focusNote
      ? boardRef.current?.querySelector(`[data-note-id="${CSS.escape(focusNote)}"]`)
      : activeColumns.length > 0
        ? boardRef.current?.querySelector(`[data-column="${activeColumns[0]}"]`)
        : null
    target?.scrollIntoView({ block: 'nearest', inline: 'center' })
  }, [follow, followPaused, level, activeColumns, focusNote])

  const vote = useRoom((state) => state.control.vote)
  const sortByVotes = useRoom((state) => state.control.sortByVotes)
  const dots = useRoom((state) => state.dots)
  const sorted = useMemo(() => {
    if (!sortByVotes || !vote || vote.open) return view.columns
    // Most dots first; notes with equal dots keep the group's own order.
    const counts = tally(dots)
    const byVotes = {} as Record<ColumnId, readonly Note[]>
    for (const column of columnIds(view.board)) {
      byVotes[column] = [...view.columns[column]].sort(
        (a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0),
      )
    }
    return byVotes
  }, [view, vote, sortByVotes, dots])

  const showingThread = useRoom((state) => state.thread !== null)

  return (
    <DndContext {...drag.context}>
      <div
        ref={boardRef}
        className={`board${showingThread ? ' has-thread' : ''}`}
        style={{ '--board-columns': view.board.columns.length } as CSSProperties}
        role="group"
        aria-label={t('board.label')}
      >
        {cardOrder(view.board).map((column) => (
          <Column
            key={column}
            column={column}
            notes={sorted[column]}
            {...drag.columnDrag(column)}
          />
        ))}
      </div>
      <DragOverlay modifiers={drag.overlay.modifiers} dropAnimation={drag.overlay.dropAnimation}>
        {drag.overlay.note ? (
          <div className="note is-overlay" style={{ width: drag.overlay.width }}>
            <NoteBody note={drag.overlay.note} labelled={false} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  )
}
