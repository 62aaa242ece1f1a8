import { useDraggable, type DraggableAttributes } from '@dnd-kit/core'
import { lazy, memo, Suspense, useRef, useState } from 'react'
import { useT } from '../../i18n'
import type { ColumnId, Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { NoteExtras } from '../facilitation/NoteExtras'
import { NoteRef, NoteThreadInfo, ThreadButtons } from '../thread/NoteThread'
import { cardOrder, carriesOwners, servedColumn, stepOf, takesHolds } from '../../map'
import { mayWriteTo } from '../../store/selectors'
import { useDisclosure } from '../shared/useDisclosure'
import { ValueHolders } from '../voices/ValueHolders'
import { NoteForm, type NoteDraft } from './NoteForm'
import { bylineOf, ownerLine, shortText } from '../shared/noteText'

/**
 * The text, owner and author of a note; also used for the floating copy while dragging, which
 * must not repeat the ids the list item is labelled by (`labelled` false).
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
        {bylineOf(t, note)}
      </p>
    </>
  )
})

type Mode = 'view' | 'edit' | 'confirmDelete'

/** Once a note has gone from a column (deleted, moved away), keyboard users stay in that column. */
function focusAddButton(column: ColumnId): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLButtonElement>(`[data-column="${column}"] .add-note`)?.focus(),
  )
}

const LinkPicker = lazy(() =>
  import('../thread/LinkPicker').then((module) => ({ default: module.LinkPicker })),
)

/**
 * "Verplaats naar…": the note goes to the end of another column, chosen from a list. On a phone,
 * where one column shows at a time, this is how a note changes column (drag stays within it).
 */
function MoveTo({ note }: { note: Note }) {
  const t = useT()
  const { buttonRef, panelRef, buttonProps, panelProps, close } = useDisclosure<HTMLDivElement>()
  const board = useRoom((state) => state.view.board)
  const control = useRoom((state) => state.control)
  const level = useRoom((state) => state.level)
  const targets = cardOrder(board).filter(
    (column) => column !== note.column && mayWriteTo(control, level, column),
  )
  if (targets.length === 0) return null
  return (
    <div className="move-to">
      <button
        type="button"
        className="quiet"
        aria-label={t('note.moveToLabel', { text: shortText(note.text) })}
        ref={buttonRef}
        {...buttonProps}
      >
        <span className="tool-icon" aria-hidden="true">
          ⇄
        </span>
        <span className="tool-label">{t('note.moveTo')}</span>
      </button>
      <div
        className="move-to-menu"
        role="group"
        aria-label={t('note.moveTo')}
        ref={panelRef}
        {...panelProps}
      >
        {targets.map((column) => (
          <button
            key={column}
            type="button"
            onClick={() => {
              const room = useRoom.getState()
              room.moveNote(note.id, column, room.view.columns[column].length)
              close(false)
              // On a phone the note went to a tab out of view.
              focusAddButton(note.column)
            }}
          >
            {stepOf(board, column)}. {t(`column.${column}`)}
          </button>
        ))}
      </div>
    </div>
  )
}

/**
 * One note in a column: draggable by mouse and touch, and by keyboard from its handle. Only this
 * shell follows the drag: dnd-kit renders every draggable card whenever a drag starts, changes
 * column or ends, so what the card shows is a memoised part that skips those renders.
 */
export const NoteCard = memo(function NoteCard({
  note,
  editable,
  away = false,
}: {
  note: Note
  /** False in a locked column and for viewers: the note is shown, not changed. */
  editable: boolean
  /** Being dragged to another place: out of sight until the drop (see `.note.is-away`). */
  away?: boolean
}) {
  const t = useT()
  const [mode, setMode] = useState<Mode>('view')
  // While the column shows vote results in dot order, positions are not the group's own order.
  const sortedByVotes = useRoom(
    (state) => state.control.sortByVotes && state.control.vote !== null && !state.control.vote.open,
  )
  const roleDescription = t('dnd.roleDescription')
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: note.id,
    disabled: mode !== 'view' || !editable || sortedByVotes,
    attributes: { roleDescription },
  })
  const focused = useRoom((state) => state.control.focusNote === note.id)
  const inThread = useRoom((state) => state.thread?.has(note.id) ?? false)

  return (
    <li
      ref={setNodeRef}
      className={`note${isDragging ? (away ? ' is-away' : ' is-dragging') : ''}${focused ? ' is-focused' : ''}${inThread ? ' in-thread' : ''}`}
      aria-labelledby={`note-${note.id}-ref note-${note.id}-text note-${note.id}-author`}
      data-note-id={note.id}
      {...listeners}
    >
      <NoteContent
        note={note}
        editable={editable}
        mode={mode}
        setMode={setMode}
        handleAttributes={attributes}
        setHandleRef={setActivatorNodeRef}
      />
    </li>
  )
})

/** A note's text, extras and tools, or its edit form: re-rendered only when these change. */
const NoteContent = memo(function NoteContent({
  note,
  editable,
  mode,
  setMode,
  handleAttributes,
  setHandleRef,
}: {
  note: Note
  editable: boolean
  mode: Mode
  setMode: (mode: Mode) => void
  handleAttributes: DraggableAttributes
  setHandleRef: (element: HTMLElement | null) => void
}) {
  const t = useT()
  const editButton = useRef<HTMLButtonElement>(null)
  const linkButton = useRef<HTMLButtonElement>(null)
  const [linking, setLinking] = useState(false)
  const level = useRoom((state) => state.level)
  const label = shortText(note.text)
  const board = useRoom((state) => state.view.board)
  const linkTarget = servedColumn(board, note.column)

  function save(draft: NoteDraft): void {
    const room = useRoom.getState()
    const changes = {
      text: draft.text,
      owner: carriesOwners(board, note.column) ? draft.owner : undefined,
    }
    const saved =
      draft.column === note.column
        ? room.editNote(note.id, changes)
        : room.editAndMoveNote(note.id, changes, {
            column: draft.column,
            index: room.view.columns[draft.column].length,
          })
    if (!saved) return
    setMode('view')
    requestAnimationFrame(() => editButton.current?.focus())
  }

  return mode === 'edit' ? (
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
      <NoteRef note={note} />
      <NoteBody note={note} />
      <NoteExtras note={note} editable={editable} />
      {takesHolds(board, note.column) && <ValueHolders note={note} />}
      <NoteThreadInfo note={note} />
      {linking && linkTarget && (
        <Suspense fallback={null}>
          <LinkPicker
            note={note}
            target={linkTarget}
            onDone={() => {
              setLinking(false)
              requestAnimationFrame(() => linkButton.current?.focus())
            }}
          />
        </Suspense>
      )}
      {mode === 'confirmDelete' ? (
        <div className="note-confirm" role="group" aria-label={t('note.deleteConfirm')}>
          <p>{t('note.deleteConfirm')}</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              useRoom.getState().deleteNote(note.id)
              focusAddButton(note.column)
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
      ) : editable ? (
        <div className="note-tools">
          <button
            type="button"
            ref={setHandleRef}
            className="drag-handle"
            {...handleAttributes}
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
          <ThreadButtons
            note={note}
            editable
            linking={linking}
            onLinking={setLinking}
            linkButton={linkButton}
          />
          <MoveTo note={note} />
        </div>
      ) : (
        level !== 'viewer' && (
          <div className="note-tools">
            <ThreadButtons
              note={note}
              editable={false}
              linking={false}
              onLinking={setLinking}
              linkButton={linkButton}
            />
          </div>
        )
      )}
    </>
  )
})
