import type { ColumnId } from '../../map'

/** The board's element, for the skip links. */
export const BOARD_ID = 'board'

/** A column's element, for its tab and the skip links. */
export const columnElementId = (column: ColumnId) => `column-${column}`
