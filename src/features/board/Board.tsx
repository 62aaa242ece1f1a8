import { DndContext, DragOverlay } from '@dnd-kit/core'
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react'
import { useT } from '../../i18n'
import {
  cardOrder,
  columnIds,
  type Board as BoardDefinition,
  type ColumnId,
  type FormKind,
  type NoteId,
} from '../../map'
import { useRoom, useSheet } from '../../store/roomStore'
import { PHONE_QUERY, useMediaQuery } from '../shared/useMediaQuery'
import { BOARD_ID } from './boardIds'
import { Column, type ColumnLayout } from './Column'
import { ColumnTabs } from './ColumnTabs'
import { NoteBody } from './NoteCard'
import { moveNoteFocus } from './noteKeys'
import { noteForm } from './noteFormPart'
import { useNoteDrag } from './useNoteDrag'
import { useShownColumns } from './useShownColumns'

/** A wide column takes this many shares of the board's width; a rail one share (or its minimum). */
const WIDE_SHARE = 5
const RAIL_MIN = '7.5rem'

/**
 * How the columns share the board. During a step its column(s) get the room, and the others
 * narrow to rails that still show their notes; anyone can widen a rail on their own screen.
 * Without a step (or with every column in it) the columns are equal. A phone shows one column.
 */
function useColumnLayout(board: BoardDefinition) {
  const phone = useMediaQuery(PHONE_QUERY)
  const activeColumns = useRoom((state) => state.control.activeColumns)
  // A step of the board on screen; the map's columns during a working form's step are all alike.
  const onScreen = activeColumns.filter((column) =>
    board.columns.some((definition) => definition.id === column),
  )
  // A working form's piles keep their width: they are where the tasks go.
  const onForm = useRoom((state) => state.view.board !== board)
  const focusing = !onForm && onScreen.length > 0 && onScreen.length < board.columns.length
  const [widened, setWidened] = useState<ReadonlySet<ColumnId>>(new Set())
  const [shown, setShown] = useState<ColumnId>(onScreen[0] ?? columnIds(board)[0]!)

  // A new step (not every change of the facilitation state) gets the room again, and a phone
  // turns to it, or to the note in the spotlight for those who follow; not for someone who
  // stepped out to look around. Adjusted while rendering, as React advises for derived state.
  const level = useRoom((state) => state.level)
  const follow = useRoom((state) => state.control.follow)
  const followPaused = useRoom((state) => state.followPaused)
  const spotlit = useRoom((state) =>
    state.control.focusNote ? state.view.notes.get(state.control.focusNote as NoteId) : undefined,
  )
  const following = level === 'viewer' || (follow && !followPaused && level !== 'facilitator')
  const target = (following && spotlit?.column) || activeColumns[0]
  const steppedOut = follow && followPaused && level === 'participant'
  const step = activeColumns.join(' ')
  const [seen, setSeen] = useState({ step, target, steppedOut, board })
  if (
    seen.step !== step ||
    seen.target !== target ||
    seen.steppedOut !== steppedOut ||
    seen.board !== board
  ) {
    setSeen({ step, target, steppedOut, board })
    if (seen.step !== step) setWidened(new Set())
    const onBoard = (column: ColumnId | undefined) =>
      column !== undefined && board.columns.some((definition) => definition.id === column)
    if (target && !steppedOut && onBoard(target)) setShown(target)
    else if (seen.board !== board) setShown(columnIds(board)[0]!)
  }

  const toggleWide = useCallback((column: ColumnId) => {
    setWidened((was) => {
      const next = new Set(was)
      if (!next.delete(column)) next.add(column)
      return next
    })
  }, [])

  const layoutOf = (column: ColumnId): ColumnLayout => {
    if (phone || !focusing) return 'even'
    if (activeColumns.includes(column)) return 'wide'
    return widened.has(column) ? 'widened' : 'rail'
  }
  const template = cardOrder(board)
    .map((column) =>
      layoutOf(column) === 'rail' ? `minmax(${RAIL_MIN}, 1fr)` : `minmax(0, ${WIDE_SHARE}fr)`,
    )
    .join(' ')
  return { phone, focusing, shown, setShown, layoutOf, toggleWide, template }
}

/** The board's columns in the card's order, with drag and drop between and within them. */
export function Board() {
  const t = useT()
  const view = useRoom((state) => state.view)
  const sheet = useSheet()
  const boardRef = useRef<HTMLDivElement>(null)
  const drag = useNoteDrag(boardRef, view, sheet)

  const layout = useColumnLayout(sheet)

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

  const sorted = useShownColumns(view)

  const showingThread = useRoom((state) => state.thread !== null)

  const writes = level !== 'viewer'
  useEffect(() => {
    // Once the board is on screen, the note form loads behind it: ready for the first note.
    if (writes) void noteForm.preload().catch(() => undefined)
  }, [writes])

  return (
    <DndContext {...drag.context}>
      {layout.phone && (
        <ColumnTabs board={sheet} columns={sorted} shown={layout.shown} onShow={layout.setShown} />
      )}
      <div
        ref={boardRef}
        className={`board${showingThread ? ' has-thread' : ''}${layout.focusing && !layout.phone ? ' is-focused' : ''}`}
        style={
          {
            '--board-columns': sheet.columns.length,
            gridTemplateColumns: layout.focusing && !layout.phone ? layout.template : undefined,
          } as CSSProperties
        }
        role="group"
        aria-label={t(sheet === view.board ? 'board.label' : `form.${sheet.kind as FormKind}`)}
        id={BOARD_ID}
        tabIndex={-1}
        onKeyDown={moveNoteFocus}
      >
        {cardOrder(sheet).map((column) => (
          <Column
            key={column}
            column={column}
            notes={sorted[column]}
            layout={layout.layoutOf(column)}
            hidden={layout.phone && column !== layout.shown}
            onToggleWide={layout.toggleWide}
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
