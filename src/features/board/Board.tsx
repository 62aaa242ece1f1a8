import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Over,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { CARD_ORDER, COLUMN_IDS, tally, type ColumnId, type Note, type NoteId } from '../../map'
import { useRoom } from '../../store/roomStore'
import { collisionDetection } from './collisions'
import { Column } from './Column'
import { columnOf, placeOver, positionOf, type Layout } from './dragPreview'
import { NoteBody } from './NoteCard'
import { shortText } from './noteText'

/** The layout with the dragged note placed where it is over now. */
function project(layout: Layout, active: Active, over: Over): Layout {
  const dragged = active.rect.current.translated
  const below = dragged !== null && dragged.top > over.rect.top + over.rect.height / 2
  return placeOver(layout, active.id as NoteId, String(over.id), below)
}

function layoutOf(columns: Record<ColumnId, readonly Note[]>): Layout {
  const layout = {} as Layout
  for (const column of COLUMN_IDS) layout[column] = columns[column].map((note) => note.id)
  return layout
}

/** The five columns in the card's order, with drag and drop between and within them. */
export function Board() {
  const t = useT()
  const view = useRoom((state) => state.view)
  const [preview, setPreview] = useState<Layout | null>(null)
  // The same layout, readable from dnd-kit's callbacks without waiting for a render.
  const previewRef = useRef<Layout | null>(null)
  const [activeId, setActiveId] = useState<NoteId | null>(null)
  // The floating copy keeps the original's size, so collisions are judged on the same box.
  const [activeSize, setActiveSize] = useState<{ width: number; height: number } | null>(null)
  const boardRef = useRef<HTMLDivElement>(null)

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

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  const vote = useRoom((state) => state.control.vote)
  const sortByVotes = useRoom((state) => state.control.sortByVotes)
  const dots = useRoom((state) => state.dots)
  const sorted = useMemo(() => {
    if (!sortByVotes || !vote || vote.open) return view.columns
    // Most dots first; notes with equal dots keep the group's own order.
    const counts = tally(dots)
    const byVotes = {} as Record<ColumnId, readonly Note[]>
    for (const column of COLUMN_IDS) {
      byVotes[column] = [...view.columns[column]].sort(
        (a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0),
      )
    }
    return byVotes
  }, [view, vote, sortByVotes, dots])

  const columns = useMemo(() => {
    if (!preview) return sorted
    const shown = {} as Record<ColumnId, readonly Note[]>
    for (const column of COLUMN_IDS) {
      shown[column] = preview[column].flatMap((id) => view.notes.get(id) ?? [])
    }
    return shown
  }, [preview, view, sorted])

  const textOf = (id: UniqueIdentifier): string =>
    shortText(view.notes.get(id as NoteId)?.text ?? '')

  /** Where the note would land if dropped now; the same rule for the screen and the announcement. */
  function landing(active: Active, over: Over | null): { column: ColumnId; index: number } | null {
    const layout = previewRef.current ?? layoutOf(view.columns)
    return over ? positionOf(project(layout, active, over), active.id as NoteId) : null
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.start', { text: textOf(active.id) }),
    onDragOver: ({ active, over }) => {
      const place = landing(active, over)
      if (!place) return t('dnd.overNothing', { text: textOf(active.id) })
      return t('dnd.over', {
        text: textOf(active.id),
        column: t(`column.${place.column}`),
        position: place.index + 1,
      })
    },
    onDragEnd: ({ active, over }) => {
      const place = landing(active, over)
      if (!place) return t('dnd.cancel', { text: textOf(active.id) })
      return t('dnd.end', {
        text: textOf(active.id),
        column: t(`column.${place.column}`),
        position: place.index + 1,
      })
    },
    onDragCancel: ({ active }) => t('dnd.cancel', { text: textOf(active.id) }),
  }

  function showPreview(layout: Layout | null): void {
    previewRef.current = layout
    setPreview(layout)
  }

  function onDragStart({ active }: DragStartEvent): void {
    const initial = active.rect.current.initial
    setActiveSize(initial ? { width: initial.width, height: initial.height } : null)
    setActiveId(active.id as NoteId)
    // The base for previews, kept aside: shown only once the note goes to another column, so
    // starting a drag does not re-render every column.
    previewRef.current = layoutOf(view.columns)
  }

  function onDragOver({ active, over }: DragOverEvent): void {
    const layout = previewRef.current
    if (!layout || !over) return
    // Only moves between columns are previewed here; within a column dnd-kit animates.
    const from = columnOf(layout, String(active.id))
    const to = columnOf(layout, String(over.id))
    if (from && to && from !== to) showPreview(project(layout, active, over))
  }

  function onDragEnd({ active, over }: DragEndEvent): void {
    const id = active.id as NoteId
    const place = landing(active, over)
    setActiveId(null)
    showPreview(null)
    if (!place || !view.notes.has(id)) return
    const before = positionOf(layoutOf(view.columns), id)
    if (before && before.column === place.column && before.index === place.index) return
    useRoom.getState().moveNote(id, place.column, place.index)
  }

  const activeNote = activeId ? view.notes.get(activeId) : undefined
  // The columns a drag involves: where the note came from and where it would land now. Only
  // their cards animate making room; the others stay as they are (below).
  const dragColumns = useMemo(() => {
    if (!activeId) return null
    const involved = new Set<ColumnId>()
    const from = activeNote?.column
    if (from) involved.add(from)
    const now = preview ? columnOf(preview, activeId) : null
    if (now) involved.add(now)
    return involved
  }, [activeId, activeNote, preview])
  const showingThread = useRoom((state) => state.thread !== null)

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null)
        showPreview(null)
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('dnd.instructions') },
      }}
    >
      <div
        ref={boardRef}
        className={`board${showingThread ? ' has-thread' : ''}`}
        role="group"
        aria-label={t('board.label')}
      >
        {CARD_ORDER.map((column) => (
          <Column
            key={column}
            column={column}
            notes={columns[column]}
            animateSorting={dragColumns === null || dragColumns.has(column)}
          />
        ))}
      </div>
      <DragOverlay>
        {activeNote ? (
          <div className="note is-overlay" style={activeSize ?? undefined}>
            <NoteBody note={activeNote} labelled={false} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  )
}
