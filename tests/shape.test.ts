import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkShape, DependencyError, InFlight, ShapeError } from '../server/shape'
import { CONTROL_DOC, isOrderKey, MAP_DOC, type DocShape } from '../shared/schema'
import { forgeUpdate } from './helpers/forgedUpdates'
import { handle, nestNote } from './helpers/mapShapes'
import {
  addNote,
  newNoteId,
  castVote,
  createNoteUndo,
  undoable,
  closeVote,
  createMap,
  deleteNote,
  editNote,
  extendTimer,
  goToStep,
  joinMap,
  moveNote,
  openVote,
  pauseTimer,
  recordEdit,
  retractVote,
  revealDrafts,
  setAgreed,
  setAskNote,
  setDirection,
  setFocusNote,
  setFollow,
  setHolds,
  setFollowUp,
  setJoinCode,
  setLink,
  setLookBack,
  setShownMeeting,
  setInfluence,
  setForm,
  setHideRoles,
  setBrainstorm,
  setLocked,
  setPulse,
  setShowBalance,
  setTempo,
  setThreadNote,
  startTimer,
  updateMapDetails,
  viewControl,
  viewMap,
  writePulse,
  raiseSignal,
  clearSignals,
  type NoteId,
  type Participant,
  type ParticipantId,
} from '../src/map'
import { fillExampleMap } from '../src/map/example'
import { addGroundRule, editGroundRule, removeGroundRule } from '../src/map/groundRules'
import { answerInfluence, clearInfluence } from '../src/map/influence'
import { setLayer } from '../src/map/layers'
import { setPower } from '../src/map/power'
import { layOutTasks, takeToMap } from '../src/map/tasks'
import { migrate } from '../src/map/migrate'
import { importMapFile, parseMapFile, toMapFile } from '../src/map/mapFile'

const ayse: Participant = {
  id: 'ayse-0000001' as ParticipantId,
  name: 'Ayşe Yılmaz',
  role: 'anders',
  roleLabel: 'buurtmoeder',
  side: 'informal',
}

/**
 * A server's copy of a document that checks every update the client emits, as the server does,
 * before applying it. Returns the refusals.
 */
function checkedPeer(client: Y.Doc, shape: DocShape) {
  const server = new Y.Doc()
  const refused: string[] = []
  client.on('update', (update: Uint8Array) => {
    try {
      checkShape(Y.decodeUpdate(update), server, shape, new InFlight())
      Y.applyUpdate(server, update)
    } catch (error) {
      refused.push((error as Error).message)
    }
  })
  return { server, refused }
}

/** What the server would say of one update against its copy `server`; null when accepted. */
function verdict(update: Uint8Array, server: Y.Doc, shape: DocShape = MAP_DOC): string | null {
  try {
    checkShape(Y.decodeUpdate(update), server, shape, new InFlight())
    return null
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error
    return error.message
  }
}

/** Every update a change makes on a copy of `base`, merged into one. */
function updateOf(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

/** A map with one valid note, as a server holds it. */
function mapWithNote(): { doc: Y.Doc; noteId: string } {
  const doc = new Y.Doc()
  createMap(handle(doc), { title: 'Kaart', description: '' })
  const noteId = addNote(handle(doc), {
    id: 'note-0000001' as NoteId,
    column: 'waarden',
    text: 'Respect',
    author: ayse,
  })
  return { doc, noteId }
}

describe('the schema the server checks', () => {
  it('accepts a note taken back: a delete, a move and an edit undone and made again', () => {
    const client = new Y.Doc()
    const { server, refused } = checkedPeer(client, MAP_DOC)
    createMap(handle(client), { title: 'Terug', description: '' })
    const id = addNote(handle(client), {
      id: newNoteId(),
      column: 'acties',
      text: 'Bellen',
      owner: { kind: 'ik', when: 'maandag' },
      author: ayse,
    })
    const history = createNoteUndo(handle(client))
    undoable(handle(client), 'edit', () => editNote(handle(client), id, { text: 'Mailen' }))
    undoable(handle(client), 'move', () =>
      moveNote(handle(client), id, { column: 'voorwaarden', index: 0 }),
    )
    undoable(handle(client), 'delete', () => deleteNote(handle(client), id))
    for (let i = 0; i < 3; i++) history.undo()
    history.redo()
    history.undo()
    expect(refused).toEqual([])
    expect(viewMap(handle(server)).notes.get(id)).toMatchObject({
      text: 'Bellen',
      column: 'acties',
    })
  })

  it('accepts every change the client makes to the map, update by update', () => {
    const client = new Y.Doc()
    const { server, refused } = checkedPeer(client, MAP_DOC)
    createMap(handle(client), {
      title: 'Samenspel',
      description: 'Hoe werken we samen?',
      cardVersion: '1',
    })
    updateMapDetails(handle(client), {
      title: 'Samenspel Zuid',
      description: 'anders',
      cardVersion: '2',
    })
    joinMap(handle(client), ayse)
    fillExampleMap(handle(client))
    const value = addNote(handle(client), {
      id: 'value-000001' as NoteId,
      column: 'waarden',
      text: 'Warmte',
      author: ayse,
    })
    const action = addNote(handle(client), {
      id: 'action-00001' as NoteId,
      column: 'acties',
      text: 'Bellen',
      author: ayse,
      owner: { kind: 'ik', name: 'Ayşe', when: 'maandag' },
    })
    addNote(handle(client), {
      id: 'anon-0000001' as NoteId,
      column: 'eisen',
      text: 'Anoniem',
      author: ayse,
      anonymous: true,
    })
    addNote(handle(client), {
      id: 'proxy-000001' as NoteId,
      column: 'relaties',
      text: 'Voor mijn buurvrouw',
      author: {
        ...ayse,
        id: 'other-000001' as ParticipantId,
        name: '',
        role: 'bewoner',
        roleLabel: '',
        side: 'informal',
      },
      proxyBy: ayse,
    })
    editNote(handle(client), value, { text: 'Warmte en respect' })
    editNote(handle(client), action, { owner: { kind: 'anderen', name: 'de gemeente', when: '' } })
    setFollowUp(handle(client), action, { status: 'bezig', lookAgain: '2027-03-12' })
    setFollowUp(handle(client), action, { evaluation: 'Werkt, want de buren komen' })
    setFollowUp(handle(client), action, { lookAgain: '', evaluation: '' })
    setPower(handle(client), action, { carries: 'informal', decides: 'formal', means: 'others' })
    setPower(handle(client), action, { means: null })
    const condition = addNote(handle(client), {
      id: 'condition-01' as NoteId,
      column: 'voorwaarden',
      text: 'Een VOG',
      author: ayse,
    })
    setLayer(handle(client), condition, 'samenwerken')
    setLayer(handle(client), condition, 'verandering')
    setLayer(handle(client), condition, null)
    moveNote(handle(client), value, { column: 'acties', index: 0 })
    moveNote(handle(client), value, { column: 'waarden', index: 0 })
    for (let i = 0; i < 30; i++)
      moveNote(handle(client), value, { column: 'waarden', index: i % 3 })
    setLink(handle(client), action, value, true)
    setLink(handle(client), action, value, false)
    const rules = { round: 1, dots: 3, onePerNote: false }
    castVote(handle(client), rules, ayse.id, value)
    castVote(handle(client), rules, ayse.id, value)
    retractVote(handle(client), rules, ayse.id, value)
    recordEdit(handle(client), ayse.id, 'waarden')
    setHolds(handle(client), value, ayse.id, true)
    writePulse(handle(client), 'pulse-000001', {
      head: 'hoofd',
      heart: 'hart',
      gut: 'buik',
      before: 6,
    })
    writePulse(handle(client), 'pulse-000001', { after: 8 })
    raiseSignal(handle(client), 'jargon', Date.now())
    raiseSignal(handle(client), 'jaEn', Date.now())
    clearSignals(handle(client), 'jargon')
    const answer = {
      round: 1_796_000_000,
      side: 'formal',
      holder: 'others',
      words: 'Geld',
    } as const
    answerInfluence(handle(client), answerInfluence(handle(client), null, answer), answer)
    clearInfluence(handle(client))
    const rule = addGroundRule(handle(client), 'We laten elkaar uitpraten.', Date.now())!
    editGroundRule(handle(client), rule, 'We laten elkaar echt uitpraten.')
    removeGroundRule(handle(client), addGroundRule(handle(client), 'Weg', Date.now())!)
    const [doubt, shopping] = layOutTasks(
      handle(client),
      ['Een melding doen bij zorgen', 'Boodschappen doen'],
      ayse,
    )
    moveNote(handle(client), doubt!, { column: 'twijfel', index: 0 })
    moveNote(handle(client), shopping!, { column: 'vrijwilligerswerk', index: 0 })
    takeToMap(handle(client), doubt!, 'voorwaarden', ayse)
    takeToMap(handle(client), shopping!, 'acties', ayse)
    deleteNote(handle(client), action)

    const imported = new Y.Doc()
    const check = checkedPeer(imported, MAP_DOC)
    const file = parseMapFile(JSON.stringify(toMapFile(viewMap(handle(client)), new Set([value]))))
    if (!file.ok) throw new Error(file.problem)
    importMapFile(handle(imported), handle(new Y.Doc()), file.file, ayse)

    expect(refused).toEqual([])
    expect(check.refused).toEqual([])
    expect(viewMap(handle(server)).notes.size).toBe(viewMap(handle(client)).notes.size)
    // The whole state at once, as a reconnecting client sends it, fits too.
    expect(verdict(Y.encodeStateAsUpdate(client), new Y.Doc())).toBeNull()
  })

  it('accepts the migration of a version 1 map, with its notes labelled', () => {
    const client = new Y.Doc()
    const { server, refused } = checkedPeer(client, MAP_DOC)
    client.transact(() => {
      const meta = client.getMap('meta')
      meta.set('schemaVersion', 1)
      meta.set('createdAt', 1)
      meta.set('title', 'Oud')
    })
    const id = addNote(handle(client), {
      id: newNoteId(),
      column: 'eisen',
      text: 'Oud',
      author: ayse,
    })
    // Written before labels existed.
    client.getMap<Y.Map<unknown>>('notes').get(id)!.delete('label')
    expect(migrate(handle(client))).toBe(true)
    expect(refused).toEqual([])
    expect(server.getMap('meta').get('board')).toBe('partnerschapskaart')
    expect(server.getMap<Y.Map<unknown>>('notes').get(id)!.get('label')).toBe('E1')
  })

  it('accepts every change a facilitator makes, and refuses them in the map document', () => {
    const client = new Y.Doc()
    const { server, refused } = checkedPeer(client, CONTROL_DOC)
    setDirection(handle(client), 'fromActions')
    setTempo(handle(client), 'kort')
    goToStep(handle(client), 1)
    setLocked(handle(client), true)
    setFollow(handle(client), true)
    startTimer(handle(client), 10 * 60_000, Date.now())
    pauseTimer(handle(client), Date.now())
    extendTimer(handle(client), 60_000, Date.now())
    openVote(handle(client), 3, true)
    closeVote(handle(client))
    setAgreed(handle(client), 'note-0000001', true)
    revealDrafts(handle(client), true)
    setJoinCode(handle(client), 'ABC234')
    setFocusNote(handle(client), 'note-0000001')
    setThreadNote(handle(client), 'note-0000001')
    setAskNote(handle(client), 'note-0000002')
    setShowBalance(handle(client), true)
    setHideRoles(handle(client), true)
    setHideRoles(handle(client), false)
    setHideRoles(handle(client), true)
    setBrainstorm(handle(client), true, Date.now())
    setBrainstorm(handle(client), false, Date.now())
    setBrainstorm(handle(client), true, Date.now())
    setPulse(handle(client), 'before')
    setLookBack(handle(client), { note: 'note-0000001' })
    setLookBack(handle(client), { note: null })
    setLookBack(handle(client), null)
    setLookBack(handle(client), { note: 'note-0000002' })
    setShownMeeting(handle(client), 'meeting00001')
    setShownMeeting(handle(client), null)
    setShownMeeting(handle(client), 'meeting00002')
    setInfluence(handle(client), Math.floor(Date.now() / 1000))
    setInfluence(handle(client), null)
    setInfluence(handle(client), Math.floor(Date.now() / 1000) + 1)
    setForm(handle(client), 'taakverdeling')
    goToStep(handle(client), 1)
    setForm(handle(client), null)
    setForm(handle(client), 'taakverdeling')
    expect(refused).toEqual([])
    expect(viewControl(handle(server))).toEqual(viewControl(handle(client)))
    expect(verdict(Y.encodeStateAsUpdate(client), new Y.Doc(), MAP_DOC)).toMatch(/schema/)
  })

  it('refuses a look back that is not one action or the summary', () => {
    const doc = new Y.Doc()
    const cases: Array<[string, unknown]> = [
      ['a note that is no id', { note: '<script>' }],
      ['no note at all', {}],
      ['a note and more', { note: null, names: ['Marga'] }],
      ['a list', ['note-0000001']],
      ['just an id', 'note-0000001'],
    ]
    const accepted = cases.filter(
      ([, value]) =>
        verdict(
          updateOf(doc, (d) => d.getMap('facilitation').set('lookBack', value)),
          doc,
          CONTROL_DOC,
        ) === null,
    )
    expect(accepted.map(([what]) => what)).toEqual([])
  })

  it('refuses an influence round that is not a whole number of seconds', () => {
    const doc = new Y.Doc()
    const cases: Array<[string, unknown]> = [
      ['zero', 0],
      ['a fraction', 1.5],
      ['a string', '1796000000'],
      ['the question itself', { question: 'Wie heeft hier invloed?' }],
    ]
    const accepted = cases.filter(
      ([, value]) =>
        verdict(
          updateOf(doc, (d) => d.getMap('facilitation').set('influence', value)),
          doc,
          CONTROL_DOC,
        ) === null,
    )
    expect(accepted.map(([what]) => what)).toEqual([])
  })

  it('refuses a working form nobody defined, or one past its steps', () => {
    const doc = new Y.Doc()
    const cases: Array<[string, unknown]> = [
      ['a form nobody defined', { kind: 'kanban', step: 0 }],
      ['the map as a form', { kind: 'partnerschapskaart', step: 0 }],
      ['a step past every board', { kind: 'taakverdeling', step: 99 }],
      ['a step that is a fraction', { kind: 'taakverdeling', step: 0.5 }],
      ['no step', { kind: 'taakverdeling' }],
      ['the tasks themselves', { kind: 'taakverdeling', step: 0, tasks: ['Koffie'] }],
      ['just the kind', 'taakverdeling'],
    ]
    const accepted = cases.filter(
      ([, value]) =>
        verdict(
          updateOf(doc, (d) => d.getMap('facilitation').set('form', value)),
          doc,
          CONTROL_DOC,
        ) === null,
    )
    expect(accepted.map(([what]) => what)).toEqual([])
  })

  it('refuses a meeting on the big screen that is anything but the id of one', () => {
    const doc = new Y.Doc()
    const cases: Array<[string, unknown]> = [
      ['an id with markup', '<img src=x>'],
      ['the report itself', { report: 'Elkaar eerder bellen.' }],
      ['a list of meetings', ['meeting00001']],
      ['a number', 1],
      ['true', true],
    ]
    const accepted = cases.filter(
      ([, value]) =>
        verdict(
          updateOf(doc, (d) => d.getMap('facilitation').set('shownMeeting', value)),
          doc,
          CONTROL_DOC,
        ) === null,
    )
    expect(accepted.map(([what]) => what)).toEqual([])
  })

  it('refuses roots, keys and values the schema does not know', () => {
    const { doc, noteId } = mapWithNote()
    const cases: Array<[string, (d: Y.Doc) => void]> = [
      ['an unknown root', (d) => d.getMap('edits').set('x', 1)],
      ['a sequence in a root', (d) => d.getArray('notes').push(['x'])],
      ['text in a root', (d) => d.getText('meta').insert(0, 'x')],
      ['an unknown meta field', (d) => d.getMap('meta').set('owner', 'x')],
      ['a title too long', (d) => d.getMap('meta').set('title', 'x'.repeat(121))],
      ['a board nobody defined', (d) => d.getMap('meta').set('board', 'kanban')],
      ['a schema version from the future', (d) => d.getMap('meta').set('schemaVersion', 99)],
      ['a note under a bad id', (d) => d.getMap('notes').set('x', new Y.Map())],
      ['a note that is not a map', (d) => d.getMap('notes').set('note-0000002', 'text')],
      ['an unknown note field', (d) => note(d).set('colour', 'red')],
      ['a note text too long', (d) => note(d).set('text', 'x'.repeat(1001))],
      ['an empty note text', (d) => note(d).set('text', '')],
      ['an order key "~"', (d) => note(d).set('pos', { column: 'waarden', order: '~' })],
      ['an unknown column', (d) => note(d).set('pos', { column: 'wensen', order: 'a0' })],
      ['a label without a number', (d) => note(d).set('label', 'W')],
      ['a label in lower case', (d) => note(d).set('label', 'w2')],
      ['a label that is a number', (d) => note(d).set('label', 2)],
      ['a label with markup', (d) => note(d).set('label', 'W2<b>')],
      ['a status nobody defined', (d) => note(d).set('status', 'klaar')],
      ['a status that is a number', (d) => note(d).set('status', 1)],
      ['a day that does not exist', (d) => note(d).set('lookAgain', '2027-02-30')],
      ['a day with a time', (d) => note(d).set('lookAgain', '2027-03-12T10:00')],
      ['a day as a number', (d) => note(d).set('lookAgain', 1_800_000_000_000)],
      ['a layer nobody defined', (d) => note(d).set('layer', 'beleid')],
      ['a task taken to something that is no id', (d) => note(d).set('onMap', '<img src=x>')],
      ['a task taken to a list', (d) => note(d).set('onMap', ['note-0000001'])],
      ['a pile nobody defined', (d) => note(d).set('pos', { column: 'misschien', order: 'a0' })],
      ['a power holder nobody defined', (d) => note(d).set('decides', 'de wethouder')],
      ['a power holder that is a list', (d) => note(d).set('means', ['formal', 'others'])],
      ['an evaluation too long', (d) => note(d).set('evaluation', 'x'.repeat(1001))],
      ['an evaluation that is an object', (d) => note(d).set('evaluation', { text: 'x' })],
      [
        'a position with more fields',
        (d) => note(d).set('pos', { column: 'waarden', order: 'a0', x: 1 }),
      ],
      [
        'a long text nine levels deep',
        (d) => {
          let value: unknown = 'x'.repeat(500_000)
          for (let i = 0; i < 9; i++) value = { v: value }
          note(d).set('pos', value)
        },
      ],
      ['an author with a phone number', (d) => note(d).set('author', { ...ayse, phone: '06' })],
      ['an author of an unknown role', (d) => note(d).set('author', { ...ayse, role: 'baas' })],
      ['a map inside a note', (d) => note(d).set('author', new Y.Map())],
      ['text inside a note', (d) => note(d).set('text', new Y.Text('x'))],
      ['bytes inside a note', (d) => note(d).set('text', new Uint8Array(10))],
      [
        'a participant under another id',
        (d) => d.getMap('participants').set('someone-0001', { ...ayse }),
      ],
      ['a link with three parts', (d) => d.getMap('links').set(`${noteId}>${noteId}>x`, true)],
      ['a dot past the twentieth', (d) => d.getMap('votes').set(`1|${ayse.id}|20`, noteId)],
      [
        'a count that is not a whole number',
        (d) => d.getMap('activity').set(`${ayse.id}|waarden|edits`, 1.5),
      ],
      [
        'a pulse score of 11',
        (d) =>
          d
            .getMap('pulse')
            .set('pulse-000001', { head: '', heart: '', gut: '', before: 11, after: null }),
      ],
      [
        'a signal nobody defined',
        (d) => d.getMap('signals').set('signal-0001', { kind: 'boos', at: 1 }),
      ],
      [
        'a signal without a time',
        (d) => d.getMap('signals').set('signal-0001', { kind: 'jargon' }),
      ],
      [
        'a signal with a name',
        (d) => d.getMap('signals').set('signal-0001', { kind: 'jargon', at: 1, by: 'Ayşe' }),
      ],
      ['a signal under a bad key', (d) => d.getMap('signals').set('x', { kind: 'jaEn', at: 1 })],
      [
        'a sub-document',
        (d) => d.getMap('notes').set('note-0000003', new Y.Doc() as unknown as Y.Map<unknown>),
      ],
    ]
    function note(d: Y.Doc): Y.Map<unknown> {
      return d.getMap<Y.Map<unknown>>('notes').get(noteId)!
    }
    const accepted = cases.filter(([, change]) => verdict(updateOf(doc, change), doc) === null)
    expect(accepted.map(([what]) => what)).toEqual([])
  })

  it('refuses a note nested thousands of levels deep, so no peer overflows its stack', () => {
    const { doc } = mapWithNote()
    const update = updateOf(doc, (d) => {
      nestNote(d, 'note-deep-001', 3000)
    })
    expect(verdict(update, doc)).toMatch(/schema: /)
  })

  it('takes a write to a note someone deleted meanwhile, but only small plain values', () => {
    const { doc, noteId } = mapWithNote()
    // A peer still has the note and edits it, while the server's copy has deleted it.
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    deleteNote(handle(doc), noteId as NoteId)
    const edit = updateOf(peer, (d) =>
      editNote(handle(d), noteId as NoteId, { text: 'nog steeds' }),
    )
    expect(verdict(edit, doc)).toBeNull()
    const nested = updateOf(peer, (d) => {
      d.getMap<Y.Map<unknown>>('notes').get(noteId)!.set('extra', new Y.Map())
    })
    expect(verdict(nested, doc)).toMatch(/schema: /)
  })

  it('holds back an update that builds on items the server does not have yet', () => {
    const { doc, noteId } = mapWithNote()
    const author = new Y.Doc()
    Y.applyUpdate(author, Y.encodeStateAsUpdate(doc))
    const first = updateOf(author, (d) => editNote(handle(d), noteId as NoteId, { text: 'een' }))
    Y.applyUpdate(author, first)
    const second = updateOf(author, (d) => editNote(handle(d), noteId as NoteId, { text: 'twee' }))
    // The second builds on the first, which the server has not seen: it has to wait.
    expect(() => checkShape(Y.decodeUpdate(second), doc, MAP_DOC, new InFlight())).toThrow(
      DependencyError,
    )
    // Accepted but waiting for its commit: the next one may build on it.
    const inFlight = new InFlight()
    inFlight.add(checkShape(Y.decodeUpdate(first), doc, MAP_DOC, inFlight).placed)
    expect(() => checkShape(Y.decodeUpdate(second), doc, MAP_DOC, inFlight)).not.toThrow()
  })

  it('counts a note added again under the key of a deleted one', () => {
    const { doc, noteId } = mapWithNote()
    deleteNote(handle(doc), noteId as NoteId)
    const again = updateOf(doc, (d) => d.getMap('notes').set(noteId, new Y.Map()))
    const result = checkShape(Y.decodeUpdate(again), doc, MAP_DOC, new InFlight())
    expect([...result.addedNotes]).toEqual([noteId])
  })
})

describe('updates no Y.Doc would write', () => {
  const C = 1_111_111
  const D = 2_222_222

  it('refuses one client in two blocks: Yjs applies only the last, so the first must not count', () => {
    const doc = new Y.Doc()
    const update = forgeUpdate([
      { client: C, clock: 0, structs: [{ gc: 1 }] },
      {
        client: C,
        clock: 0,
        structs: [{ parent: 'meta', key: 'title', content: { any: ['ok'] } }],
      },
      { client: D, clock: 0, structs: [{ origin: [C, 0], content: { any: [{ evil: 1 }] } }] },
    ])
    expect(verdict(update, doc)).toMatch(/twice in one update/)
  })

  it('refuses the keys every object has: constructor, toString', () => {
    const { doc, noteId } = mapWithNote()
    const cases: Array<[string, (d: Y.Doc) => void]> = [
      ['meta.constructor', (d) => d.getMap('meta').set('constructor', { x: 1 })],
      ['meta.toString', (d) => d.getMap('meta').set('toString', 1)],
      [
        'a note field constructor',
        (d) => d.getMap<Y.Map<unknown>>('notes').get(noteId)!.set('constructor', [1]),
      ],
      ['a root named constructor', (d) => d.getMap('constructor').set('x', 1)],
    ]
    const accepted = cases.filter(([, change]) => verdict(updateOf(doc, change), doc) === null)
    expect(accepted.map(([what]) => what)).toEqual([])
    const deletedUnderConstructor = forgeUpdate([
      {
        client: C,
        clock: 0,
        structs: [{ parent: 'constructor', key: 'x', content: { deleted: 1 } }],
      },
    ])
    expect(verdict(deletedUnderConstructor, doc)).toMatch(/unknown root/)
    // No Y.Doc writes an object with its own "constructor"; a forged update can.
    const posWithConstructor = forgeUpdate([
      {
        client: C,
        clock: 0,
        structs: [
          { parent: 'notes', key: 'note-forged01', content: { map: true } },
          {
            parent: [C, 0],
            key: 'pos',
            content: { any: [{ column: 'waarden', order: 'a0', constructor: 'x' }] },
          },
        ],
      },
    ])
    expect(verdict(posWithConstructor, doc)).toMatch(/value not allowed/)
  })

  it('holds back deletions of clocks nobody wrote, and refuses absurd lengths', () => {
    const { doc } = mapWithNote()
    const unknown = forgeUpdate([], [{ client: 42, ranges: [[0, 5]] }])
    expect(() => checkShape(Y.decodeUpdate(unknown), doc, MAP_DOC, new InFlight())).toThrow(
      DependencyError,
    )
    const long = forgeUpdate([
      {
        client: C,
        clock: 0,
        structs: [{ parent: 'meta', key: 'title', content: { deleted: 2 ** 40 } }],
      },
    ])
    expect(verdict(long, doc)).toMatch(/too long/)
    // Deleting what the update itself writes, or what the document has, is fine.
    const own = forgeUpdate(
      [
        {
          client: C,
          clock: 0,
          structs: [{ parent: 'meta', key: 'title', content: { any: ['x'] } }],
        },
      ],
      [{ client: C, ranges: [[0, 1]] }],
    )
    expect(verdict(own, doc)).toBeNull()
  })
})

describe('order keys', () => {
  it('accepts every key the library makes and refuses what it cannot work with', () => {
    let keys = generateNKeysBetween(null, null, 50)
    for (let i = 0; i < 300; i++) {
      const at = (i * 7) % (keys.length - 1)
      keys = [
        ...keys.slice(0, at + 1),
        generateKeyBetween(keys[at]!, keys[at + 1]!),
        ...keys.slice(at + 1),
      ]
    }
    keys.push(generateKeyBetween(null, keys[0]!), generateKeyBetween(keys.at(-1)!, null))
    expect(keys.filter((key) => !isOrderKey(key))).toEqual([])
    for (const bad of [
      '',
      '~',
      'a',
      'a00',
      'b0',
      'A',
      `A${'0'.repeat(26)}`,
      'a0 ',
      'a0~',
      'é0',
      'a'.repeat(300),
    ]) {
      expect(isOrderKey(bad), bad).toBe(false)
    }
    // Whatever it accepts, the library can place a note after.
    for (const good of ['a0', 'a1V', 'Zz', 'b00V', 'zzzzzzzzzzzzzzzzzzzzzzzzzzV']) {
      expect(isOrderKey(good), good).toBe(true)
      expect(() => generateKeyBetween(good, null)).not.toThrow()
    }
  })
})
