import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { memo, useRef, useState } from 'react'
import { useT, type Translate } from '../../i18n'
import type { Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { roleText } from '../room/roleLabel'
import { NoteExtras } from '../facilitation/NoteExtras'
import { NoteForm, type NoteDraft } from './NoteForm'
import { shortText } from './noteText'

function ownerLine(t: Translate, note: Note): string | null {
  if (!note.owner) return null
  return [t(`owner.${note.owner.kind}`), note.owner.name, note.owner.when]
    .filter((part) => part.trim() !== '')
    .join(' · ')
}

/**
 * What a note shows; also used for the floating copy while dragging, which must not repeat the
 * ids the list item is labelled by (`labelled` false).
 */
/**
 * The text, owner and author of a note. Memoised, like NoteExtras: when a drag starts, dnd-kit
 * re-renders every sortable card, and with hundreds of notes only the card's shell may redo work.
 */
export const NoteBody = memo(function NoteBody({
  note,
  labelled = true,
}: {
  note: Note
  labelled?: boolean
}) {
  const t = useT()
  const owner = ownerLine(t, note)
  return (
    <>
      <p className="note-text" id={labelled ? `note-${note.id}-text` : undefined}>
        {note.text}
      </p>
      {owner && <p className="note-owner">{owner}</p>}
      <p className="note-author" id={labelled ? `note-${note.id}-author` : undefined}>
        {note.author ? `${note.author.name} · ${roleText(t, note.author)}` : t('note.anonymous')}
      </p>
    </>
  )
})

/** One note in a column: draggable by mouse and touch, and by keyboard from its handle. */
export const NoteCard = memo(function NoteCard({
  note,
  editable,
}: {
  note: Note
  /** False in a locked column and for viewers: the note is shown, not changed. */
  editable: boolean
}) {
  const t = useT()
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete'>('view')
  // While the column shows vote results in dot order, positions are not the group's own order.
  const sortedByVotes = useRoom(
    (state) => state.control.sortByVotes && state.control.vote !== null && !state.control.vote.open,
  )
  const editButton = useRef<HTMLButtonElement>(null)
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: note.id,
    disabled: mode !== 'view' || !editable || sortedByVotes,
    attributes: { roleDescription: t('dnd.roleDescription') },
  })
  const label = shortText(note.text)
  const focused = useRoom((state) => state.control.focusNote === note.id)

  function save(draft: NoteDraft): void {
    const room = useRoom.getState()
    const saved = room.editNote(note.id, {
      text: draft.text,
      owner: note.column === 'acties' ? draft.owner : undefined,
    })
    if (!saved) return
    if (draft.column !== note.column) {
      room.moveNote(note.id, draft.column, room.view.columns[draft.column].length)
    }
    setMode('view')
    requestAnimationFrame(() => editButton.current?.focus())
  }

  return (
    <li
      ref={setNodeRef}
      className={`note${isDragging ? ' is-dragging' : ''}${focused ? ' is-focused' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-labelledby={`note-${note.id}-text note-${note.id}-author`}
      data-note-id={note.id}
      {...listeners}
    >
      {mode === 'edit' ? (
        <NoteForm
          initial={{
            text: note.text,
            column: note.column,
            owner: note.owner ?? { kind: 'wij', name: '', when: '' },
          }}
          allowColumnChange
          submitLabel={t('note.save')}
          onSubmit={save}
          onCancel={() => {
            setMode('view')
            requestAnimationFrame(() => editButton.current?.focus())
          }}
        />
      ) : (
        <>
          <NoteBody note={note} />
          <NoteExtras note={note} editable={editable} />
          {mode === 'confirmDelete' ? (
            <div className="note-confirm" role="group" aria-label={t('note.deleteConfirm')}>
              <p>{t('note.deleteConfirm')}</p>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  useRoom.getState().deleteNote(note.id)
                  // The note is gone; keep keyboard users in the same column.
                  requestAnimationFrame(() =>
                    document
                      .querySelector<HTMLButtonElement>(`[data-column="${note.column}"] .add-note`)
                      ?.focus(),
                  )
                }}
              >
                {t('note.deleteYes')}
              </button>
              <button
                type="button"
                autoFocus
                onClick={() => {
                  setMode('view')
                  requestAnimationFrame(() => editButton.current?.focus())
                }}
              >
                {t('note.deleteNo')}
              </button>
            </div>
          ) : (
            editable && (
              <div className="note-tools">
                <button
                  type="button"
                  ref={setActivatorNodeRef}
                  className="drag-handle"
                  {...attributes}
                  aria-label={t('note.drag', { text: label })}
                >
                  <span aria-hidden="true">⠿</span>
                </button>
                <button
                  type="button"
                  ref={editButton}
                  className="quiet"
                  aria-label={t('note.editLabel', { text: label })}
                  onClick={() => setMode('edit')}
                >
                  <span className="tool-icon" aria-hidden="true">
                    ✎
                  </span>
                  <span className="tool-label">{t('note.edit')}</span>
                </button>
                <button
                  type="button"
                  className="quiet"
                  aria-label={t('note.deleteLabel', { text: label })}
                  onClick={() => setMode('confirmDelete')}
                >
                  <span className="tool-icon" aria-hidden="true">
                    ✕
                  </span>
                  <span className="tool-label">{t('note.delete')}</span>
                </button>
              </div>
            )
          )}
        </>
      )}
    </li>
  )
})
