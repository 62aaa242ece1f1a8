import { useDroppable } from '@dnd-kit/core'
import { lazy, memo, Suspense, useCallback, useRef, useState, type ReactNode } from 'react'
import { useT } from '../../i18n'
import {
  carriesOwners,
  sheetOf,
  stepOf,
  TASK_DECK,
  type ColumnId,
  type Note,
  type NoteId,
} from '../../map'
import { useRoom } from '../../store/roomStore'
import { NoteCard } from './NoteCard'
import { useColumnAccess } from '../facilitation/useColumnAccess'
import type { NoteDraft } from './NoteForm'
import { columnElementId } from './boardIds'
import { cardSubtitle } from '../shared/columnText'
import { ColumnQuestions } from '../shared/ColumnQuestions'
import { useSlideIntoPlace } from './useSlideIntoPlace'
import { noteForm } from './noteFormPart'

const NoteForm = noteForm.Part
// The facilitator's starter deck of the task sorting.
const TaskDeck = lazy(() => import('../tasks/TaskDeck').then((m) => ({ default: m.TaskDeck })))
// The three layers, once a condition has one.
const LayerSummary = lazy(() =>
  import('../layers/Layers').then((m) => ({ default: m.LayerSummary })),
)

/** The empty place where a dragged note would land, in the column it would land in. */
export interface ColumnSlot {
  column: ColumnId
  /** Among the column's notes other than the dragged one. */
  index: number
  dragged: NoteId
  /** The dragged card's height, so the notes below move by as much as it will take. */
  height: number
}

/**
 * How a column shares the board: all equal (no step, or a phone), wide (the step being filled),
 * a rail (another column during a step: its notes' texts only) or a rail someone widened.
 */
export type ColumnLayout = 'even' | 'wide' | 'rail' | 'widened'

interface Props {
  column: ColumnId
  notes: readonly Note[]
  layout: ColumnLayout
  /** Out of view: a phone shows another column's tab. */
  hidden: boolean
  onToggleWide(column: ColumnId): void
  slot: ColumnSlot | null
  /** The dragged note, when it comes from this column and its place is elsewhere now. */
  away: NoteId | null
}

/** The column's cards, with the empty slot before the note that is at its index now. */
function cardsWithSlot(
  notes: readonly Note[],
  editable: boolean,
  current: NoteId | 'add',
  slot: ColumnSlot | null,
  away: NoteId | null,
  onNeedsRoom: (() => void) | undefined,
) {
  const cards: ReactNode[] = []
  const emptyPlace = slot && (
    <li key="slot" className="note-slot" aria-hidden="true" style={{ height: slot.height }} />
  )
  let others = 0
  for (const note of notes) {
    if (slot && note.id !== slot.dragged) {
      if (others === slot.index) cards.push(emptyPlace)
      others++
    }
    cards.push(
      <NoteCard
        key={note.id}
        note={note}
        editable={editable}
        tabbable={note.id === current}
        away={note.id === away}
        onNeedsRoom={onNeedsRoom}
      />,
    )
  }
  if (slot && others <= slot.index) cards.push(emptyPlace)
  return cards
}

// Drafts exist only while people write alone: their list loads then.
const DraftList = lazy(() =>
  import('../drafts/DraftList').then((module) => ({ default: module.DraftList })),
)

/** One column of the card: its step, name, guiding questions, notes, and a way to add one. */
export const Column = memo(function Column({
  column,
  notes,
  layout,
  hidden,
  onToggleWide,
  slot,
  away,
}: Props) {
  const t = useT()
  const [adding, setAdding] = useState(false)
  // A phone opens on one column: the others' cards are made when their tab is first opened, and
  // then kept (a note being edited there stays as it was when the tab changes).
  const [opened, setOpened] = useState(!hidden)
  if (!hidden && !opened) setOpened(true)
  const addButton = useRef<HTMLButtonElement>(null)
  const { active, calm, editable } = useColumnAccess(column)
  const level = useRoom((state) => state.level)
  const { setNodeRef, isOver } = useDroppable({ id: column, disabled: !editable || hidden })
  const listRef = useRef<HTMLUListElement | null>(null)
  // A rail has no room for a form on a card: it widens on this screen first.
  const widen = useCallback(() => onToggleWide(column), [onToggleWide, column])
  const needsRoom = layout === 'rail' ? widen : undefined
  const setListRef = useCallback(
    (element: HTMLUListElement | null) => {
      listRef.current = element
      setNodeRef(element)
    },
    [setNodeRef],
  )
  useSlideIntoPlace(listRef)
  const headingId = `column-${column}-title`
  const subtitle = cardSubtitle(t, column)
  const board = useRoom((state) => state.view.board)
  const step = stepOf(board, column)
  // A working form's piles are not the card's steps: they show no step number.
  const onForm = sheetOf(board, column) !== board
  // "Nu aan de beurt" says which column is in the step: on every column it says nothing.
  const everyColumnActive = useRoom((state) =>
    (sheetOf(state.view.board, column)?.columns ?? []).every((definition) =>
      state.control.activeColumns.includes(definition.id),
    ),
  )

  // Roving focus: the note last focused in this column (or its first) is the column's Tab stop.
  // The add button is the last of the column's places, and its stop while it has no notes.
  const [focusedNote, setFocusedNote] = useState<NoteId | 'add' | null>(null)
  const current: NoteId | 'add' =
    (focusedNote === 'add' && editable) || notes.length === 0
      ? 'add'
      : notes.some((note) => note.id === focusedNote)
        ? (focusedNote as NoteId)
        : notes[0]!.id

  const privateWriting = useRoom((state) => state.control.privateWriting)
  const hasDrafts = useRoom((state) => state.drafts.some((draft) => draft.column === column))

  function add(draft: NoteDraft): void {
    const owner = carriesOwners(board, column) ? draft.owner : undefined
    // Writing alone first: the note stays on this device until the facilitator reveals.
    if (privateWriting)
      useRoom.getState().addDraft({ column, text: draft.text, owner: owner ?? null })
    else
      useRoom
        .getState()
        .addNote({ column, text: draft.text, owner, proxyFor: draft.proxyFor ?? undefined })
  }

  return (
    <section
      id={columnElementId(column)}
      className={`column column-${column} is-${layout}${isOver ? ' is-over' : ''}${active ? ' is-active' : ''}${calm ? ' is-calm' : ''}`}
      hidden={hidden}
      aria-labelledby={headingId}
      data-column={column}
      data-active={active}
      data-editable={editable}
      onFocus={(event) => {
        const target = event.target as HTMLElement
        const id = target.classList.contains('add-note')
          ? 'add'
          : target.closest<HTMLElement>('.note-list [data-note-id]')?.dataset.noteId
        if (id && id !== focusedNote) setFocusedNote(id as NoteId | 'add')
      }}
    >
      <header className="column-header">
        {!onForm && (
          <p className="column-step" aria-hidden="true">
            {step}
          </p>
        )}
        <h2 id={headingId}>
          {!onForm && <span className="visually-hidden">{t('column.step', { step })}: </span>}
          {t(`column.${column}`)}
          {subtitle && <span className="column-subtitle"> ({subtitle})</span>}
        </h2>
        {active && !everyColumnActive && <p className="column-now">{t('step.active')}</p>}
        {(layout === 'rail' || layout === 'widened') && (
          <button
            type="button"
            className="column-widen small"
            aria-label={t(layout === 'rail' ? 'column.widenLabel' : 'column.narrowLabel', {
              column: t(`column.${column}`),
            })}
            onClick={() => onToggleWide(column)}
          >
            {t(layout === 'rail' ? 'column.widen' : 'column.narrow')}
          </button>
        )}
        <ColumnQuestions column={column} className="column-questions" />
      </header>
      <ul
        ref={setListRef}
        className="note-list"
        aria-label={t(notes.length === 1 ? 'column.countOne' : 'column.count', {
          count: notes.length,
        })}
      >
        {opened && cardsWithSlot(notes, editable, current, slot, away, needsRoom)}
      </ul>
      {/* Drafts of one's own are not "no notes yet": they show, marked as one's own, below. */}
      {notes.length === 0 && !adding && !hasDrafts && (
        <p className="column-empty">{t('column.empty')}</p>
      )}
      {hasDrafts && (
        <Suspense fallback={null}>
          <DraftList column={column} />
        </Suspense>
      )}
      {layout !== 'rail' && notes.some((note) => note.layer !== null) && (
        <Suspense fallback={null}>
          <LayerSummary notes={notes} />
        </Suspense>
      )}
      {editable ? (
        <div className="column-add">
          {adding ? (
            <Suspense fallback={null}>
              <NoteForm
                initial={{ text: '', column, owner: { kind: 'wij', name: '', when: '' } }}
                allowColumnChange={false}
                allowProxy={!privateWriting}
                askOwner
                submitLabel={privateWriting ? t('drafts.add') : t('note.add')}
                onSubmit={add}
                onCancel={() => {
                  setAdding(false)
                  requestAnimationFrame(() => addButton.current?.focus())
                }}
              />
            </Suspense>
          ) : (
            <button
              type="button"
              ref={addButton}
              className="add-note"
              tabIndex={current === 'add' ? 0 : -1}
              aria-label={t('note.addTo', { column: t(`column.${column}`) })}
              onClick={() => {
                // A rail has no room for the form: the column widens on this screen first.
                if (layout === 'rail') onToggleWide(column)
                setAdding(true)
              }}
            >
              <span aria-hidden="true">+ </span>
              {t('note.add')}
            </button>
          )}
        </div>
      ) : (
        level !== 'viewer' && <p className="column-locked">{t('step.locked')}</p>
      )}
      {column === TASK_DECK && level === 'facilitator' && (
        <Suspense fallback={null}>
          <TaskDeck />
        </Suspense>
      )}
    </section>
  )
})
