import { MAP_DOC } from '../../shared/schema'
import { linksOf, notesOf, transact, type MapDoc } from './doc'
import { forEachChecked } from './roots'
import { allColumnIds, canServe, threadEnd, threadStart, type Board } from './board'
import type { ColumnId, Note, NoteId } from './schema'

export { canServe, servedColumns, servingColumns } from './board'

/**
 * The golden thread: each column serves the ones its board definition names (on the partnership
 * card, the one to its right; conditions also the relations they keep going). A link says that a
 * note serves a note in such a column (an action the condition it creates, ..., a relation the
 * value it serves). Links live in a map of their own, one key per pair, so two people linking at
 * once both count. A link whose notes no longer sit in such columns is kept but not shown, so
 * moving a note back restores it.
 */
export interface Link {
  /** The note that serves. */
  readonly from: NoteId
  /** The note it serves, in a column to its right on the card. */
  readonly to: NoteId
}

function linkKey(from: string, to: string): string {
  return `${from}>${to}`
}

/** The links that hold now: both notes exist and the one's column serves the other's. */
export function readLinks(doc: MapDoc, notes: ReadonlyMap<NoteId, Note>, board: Board): Link[] {
  const links: Link[] = []
  forEachChecked(linksOf(doc), MAP_DOC, 'links', (key) => {
    const [from, to] = key.split('>') as [NoteId, NoteId]
    const served = notes.get(to as NoteId)
    const serving = notes.get(from as NoteId)
    if (!served || !serving || !canServe(board, serving.column, served.column)) return
    links.push({ from: from as NoteId, to: to as NoteId })
  })
  return links.sort((a, b) =>
    a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1,
  )
}

/** Links `from` to a note it serves, or (linked false) takes the link away. */
export function setLink(doc: MapDoc, from: NoteId, to: NoteId, linked: boolean): void {
  const notes = notesOf(doc)
  if (linked && (!notes.has(from) || !notes.has(to))) return
  transact(doc, () => {
    if (linked) linksOf(doc).set(linkKey(from, to), true)
    else linksOf(doc).delete(linkKey(from, to))
  })
}

/** Per note, the notes it serves and the notes that serve it. */
export interface LinkIndex {
  readonly serves: ReadonlyMap<NoteId, readonly NoteId[]>
  readonly servedBy: ReadonlyMap<NoteId, readonly NoteId[]>
}

/**
 * Indexes links both ways. Each list starts with the nearest column (a condition serves its
 * requirements before the relations it keeps going) and then follows the notes' order in their
 * column (`numbers`); `step` is a note's step on the board.
 */
export function indexLinks(
  links: readonly Link[],
  numbers: ReadonlyMap<NoteId, number>,
  step: (note: NoteId) => number = () => 0,
): LinkIndex {
  const serves = new Map<NoteId, NoteId[]>()
  const servedBy = new Map<NoteId, NoteId[]>()
  for (const { from, to } of links) {
    serves.set(from, [...(serves.get(from) ?? []), to])
    servedBy.set(to, [...(servedBy.get(to) ?? []), from])
  }
  const order = (of: NoteId) => (a: NoteId, b: NoteId) =>
    Math.abs(step(a) - step(of)) - Math.abs(step(b) - step(of)) ||
    (numbers.get(a) ?? 0) - (numbers.get(b) ?? 0)
  for (const [note, list] of [...serves, ...servedBy]) list.sort(order(note))
  return { serves, servedBy }
}

function walk(start: NoteId, next: ReadonlyMap<NoteId, readonly NoteId[]>, into: Set<NoteId>) {
  const queue = [start]
  while (queue.length > 0) {
    for (const id of next.get(queue.pop()!) ?? []) {
      if (into.has(id)) continue
      into.add(id)
      queue.push(id)
    }
  }
}

/**
 * A note's whole thread: the note, what it serves up to the values, and what serves it down to
 * the actions. Siblings (other notes serving the same value) are not part of it.
 */
export function threadOf(note: NoteId, index: LinkIndex): Set<NoteId> {
  const thread = new Set<NoteId>([note])
  walk(note, index.serves, thread)
  walk(note, index.servedBy, thread)
  return thread
}

/**
 * Loose ends: notes where the thread starts (values) that nothing at its end (no action) leads
 * to yet, and notes at its end that serve nothing at its start.
 */
export interface LooseEnds {
  readonly values: readonly NoteId[]
  readonly actions: readonly NoteId[]
}

export function looseEnds(
  columns: Readonly<Record<ColumnId, readonly Note[]>>,
  index: LinkIndex,
  board: Board,
): LooseEnds {
  const starts = columns[threadStart(board)]
  const ends = columns[threadEnd(board)]
  const reachesStart = new Set<NoteId>()
  const fromEnd = new Set<NoteId>()
  for (const note of ends) {
    fromEnd.add(note.id)
    walk(note.id, index.serves, fromEnd)
  }
  for (const note of starts) {
    reachesStart.add(note.id)
    walk(note.id, index.servedBy, reachesStart)
  }
  return {
    values: starts.filter((note) => !fromEnd.has(note.id)).map((note) => note.id),
    actions: ends.filter((note) => !reachesStart.has(note.id)).map((note) => note.id),
  }
}

/**
 * Every thread from a value towards the actions, as lists of notes (value first). A path stops
 * where nothing serves the note further. At most `limit` paths; `more` says whether some were left.
 */
export function threadPaths(
  columns: Readonly<Record<ColumnId, readonly Note[]>>,
  index: LinkIndex,
  board: Board,
  limit = 300,
): { paths: NoteId[][]; more: boolean } {
  const paths: NoteId[][] = []
  let more = false
  const extend = (path: NoteId[]): void => {
    if (paths.length >= limit) {
      more = true
      return
    }
    const servers = index.servedBy.get(path[path.length - 1]!) ?? []
    if (servers.length === 0) {
      paths.push(path)
      return
    }
    for (const server of servers) extend([...path, server])
  }
  for (const value of columns[threadStart(board)]) {
    if ((index.servedBy.get(value.id) ?? []).length > 0) extend([value.id])
  }
  return { paths, more }
}

/** Each note's number within its column, in the group's order: W1, W2, ... with the letter. */
export function numberNotes(
  columns: Readonly<Record<ColumnId, readonly Note[]>>,
  board: Board,
): Map<NoteId, number> {
  const numbers = new Map<NoteId, number>()
  for (const column of allColumnIds(board)) {
    columns[column].forEach((note, i) => numbers.set(note.id, i + 1))
  }
  return numbers
}
