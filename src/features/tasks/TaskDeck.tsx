import { useId, useRef, useState } from 'react'
import { useLang } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { LIMITS } from '../../map'
import { useRoom } from '../../store/roomStore'
import { STARTER_TASKS } from './deck'
import { taskTexts } from './texts'

interface Row {
  readonly key: number
  readonly text: string
}

/**
 * The facilitator's starter deck: example tasks to edit, leave out or add to, then lay on the
 * pile to sort. Nothing is written before "Op de stapel leggen": the deck is a start, never a
 * fixed list, and what the group finds is theirs to add with the column's own button.
 */
export function TaskDeck() {
  const t = useTexts(taskTexts)
  const lang = useLang((state) => state.lang)
  const [rows, setRows] = useState<readonly Row[] | null>(null)
  const [told, setTold] = useState('')
  const nextKey = useRef(0)
  const openButton = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const id = useId()

  const open = () => {
    setTold('')
    setRows(STARTER_TASKS[lang].map((text) => ({ key: nextKey.current++, text })))
  }
  const close = () => {
    setRows(null)
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
            />
            <button
              type="button"
              className="quiet small"
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
