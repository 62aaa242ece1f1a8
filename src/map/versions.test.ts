import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import {
  addNote,
  createControlDoc,
  createMap,
  createMapDoc,
  deleteNote,
  editNote,
  moveNote,
  setAgreed,
  setFollowUp,
  viewMap,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './index'
import { compareVersions, viewSnapshot } from './versions'

const marga: Participant = {
  id: 'marga-000001' as ParticipantId,
  name: 'Marga',
  role: 'mantelzorger',
  roleLabel: '',
  side: 'informal',
}

const snapshot = (doc: ReturnType<typeof createMapDoc>) => Y.encodeStateAsUpdate(yDocOf(doc))

describe('saved versions of a map', () => {
  it('reads a snapshot back as the map was, with its shared marks', () => {
    const doc = createMapDoc()
    const control = createControlDoc()
    createMap(doc, { title: 'Samenspel', description: '' })
    const id = addNote(doc, {
      id: 'note-0000001' as NoteId,
      column: 'waarden',
      text: 'Respect',
      author: marga,
    })
    setAgreed(control, id, true)
    const saved = viewSnapshot(snapshot(doc), Y.encodeStateAsUpdate(yDocOf(control)))
    expect(saved.view.meta.title).toBe('Samenspel')
    expect(saved.view.columns.waarden.map((note) => note.text)).toEqual(['Respect'])
    expect([...saved.agreed]).toEqual([id])
  })

  it('tells per column what was added, removed, changed and moved', () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Samenspel', description: '' })
    const note = (id: string, column: 'waarden' | 'eisen' | 'acties', text: string) =>
      addNote(doc, { id: id as NoteId, column, text, author: marga })
    const kept = note('kept-0000001', 'waarden', 'Respect')
    const edited = note('edit-0000001', 'waarden', 'Warmte')
    const moved = note('move-0000001', 'eisen', 'Luisteren')
    const gone = note('gone-0000001', 'eisen', 'Snel')
    const action = note('acti-0000001', 'acties', 'Bellen')
    const before = viewMap(doc)

    editNote(doc, edited, { text: 'Warmte en respect' })
    moveNote(doc, moved, { column: 'waarden', index: 0 })
    deleteNote(doc, gone)
    const added = note('new-00000001', 'eisen', 'Eerlijk delen')
    setFollowUp(doc, action, { status: 'gedaan' })
    // Only a new place in the same column: not a change worth listing.
    moveNote(doc, kept, { column: 'waarden', index: 2 })
    const after = viewMap(doc)

    const byColumn = Object.fromEntries(
      compareVersions(before, after).map(({ column, changes }) => [
        column,
        changes.map((change) =>
          change.kind === 'added' || change.kind === 'removed'
            ? `${change.kind} ${change.note.id}`
            : `${change.kind} ${change.after.id}`,
        ),
      ]),
    )
    expect(byColumn).toEqual({
      waarden: [`changed ${edited}`, `movedIn ${moved}`],
      relaties: [],
      eisen: [`added ${added}`, `movedOut ${moved}`, `removed ${gone}`],
      voorwaarden: [],
      acties: [`changed ${action}`],
    })
    // Nothing changed, nothing listed.
    expect(compareVersions(after, after).flatMap((column) => column.changes)).toEqual([])
  })
})
