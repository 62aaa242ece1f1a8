import { NOTE_LABEL } from '../../shared/schema'
import { allColumnIds, columnOf, type Board } from './board'
import type { ColumnId, Note, NoteId } from './schema'

/**
 * Note labels ("W2"): given once, when a note is written, from its column's letter and the next
 * number for that letter; kept through moves, others' deletes, reloads and languages. They are
 * what a group says aloud and prints, so they never follow a note's place.
 */

/** The letter of a column's labels on this board. */
export function letterOf(board: Board, column: ColumnId): string {
  return columnOf(board, column)?.letter ?? '?'
}

/** The letter and number of a stored label; null for anything else. */
export function parseLabel(label: unknown): { letter: string; number: number } | null {
  if (typeof label !== 'string') return null
  const match = NOTE_LABEL.exec(label)
  return match ? { letter: match[1]!, number: Number(match[2]) } : null
}

/** The label a new note in `column` gets, after the highest one of its letter among `labels`. */
export function nextLabel(board: Board, column: ColumnId, labels: Iterable<unknown>): string {
  const letter = letterOf(board, column)
  let highest = 0
  for (const label of labels) {
    const parsed = parseLabel(label)
    if (parsed?.letter === letter) highest = Math.max(highest, parsed.number)
  }
  return `${letter}${highest + 1}`
}

/** Who keeps a label that two notes share: the earlier one, then the smaller id (as every peer). */
function byAge(a: Note, b: Note): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Every note's label as shown. Two devices that write a note at the same moment can give both
 * the same number: then the earlier note keeps it and the other shows a second mark ("W4·2"), on
 * every screen alike. A note written by an older version of the app, without a label, gets one
 * after the highest of its column's letter, in the order the notes were written.
 */
export function labelNotes(
  board: Board,
  columns: Readonly<Record<ColumnId, readonly Note[]>>,
): ReadonlyMap<NoteId, string> {
  const all = allColumnIds(board).flatMap((column) => columns[column])
  const labels = new Map<NoteId, string>()
  const unlabelled: Note[] = []
  const holders = new Map<string, Note[]>()
  for (const note of all) {
    if (note.label === null) unlabelled.push(note)
    else holders.set(note.label, [...(holders.get(note.label) ?? []), note])
  }
  for (const [label, notes] of holders) {
    notes
      .sort(byAge)
      .forEach((note, i) => labels.set(note.id, i === 0 ? label : `${label}·${i + 1}`))
  }
  const given = [...holders.keys()]
  for (const note of unlabelled.sort(byAge)) {
    const label = nextLabel(board, note.column, given)
    given.push(label)
    labels.set(note.id, label)
  }
  return labels
}
