import { useDraggable, type DraggableAttributes } from '@dnd-kit/core'
import { lazy, memo, Suspense, useLayoutEffect, useRef, useState, type SyntheticEvent } from 'react'
import { useT } from '../../i18n'
import type { ColumnId, Note } from '../../map'
import { carriesOwners, hasPower, isCardColumn, isOverdue, servedColumns, today } from '../../map'
import { useRoom } from '../../store/roomStore'
import { NoteVoting } from '../facilitation/NoteVoting'
import { bylineOf, followUpLine, ownerLine } from '../shared/noteText'
import { refOf } from '../shared/refs'
import type { NoteDraft } from './NoteForm'
import { NoteHead } from './NoteHead'
import { NoteMenu } from './NoteMenu'
import { noteForm } from './noteFormPart'

const NoteForm = noteForm.Part
// Who carries, decides and pays: loaded once an action on the map has an answer.
const PowerLine = lazy(() =>
  import('../power/PowerLine').then((module) => ({ default: module.PowerLine })),
)
const LayerTag = lazy(() => import('../layers/Layers').then((m) => ({ default: m.LayerTag })))
// A sorted task taken to the map: where it went.
const OnMapTag = lazy(() => import('../tasks/OnMapTag').then((m) => ({ default: m.OnMapTag })))
const PowerForm = lazy(() =>
  import('../power/PowerForm').then((module) => ({ default: module.PowerForm })),
)

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
  const hideRoles = useRoom((state) => state.control.hideRoles)
  const owner = ownerLine(t, note)
  const followUp = followUpLine(t, note, today())
  return (
    <>
      <p className="note-text" id={labelled ? `note-${note.id}-text` : undefined}>
        {note.text}
      </p>
      {owner && (
        <p className="note-owner" id={labelled ? `note-${note.id}-owner` : undefined}>
          {owner}
        </p>
      )}
      {followUp && (
        <p
          className={`note-followup${followUp.overdue ? ' is-overdue' : ''}`}
          id={labelled ? `note-${note.id}-followup` : undefined}
        >
          {followUp.text}
        </p>
      )}
      {note.layer && (
        <Suspense fallback={null}>
          <LayerTag note={note} />
        </Suspense>
      )}
      {note.onMap && (
        <Suspense fallback={null}>
          <OnMapTag note={note} />
        </Suspense>
      )}
      {hasPower(note.power) && (
        <Suspense fallback={null}>
          <PowerLine note={note} id={labelled ? `note-${note.id}-power` : undefined} />
        </Suspense>
      )}
      {/* A task from the deck speaks for nobody: no "Anoniem" on every card. */}
      {(note.author || isCardColumn(note.column)) && (
        <p className="note-author" id={labelled ? `note-${note.id}-author` : undefined}>
          {bylineOf(t, note, true, !hideRoles)}
        </p>
      )}
    </>
  )
})

type Mode = 'view' | 'edit' | 'followUp' | 'power' | 'confirmDelete'

/** Once a note has gone from a column (deleted, moved away), keyboard users stay in that column. */
function focusColumn(column: ColumnId): void {
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>(
        `[data-column="${column}"] :is(.note-main, .add-note)[tabindex="0"]`,
      )
      ?.focus(),
  )
}

/** Pressing a control in a card never starts dragging the card (dnd-kit listens on the card). */
const keepDragOut = {
  onMouseDown: (event: SyntheticEvent) => event.stopPropagation(),
  onTouchStart: (event: SyntheticEvent) => event.stopPropagation(),
}

const FollowUpForm = lazy(() =>
  import('../followup/FollowUpForm').then((module) => ({ default: module.FollowUpForm })),
)

const LinkPicker = lazy(() =>
  import('../thread/LinkPicker').then((module) => ({ default: module.LinkPicker })),
)

/**
 * One note in a column: draggable by mouse and touch anywhere on the card, and by keyboard from
 * its text (Space picks it up). Only this shell follows the drag: dnd-kit renders every draggable
 * card whenever a drag starts, changes column or ends, so what the card shows is a memoised part
 * that skips those renders.
 */
export const NoteCard = memo(function NoteCard({
  note,
  editable,
  tabbable,
  away = false,
  onNeedsRoom,
}: {
  note: Note
  /** False in a locked column and for viewers: the note is shown, not changed. */
  editable: boolean
  /** The column's one Tab stop (roving focus): arrow keys move it to the other notes. */
  tabbable: boolean
  /** Being dragged to another place: out of sight until the drop (see `.note.is-away`). */
  away?: boolean
  /** In a narrow rail: called before a form opens on the card, to make room for it. */
  onNeedsRoom?: () => void
}) {
  const t = useT()
  const [mode, setMode] = useState<Mode>('view')
  // While the column shows vote results in dot order, positions are not the group's own order.
  const sortedByVotes = useRoom(
    (state) => state.control.sortByVotes && state.control.vote !== null && !state.control.vote.open,
  )
  const roleDescription = t('dnd.roleDescription')
  const movable = mode === 'view' && editable && !sortedByVotes
  const draggable = useDraggable({
    id: note.id,
    disabled: !movable,
    attributes: { roleDescription },
  })
  const { listeners, setNodeRef, setActivatorNodeRef, isDragging } = draggable
  // A note that cannot move now is read as a note, not as a disabled thing to pick up.
  const attributes: DraggableAttributes = movable
    ? draggable.attributes
    : {
        ...draggable.attributes,
        'aria-disabled': false,
        'aria-roledescription': t('note.roleDescription'),
        'aria-describedby': '',
      }
  const focused = useRoom((state) => state.control.focusNote === note.id)
  const inThread = useRoom((state) => state.thread?.has(note.id) ?? false)

  // A card that goes (deleted or moved, by anyone) while it has focus leaves keyboard users in
  // its column, not on the page's top; before it leaves, the card is still in the page.
  const item = useRef<HTMLLIElement | null>(null)
  const noteLabel = useRoom((state) => state.view.labels.get(note.id) ?? '')
  const last = useRef({ column: note.column, mode, label: noteLabel })
  // A card that goes while it is edited, by someone else's change, says the edit was not kept.
  const [saving] = useState(() => ({ now: false }))
  useLayoutEffect(() => {
    last.current.column = note.column
    last.current.mode = mode
    last.current.label = noteLabel
  })
  useLayoutEffect(() => {
    const element = item.current
    const seen = last.current
    const own = saving
    return () => {
      if (element?.contains(document.activeElement)) focusColumn(seen.column)
      if (seen.mode === 'edit' && !own.now) useRoom.getState().editLost(seen.label)
    }
  }, [note.id, saving])

  return (
    <li
      ref={(element) => {
        item.current = element
        setNodeRef(element)
      }}
      className={`note${isDragging ? (away ? ' is-away' : ' is-dragging') : ''}${focused ? ' is-focused' : ''}${inThread ? ' in-thread' : ''}${mode === 'edit' ? ' is-editing' : ''}${isOverdue(note.followUp, today()) ? ' is-overdue' : ''}`}
      aria-labelledby={`note-${note.id}-ref note-${note.id}-text note-${note.id}-author`}
      data-note-id={note.id}
      {...listeners}
    >
      <NoteContent
        note={note}
        editable={editable}
        tabbable={tabbable}
        mode={mode}
        setMode={setMode}
        saving={saving}
        handleAttributes={attributes}
        setHandleRef={setActivatorNodeRef}
        onNeedsRoom={onNeedsRoom}
      />
    </li>
  )
})

/** A note's head, text and vote, or its edit form: re-rendered only when these change. */
const NoteContent = memo(function NoteContent({
  note,
  editable,
  tabbable,
  mode,
  setMode,
  saving,
  handleAttributes,
  setHandleRef,
  onNeedsRoom,
}: {
  note: Note
  editable: boolean
  tabbable: boolean
  mode: Mode
  setMode: (mode: Mode) => void
  /** Set while this person's own save moves the note: its card leaving is no lost edit. */
  saving: { now: boolean }
  handleAttributes: DraggableAttributes
  setHandleRef: (element: HTMLElement | null) => void
  onNeedsRoom?: () => void
}) {
  const t = useT()
  const menuButton = useRef<HTMLButtonElement>(null)
  const main = useRef<HTMLDivElement | null>(null)
  const [linking, setLinking] = useState(false)
  const board = useRoom((state) => state.view.board)
  const linkTargets = servedColumns(board, note.column)
  // After the menu, an edit or a link, keyboard users are back on the note they started from.
  const label = useRoom((state) => refOf(t, state.view, note.id))
  const backToNote = () => requestAnimationFrame(() => main.current?.focus())

  function save(draft: NoteDraft): void {
    const room = useRoom.getState()
    const changes = {
      text: draft.text,
      owner: carriesOwners(board, note.column) ? draft.owner : undefined,
    }
    saving.now = true
    const saved =
      draft.column === note.column
        ? room.editNote(note.id, changes)
        : room.editAndMoveNote(note.id, changes, {
            column: draft.column,
            index: room.view.columns[draft.column].length,
          })
    saving.now = false
    if (!saved) return
    setMode('view')
    if (draft.column === note.column) backToNote()
    else focusColumn(note.column)
  }

  // An action's own forms open on its card: how it is followed up, and who carries it.
  const ActionForm = mode === 'followUp' ? FollowUpForm : mode === 'power' ? PowerForm : null

  if (mode === 'edit') {
    return (
      <Suspense fallback={null}>
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
            backToNote()
          }}
        />
      </Suspense>
    )
  }

  return (
    <>
      <NoteHead note={note}>
        <NoteMenu
          note={note}
          editable={editable}
          buttonRef={menuButton}
          returnFocus={() => main.current?.focus()}
          onEdit={() => {
            onNeedsRoom?.()
            setMode('edit')
          }}
          onFollowUp={() => {
            onNeedsRoom?.()
            setMode('followUp')
          }}
          onPower={() => {
            onNeedsRoom?.()
            setMode('power')
          }}
          onLink={() => setLinking(true)}
          onDelete={() => setMode('confirmDelete')}
          onMoved={focusColumn}
        />
      </NoteHead>
      {/* The note itself is what the keyboard lands on, picks up (Space) and reads out. */}
      <div
        className="note-main"
        ref={(element) => {
          setHandleRef(element)
          main.current = element
        }}
        {...handleAttributes}
        tabIndex={tabbable ? 0 : -1}
        // What the card's head says (its status, what it serves, its dots) is heard on focus too.
        aria-describedby={[
          `note-${note.id}-status note-${note.id}-serves note-${note.id}-votes`,
          handleAttributes['aria-describedby'],
        ]
          .filter(Boolean)
          .join(' ')}
        onKeyDown={(event) => {
          // Enter (or the context-menu key) opens the note's actions; Space picks it up.
          const opens =
            (event.key === 'Enter' && !event.shiftKey) ||
            event.key === 'ContextMenu' ||
            (event.key === 'F10' && event.shiftKey)
          if (!opens || event.currentTarget.getAttribute('aria-pressed') === 'true') return
          event.preventDefault()
          menuButton.current?.click()
        }}
      >
        {/* Named by what it shows, its label first: people call a note by its label. */}
        <span className="visually-hidden">{label} </span>
        <NoteBody note={note} />
      </div>
      <div className="note-controls" {...keepDragOut}>
        <NoteVoting note={note} tabbable={tabbable} />
      </div>
      {linking && linkTargets.length > 0 && (
        <div {...keepDragOut}>
          <Suspense fallback={null}>
            <LinkPicker
              note={note}
              targets={linkTargets}
              onDone={() => {
                setLinking(false)
                backToNote()
              }}
            />
          </Suspense>
        </div>
      )}
      {ActionForm && (
        <div {...keepDragOut}>
          <Suspense fallback={null}>
            <ActionForm
              note={note}
              onDone={() => {
                setMode('view')
                backToNote()
              }}
            />
          </Suspense>
        </div>
      )}
      {mode === 'confirmDelete' && (
        <div className="note-confirm" role="group" aria-label={t('note.deleteConfirm')}>
          <p>{t('note.deleteConfirm')}</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              useRoom.getState().deleteNote(note.id)
              focusColumn(note.column)
            }}
          >
            {t('note.deleteYes')}
          </button>
          <button
            type="button"
            autoFocus
            onClick={() => {
              setMode('view')
              backToNote()
            }}
          >
            {t('note.deleteNo')}
          </button>
        </div>
      )}
    </>
  )
})
