import { memo, type RefObject } from 'react'
import { useT } from '../../i18n'
import { looseEndsShown, refOf } from '../shared/refs'
import { servedColumn, threadEnd, threadStart, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'

/** The reference shown in a note's corner, also read out as part of the note's name. */
export const NoteRef = memo(function NoteRef({ note }: { note: Note }) {
  const t = useT()
  const ref = useRoom((state) => refOf(t, state.view, note.id))
  return (
    <p className="note-ref" id={`note-${note.id}-ref`}>
      {ref}
    </p>
  )
})

/** What a note serves (its links to the column on its right) and whether it is a loose end. */
export const NoteThreadInfo = memo(function NoteThreadInfo({ note }: { note: Note }) {
  const t = useT()
  const serves = useRoom((state) =>
    (state.view.linkIndex.serves.get(note.id) ?? [])
      .map((id) => refOf(t, state.view, id))
      .join(' '),
  )
  const loose = useRoom((state) => {
    const view = state.view
    if (!looseEndsShown(view)) return null
    if (note.column === threadStart(view.board) && view.loose.values.includes(note.id)) {
      return 'value'
    }
    if (note.column === threadEnd(view.board) && view.loose.actions.includes(note.id)) {
      return 'action'
    }
    return null
  })
  if (!serves && !loose) return null
  return (
    <div className="note-thread">
      {serves && (
        <p className="note-serves">
          {t('thread.serves')} <span className="note-serves-refs">{serves}</span>
        </p>
      )}
      {loose && (
        <p className="note-loose">
          {t(loose === 'value' ? 'thread.looseValue' : 'thread.looseAction')}
        </p>
      )}
    </div>
  )
})

/**
 * The buttons to show a note's thread and to link it, for the note's tool row. Linking opens a
 * list of checkboxes: the same by mouse, touch and keyboard.
 */
export function ThreadButtons({
  note,
  editable,
  linking,
  onLinking,
  linkButton,
}: {
  note: Note
  editable: boolean
  linking: boolean
  onLinking: (open: boolean) => void
  linkButton: RefObject<HTMLButtonElement | null>
}) {
  const t = useT()
  const selected = useRoom((state) => state.threadNote === note.id)
  const board = useRoom((state) => state.view.board)
  const label = shortText(note.text)
  return (
    <>
      <button
        type="button"
        className="quiet"
        aria-pressed={selected}
        aria-label={t(selected ? 'thread.hideLabel' : 'thread.showLabel', { text: label })}
        onClick={() => useRoom.getState().selectThread(selected ? null : note.id)}
      >
        <span className="tool-icon" aria-hidden="true">
          ≈
        </span>
        <span className="tool-label">{t(selected ? 'thread.hide' : 'thread.show')}</span>
      </button>
      {editable && servedColumn(board, note.column) && (
        <button
          type="button"
          ref={linkButton}
          className="quiet"
          aria-expanded={linking}
          aria-label={t('thread.linkLabel', { text: label })}
          onClick={() => onLinking(!linking)}
        >
          <span className="tool-icon" aria-hidden="true">
            →
          </span>
          <span className="tool-label">{t('thread.link')}</span>
        </button>
      )}
    </>
  )
}
