import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Over,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { getEventCoordinates } from '@dnd-kit/utilities'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { CARD_ORDER, COLUMN_IDS, tally, type ColumnId, type Note, type NoteId } from '../../map'
import { useRoom } from '../../store/roomStore'
import { collisionDetection } from './collisions'
import { Column } from './Column'
import {
  indexAt,
  placeAt,
  positionOf,
  stepFrom,
  type Layout,
  type Slot,
  type Step,
} from './dragPreview'
import { NoteBody } from './NoteCard'
import { shortText } from './noteText'

function layoutOf(columns: Record<ColumnId, readonly Note[]>): Layout {
  const layout = {} as Layout
  for (const column of COLUMN_IDS) layout[column] = columns[column].map((note) => note.id)
  return layout
}

// The sensors' options, made once: new options mean new sensors, and dnd-kit then renders every
// draggable card again.
const MOUSE = { activationConstraint: { distance: 6 } }
const TOUCH = { activationConstraint: { delay: 200, tolerance: 8 } }

const STEPS: Partial<Record<string, Step>> = {
  [KeyboardCode.Up]: 'up',
  [KeyboardCode.Down]: 'down',
  [KeyboardCode.Left]: 'left',
  [KeyboardCode.Right]: 'right',
}

/** The boxes of a column's notes on screen, top to bottom, the dragged one left out. */
function noteBoxes(board: HTMLElement, column: ColumnId, active: NoteId): DOMRect[] {
  const items = board.querySelectorAll<HTMLElement>(`[data-column="${column}"] .note-list > li`)
  const boxes: DOMRect[] = []
  for (const item of items) {
    if (item.dataset.noteId !== active) boxes.push(item.getBoundingClientRect())
  }
  return boxes
}

/**
 * The five columns in the card's order, with drag and drop between and within them. dnd-kit moves
 * the note and knows the columns; where in a column it would land is worked out here, from the
 * pointer's height or the arrow keys, and shown by moving the note's placeholder there.
 */
export function Board() {
  const t = useT()
  const view = useRoom((state) => state.view)
  // The layout shown while a note is dragged, with the one it started from.
  const [preview, setPreview] = useState<{ base: Layout; layout: Layout } | null>(null)
  // The same layout and the slot it puts the note in, readable from dnd-kit's callbacks at once.
  const previewRef = useRef<Layout | null>(null)
  const slotRef = useRef<Slot | null>(null)
  /** The layout as it was when the drag began: columns it still matches are not re-rendered. */
  const baseRef = useRef<Layout | null>(null)
  /** The pointer during a mouse or touch drag, in the window's coordinates; null by keyboard. */
  const pointerRef = useRef<{ x: number; y: number } | null>(null)
  /** The last place told to screen readers, so a move within the same place is not repeated. */
  const toldRef = useRef<string | null>(null)
  const [activeId, setActiveId] = useState<NoteId | null>(null)
  // The floating copy keeps the original's size.
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

  // Follows the pointer during a drag; dnd-kit's own move events carry a scroll-adjusted offset.
  useEffect(() => {
    const track = (event: MouseEvent | TouchEvent) => {
      if (pointerRef.current) pointerRef.current = getEventCoordinates(event) ?? pointerRef.current
    }
    window.addEventListener('mousemove', track, { capture: true, passive: true })
    window.addEventListener('touchmove', track, { capture: true, passive: true })
    return () => {
      window.removeEventListener('mousemove', track, { capture: true })
      window.removeEventListener('touchmove', track, { capture: true })
    }
  }, [])

  // What the drag does between dnd-kit's events; made once, as it works on refs only.
  const drag = useMemo(() => {
    /** Puts the dragged note's placeholder at `slot`. */
    function place(active: NoteId, slot: Slot): void {
      const layout = previewRef.current
      const base = baseRef.current
      if (!layout || !base) return
      slotRef.current = slot
      const next = placeAt(layout, active, slot)
      if (next === layout) return
      previewRef.current = next
      setPreview({ base, layout: next })
    }

    /** Where the pointer points now: the column dnd-kit found, the place among its notes here. */
    function followPointer(active: NoteId, over: Over | null): void {
      const board = boardRef.current
      const pointer = pointerRef.current
      if (!board || !pointer || !over) return
      const column = over.id as ColumnId
      place(active, { column, index: indexAt(pointer.y, noteBoxes(board, column, active)) })
    }

    /** By keyboard: the arrow keys move the placeholder; the floating copy goes to it. */
    const keyboardCoordinates: KeyboardCoordinateGetter = (event, { active, context }) => {
      const step = STEPS[event.code]
      const layout = previewRef.current
      const slot = slotRef.current
      const board = boardRef.current
      if (!step || !layout || !slot || !board) return undefined
      event.preventDefault()
      const accepts = (column: ColumnId) =>
        context.droppableContainers.get(column)?.disabled === false
      const next = stepFrom(layout, active as NoteId, slot, step, accepts)
      if (!next) return undefined
      place(active as NoteId, next)
      // Onto the note now in that place, or under the column's last one.
      const boxes = noteBoxes(board, next.column, active as NoteId)
      const list = board.querySelector(`[data-column="${next.column}"] .note-list`)
      const listBox = list?.getBoundingClientRect()
      if (!listBox) return undefined
      const above = boxes[next.index - 1]
      const top = boxes[next.index]?.top ?? (above ? above.bottom + 8 : listBox.top)
      return { x: listBox.left, y: top }
    }

    return { followPointer, keyboard: { coordinateGetter: keyboardCoordinates } }
  }, [])

  const sensors = useSensors(
    useSensor(MouseSensor, MOUSE),
    useSensor(TouchSensor, TOUCH),
    useSensor(KeyboardSensor, drag.keyboard),
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
    const shown = { ...sorted }
    for (const column of COLUMN_IDS) {
      // Columns the drag has not touched keep their arrays, so they do not render again.
      if (preview.layout[column] === preview.base[column]) continue
      shown[column] = preview.layout[column].flatMap((id) => view.notes.get(id) ?? [])
    }
    return shown
  }, [preview, view, sorted])

  const textOf = (id: UniqueIdentifier): string =>
    shortText(view.notes.get(id as NoteId)?.text ?? '')

  /** What a screen reader hears about where the note is now; undefined when nothing changed. */
  function whereNow(active: UniqueIdentifier): string | undefined {
    const slot = slotRef.current
    if (!slot) return t('dnd.overNothing', { text: textOf(active) })
    const key = `${slot.column}:${slot.index}`
    if (key === toldRef.current) return undefined
    toldRef.current = key
    return t('dnd.over', {
      text: textOf(active),
      column: t(`column.${slot.column}`),
      position: slot.index + 1,
    })
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.start', { text: textOf(active.id) }),
    onDragOver: ({ active }) => whereNow(active.id),
    onDragMove: ({ active }) => whereNow(active.id),
    onDragEnd: ({ active }) => {
      const slot = slotRef.current
      if (!slot) return t('dnd.cancel', { text: textOf(active.id) })
      return t('dnd.end', {
        text: textOf(active.id),
        column: t(`column.${slot.column}`),
        position: slot.index + 1,
      })
    },
    onDragCancel: ({ active }) => t('dnd.cancel', { text: textOf(active.id) }),
  }

  /** Ends the drag here. The slot stays until the next drag: the drop is announced after this. */
  function stop(): void {
    setActiveId(null)
    previewRef.current = null
    baseRef.current = null
    pointerRef.current = null
    setPreview(null)
  }

  function onDragStart({ active, activatorEvent }: DragStartEvent): void {
    const initial = active.rect.current.initial
    setActiveSize(initial ? { width: initial.width, height: initial.height } : null)
    setActiveId(active.id as NoteId)
    const layout = layoutOf(view.columns)
    baseRef.current = layout
    previewRef.current = layout
    slotRef.current = positionOf(layout, active.id as NoteId)
    toldRef.current = null
    pointerRef.current = getEventCoordinates(activatorEvent)
  }

  function onDragEnd({ active }: DragEndEvent): void {
    const id = active.id as NoteId
    const place = slotRef.current
    stop()
    if (!place || !view.notes.has(id)) return
    const before = positionOf(layoutOf(view.columns), id)
    if (before && before.column === place.column && before.index === place.index) return
    useRoom.getState().moveNote(id, place.column, place.index)
  }

  const activeNote = activeId ? view.notes.get(activeId) : undefined
  const showingThread = useRoom((state) => state.thread !== null)

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragMove={({ active, over }) => drag.followPointer(active.id as NoteId, over)}
      onDragOver={({ active, over }) => drag.followPointer(active.id as NoteId, over)}
      onDragEnd={onDragEnd}
      onDragCancel={stop}
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
          <Column key={column} column={column} notes={columns[column]} />
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
