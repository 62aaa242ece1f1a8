import { memo } from 'react'
import { useT } from '../../i18n'
import { looseEndsShown, refOf } from '../shared/refs'
import { threadEnd, threadStart, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'

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

/** Whether a note is a loose end: a value no action leads to, or an action that serves no value. */
export function useLooseEnd(note: Note): 'value' | 'action' | null {
  return useRoom((state) => {
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
}

/** What a note serves (its links to the column on its right) and whether it is a loose end. */
export const NoteThreadInfo = memo(function NoteThreadInfo({ note }: { note: Note }) {
  const t = useT()
  const serves = useRoom((state) =>
    (state.view.linkIndex.serves.get(note.id) ?? [])
      .map((id) => refOf(t, state.view, id))
      .join(' '),
  )
  const loose = useLooseEnd(note)
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
