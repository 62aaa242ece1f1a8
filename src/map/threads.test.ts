import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import {
  addNote,
  createMapDoc,
  deleteNote,
  looseEnds,
  moveNote,
  newNoteId,
  setLink,
  threadOf,
  threadPaths,
  viewMap,
  type ColumnId,
  type MapDoc,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './index'
import { EXAMPLE_MAP, fillExampleMap } from './example'

const marga: Participant = {
  id: 'marga-000001' as ParticipantId,
  name: 'Marga de Vries',
  role: 'mantelzorger',
  roleLabel: '',
  side: 'informal',
}

function note(doc: MapDoc, column: ColumnId, text: string): NoteId {
  return addNote(doc, { id: newNoteId(), column, text, author: marga })
}

/** A small map: two values, a chain to one action, and a loose action. */
function sample() {
  const doc = createMapDoc()
  const w1 = note(doc, 'waarden', 'Regie bij het gezin')
  const w2 = note(doc, 'waarden', 'Warmte en respect')
  const r1 = note(doc, 'relaties', 'Eén vast aanspreekpunt')
  const e1 = note(doc, 'eisen', 'Geen jargon')
  const v1 = note(doc, 'voorwaarden', 'Twee uur per maand')
  const a1 = note(doc, 'acties', 'Buurtoverleg plannen')
  const a2 = note(doc, 'acties', 'Sociale kaart maken')
  setLink(doc, r1, w1, true)
  setLink(doc, e1, r1, true)
  setLink(doc, v1, e1, true)
  setLink(doc, a1, v1, true)
  return { doc, w1, w2, r1, e1, v1, a1, a2 }
}

describe('the golden thread', () => {
  it('holds only links between neighbouring columns, and brings them back when a note returns', () => {
    const { doc, w1, r1, e1, a1 } = sample()
    setLink(doc, a1, w1, true) // an action cannot serve a value directly
    expect(viewMap(doc).links).toHaveLength(4)
    moveNote(doc, r1, { column: 'eisen', index: 0 })
    const moved = viewMap(doc).links
    expect(moved.some((link) => link.from === r1 || link.to === r1)).toBe(false)
    moveNote(doc, r1, { column: 'relaties', index: 0 })
    expect(viewMap(doc).links).toContainEqual({ from: r1, to: w1 })
    expect(viewMap(doc).links).toContainEqual({ from: e1, to: r1 })
  })

  it('lets a condition serve a relation as well as a requirement, and nothing further', () => {
    const { doc, w1, w2, r1, e1, v1, a1 } = sample()
    const r2 = note(doc, 'relaties', 'Samen beslissen')
    setLink(doc, r2, w2, true)
    setLink(doc, v1, r2, true) // "om de relaties te onderhouden"
    setLink(doc, v1, w1, true) // a condition does not serve a value directly
    setLink(doc, a1, r2, true) // nor does an action serve a relation
    const view = viewMap(doc)
    expect(view.links).toContainEqual({ from: v1, to: r2 })
    expect(view.links).not.toContainEqual({ from: v1, to: w1 })
    expect(view.links).not.toContainEqual({ from: a1, to: r2 })
    // What a condition serves, nearest column first: the requirements, then the relations.
    const e2 = note(doc, 'eisen', 'Tijd nemen')
    setLink(doc, v1, r1, true)
    setLink(doc, v1, e2, true)
    expect(viewMap(doc).linkIndex.serves.get(v1)).toEqual([e1, e2, r1, r2])
    expect(view.linkIndex.servedBy.get(r2)).toEqual([v1])
    expect(threadOf(a1, view.linkIndex)).toEqual(
      new Set([a1, v1, r2, w2, ...threadOf(v1, view.linkIndex)]),
    )
    expect(threadOf(r2, view.linkIndex).has(r1)).toBe(false)
    // The thread from w2 runs past the requirements: whole, and no longer a loose end.
    expect(threadPaths(view.columns, view.linkIndex, view.board).paths).toContainEqual([
      w2,
      r2,
      v1,
      a1,
    ])
    expect(view.loose.values).not.toContain(w2)
    // Moved to the requirements, it still serves the relation; moved to the actions, not.
    moveNote(doc, v1, { column: 'eisen', index: 0 })
    expect(viewMap(doc).links).toContainEqual({ from: v1, to: r2 })
    moveNote(doc, v1, { column: 'acties', index: 0 })
    expect(viewMap(doc).links.some((link) => link.from === v1 && link.to === r2)).toBe(false)
  })

  it('highlights a whole thread left and right, without siblings', () => {
    const { doc, w1, r1, e1, v1, a1, a2 } = sample()
    const r2 = note(doc, 'relaties', 'Samen beslissen')
    setLink(doc, r2, w1, true)
    const view = viewMap(doc)
    expect(threadOf(e1, view.linkIndex)).toEqual(new Set([w1, r1, e1, v1, a1]))
    // From the value, everything that serves it: both relations and the chain below r1.
    expect(threadOf(w1, view.linkIndex)).toEqual(new Set([w1, r1, r2, e1, v1, a1]))
    // r2 serves the same value as r1 but is not on r1's thread.
    expect(threadOf(r1, view.linkIndex).has(r2)).toBe(false)
    expect(threadOf(a2, view.linkIndex)).toEqual(new Set([a2]))
  })

  it('finds loose ends: a value no action leads to, an action that serves no value', () => {
    const { doc, w1, w2, a2, v1 } = sample()
    let view = viewMap(doc)
    expect(looseEnds(view.columns, view.linkIndex, view.board)).toEqual({
      values: [w2],
      actions: [a2],
    })
    // A chain broken in the middle leaves both ends loose.
    deleteNote(doc, v1)
    view = viewMap(doc)
    const loose = looseEnds(view.columns, view.linkIndex, view.board)
    expect(loose.values).toEqual([w1, w2])
    expect(loose.actions).toHaveLength(2)
  })

  it('lists every thread from value to action, and numbers notes per column', () => {
    const { doc, w1, r1, e1, v1, a1 } = sample()
    const a3 = note(doc, 'acties', 'Koffie regelen')
    setLink(doc, a3, v1, true)
    const view = viewMap(doc)
    expect(threadPaths(view.columns, view.linkIndex, view.board).paths).toEqual([
      [w1, r1, e1, v1, a1],
      [w1, r1, e1, v1, a3],
    ])
    expect(threadPaths(view.columns, view.linkIndex, view.board, 1)).toMatchObject({ more: true })
    expect(view.numbers.get(a3)).toBe(3)
    expect(view.numbers.get(w1)).toBe(1)
  })

  it('merges links made at the same time on two devices, and an unlink of the other', () => {
    const { doc, w1, w2, r1 } = sample()
    const other = createMapDoc()
    Y.applyUpdate(yDocOf(other), Y.encodeStateAsUpdate(yDocOf(doc)))
    setLink(doc, r1, w2, true)
    setLink(other, r1, w1, false)
    Y.applyUpdate(yDocOf(doc), Y.encodeStateAsUpdate(yDocOf(other)))
    Y.applyUpdate(yDocOf(other), Y.encodeStateAsUpdate(yDocOf(doc)))
    expect(viewMap(doc).links.filter((link) => link.from === r1)).toEqual([{ from: r1, to: w2 }])
    expect(viewMap(other).links).toEqual(viewMap(doc).links)
  })
})

describe('the example map', () => {
  it('carries a golden thread with a few loose ends left on purpose', () => {
    const doc = createMapDoc()
    fillExampleMap(doc)
    const view = viewMap(doc)
    expect(view.links).toHaveLength(EXAMPLE_MAP.links.length)
    const ref = (id: NoteId) => `${view.notes.get(id)!.column}${view.numbers.get(id)}`
    expect(view.loose.values.map(ref)).toEqual(['waarden4'])
    expect(view.loose.actions.map(ref)).toEqual(['acties2', 'acties5'])
  })
})
