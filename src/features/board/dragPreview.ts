import type { ColumnId, NoteId } from '../../map'

/** Note ids per column, as they are when a drag begins. */
export type Layout = Record<ColumnId, NoteId[]>

/** Where a dragged note would land: a column, and its index among that column's notes. */
export interface Slot {
  column: ColumnId
  index: number
}

/** The column that holds `id`: a column id is its own column, a note id is looked up. */
export function columnOf(layout: Layout, id: string): ColumnId | null {
  if (id in layout) return id as ColumnId
  for (const [column, ids] of Object.entries(layout) as [ColumnId, NoteId[]][]) {
    if (ids.includes(id as NoteId)) return column
  }
  return null
}

/** Where `id` sits in the layout: its column and its index among the other notes there. */
export function positionOf(layout: Layout, id: NoteId): Slot | null {
  const column = columnOf(layout, id)
  return column ? { column, index: layout[column].indexOf(id) } : null
}

/** A note's box on screen. */
export interface Box {
  top: number
  height: number
  left: number
  width: number
}

/**
 * The index a pointer at `point` points to among a column's other notes (the dragged one left
 * out), given their boxes in reading order. In a list: after every note whose middle it has
 * passed. In a grid (a wide column shows its notes side by side): after the rows above it, and in
 * its own row after every note whose middle is left of it.
 */
export function indexAt(point: { x: number; y: number }, boxes: readonly Box[]): number {
  const perRow = new Map<number, number>()
  for (const box of boxes)
    perRow.set(Math.round(box.top), (perRow.get(Math.round(box.top)) ?? 0) + 1)
  const passed = (box: Box): boolean => {
    if ((perRow.get(Math.round(box.top)) ?? 0) < 2) return point.y > box.top + box.height / 2
    if (point.y > box.top + box.height) return true
    if (point.y < box.top) return false
    return point.x > box.left + box.width / 2
  }
  let index = 0
  while (index < boxes.length && passed(boxes[index]!)) index++
  return index
}

/** The keys that move a note by keyboard while it is picked up. */
export type Step = 'up' | 'down' | 'left' | 'right'

/**
 * One keyboard step from `slot`: up and down within the column, left and right to the nearest
 * column on screen (`order`: the columns from left to right) that `accepts` notes, at the same
 * height or at its end. Null: no move.
 */
export function stepFrom(
  layout: Layout,
  active: NoteId,
  slot: Slot,
  step: Step,
  accepts: (column: ColumnId) => boolean,
  order: readonly ColumnId[],
): Slot | null {
  const others = (column: ColumnId) => layout[column].filter((id) => id !== active).length
  if (step === 'up') return slot.index > 0 ? { ...slot, index: slot.index - 1 } : null
  if (step === 'down') {
    return slot.index < others(slot.column) ? { ...slot, index: slot.index + 1 } : null
  }
  const direction = step === 'left' ? -1 : 1
  for (
    let at = order.indexOf(slot.column) + direction;
    at >= 0 && at < order.length;
    at += direction
  ) {
    const column = order[at]!
    if (accepts(column)) return { column, index: Math.min(slot.index, others(column)) }
  }
  return null
}
