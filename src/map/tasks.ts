import * as Y from 'yjs'
import { carriesOwners, columnOf, sheetOf, TASK_BOARD, TASK_DECK } from './board'
import { notesOf, plainEntries, transact, type MapDoc } from './doc'
import { newNoteId } from './ids'
import { addNote, addNotes, boardOfMap, MapError } from './ops'
import { setPower } from './power'
import { parseNote, type ColumnId, type NoteId, type Participant, type PowerHolder } from './schema'

/**
 * "Taak voor mij, taak voor jou": tasks laid out, sorted into piles, and the ones that matter
 * taken to the map. A task is a note of the map in one of the task board's columns, so votes,
 * private writing, undo and the balance of voices work on it as on any note.
 */

export { TASK_DECK }

/** Who a pile says does a task, for the power of an action taken from it. */
const CARRIED_BY: Partial<Record<ColumnId, PowerHolder>> = {
  vrijwilligerswerk: 'informal',
  professioneel: 'formal',
  beide: 'together',
}

/** The pile of doubt and disagreement: its tasks go to the map as something to talk about. */
export const DOUBT_PILE: ColumnId = 'twijfel'

/** Where a task in `pile` can go on the map: the doubts to the requirements or conditions, the
 * agreed tasks to the actions; nothing from the tasks not sorted yet. */
export function mapTargets(pile: ColumnId): readonly ColumnId[] {
  if (pile === DOUBT_PILE) return ['eisen', 'voorwaarden']
  return CARRIED_BY[pile] ? ['acties'] : []
}

/**
 * Lays tasks on the pile to sort, in the order given. They are the deck's, not the words of the
 * one who lays them out (the facilitator): stored without an author, they count for nobody's
 * voice.
 */
export function layOutTasks(
  doc: MapDoc,
  texts: readonly string[],
  author: Participant,
  now = Date.now(),
): NoteId[] {
  const tasks = texts.map((text) => text.trim()).filter((text) => text.length > 0)
  return addNotes(
    doc,
    tasks.map((text) => ({ id: newNoteId(), column: TASK_DECK, text, author, anonymous: true })),
    now,
  )
}

/**
 * Takes a sorted task to the map as a new note in `column`, and marks the task with it: the task
 * keeps its place in its pile, so the sorting stays on record. An action taken from a pile says
 * who carries it (the volunteers, the professionals, both). An anonymous task stays anonymous.
 */
export function takeToMap(
  doc: MapDoc,
  taskId: NoteId,
  column: ColumnId,
  by: Participant,
  now = Date.now(),
): NoteId {
  const board = boardOfMap(doc)
  const fields = notesOf(doc).get(taskId)
  const task = fields instanceof Y.Map ? parseNote(taskId, plainEntries(fields), board) : null
  if (!task || sheetOf(board, task.column)?.kind !== TASK_BOARD.kind) {
    throw new MapError('unknown-note')
  }
  if (!mapTargets(task.column).includes(column) || !columnOf(board, column)) {
    throw new MapError('invalid-column')
  }
  const id = addNote(
    doc,
    {
      id: newNoteId(),
      column,
      text: task.text,
      author: task.author ?? by,
      anonymous: task.author === null,
      proxyBy: task.proxyBy ?? undefined,
    },
    now,
  )
  const carries = CARRIED_BY[task.column]
  if (carries && carriesOwners(board, column)) setPower(doc, id, { carries }, now)
  transact(doc, () => setOnMap(doc, taskId, id))
  return id
}

/** Marks a task with the map note it was taken to (also for a map file read back). */
export function setOnMap(doc: MapDoc, taskId: NoteId, mapNote: NoteId): void {
  const fields = notesOf(doc).get(taskId)
  if (!(fields instanceof Y.Map)) throw new MapError('unknown-note')
  transact(doc, () => fields.set('onMap', mapNote))
}
