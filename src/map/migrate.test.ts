import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import {
  addNote,
  createMapDoc,
  SCHEMA_VERSION,
  versionOf,
  viewMap,
  type MapDoc,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './index'
import { migrate } from './migrate'

const marga: Participant = {
  id: 'marga-000001' as ParticipantId,
  name: 'Marga',
  role: 'mantelzorger',
  roleLabel: '',
  side: 'informal',
}

/** A map as version 1 of the app wrote it: meta without a board, and a note. */
function version1Map(): MapDoc {
  const doc = createMapDoc()
  yDocOf(doc).transact(() => {
    const meta = yDocOf(doc).getMap('meta')
    meta.set('schemaVersion', 1)
    meta.set('createdAt', 1_700_000_000_000)
    meta.set('title', 'Samenspel Noord')
    meta.set('description', '')
  })
  addNote(doc, {
    id: 'note-0000001' as NoteId,
    column: 'acties',
    text: 'Koffie',
    author: marga,
  })
  return doc
}

function exchange(a: MapDoc, b: MapDoc): void {
  Y.applyUpdate(yDocOf(b), Y.encodeStateAsUpdate(yDocOf(a)))
  Y.applyUpdate(yDocOf(a), Y.encodeStateAsUpdate(yDocOf(b)))
}

describe('migrating a map document', () => {
  it('brings a version 1 map to the current version, naming its board, in one update', () => {
    const doc = version1Map()
    expect(versionOf(doc)).toBe(1)
    const before = viewMap(doc)
    const updates: Uint8Array[] = []
    yDocOf(doc).on('update', (update: Uint8Array) => updates.push(update))
    expect(migrate(doc)).toBe(true)
    expect(updates).toHaveLength(1)
    const meta = yDocOf(doc).getMap('meta')
    expect(meta.get('board')).toBe('partnerschapskaart')
    expect(meta.get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(versionOf(doc)).toBe(SCHEMA_VERSION)
    // The notes read as before; only the map's own fields changed.
    expect(viewMap(doc).columns).toEqual(before.columns)
    // Once is enough: a second run writes nothing.
    expect(migrate(doc)).toBe(false)
    expect(updates).toHaveLength(1)
  })

  it('leaves a map that is new, current or newer alone', () => {
    expect(migrate(createMapDoc())).toBe(false)
    const newer = version1Map()
    yDocOf(newer)
      .getMap('meta')
      .set('schemaVersion', SCHEMA_VERSION + 1)
    expect(migrate(newer)).toBe(false)
    expect(yDocOf(newer).getMap('meta').get('board')).toBeUndefined()
  })

  it('converges when two devices migrate the same map at once', () => {
    const one = version1Map()
    const two = createMapDoc()
    exchange(one, two)
    expect(migrate(one)).toBe(true)
    expect(migrate(two)).toBe(true)
    exchange(one, two)
    expect(yDocOf(one).getMap('meta').toJSON()).toEqual(yDocOf(two).getMap('meta').toJSON())
    expect(versionOf(one)).toBe(SCHEMA_VERSION)
    expect(viewMap(two).meta.board).toBe('partnerschapskaart')
  })
})
