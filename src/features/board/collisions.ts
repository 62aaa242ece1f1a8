import type { CollisionDetection, DroppableContainer, UniqueIdentifier } from '@dnd-kit/core'

type Rects = Parameters<CollisionDetection>[0]['droppableRects']

/**
 * What a dragged note is over: one of the columns, the only droppables there are. With a mouse or
 * finger, the column under the pointer; by keyboard, the column under the middle of the floating
 * copy, which the arrow keys put onto its new place (see the board). Where in the column is the
 * board's business (`indexAt`, `stepFrom`): dnd-kit never measures the notes of a big map.
 */
export const collisionDetection: CollisionDetection = ({
  collisionRect,
  droppableContainers,
  droppableRects,
  pointerCoordinates,
}) => {
  const x = pointerCoordinates?.x ?? collisionRect.left + collisionRect.width / 2
  const column = columnAt(x, droppableContainers, droppableRects)
  return column === undefined ? [] : [{ id: column }]
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
