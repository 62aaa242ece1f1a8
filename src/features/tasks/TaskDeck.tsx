import { useId, useRef, useState, type SetStateAction } from 'react'
import { useLang } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { columnIds, LIMITS, TASK_BOARD } from '../../map'
import { useRoom } from '../../store/roomStore'
import { STARTER_TASKS } from './deck'
import { taskTexts } from './texts'

interface Row {
  readonly key: number
  readonly text: string
  /** The starter task it began as (in the language it was offered in); none for one added. */
  readonly origin?: string
}

/**
 * The deck as the facilitator left it, kept while the page is open: looking at the map and back
 * (which takes the deck off the screen) loses nothing.
 */
let keptDraft: readonly Row[] | null = null
/** Starter tasks laid out from this page, reworded or not: never offered again. */
const laidOut = new Set<string>()

/** Every task's text on the task board now, sorted or not, for leaving the deck's twins out. */
function useTaskTexts(): ReadonlySet<string> {
  const columns = useRoom((state) => state.view.columns)
  return new Set(columnIds(TASK_BOARD).flatMap((column) => columns[column].map((n) => n.text)))
}

/**
 * The facilitator's starter deck: example tasks to edit, leave out or add to, then lay on the
 * pile to sort. Nothing is written before "Op de stapel leggen": the deck is a start, never a
 * fixed list, and what the group finds is theirs to add with the column's own button. What was
 * edited stays when the deck is closed, until it is laid out; a task already on the board is
 * not offered again, so the deck cannot be laid out twice.
 */
export function TaskDeck() {
  const t = useTexts(taskTexts)
  const lang = useLang((state) => state.lang)
  const onBoard = useTaskTexts()
  const [shown, setShown] = useState(false)
  const [draft, setDraftState] = useState<readonly Row[] | null>(keptDraft)
  const setDraft = (next: SetStateAction<readonly Row[] | null>) =>
    setDraftState((before) => {
      keptDraft = typeof next === 'function' ? next(before) : next
      return keptDraft
    })
  const [told, setTold] = useState('')
  const nextKey = useRef(keptDraft ? Math.max(0, ...keptDraft.map((row) => row.key)) + 1 : 0)
  const openButton = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const id = useId()

  const rows = shown ? draft : null
  const setRows = (next: readonly Row[]) => setDraft(next)

  const open = () => {
    setTold('')
    setDraft(
      (kept) =>
        kept ??
        STARTER_TASKS[lang]
          .filter((text) => !onBoard.has(text) && !laidOut.has(text))
          .map((text) => ({ key: nextKey.current++, text, origin: text })),
    )
    setShown(true)
    focusRow(0)
  }
  const close = () => {
    setShown(false)
    requestAnimationFrame(() => openButton.current?.focus())
  }
  const focusRow = (index: number) =>
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll('input')
      const target = inputs?.[Math.min(index, inputs.length - 1)]
      if (target) target.focus()
      else document.getElementById(`${id}-add`)?.focus()
    })

  if (!rows) {
    return (
      <div className="task-deck">
        <button type="button" ref={openButton} className="quiet small" onClick={open}>
          {t('deck.open')}
        </button>
        <p className="visually-hidden" role="status">
          {told}
        </p>
      </div>
    )
  }

  const tasks = rows.map((row) => row.text.trim()).filter((text) => text.length > 0)
  return (
    <section
      className="task-deck is-open"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          close()
        }
      }}
    >
      <h3 id={`${id}-title`}>{t('deck.title')}</h3>
      <p>{t('deck.intro')}</p>
      {rows.length === 0 && <p>{t('deck.allLaid')}</p>}
      <ol ref={listRef} className="task-deck-list">
        {rows.map((row, i) => (
          <li key={row.key}>
            <input
              type="text"
              aria-label={t('deck.task', { number: i + 1 })}
              value={row.text}
              maxLength={LIMITS.noteText}
              onChange={(event) =>
                setRows(
                  rows.map((r) => (r.key === row.key ? { ...r, text: event.target.value } : r)),
                )
              }
              onKeyDown={(event) => {
                // Enter makes room for the next task, as in any list one writes.
                if (event.key !== 'Enter') return
                event.preventDefault()
                const next = [...rows]
                next.splice(i + 1, 0, { key: nextKey.current++, text: '' })
                setRows(next)
                focusRow(i + 1)
              }}
            />
            <button
              type="button"
              className="quiet small task-deck-remove"
              aria-label={t('deck.remove', { number: i + 1 })}
              onClick={() => {
                setRows(rows.filter((r) => r.key !== row.key))
                focusRow(i)
              }}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="task-deck-actions">
        <button
          type="button"
          id={`${id}-add`}
          className="quiet small"
          onClick={() => {
            setRows([...rows, { key: nextKey.current++, text: '' }])
            focusRow(rows.length)
          }}
        >
          {t('deck.add')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={tasks.length === 0}
          onClick={() => {
            void useRoom
              .getState()
              .layOutTasks(tasks)
              .then((written) => {
                if (!written) return
                for (const row of rows) if (row.origin) laidOut.add(row.origin)
                setDraft(null)
                close()
                setTold(t('deck.done', { count: tasks.length }))
              })
          }}
        >
          {t('deck.lay', { count: tasks.length })}
        </button>
        <button type="button" className="quiet" onClick={close}>
          {t('deck.cancel')}
        </button>
      </div>
    </section>
  )
}
