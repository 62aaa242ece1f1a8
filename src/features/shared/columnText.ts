import type { Translate } from '../../i18n'
import {
  isCardColumn,
  sheetOf,
  stepOf,
  stepsFor,
  type Board,
  type ColumnId,
  type FormKind,
} from '../../map'

const CARD_SUBTITLE: Partial<Record<ColumnId, 'column.eisen.card' | 'column.voorwaarden.card'>> = {
  eisen: 'column.eisen.card',
  voorwaarden: 'column.voorwaarden.card',
}

/**
 * The printed card's second name for a column ("Condities"), or null. English has one word for
 * both ("Conditions"): then the name is not given twice.
 */
export function cardSubtitle(t: Translate, column: ColumnId): string | null {
  const key = CARD_SUBTITLE[column]
  const subtitle = key ? t(key) : null
  return subtitle && subtitle !== t(`column.${column}`) ? subtitle : null
}

/** The questions the card prints for a column; none for a working form's pile here. */
export function cardQuestions(t: Translate, column: ColumnId): readonly string[] {
  return isCardColumn(column) ? t.list(`columnQuestions.${column}`) : []
}

/**
 * The step's column(s) as every bar names them: "1. Waarden", or "2. Relaties · 3. Eisen"; a
 * working form's step by its own name ("Taken sorteren").
 */
export function stepTitle(t: Translate, board: Board, columns: readonly ColumnId[]): string {
  const sheet = columns[0] ? sheetOf(board, columns[0]) : undefined
  if (sheet && sheet !== board) {
    const steps = sheet.steps ?? stepsFor('fromValues', 'ruim', sheet)
    const index = steps.findIndex(
      (step) => step.length === columns.length && columns.every((c) => step.includes(c)),
    )
    return t(`form.${sheet.kind as FormKind}.step.${(index + 1) as 1 | 2}`)
  }
  return columns.map((column) => `${stepOf(board, column)}. ${t(`column.${column}`)}`).join(' · ')
}
