import type { BoardDefinition, ColumnDefinition, ColumnId } from '../../shared/board'

export {
  boardOf,
  BOARDS,
  DEFAULT_BOARD,
  isBoardKind,
  PARTNERSHIP_BOARD,
  type BoardDefinition,
  type BoardKind,
  type ColumnDefinition,
} from '../../shared/board'

/** A board as the map uses it: its definition with the columns' ids and orders worked out once. */
export type Board = BoardDefinition<ColumnId>

/** The columns' ids in fill order: step 1 first. */
export function columnIds(board: Board): readonly ColumnId[] {
  return board.columns.map((column) => column.id)
}

/** Columns as the printed card shows them, left to right: the fill order reversed. */
export function cardOrder(board: Board): readonly ColumnId[] {
  return columnIds(board).toReversed()
}

/** The step number printed on the card for a column (1 for the first one filled). */
export function stepOf(board: Board, column: ColumnId): number {
  return board.columns.findIndex((definition) => definition.id === column) + 1
}

/** The definition of a column of this board; undefined for a column of another board. */
export function columnOf(board: Board, column: ColumnId): ColumnDefinition<ColumnId> | undefined {
  return board.columns.find((definition) => definition.id === column)
}

/** True when notes in `column` say who does them and when (the actions). */
export function carriesOwners(board: Board, column: ColumnId): boolean {
  return columnOf(board, column)?.owners === true
}

/** True when notes in `column` can be tagged with a layer (the conditions). */
export function takesLayers(board: Board, column: ColumnId): boolean {
  return columnOf(board, column)?.layers === true
}

/** True when people can say of a note in `column` that it is theirs too (the values). */
export function takesHolds(board: Board, column: ColumnId): boolean {
  return columnOf(board, column)?.holds === true
}

/**
 * The columns a note in `column` serves on the golden thread, the main one first; none where the
 * thread starts.
 */
export function servedColumns(board: Board, column: ColumnId): readonly ColumnId[] {
  return columnOf(board, column)?.serves ?? []
}

/** True when a note in `from` can serve a note in `to` on the golden thread. */
export function canServe(board: Board, from: ColumnId, to: ColumnId): boolean {
  return servedColumns(board, from).includes(to)
}

/** The columns whose notes serve a note in `column`; none where the thread ends. */
export function servingColumns(board: Board, column: ColumnId): readonly ColumnId[] {
  return board.columns
    .filter((definition) => definition.serves.includes(column))
    .map((definition) => definition.id)
}

/** Where the golden thread starts (the values): the column that serves nothing. */
export function threadStart(board: Board): ColumnId {
  return (board.columns.find((definition) => definition.serves.length === 0) ?? board.columns[0]!)
    .id
}

/** Where the golden thread ends (the actions): the column no other column serves. */
export function threadEnd(board: Board): ColumnId {
  const served = new Set(board.columns.flatMap((definition) => definition.serves))
  return (board.columns.find((definition) => !served.has(definition.id)) ?? board.columns.at(-1)!)
    .id
}
