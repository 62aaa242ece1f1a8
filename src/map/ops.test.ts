import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNote,
  cardOrder,
  columnIds,
  createMap,
  createMapDoc,
  deleteNote,
  editAndMoveNote,
  editNote,
  joinMap,
  MapError,
  moveNote,
  newNoteId,
  PARTNERSHIP_BOARD,
  stepOf,
  viewMap,
  type ColumnId,
  type MapDoc,
  type NoteId,
  type Participant,
  type ParticipantId,
  updateMapDetails,
} from './index'
import { yDocOf } from './doc'

const ayse: Participant = {
  id: 'ayse-0000001' as ParticipantId,
  name: 'Ayşe Yılmaz',
  role: 'vrijwilliger',
  roleLabel: '',
  side: 'informal',
}
const lukasz: Participant = {
  id: 'lukasz-00001' as ParticipantId,
  name: 'Łukasz Nowak',
  role: 'beroepskracht',
  roleLabel: '',
  side: 'formal',
}

/** Sends everything `from` has that `to` lacks. */
function sync(from: MapDoc, to: MapDoc): void {
  Y.applyUpdate(yDocOf(to), Y.encodeStateAsUpdate(yDocOf(from), Y.encodeStateVector(yDocOf(to))))
}

function syncAll(docs: MapDoc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) sync(a, b)
}

function columnTexts(doc: MapDoc, column: ColumnId): string[] {
  return viewMap(doc).columns[column].map((note) => note.text)
}

/** A small deterministic PRNG so a failing interleaving can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('map schema', () => {
  it('shows the columns as the card does: actions left, values right, steps 5 to 1', () => {
    expect(cardOrder(PARTNERSHIP_BOARD)).toEqual([
      'acties',
      'voorwaarden',
      'eisen',
      'relaties',
      'waarden',
    ])
    expect(cardOrder(PARTNERSHIP_BOARD).map((c) => stepOf(PARTNERSHIP_BOARD, c))).toEqual([
      5, 4, 3, 2, 1,
    ])
  })
})

describe('map operations', () => {
  it('creates a map once: a second create does not overwrite the first', () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Samenspel Holendrecht', description: 'Buurtteam en voedselbank' })
    createMap(doc, { title: 'Overwritten?', description: '' })
    expect(viewMap(doc).meta).toMatchObject({
      title: 'Samenspel Holendrecht',
      description: 'Buurtteam en voedselbank',
      schemaVersion: 4,
      board: 'partnerschapskaart',
    })
  })

  it('adds notes with their author, role and side, in order', () => {
    const doc = createMapDoc()
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Warmte en respect', author: ayse })
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Transparantie', author: lukasz })
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Eerst', author: ayse, index: 0 })
    const notes = viewMap(doc).columns.waarden
    expect(notes.map((n) => n.text)).toEqual(['Eerst', 'Warmte en respect', 'Transparantie'])
    expect(notes[2]!.author).toEqual(lukasz)
    expect(notes[1]!.author?.side).toBe('informal')
    expect(notes[1]!.owner).toBeNull()
  })

  it('stores nothing about the author of an anonymous note', () => {
    const doc = createMapDoc()
    const id = addNote(doc, {
      id: newNoteId(),
      column: 'waarden',
      text: 'Anoniem gedeeld',
      author: ayse,
      anonymous: true,
    })
    expect(viewMap(doc).notes.get(id)!.author).toBeNull()
    expect(JSON.stringify(yDocOf(doc).getMap('notes').toJSON())).not.toContain('Ayşe')
  })

  it('writes an anonymous note with a client id that is not the writer’s', () => {
    const doc = createMapDoc()
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Eigen', author: ayse })
    const updates: Uint8Array[] = []
    yDocOf(doc).on('update', (update: Uint8Array) => updates.push(update))
    for (const text of ['Anoniem een', 'Anoniem twee']) {
      addNote(doc, { id: newNoteId(), column: 'waarden', text, author: ayse, anonymous: true })
    }
    // The writer's presence carries doc.clientID; no item of either note does, and the two do
    // not share one either.
    const writers = updates.map((update) => [
      ...new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client)),
    ])
    expect(writers.flat()).not.toContain(yDocOf(doc).clientID)
    expect(writers.every((clients) => clients.length === 1)).toBe(true)
    expect(new Set(writers.flat()).size).toBe(2)
    expect(viewMap(doc).columns.waarden.map((note) => note.text)).toEqual([
      'Eigen',
      'Anoniem een',
      'Anoniem twee',
    ])
  })

  it('gives an action an owner kind, a name and a moment', () => {
    const doc = createMapDoc()
    const id = addNote(doc, {
      id: newNoteId(),
      column: 'acties',
      text: 'Buurtoverleg organiseren',
      author: lukasz,
      owner: { kind: 'ik', name: 'Łukasz', when: 'vóór 1 maart' },
    })
    expect(viewMap(doc).notes.get(id)!.owner).toEqual({
      kind: 'ik',
      name: 'Łukasz',
      when: 'vóór 1 maart',
    })
    editNote(doc, id, { owner: { kind: 'anderen' } })
    expect(viewMap(doc).notes.get(id)!.owner).toEqual({
      kind: 'anderen',
      name: 'Łukasz',
      when: 'vóór 1 maart',
    })
  })

  it('edits, moves and deletes a note', () => {
    const doc = createMapDoc()
    const a = addNote(doc, { id: newNoteId(), column: 'eisen', text: 'a', author: ayse })
    const b = addNote(doc, { id: newNoteId(), column: 'eisen', text: 'b', author: ayse })
    editNote(doc, a, { text: 'a, anders gezegd' })
    moveNote(doc, a, { column: 'eisen', index: 1 })
    expect(columnTexts(doc, 'eisen')).toEqual(['b', 'a, anders gezegd'])
    moveNote(doc, b, { column: 'acties', index: 0 })
    expect(columnTexts(doc, 'eisen')).toEqual(['a, anders gezegd'])
    expect(viewMap(doc).notes.get(b)!.owner?.kind).toBe('wij')
    deleteNote(doc, a)
    expect(columnTexts(doc, 'eisen')).toEqual([])
  })

  it('refuses empty and oversized text, and keeps the map as it was', () => {
    const doc = createMapDoc()
    const add = (text: string) =>
      addNote(doc, { id: newNoteId(), column: 'waarden', text, author: ayse })
    expect(() => add('   ')).toThrow(MapError)
    expect(() => add('x'.repeat(1001))).toThrowError(/text-too-long/)
    expect(viewMap(doc).notes.size).toBe(0)
    expect(() => createMap(doc, { title: '', description: '' })).toThrowError(/title-required/)
    expect(() => joinMap(doc, { ...ayse, name: '' })).toThrowError(/invalid-participant/)
  })

  it('keeps the identity of notes and columns that did not change', () => {
    const doc = createMapDoc()
    const a = addNote(doc, { id: newNoteId(), column: 'waarden', text: 'a', author: ayse })
    addNote(doc, { id: newNoteId(), column: 'acties', text: 'b', author: ayse })
    const before = viewMap(doc)
    editNote(doc, a, { text: 'a2' })
    const after = viewMap(doc, before)
    expect(after.columns.acties).toBe(before.columns.acties)
    expect(after.columns.waarden).not.toBe(before.columns.waarden)
    expect(Object.isFrozen(after.notes.get(a))).toBe(true)
  })

  it('skips malformed entries another peer wrote instead of failing', () => {
    const doc = createMapDoc()
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'goed', author: ayse })
    const notes = yDocOf(doc).getMap('notes')
    notes.set('not-a-map-value', 'x' as never)
    const bad = new Y.Map<unknown>()
    bad.set('pos', { column: 'nowhere', order: 'a0' })
    notes.set('bad-column-1', bad as never)
    const view = viewMap(doc)
    expect(view.notes.size).toBe(1)
    expect(view.skipped).toBe(2)
  })
})

describe('convergence between peers', () => {
  it('an edit and a move made together reach a peer as one update, and both peers converge', () => {
    const a = createMapDoc()
    const b = createMapDoc()
    const id = addNote(a, { id: newNoteId(), column: 'eisen', text: 'x', author: ayse })
    sync(a, b)
    const updates: Uint8Array[] = []
    yDocOf(a).on('update', (update: Uint8Array) => updates.push(update))
    editAndMoveNote(a, id, { text: 'x, anders gezegd' }, { column: 'acties', index: 0 })
    // Meanwhile someone else adds an action at the top of the same column.
    addNote(b, { id: newNoteId(), column: 'acties', text: 'y', author: lukasz, index: 0 })
    expect(updates).toHaveLength(1)
    Y.applyUpdate(yDocOf(b), updates[0]!)
    const moved = viewMap(b).notes.get(id)!
    expect(moved).toMatchObject({ text: 'x, anders gezegd', column: 'acties' })
    expect(moved.owner?.kind).toBe('wij')
    syncAll([a, b])
    expect(viewMap(a).notes).toEqual(viewMap(b).notes)
    expect(columnTexts(a, 'acties')).toEqual(columnTexts(b, 'acties'))
    expect(columnTexts(a, 'eisen')).toEqual([])
  })

  it('refuses an edit and a move together when either is wrong, and writes nothing', () => {
    const doc = createMapDoc()
    const id = addNote(doc, { id: newNoteId(), column: 'eisen', text: 'x', author: ayse })
    const updates: Uint8Array[] = []
    yDocOf(doc).on('update', (update: Uint8Array) => updates.push(update))
    expect(() =>
      editAndMoveNote(doc, id, { text: ' ' }, { column: 'acties', index: 0 }),
    ).toThrowError(/text-required/)
    expect(() =>
      editAndMoveNote(doc, id, { text: 'y' }, { column: 'nergens' as ColumnId, index: 0 }),
    ).toThrowError(/invalid-column/)
    expect(updates).toHaveLength(0)
    expect(viewMap(doc).notes.get(id)).toMatchObject({ text: 'x', column: 'eisen' })
  })

  it('two notes moved to the same column at once end up in one column each, not mixed', () => {
    const a = createMapDoc()
    const b = createMapDoc()
    const id = addNote(a, { id: newNoteId(), column: 'waarden', text: 'x', author: ayse })
    sync(a, b)
    moveNote(a, id, { column: 'eisen', index: 0 })
    moveNote(b, id, { column: 'acties', index: 0 })
    syncAll([a, b])
    const inA = viewMap(a).notes.get(id)!
    const inB = viewMap(b).notes.get(id)!
    expect(inA).toEqual(inB)
    expect(['eisen', 'acties']).toContain(inA.column)
  })

  it('notes placed in the same slot at once can still be ordered between afterwards', () => {
    const a = createMapDoc()
    const b = createMapDoc()
    addNote(a, { id: newNoteId(), column: 'relaties', text: 'first', author: ayse })
    addNote(a, { id: newNoteId(), column: 'relaties', text: 'last', author: ayse })
    sync(a, b)
    addNote(a, { id: newNoteId(), column: 'relaties', text: 'from a', author: ayse, index: 1 })
    addNote(b, { id: newNoteId(), column: 'relaties', text: 'from b', author: lukasz, index: 1 })
    syncAll([a, b])
    const orderKeys = viewMap(a).columns.relaties.map((n) => n.order)
    expect(orderKeys[1]).toBe(orderKeys[2]) // same slot, tie broken by id
    addNote(a, { id: newNoteId(), column: 'relaties', text: 'between', author: ayse, index: 2 })
    syncAll([a, b])
    const texts = columnTexts(a, 'relaties')
    expect(texts[0]).toBe('first')
    expect(texts[2]).toBe('between')
    expect(texts[4]).toBe('last')
    expect(columnTexts(b, 'relaties')).toEqual(texts)
  })

  it('converges after many random interleavings of adds, edits, moves and deletes', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = prng(seed)
      const peers = [createMapDoc(), createMapDoc(), createMapDoc()]
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
      for (let step = 0; step < 40; step++) {
        const doc = pick(peers)
        const ids = [...viewMap(doc).notes.keys()]
        const action = random()
        const column = pick(columnIds(PARTNERSHIP_BOARD))
        if (action < 0.35 || ids.length === 0) {
          addNote(doc, {
            id: newNoteId(),
            column,
            text: `n${seed}.${step}`,
            author: random() < 0.5 ? ayse : lukasz,
            index: Math.floor(random() * 6),
          })
        } else if (action < 0.55) {
          editNote(doc, pick(ids) as NoteId, { text: `edit ${seed}.${step}` })
        } else if (action < 0.85) {
          moveNote(doc, pick(ids) as NoteId, { column, index: Math.floor(random() * 6) })
        } else {
          deleteNote(doc, pick(ids) as NoteId)
        }
        if (random() < 0.3) sync(pick(peers), pick(peers))
      }
      syncAll(peers)
      const views = peers.map((doc) => viewMap(doc))
      for (const column of columnIds(PARTNERSHIP_BOARD)) {
        const expected = views[0]!.columns[column].map((n) => [n.id, n.text, n.order])
        for (const view of views.slice(1)) {
          expect(
            view.columns[column].map((n) => [n.id, n.text, n.order]),
            `seed ${seed}, column ${column}`,
          ).toEqual(expected)
        }
      }
      const allIds = columnIds(PARTNERSHIP_BOARD).flatMap((c) =>
        views[0]!.columns[c].map((n) => n.id),
      )
      expect(new Set(allIds).size, `seed ${seed}: each note in exactly one column`).toBe(
        allIds.length,
      )
      expect(views[0]!.skipped).toBe(0)
    }
  })

  it('keeps both changes when two people edit different map details at once', () => {
    const one = createMapDoc()
    createMap(one, { title: 'Holendrecht', description: 'Samenspel', cardVersion: '1' })
    const two = createMapDoc()
    sync(one, two)
    updateMapDetails(one, { title: 'Holendrecht-Oost', description: 'Samenspel' })
    updateMapDetails(two, { title: 'Holendrecht', description: 'Samenspel', cardVersion: '2' })
    syncAll([one, two])
    for (const doc of [one, two]) {
      expect(viewMap(doc).meta).toMatchObject({ title: 'Holendrecht-Oost', cardVersion: '2' })
    }
    expect(() =>
      updateMapDetails(one, { title: 'x', description: '', cardVersion: 'v'.repeat(41) }),
    ).toThrow(MapError)
  })

  it('reads the map and adds notes at the end whatever a peer wrote into the document', () => {
    // What the server now refuses, as an older server may have stored it.
    const doc = createMapDoc()
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Gewoon', author: ayse })
    yDocOf(doc).transact(() => {
      const tilde = new Y.Map<unknown>()
      yDocOf(doc).getMap('notes').set('tilde-note-01', tilde)
      tilde.set('pos', { column: 'waarden', order: '~' })
      tilde.set('text', 'Achteraan')
      tilde.set('author', { ...ayse })
      tilde.set('createdAt', 1)
      let inner = new Y.Map<unknown>()
      yDocOf(doc).getMap('notes').set('deep-note-001', inner)
      for (let i = 0; i < 6000; i++) {
        const next = new Y.Map<unknown>()
        inner.set('pos', next)
        inner = next
      }
      yDocOf(doc).getMap('meta').set('title', new Y.Map())
    })
    const view = viewMap(doc)
    expect(view.columns.waarden.map((note) => note.text)).toEqual(['Gewoon', 'Achteraan'])
    // "At the end" still works: the column is spaced out anew around the key that is no key.
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Erbij', author: ayse })
    expect(viewMap(doc).columns.waarden.map((note) => note.text)).toEqual([
      'Gewoon',
      'Achteraan',
      'Erbij',
    ])
  })
})
