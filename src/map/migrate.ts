import * as Y from 'yjs'
import { boardOf, columnIds, DEFAULT_BOARD } from './board'
import { metaOf, notesOf, plainEntries, transact, type MapDoc } from './doc'
import { nextLabel } from './labels'
import { compareNotes, parseNote, type Note } from './schema'
import { SCHEMA_VERSION } from './schema'
import { versionOf } from './version'

/**
 * One step per older schema version, each bringing a document to the next version. A step writes
 * only what is missing, and the same values on every device, so two devices that migrate the
 * same map at once converge on one result.
 */
const MIGRATIONS: Readonly<Record<number, (doc: MapDoc) => void>> = {
  /** 1 → 2: the map names its kind of board; every map of version 1 is a partnership card. */
  1: (doc) => {
    const meta = metaOf(doc)
    if (meta.get('board') === undefined) meta.set('board', DEFAULT_BOARD.kind)
  },
  /**
   * 2 → 3: every note keeps a label. Notes without one get what they were called until now, by
   * their place: column by column in the card's order, W1, W2, ... (after any label already
   * given, so none is given twice). Every device computes the same labels from the same map.
   */
  2: (doc) => {
    const board = boardOf(metaOf(doc).get('board'))
    const notes: Note[] = []
    notesOf(doc).forEach((fields, id) => {
      const note = fields instanceof Y.Map ? parseNote(id, plainEntries(fields), board) : null
      if (note) notes.push(note)
    })
    const given: unknown[] = notes.map((note) => note.label)
    for (const column of columnIds(board)) {
      for (const note of notes.filter((each) => each.column === column).sort(compareNotes)) {
        if (note.label !== null) continue
        const label = nextLabel(board, column, given)
        given.push(label)
        ;(notesOf(doc).get(note.id) as Y.Map<unknown>).set('label', label)
      }
    }
  },
  /** 3 → 4: every action says where it stands; the ones agreed until now are still open. */
  3: (doc) => {
    const board = boardOf(metaOf(doc).get('board'))
    notesOf(doc).forEach((fields, id) => {
      if (!(fields instanceof Y.Map) || fields.get('status') !== undefined) return
      const note = parseNote(id, plainEntries(fields), board)
      if (note?.followUp) fields.set('status', 'open')
    })
  },
}

/**
 * Brings a map written by an older version of the app to `SCHEMA_VERSION`, in one transaction;
 * true when it changed anything. A map not created yet, one at the current version and one of a
 * newer version (this device is out of date) are left as they are. Run it once the document has
 * synced: a half-loaded map would look older than it is.
 */
export function migrate(doc: MapDoc): boolean {
  const from = versionOf(doc)
  if (from === 0 || from >= SCHEMA_VERSION) return false
  transact(doc, () => {
    for (let version = from; version < SCHEMA_VERSION; version++) MIGRATIONS[version]!(doc)
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION)
  })
  return true
}
