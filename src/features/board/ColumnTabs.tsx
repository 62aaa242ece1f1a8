import { useRef, type KeyboardEvent } from 'react'
import { useT } from '../../i18n'
import { cardOrder, isCardColumn, stepOf, type Board, type ColumnId, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { columnElementId } from './boardIds'

/**
 * On a phone, one column at a time: a tab per column (its step, name and number of notes), in
 * the card's order. Arrow keys go from tab to tab; the step being filled is marked.
 */
export function ColumnTabs({
  board,
  columns,
  shown,
  onShow,
}: {
  board: Board
  columns: Record<ColumnId, readonly Note[]>
  shown: ColumnId
  onShow(column: ColumnId): void
}) {
  const t = useT()
  const active = useRoom((state) => state.control.activeColumns)
  const tabs = useRef<Partial<Record<ColumnId, HTMLButtonElement | null>>>({})
  const order = cardOrder(board)

  function onKeyDown(event: KeyboardEvent, column: ColumnId): void {
    const at = order.indexOf(column)
    const next =
      event.key === 'ArrowRight'
        ? order[(at + 1) % order.length]
        : event.key === 'ArrowLeft'
          ? order[(at - 1 + order.length) % order.length]
          : event.key === 'Home'
            ? order[0]
            : event.key === 'End'
              ? order.at(-1)
              : undefined
    if (!next) return
    event.preventDefault()
    onShow(next)
    tabs.current[next]?.focus()
  }

  return (
    <div className="column-tabs" role="tablist" aria-label={t('board.tabs')}>
      {order.map((column) => (
        <button
          key={column}
          ref={(element) => {
            tabs.current[column] = element
          }}
          type="button"
          role="tab"
          id={`tab-${column}`}
          className={`column-tab${active.includes(column) ? ' is-active' : ''}${isCardColumn(column) ? '' : ' is-form'}`}
          aria-selected={column === shown}
          aria-controls={columnElementId(column)}
          tabIndex={column === shown ? 0 : -1}
          onClick={() => onShow(column)}
          onKeyDown={(event) => onKeyDown(event, column)}
        >
          {/* A working form's piles have no step number. */}
          {isCardColumn(column) && (
            <span className="column-tab-step" aria-hidden="true">
              {stepOf(board, column)}
            </span>
          )}
          {/* A name that fits a narrow tab, breaking only where a soft hyphen says. */}
          <span className="column-tab-name">
            <span aria-hidden="true">{t(`columnShort.${column}`)}</span>
            <span className="visually-hidden">{t(`column.${column}`)}</span>
          </span>
          <span className="column-tab-count" aria-hidden="true">
            {columns[column].length}
          </span>
          <span className="visually-hidden">
            ,{' '}
            {t(columns[column].length === 1 ? 'column.countOne' : 'column.count', {
              count: columns[column].length,
            })}
          </span>
        </button>
      ))}
    </div>
  )
}
