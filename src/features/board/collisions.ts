import {
  closestCorners,
  pointerWithin,
  type CollisionDetection,
  type DroppableContainer,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { COLUMN_IDS } from '../../map'

const COLUMN_SET = new Set<UniqueIdentifier>(COLUMN_IDS)

/** The column a droppable belongs to: a column's list itself, or a note sorted in it. */
function columnOfDroppable(droppable: DroppableContainer): UniqueIdentifier | undefined {
  if (COLUMN_SET.has(droppable.id)) return droppable.id
  const sortable: unknown = droppable.data.current?.sortable
  return typeof sortable === 'object' && sortable !== null && 'containerId' in sortable
    ? (sortable.containerId as UniqueIdentifier)
    : undefined
}

/**
 * What the dragged note is over. First the column: with a mouse or finger the one under the
 * pointer, left to right (`columnAt`); by keyboard, the nearest box. Then only that column's
 * notes: under the pointer, or else the nearest (a card is wider than the gap between columns,
 * so its corners would mislead). Checking all notes of a 300-note map on every pointer move took
 * most of a drag's time, as dnd-kit's boxes re-read the scroll position of every scrolling
 * ancestor on each access (measured with Chromium's profiler).
 */
export const collisionDetection: CollisionDetection = (args) => {
  const nearest = (droppableContainers: DroppableContainer[]) => {
    const scoped = {
      ...args,
      droppableContainers,
      droppableRects: plainRects(droppableContainers, args.droppableRects),
    }
    const underPointer = pointerWithin(scoped)
    return underPointer.length > 0 ? underPointer : closestCorners(scoped)
  }
  const columns = args.droppableContainers.filter((droppable) => COLUMN_SET.has(droppable.id))
  const column = args.pointerCoordinates
    ? columnAt(args.pointerCoordinates.x, columns, args.droppableRects)
    : nearest(columns)[0]?.id
  if (column === undefined) return []
  return nearest(
    args.droppableContainers.filter((droppable) => columnOfDroppable(droppable) === column),
  )
}

type Rects = Parameters<CollisionDetection>[0]['droppableRects']

/**
 * The boxes as plain numbers, read once. dnd-kit's own boxes add the scroll position of every
 * scrolling ancestor on each read of top or left, and checking a box reads them up to a dozen
 * times; on every pointer move, for each note of the column.
 */
export function plainRects(droppables: readonly DroppableContainer[], rects: Rects): Rects {
  const plain: Rects = new Map()
  for (const droppable of droppables) {
    const rect = rects.get(droppable.id)
    if (!rect) continue
    const { top, left, width, height } = rect
    plain.set(droppable.id, { top, left, width, height, right: left + width, bottom: top + height })
  }
  return plain
}

/**
 * The column under the pointer, by its left and right edges only (or the nearest, in a gap). The
 * height does not count: above or below a column's list the pointer still means that column.
 * Judged by the dragged card's corners instead, a card held by its handle on the right reached
 * into the next column and the preview went back and forth between the two on every move.
 */
export function columnAt(
  x: number,
  columns: DroppableContainer[],
  rects: Rects,
): UniqueIdentifier | undefined {
  let best: { id: UniqueIdentifier; distance: number } | undefined
  for (const column of columns) {
    const rect = rects.get(column.id)
    if (!rect) continue
    const distance = x < rect.left ? rect.left - x : x > rect.right ? x - rect.right : 0
    if (!best || distance < best.distance) best = { id: column.id, distance }
  }
  return best?.id
}
