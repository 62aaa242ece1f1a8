import * as Y from 'yjs'
import { yDocOf } from './doc'
import { describe, expect, it } from 'vitest'
import {
  addNote,
  balanceOf,
  castVote,
  createMapDoc,
  distribution,
  dominantSide,
  joinMap,
  newNoteId,
  newParticipantId,
  recordEdit,
  setHolds,
  valueSides,
  viewMap,
  clearPulse,
  ownPulse,
  writePulse,
  type ColumnId,
  type MapDoc,
  type Participant,
  type Role,
} from './index'

function person(name: string, role: Exclude<Role, 'anders'>): Participant {
  const side = role === 'beroepskracht' ? 'formal' : 'informal'
  return { id: newParticipantId(), name, role, roleLabel: '', side }
}

function write(doc: MapDoc, author: Participant, column: ColumnId, count = 1) {
  return Array.from({ length: count }, (_, i) =>
    addNote(doc, { id: newNoteId(), column, text: `${author.name} ${i}`, author }),
  )
}

const pros = [
  person('Ellen', 'beroepskracht'),
  person('Łukasz', 'beroepskracht'),
  person('Fatma', 'beroepskracht'),
]
const ayse = person('Ayşe', 'vrijwilliger')
const marga = person('Marga', 'mantelzorger')
const kwame = person('Kwame', 'ervaringsdeskundige')

describe('balance of voices', () => {
  it('splits notes, edits and votes per step by side and role', () => {
    const doc = createMapDoc()
    for (const p of [...pros, ayse, marga, kwame]) joinMap(doc, p)
    write(doc, pros[0]!, 'waarden', 3)
    write(doc, pros[1]!, 'waarden')
    const [informal] = write(doc, ayse, 'waarden')
    write(doc, marga, 'acties', 2)
    recordEdit(doc, kwame.id, 'waarden')
    recordEdit(doc, kwame.id, 'waarden')
    castVote(doc, { round: 1, dots: 3, onePerNote: false }, pros[2]!.id, informal!)
    const view = viewMap(doc)
    const balance = balanceOf(view.notes, view.participants, view.voices, view.board)
    const waarden = balance.steps.waarden
    expect(waarden.total).toEqual({ notes: 5, edits: 2, votes: 1 })
    expect(waarden.sides).toEqual({
      formal: { people: 3, notes: 4, edits: 0, votes: 1 },
      informal: { people: 3, notes: 1, edits: 2, votes: 0 },
    })
    // Three informal roles of one person each are shown together as "other roles".
    expect(waarden.roles).toEqual([
      { role: 'beroepskracht', figures: { people: 3, notes: 4, edits: 0, votes: 1 } },
      { role: 'other', figures: { people: 3, notes: 1, edits: 2, votes: 0 } },
    ])
    expect(balance.steps.acties.sides!.informal.notes).toBe(2)
  })

  it('never breaks down a group of fewer than three people, not even by subtraction', () => {
    const doc = createMapDoc()
    for (const p of [...pros, ayse, marga]) joinMap(doc, p)
    write(doc, ayse, 'eisen', 2)
    write(doc, pros[0]!, 'eisen')
    const view = viewMap(doc)
    const eisen = balanceOf(view.notes, view.participants, view.voices, view.board).steps.eisen
    expect(eisen.total.notes).toBe(3)
    // Two informal people: no split by side (the total minus one side would give the other).
    expect(eisen.sides).toBeNull()
    expect(eisen.roles).toBeNull()
  })

  it('counts the person a proxy note is for, and an anonymous note only in the total', () => {
    const doc = createMapDoc()
    for (const p of [...pros, ayse, marga]) joinMap(doc, p)
    const resident = { ...person('', 'bewoner') }
    addNote(doc, {
      id: newNoteId(),
      column: 'relaties',
      text: 'Ik wil gebeld worden, niet gemaild',
      author: resident,
      proxyBy: ayse,
    })
    addNote(doc, {
      id: newNoteId(),
      column: 'relaties',
      text: 'Anoniem',
      author: ayse,
      anonymous: true,
    })
    const view = viewMap(doc)
    const note = view.columns.relaties.find((n) => n.proxyBy)!
    expect(note.author).toMatchObject({ name: '', role: 'bewoner', side: 'informal' })
    expect(note.proxyBy?.name).toBe('Ayşe')
    const balance = balanceOf(view.notes, view.participants, view.voices, view.board)
    expect(balance.people).toEqual({ formal: 3, informal: 3 })
    expect(balance.steps.relaties.total.notes).toBe(2)
    expect(balance.steps.relaties.sides!.informal.notes).toBe(1)
  })

  it('counts a person written for three times as one person', () => {
    const doc = createMapDoc()
    for (const p of pros) joinMap(doc, p)
    joinMap(doc, ayse)
    for (const text of ['Bellen, niet mailen', 'Op dinsdag', 'Met mijn dochter erbij']) {
      addNote(doc, {
        id: newNoteId(),
        column: 'relaties',
        text,
        // Each proxy note gets an author id of its own: the same name and role make one person.
        author: { ...person(' Henk ', 'bewoner') },
        proxyBy: ayse,
      })
    }
    const view = viewMap(doc)
    const balance = balanceOf(view.notes, view.participants, view.voices, view.board)
    expect(balance.people).toEqual({ formal: 3, informal: 2 })
    expect(balance.steps.relaties.total.notes).toBe(3)
  })

  it('cues the facilitator when one side writes most of a step in a mixed room', () => {
    const doc = createMapDoc()
    write(doc, pros[0]!, 'waarden', 3)
    write(doc, ayse, 'waarden')
    const { notes } = viewMap(doc)
    expect(dominantSide(notes, ['waarden'], { formal: 2, informal: 2 })).toBe('formal')
    // Not mixed: no cue. Too few notes: no cue.
    expect(dominantSide(notes, ['waarden'], { formal: 2, informal: 0 })).toBeNull()
    expect(dominantSide(notes, ['relaties'], { formal: 2, informal: 2 })).toBeNull()
    write(doc, marga, 'waarden')
    expect(dominantSide(viewMap(doc).notes, ['waarden'], { formal: 2, informal: 2 })).toBeNull()
  })

  it('shows which sides hold each value', () => {
    const doc = createMapDoc()
    for (const p of [...pros, ayse]) joinMap(doc, p)
    const [shared] = write(doc, ayse, 'waarden')
    const [own] = write(doc, pros[0]!, 'waarden')
    setHolds(doc, shared!, pros[1]!.id, true)
    setHolds(doc, own!, pros[2]!.id, true)
    const view = viewMap(doc)
    const sides = valueSides(view.columns.waarden, view.participants, view.voices.holders)
    expect(sides.get(shared!)).toEqual(new Set(['informal', 'formal']))
    expect(sides.get(own!)).toEqual(new Set(['formal']))
    setHolds(doc, shared!, pros[1]!.id, false)
    const after = viewMap(doc)
    expect(
      valueSides(after.columns.waarden, after.participants, after.voices.holders).get(shared!),
    ).toEqual(new Set(['informal']))
  })
})

describe('hoofd, hart, buik', () => {
  it('keeps one entry per device and shows scores only as a distribution', () => {
    const doc = createMapDoc()
    let ayse = writePulse(doc, null, { head: 'Veel plannen', before: 6 })
    writePulse(doc, null, { gut: 'Spannend', before: 4 })
    ayse = writePulse(doc, ayse, { after: 8 })
    writePulse(doc, null, { before: 11 }) // not a score: left out
    const { pulse } = viewMap(doc)
    expect(pulse).toHaveLength(3)
    expect(distribution(pulse, 'before')).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 0])
    expect(distribution(pulse, 'after')).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0])
    expect(pulse.find((entry) => entry.head === 'Veel plannen')?.before).toBe(6)
    expect(ownPulse(doc, ayse)?.after).toBe(8)
  })

  it('writes entries so that nothing in the document ties them to the device', () => {
    const doc = createMapDoc()
    let key = writePulse(doc, null, { head: 'Onzeker', before: 5 })
    key = writePulse(doc, key, { after: 7 })
    // Yjs stamps every item with its writer's client id, which is also the id of the person's
    // presence: the device's own id is nowhere in the document.
    expect(Y.decodeStateVector(Y.encodeStateVector(yDocOf(doc))).has(yDocOf(doc).clientID)).toBe(
      false,
    )
    expect(ownPulse(doc, key)).toMatchObject({ head: 'Onzeker', before: 5, after: 7 })
  })

  it('empties the round for the next meeting on every peer, and a device then starts afresh', () => {
    const doc = createMapDoc()
    const peer = createMapDoc()
    const keys = [4, 6, 7].map((before) => writePulse(doc, null, { head: 'Eerst', before }))
    Y.applyUpdate(yDocOf(peer), Y.encodeStateAsUpdate(yDocOf(doc)))
    expect(viewMap(peer).pulse).toHaveLength(3)
    const cleared = Y.encodeStateVector(yDocOf(doc))
    clearPulse(doc)
    Y.applyUpdate(yDocOf(peer), Y.encodeStateAsUpdate(yDocOf(doc), cleared))
    expect(viewMap(doc).pulse).toEqual([])
    expect(viewMap(peer).pulse).toEqual([])
    // The old key finds nothing; writing with it makes a fresh entry, without last time's words.
    expect(ownPulse(doc, keys[0]!)).toBeNull()
    writePulse(doc, keys[0]!, { before: 8 })
    expect(viewMap(doc).pulse).toEqual([{ head: '', heart: '', gut: '', before: 8, after: null }])
  })
})
