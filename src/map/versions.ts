import * as Y from 'yjs'
import { columnIds } from './board'
import { viewControl } from './control'
import { createControlDoc, createMapDoc, destroyDoc, yDocOf } from './doc'
import { migrate } from './migrate'
import type { ColumnId, Note, NoteId } from './schema'
import { viewMap, type MapView } from './view'

/*
 * Saved versions of a map, read on this device: the server keeps each as a snapshot of both
 * documents; here one becomes a plain view again, and two views are compared.
 */

/** A saved version as a plain view and its shared marks; checked as every document is. */
export function viewSnapshot(
  map: Uint8Array,
  control: Uint8Array,
): { view: MapView; agreed: ReadonlySet<string> } {
  const mapDoc = createMapDoc()
  const controlDoc = createControlDoc()
  try {
    Y.applyUpdate(yDocOf(mapDoc), map)
    Y.applyUpdate(yDocOf(controlDoc), control)
    // A version saved by an older app reads as this one would show it (labels, statuses); only
    // this copy changes, never what the server keeps.
    migrate(mapDoc)
    const view = viewMap(mapDoc)
    return { view, agreed: viewControl(controlDoc, view.board).agreed }
  } finally {
    destroyDoc(mapDoc)
    destroyDoc(controlDoc)
  }
}

/** What happened to one note between two versions, seen from one column. */
export type NoteChange =
  | { kind: 'added'; note: Note }
  | { kind: 'removed'; note: Note }
  | { kind: 'changed'; before: Note; after: Note }
  /** Came into this column from `from` (and may have changed on the way). */
  | { kind: 'movedIn'; before: Note; after: Note; from: ColumnId }
  /** Left this column for `to`. */
  | { kind: 'movedOut'; before: Note; after: Note; to: ColumnId }

export interface ColumnComparison {
  readonly column: ColumnId
  readonly changes: readonly NoteChange[]
}

/** True when a note says something else: its text, who does it and when, or its follow-up. */
function differs(before: Note, after: Note): boolean {
  return (
    before.text !== after.text ||
    JSON.stringify(before.owner) !== JSON.stringify(after.owner) ||
    JSON.stringify(before.followUp) !== JSON.stringify(after.followUp)
  )
}

/**
 * What changed from `before` to `after`, per column of the later version's board: notes added,
 * removed, changed, and moved between columns (a note keeps its id wherever it goes). A note
 * that only changed place within its column is not listed: the order is the group's to shuffle.
 */
export function compareVersions(before: MapView, after: MapView): ColumnComparison[] {
  const changes = new Map<ColumnId, NoteChange[]>(
    columnIds(after.board).map((column) => [column, []]),
  )
  const add = (column: ColumnId, change: NoteChange) => {
    if (!changes.has(column)) changes.set(column, [])
    changes.get(column)!.push(change)
  }
  for (const note of after.board.columns.flatMap((column) => after.columns[column.id])) {
    const old = before.notes.get(note.id as NoteId)
    if (!old) add(note.column, { kind: 'added', note })
    else if (old.column !== note.column) {
      add(note.column, { kind: 'movedIn', before: old, after: note, from: old.column })
      add(old.column, { kind: 'movedOut', before: old, after: note, to: note.column })
    } else if (differs(old, note)) add(note.column, { kind: 'changed', before: old, after: note })
  }
  for (const note of before.board.columns.flatMap((column) => before.columns[column.id])) {
    if (!after.notes.has(note.id)) add(note.column, { kind: 'removed', note })
  }
  // New first, then changed, moved in, moved out, and what went last; each in its order.
  const rank = { added: 0, changed: 1, movedIn: 2, movedOut: 3, removed: 4 } as const
  return [...changes].map(([column, list]) => ({
    column,
    changes: list
      .map((change, i) => ({ change, i }))
      .sort((a, b) => rank[a.change.kind] - rank[b.change.kind] || a.i - b.i)
      .map(({ change }) => change),
  }))
}
