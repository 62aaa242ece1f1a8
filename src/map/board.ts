import {
  PARTNERSHIP_BOARD,
  TASK_BOARD,
  type BoardDefinition,
  type ColumnDefinition,
  type ColumnId,
} from '../../shared/board'

export {
  boardOf,
  BOARDS,
  DEFAULT_BOARD,
  FORMS,
  isBoardKind,
  isFormKind,
  PARTNERSHIP_BOARD,
  TASK_BOARD,
  type BoardDefinition,
  type BoardKind,
  type ColumnDefinition,
  type FormKind,
} from '../../shared/board'

/** A board as the map uses it: its definition with the columns' ids and orders worked out once. */
export type Board = BoardDefinition<ColumnId>

/** The columns' ids in fill order: step 1 first. */
export function columnIds(board: Board): readonly ColumnId[] {
  return board.columns.map((column) => column.id)
}

/**
 * Columns as the printed card shows them, left to right: the fill order reversed; a working form
 * in its own order.
 */
export function cardOrder(board: Board): readonly ColumnId[] {
  return board.leftToRight ? columnIds(board) : columnIds(board).toReversed()
}

/**
 * The step number printed on the card for a column (1 for the first one filled), on the board
 * or the working form it is on.
 */
export function stepOf(board: Board, column: ColumnId): number {
  const sheet = sheetOf(board, column) ?? board
  return sheet.columns.findIndex((definition) => definition.id === column) + 1
}

/** A column of the partnership card itself, not of a working form beside it. */
export type CardColumn = (typeof PARTNERSHIP_BOARD)['columns'][number]['id']

export function isCardColumn(column: ColumnId): column is CardColumn {
  return PARTNERSHIP_BOARD.columns.some((definition) => definition.id === column)
}

/** The pile of the task board where tasks lie before the group sorts them. */
export const TASK_DECK: ColumnId = TASK_BOARD.columns[0].id

/** The working forms a board runs beside it (the task sorting beside the partnership card). */
export function formsOf(board: Board): readonly Board[] {
  return board.forms ?? []
}

/** A working form of this board by its kind; undefined for anything else. */
export function formOf(board: Board, kind: unknown): Board | undefined {
  return formsOf(board).find((form) => form.kind === kind)
}

/** The columns of a board and of its working forms: every column a map's note can be in. */
export function allColumnIds(board: Board): readonly ColumnId[] {
  return [board, ...formsOf(board)].flatMap(columnIds)
}

/** The board a column is shown on: the board itself or one of its working forms. */
export function sheetOf(board: Board, column: ColumnId): Board | undefined {
  return [board, ...formsOf(board)].find((sheet) =>
    sheet.columns.some((definition) => definition.id === column),
  )
}

/**
 * The definition of a column of this board or one of its working forms; undefined for a column
 * of another board.
 */
export function columnOf(board: Board, column: ColumnId): ColumnDefinition<ColumnId> | undefined {
  return sheetOf(board, column)?.columns.find((definition) => definition.id === column)
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
