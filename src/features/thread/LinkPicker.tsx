import { useId } from 'react'
import { useT } from '../../i18n'
import type { ColumnId, Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'
import { refOf } from '../shared/refs'

/*
 * Loaded when someone first links a note (see NoteCard): the join-and-edit path does not need it.
 */

/** Checkboxes for the notes in the column this note serves; each tick links at once. */
export function LinkPicker({
  note,
  target,
  onDone,
}: {
  note: Note
  target: ColumnId
  onDone: () => void
}) {
  const t = useT()
  const legendId = useId()
  const view = useRoom((state) => state.view)
  const linked = new Set(view.linkIndex.serves.get(note.id) ?? [])
  const candidates = view.columns[target]
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
        {t(`thread.question.${note.column as Exclude<ColumnId, 'waarden'>}`)}
      </legend>
      {candidates.length === 0 ? (
        <p>{t('thread.nothingToLink', { column: t(`column.${target}`) })}</p>
      ) : (
        <ul>
          {candidates.map((candidate, i) => (
            <li key={candidate.id}>
              <label>
                <input
                  type="checkbox"
                  autoFocus={i === 0}
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
      <button type="button" className="small" onClick={onDone}>
        {t('thread.done')}
      </button>
    </fieldset>
  )
}
