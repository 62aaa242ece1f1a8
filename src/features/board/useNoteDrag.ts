import {
  getClientRect,
  KeyboardCode,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type ClientRect,
  type DndContextProps,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type MeasuringConfiguration,
  type Modifier,
  type Over,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { getEventCoordinates } from '@dnd-kit/utilities'
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useT } from '../../i18n'
import {
  cardOrder,
  columnIds,
  type Board,
  type ColumnId,
  type MapView,
  type NoteId,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { collisionDetection } from './collisions'
import type { ColumnSlot } from './Column'
import { indexAt, positionOf, stepFrom, type Layout, type Slot, type Step } from './dragPreview'
import { prefersLessMotion } from './motion'
import { shortText } from '../shared/noteText'

/** The notes of the board on screen (the map, or a working form), column by column. */
function layoutOf(view: MapView, sheet: Board): Layout {
  const layout = {} as Layout
  for (const column of columnIds(sheet)) {
    layout[column] = view.columns[column].map((note) => note.id)
  }
  return layout
}

// The sensors' options, made once: new options mean new sensors, and dnd-kit then renders every
// draggable card again.
const MOUSE = { activationConstraint: { distance: 6 } }
const TOUCH = { activationConstraint: { delay: 200, tolerance: 8 } }

/** Where the pointer holds the floating copy: this far below its top edge. */
const GRIP_PX = 24

const STEPS: Partial<Record<string, Step>> = {
  [KeyboardCode.Up]: 'up',
  [KeyboardCode.Down]: 'down',
  [KeyboardCode.Left]: 'left',
  [KeyboardCode.Right]: 'right',
}

/** The boxes of a column's notes on screen, top to bottom: the dragged one and its slot left out. */
function noteBoxes(board: HTMLElement, column: ColumnId, active: NoteId): DOMRect[] {
  const items = board.querySelectorAll<HTMLElement>(
    `[data-column="${column}"] .note-list > li[data-note-id]`,
  )
  const boxes: DOMRect[] = []
  for (const item of items) {
    if (item.dataset.noteId !== active) boxes.push(item.getBoundingClientRect())
  }
  return boxes
}

/** What a column shows of a drag: the empty slot, and the dragged card when it has left. */
export interface ColumnDrag {
  slot: ColumnSlot | null
  away: NoteId | null
}

/**
 * Dragging notes on the board. dnd-kit moves the floating copy and knows the five columns; where
 * in a column the note would land (its slot) is worked out here, from the pointer's height or the
 * arrow keys, and shown as an empty place there. The dragged card stays where it was, faded,
 * until its place changes; then it steps out of sight until the drop. It never moves while the
 * drag lasts: dnd-kit measures the dragged card whenever the page around it changes, and each
 * time it had moved, every card on the board rendered again.
 */
export function useNoteDrag(boardRef: RefObject<HTMLElement | null>, view: MapView, sheet: Board) {
  const t = useT()
  // Where the dragged note would land, and where it was when the drag began.
  const [slot, setSlot] = useState<Slot | null>(null)
  const [origin, setOrigin] = useState<Slot | null>(null)
  // The same, readable from dnd-kit's callbacks at once.
  const slotRef = useRef<Slot | null>(null)
  /** The columns as they were when the drag began. */
  const layoutRef = useRef<Layout | null>(null)
  /** The columns from left to right, as they were when the drag began. */
  const orderRef = useRef<readonly ColumnId[]>([])
  /** The pointer during a mouse or touch drag, in the window's coordinates; null by keyboard. */
  const pointerRef = useRef<{ x: number; y: number } | null>(null)
  /** The last place told to screen readers, so a move within the same place is not repeated. */
  const toldRef = useRef<string | null>(null)
  /** The dragged card's box when the drag began: where dnd-kit keeps thinking it is. */
  const startBoxRef = useRef<ClientRect | null>(null)
  const [activeId, setActiveId] = useState<NoteId | null>(null)
  // The dragged card's size: the floating copy is as wide, the empty slot as tall.
  const [activeSize, setActiveSize] = useState<{ width: number; height: number } | null>(null)
  // How far to lift the floating copy so the pointer holds it near its top: a tall card taken by
  // its handle at the bottom would otherwise float with its text far above the pointer.
  const [lift, setLift] = useState(0)
  const overlayModifiers = useMemo<Modifier[]>(
    () => [({ transform }) => ({ ...transform, y: transform.y + lift })],
    [lift],
  )

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
    /** Moves the empty place where the note would land. */
    function place(next: Slot): void {
      const current = slotRef.current
      if (current && current.column === next.column && current.index === next.index) return
      slotRef.current = next
      setSlot(next)
    }

    /** Where the pointer points now: the column dnd-kit found, the place among its notes here. */
    function followPointer(active: NoteId, over: Over | null): void {
      const board = boardRef.current
      const pointer = pointerRef.current
      if (!board || !pointer || !over) return
      const column = over.id as ColumnId
      place({ column, index: indexAt(pointer, noteBoxes(board, column, active)) })
    }

    /** By keyboard: the arrow keys move the placeholder; the floating copy goes to it. */
    const keyboardCoordinates: KeyboardCoordinateGetter = (event, { active, context }) => {
      const step = STEPS[event.code]
      const layout = layoutRef.current
      const slot = slotRef.current
      const board = boardRef.current
      if (!step || !layout || !slot || !board) return undefined
      event.preventDefault()
      const accepts = (column: ColumnId) =>
        context.droppableContainers.get(column)?.disabled === false
      const next = stepFrom(layout, active as NoteId, slot, step, accepts, orderRef.current)
      if (!next) return undefined
      place(next)
      // Onto the note now in that place, or under the column's last one, as the column will be
      // once the slot has moved there: notes below the slot it shows now move up by its height.
      const list = board.querySelector(`[data-column="${next.column}"] .note-list`)
      const listBox = list?.getBoundingClientRect()
      if (!list || !listBox) return undefined
      const gap = parseFloat(getComputedStyle(list).rowGap) || 0
      const shown = list.querySelector(':scope > .note-slot')?.getBoundingClientRect()
      const tops = noteBoxes(board, next.column, active as NoteId).map((box) => ({
        left: box.left,
        top: shown && box.top > shown.top ? box.top - shown.height - gap : box.top,
        bottom: shown && box.top > shown.top ? box.bottom - shown.height - gap : box.bottom,
      }))
      const above = tops[next.index - 1]
      const top = tops[next.index]?.top ?? (above ? above.bottom + gap : listBox.top)
      // In a wide column's grid, onto the note's own place in its row.
      return { x: tops[next.index]?.left ?? listBox.left, y: top }
    }

    // Space picks a note up; Enter on a note opens its menu (see NoteCard), and drops one.
    const keyboardCodes = {
      start: [KeyboardCode.Space],
      cancel: [KeyboardCode.Esc],
      end: [KeyboardCode.Space, KeyboardCode.Enter],
    }
    return { followPointer, keyboard: { coordinateGetter: keyboardCoordinates, keyboardCodes } }
  }, [boardRef])

  // The dragged card steps out of sight while its copy floats (see `.note.is-away`). dnd-kit is
  // told the box it had, so the copy starts from there and the board does not render again when
  // the card steps away; after the drop the card is measured as it is, where it landed.
  const measuring = useMemo<MeasuringConfiguration>(
    () => ({
      draggable: {
        measure: (element) =>
          startBoxRef.current ?? getClientRect(element, { ignoreTransform: true }),
      },
    }),
    [],
  )

  const sensors = useSensors(
    useSensor(MouseSensor, MOUSE),
    useSensor(TouchSensor, TOUCH),
    useSensor(KeyboardSensor, drag.keyboard),
  )

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

  /** Ends the drag here. The slot stays readable until the next drag: the drop is told after. */
  function stop(): void {
    startBoxRef.current = null
    setActiveId(null)
    layoutRef.current = null
    pointerRef.current = null
    setSlot(null)
    setOrigin(null)
  }

  function onDragStart({ active, activatorEvent }: DragStartEvent): void {
    // Measured here, before the card steps out of sight: dnd-kit has not measured it yet.
    const card = boardRef.current?.querySelector(
      `[data-note-id="${CSS.escape(String(active.id))}"]`,
    )
    const box = card?.getBoundingClientRect()
    startBoxRef.current = box
      ? {
          top: box.top,
          left: box.left,
          width: box.width,
          height: box.height,
          right: box.right,
          bottom: box.bottom,
        }
      : null
    setActiveSize(box ? { width: box.width, height: box.height } : null)
    const start = getEventCoordinates(activatorEvent)
    setLift(start && box ? Math.max(0, start.y - box.top - GRIP_PX) : 0)
    setActiveId(active.id as NoteId)
    const layout = layoutOf(view, sheet)
    layoutRef.current = layout
    orderRef.current = cardOrder(sheet)
    slotRef.current = positionOf(layout, active.id as NoteId)
    setSlot(slotRef.current)
    setOrigin(slotRef.current)
    toldRef.current = null
    pointerRef.current = start
  }

  function onDragEnd({ active }: DragEndEvent): void {
    const id = active.id as NoteId
    const place = slotRef.current
    stop()
    if (!place || !view.notes.has(id)) return
    const before = positionOf(layoutOf(view, sheet), id)
    if (before && before.column === place.column && before.index === place.index) return
    useRoom.getState().moveNote(id, place.column, place.index)
  }

  const activeNote = activeId ? view.notes.get(activeId) : undefined
  // Until the note's place changes, the card stays where it was, faded; once it changes, the card
  // steps out of sight and an empty slot shows the new place. Starting a drag then changes no
  // layout, on a board where a layout takes tens of milliseconds.
  const away =
    slot !== null &&
    origin !== null &&
    (slot.column !== origin.column || slot.index !== origin.index)
  // What the column with the slot shows; the same object while the slot stays put.
  const columnSlot = useMemo<ColumnSlot | null>(
    () =>
      away && slot && activeId
        ? {
            column: slot.column,
            index: slot.index,
            dragged: activeId,
            height: activeSize?.height ?? 0,
          }
        : null,
    [away, slot, activeId, activeSize],
  )
  const context: DndContextProps = {
    sensors,
    collisionDetection,
    measuring,
    onDragStart,
    onDragMove: ({ active, over }) => drag.followPointer(active.id as NoteId, over),
    onDragOver: ({ active, over }) => drag.followPointer(active.id as NoteId, over),
    onDragEnd,
    onDragCancel: stop,
    accessibility: {
      announcements,
      screenReaderInstructions: { draggable: t('dnd.instructions') },
    },
  }
  const columnDrag = (column: ColumnId): ColumnDrag => ({
    slot: columnSlot?.column === column ? columnSlot : null,
    away: away && origin?.column === column ? activeId : null,
  })
  const overlay = {
    modifiers: overlayModifiers,
    // No gliding into place for people whose system asks for less motion.
    dropAnimation: prefersLessMotion() ? null : undefined,
    note: activeNote,
    width: activeSize?.width,
  }
  return { context, columnDrag, overlay }
}
