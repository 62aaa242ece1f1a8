import type { ColumnId, NoteId } from '../../map'

/** Note ids per column, as shown while a drag is in progress. */
export type Layout = Record<ColumnId, NoteId[]>

/** The column that holds `id`: a column id is its own column, a note id is looked up. */
export function columnOf(layout: Layout, id: string): ColumnId | null {
  if (id in layout) return id as ColumnId
  for (const [column, ids] of Object.entries(layout) as [ColumnId, NoteId[]][]) {
    if (ids.includes(id as NoteId)) return column
  }
  return null
}

/**
 * The layout with `active` placed where `over` points: before the note `over` in its column, or
 * at the end of the column when `over` is the column itself. Pure: unchanged input is returned.
 * `below` says the pointer is on the lower half of `over` (used when entering another column).
 */
export function placeOver(layout: Layout, active: NoteId, over: string, below = false): Layout {
  const from = columnOf(layout, active)
  const to = columnOf(layout, over)
  if (!from || !to || active === over) return layout
  const target = layout[to].filter((id) => id !== active)
  const overIndex = target.indexOf(over as NoteId)
  let index = overIndex === -1 ? target.length : overIndex
  if (overIndex !== -1) {
    // Within one column, dropping on a note further down puts the dragged one after it (as
    // arrayMove does); entering another column, the pointer's half of the note decides.
    const after = from === to ? layout[from].indexOf(active) <= overIndex : below
    if (after) index++
  }
  target.splice(index, 0, active)
  const next = { ...layout, [to]: target }
  if (from !== to) next[from] = layout[from].filter((id) => id !== active)
  return next
}

/** Where `id` sits in the layout: its column and its index among the other notes there. */
export function positionOf(layout: Layout, id: NoteId): { column: ColumnId; index: number } | null {
  const column = columnOf(layout, id)
  return column ? { column, index: layout[column].indexOf(id) } : null
}
