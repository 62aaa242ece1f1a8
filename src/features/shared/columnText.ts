import type { Translate } from '../../i18n'
import { stepOf, type Board, type ColumnId } from '../../map'

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

/** The step's column(s) as every bar names them: "1. Waarden", or "2. Relaties · 3. Eisen". */
export function stepTitle(t: Translate, board: Board, columns: readonly ColumnId[]): string {
  return columns.map((column) => `${stepOf(board, column)}. ${t(`column.${column}`)}`).join(' · ')
}
