import { useId } from 'react'
import { useT } from '../../i18n'
import { threadTexts } from './threadTexts'
import { useTexts } from '../../i18n/bundle'
import type { ColumnId, Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'
import { refOf } from '../shared/refs'

/*
 * Loaded when someone first links a note (see NoteCard): the join-and-edit path does not need it.
 */

/**
 * Checkboxes for the notes in the columns this note serves (for a condition: the requirements, then
 * the relations it keeps going), each column under its name when there are several; each tick
 * links at once.
 */
export function LinkPicker({
  note,
  targets,
  onDone,
}: {
  note: Note
  targets: readonly ColumnId[]
  onDone: () => void
}) {
  const t = useT()
  const tt = useTexts(threadTexts)
  const legendId = useId()
  const view = useRoom((state) => state.view)
  const linked = new Set(view.linkIndex.serves.get(note.id) ?? [])
  const first = targets.find((column) => view.columns[column].length > 0)
  const several = targets.length > 1
  return (
    <fieldset
      className="link-picker"
      aria-labelledby={legendId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onDone()
        }
      }}
    >
      <legend id={legendId}>
        {tt(`thread.question.${note.column as 'relaties' | 'eisen' | 'voorwaarden' | 'acties'}`)}
      </legend>
      {targets.map((column) => {
        const candidates = view.columns[column]
        return (
          <div key={column} className="link-picker-column">
            {several && <p className="link-picker-heading">{t(`column.${column}`)}</p>}
            {candidates.length === 0 ? (
              <p>{tt('thread.nothingToLink', { column: t(`column.${column}`) })}</p>
            ) : (
              <ul aria-label={several ? t(`column.${column}`) : undefined}>
                {candidates.map((candidate, i) => (
                  <li key={candidate.id}>
                    <label>
                      <input
                        type="checkbox"
                        autoFocus={column === first && i === 0}
                        checked={linked.has(candidate.id)}
                        onChange={(event) =>
                          useRoom.getState().setLink(note.id, candidate.id, event.target.checked)
                        }
                      />{' '}
                      <span className="link-ref">{refOf(t, view, candidate.id)}</span>{' '}
                      {shortText(candidate.text)}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      })}
      <button type="button" className="small" onClick={onDone}>
        {tt('thread.done')}
      </button>
    </fieldset>
  )
}
