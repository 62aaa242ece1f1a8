import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import {
  addNote,
  createMap,
  createMapDoc,
  deleteNote,
  moveNote,
  viewMap,
  type ColumnId,
  type MapDoc,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './index'
import { migrate } from './migrate'

const ayse: Participant = {
  id: 'ayse-0000001' as ParticipantId,
  name: 'Ayşe',
  role: 'vrijwilliger',
  roleLabel: '',
  side: 'informal',
}

let next = 0
function add(doc: MapDoc, column: ColumnId, text: string, now = 1_000 + next): NoteId {
  const id = `note-${String(++next).padStart(8, '0')}` as NoteId
  addNote(doc, { id, column, text, author: ayse }, now)
  return id
}

function newMap(): MapDoc {
  const doc = createMapDoc()
  createMap(doc, { title: 'Labels', description: '' })
  return doc
}

const labelOf = (doc: MapDoc, id: NoteId) => viewMap(doc).labels.get(id)

describe('note labels', () => {
  it('gives each note its label when it is written, and keeps it through moves and deletes', () => {
    const doc = newMap()
    const first = add(doc, 'waarden', 'Eerste')
    const second = add(doc, 'waarden', 'Tweede')
    const action = add(doc, 'acties', 'Koffie')
    expect([labelOf(doc, first), labelOf(doc, second), labelOf(doc, action)]).toEqual([
      'W1',
      'W2',
      'A1',
    ])
    // Moved to the top of its column and to another column: still W2.
    moveNote(doc, second, { column: 'waarden', index: 0 })
    expect(labelOf(doc, second)).toBe('W2')
    moveNote(doc, second, { column: 'relaties', index: 0 })
    expect(labelOf(doc, second)).toBe('W2')
    // A note written in Relaties now is R1; W1 deleted leaves W2 as it is, and the next is W3.
    expect(labelOf(doc, add(doc, 'relaties', 'Bellen'))).toBe('R1')
    deleteNote(doc, first)
    expect(labelOf(doc, second)).toBe('W2')
    expect(labelOf(doc, add(doc, 'waarden', 'Derde'))).toBe('W3')
  })

  it('gives two notes written at the same moment on two devices different labels', () => {
    const a = newMap()
    const b = createMapDoc()
    Y.applyUpdate(yDocOf(b), Y.encodeStateAsUpdate(yDocOf(a)))
    const onA = add(a, 'waarden', 'Op apparaat A', 5_000)
    const onB = add(b, 'waarden', 'Op apparaat B', 5_001)
    // Each device, alone, called its note W1.
    expect(labelOf(a, onA)).toBe('W1')
    expect(labelOf(b, onB)).toBe('W1')
    Y.applyUpdate(yDocOf(b), Y.encodeStateAsUpdate(yDocOf(a)))
    Y.applyUpdate(yDocOf(a), Y.encodeStateAsUpdate(yDocOf(b)))
    // Merged: the earlier keeps W1, the other gets a mark of its own; both devices agree.
    for (const doc of [a, b]) {
      expect(labelOf(doc, onA)).toBe('W1')
      expect(labelOf(doc, onB)).toBe('W1·2')
    }
    // The next note on either device goes on after them.
    expect(labelOf(a, add(a, 'waarden', 'Daarna'))).toBe('W2')
  })

  it('labels the notes of a map from before labels by their places, the same on every device', () => {
    const doc = newMap()
    const ids = [add(doc, 'waarden', 'Een'), add(doc, 'waarden', 'Twee'), add(doc, 'eisen', 'Drie')]
    // As a version 2 map: no labels stored, the second value first in its column.
    yDocOf(doc).transact(() => {
      yDocOf(doc).getMap('meta').set('schemaVersion', 2)
      for (const id of ids) (yDocOf(doc).getMap('notes').get(id) as Y.Map<unknown>).delete('label')
    })
    moveNote(doc, ids[1]!, { column: 'waarden', index: 0 })
    const other = createMapDoc()
    Y.applyUpdate(yDocOf(other), Y.encodeStateAsUpdate(yDocOf(doc)))
    expect(migrate(doc)).toBe(true)
    expect(migrate(other)).toBe(true)
    Y.applyUpdate(yDocOf(other), Y.encodeStateAsUpdate(yDocOf(doc)))
    Y.applyUpdate(yDocOf(doc), Y.encodeStateAsUpdate(yDocOf(other)))
    for (const each of [doc, other]) {
      // What the group saw until now: Twee was W1 (first in its column), Een W2.
      expect(ids.map((id) => labelOf(each, id))).toEqual(['W2', 'W1', 'E1'])
    }
  })
})
