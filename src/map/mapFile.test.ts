import { addGroundRule } from './groundRules'
import { describe, expect, it } from 'vitest'
import {
  addNote,
  createControlDoc,
  createMap,
  createMapDoc,
  newNoteId,
  setFollowUp,
  viewControl,
  viewMap,
  type Participant,
  type ParticipantId,
} from './index'
import { EXAMPLE_MAP, fillExampleMap } from './example'
import { yDocOf } from './doc'
import {
  importMapFile,
  MAP_FILE_VERSION,
  migrateMapFile,
  parseMapFile,
  validateMapFile,
  toMapFile,
} from './mapFile'

const importer: Participant = {
  id: 'importer0001' as ParticipantId,
  name: 'Ellen van Dijk',
  role: 'beroepskracht',
  roleLabel: '',
  side: 'formal',
}

function exampleFile(agreedTexts: string[] = []) {
  const doc = createMapDoc()
  fillExampleMap(doc)
  const view = viewMap(doc)
  const agreed = new Set(
    [...view.notes.values()].filter((n) => agreedTexts.includes(n.text)).map((n) => n.id),
  )
  return { view, file: toMapFile(view, agreed, new Date('2026-11-22T12:00:00Z')) }
}

describe('map file', () => {
  it('round-trips the example map: same columns, order, authors, owners and shared marks', () => {
    const shared = EXAMPLE_MAP.notes.waarden[0]!
    const { view, file } = exampleFile([shared])
    const parsed = parseMapFile(JSON.stringify(file))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return

    const doc = createMapDoc()
    const control = createControlDoc()
    importMapFile(doc, control, parsed.file, importer)
    const imported = viewMap(doc)
    expect(imported.meta.title).toBe(EXAMPLE_MAP.title)
    for (const column of ['waarden', 'relaties', 'eisen', 'voorwaarden', 'acties'] as const) {
      const strip = (notes: typeof view.columns.acties) =>
        notes.map((n) => ({ text: n.text, author: n.author, owner: n.owner }))
      expect(strip(imported.columns[column])).toEqual(strip(view.columns[column]))
    }
    expect(imported.participants.map((p) => p.name)).toEqual(view.participants.map((p) => p.name))
    const agreedIds = [...viewControl(control).agreed]
    expect(agreedIds.map((id) => imported.notes.get(id as never)?.text)).toEqual([shared])
    // The golden thread comes along: the same links between the same texts.
    const linkTexts = (v: typeof view) =>
      v.links.map((l) => `${v.notes.get(l.from)!.text} > ${v.notes.get(l.to)!.text}`).sort()
    expect(imported.links).toHaveLength(EXAMPLE_MAP.links.length)
    expect(linkTexts(imported)).toEqual(linkTexts(view))
    // And who holds which value.
    const holders = (v: typeof view) =>
      v.columns.waarden.map((n) => (v.voices.holders.get(n.id) ?? []).length)
    expect(holders(imported)).toEqual(holders(view))
    expect(holders(view)).toEqual([2, 2, 1, 0, 0])
  })

  it("keeps each action's follow-up, and refuses a broken one whole", () => {
    const doc = createMapDoc()
    fillExampleMap(doc)
    const [first, second] = viewMap(doc).columns.acties
    setFollowUp(doc, first!.id, { status: 'losgelaten', evaluation: 'Geen tijd; te duur' })
    setFollowUp(doc, second!.id, { status: 'bezig', lookAgain: '2027-03-12' })
    const file = toMapFile(viewMap(doc), new Set())
    const parsed = parseMapFile(JSON.stringify(file))
    if (!parsed.ok) throw new Error(parsed.problem)
    const copy = createMapDoc()
    importMapFile(copy, createControlDoc(), parsed.file, importer)
    const followUps = (d: typeof doc) => viewMap(d).columns.acties.map((note) => note.followUp)
    expect(followUps(copy)).toEqual(followUps(doc))
    expect(viewMap(copy).columns.waarden[0]!.followUp).toBeNull()

    const at = file.notes.findIndex((note) => note.followUp !== null)
    const broken = (followUp: unknown) => ({
      ...file,
      notes: file.notes.map((note, i) => (i === at ? { ...note, followUp } : note)),
    })
    for (const followUp of [
      { status: 'klaar', lookAgain: '', evaluation: '' },
      { status: 'open', lookAgain: '2027-02-30', evaluation: '' },
      { status: 'open', lookAgain: '', evaluation: 'x'.repeat(1001) },
      { status: 'open', lookAgain: '' },
      'open',
      undefined,
    ]) {
      expect(validateMapFile(broken(followUp)), JSON.stringify(followUp)).toEqual({
        ok: false,
        problem: 'invalid',
      })
    }
  })

  it("carries the group's ground rules, reads older files without them, and refuses broken ones", () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Met spelregels', description: '' })
    addGroundRule(doc, 'We laten elkaar uitpraten.', 1)
    addGroundRule(doc, '‘Ik weet het nog niet’ is een goed antwoord.', 2)
    const file = toMapFile(viewMap(doc), new Set())
    const parsed = parseMapFile(JSON.stringify(file))
    if (!parsed.ok) throw new Error(parsed.problem)
    const imported = createMapDoc()
    importMapFile(imported, createControlDoc(), parsed.file, importer)
    expect(viewMap(imported).groundRules.map((rule) => rule.text)).toEqual([
      'We laten elkaar uitpraten.',
      '‘Ik weet het nog niet’ is een goed antwoord.',
    ])
    const version3: Record<string, unknown> = { ...file, version: 3 }
    delete version3.groundRules
    const older = parseMapFile(JSON.stringify(version3))
    expect(older.ok && older.file.groundRules).toEqual([])
    for (const groundRules of [['x'.repeat(201)], [''], [3], 'regel', Array(13).fill('x')]) {
      expect(parseMapFile(JSON.stringify({ ...file, groundRules })), String(groundRules)).toEqual({
        ok: false,
        problem: 'invalid',
      })
    }
  })

  it("carries each action's power, and refuses a power that is not one", () => {
    const { view, file } = exampleFile()
    // The example's A4: a volunteer carries it, the team decides, the municipality pays.
    const a4 = file.notes.filter((note) => note.column === 'acties')[3]!
    expect(a4.power).toEqual({ carries: 'informal', decides: 'formal', means: 'others' })
    const parsed = parseMapFile(JSON.stringify(file))
    if (!parsed.ok) throw new Error(parsed.problem)
    const doc = createMapDoc()
    importMapFile(doc, createControlDoc(), parsed.file, importer)
    const powers = (v: typeof view) => v.columns.acties.map((note) => note.power)
    expect(powers(viewMap(doc))).toEqual(powers(view))
    const broken = (power: unknown) => ({
      ...file,
      notes: file.notes.map((note) => (note === a4 ? { ...note, power } : note)),
    })
    for (const power of [
      { carries: 'baas', decides: null, means: null },
      { carries: null },
      'informal',
    ]) {
      expect(validateMapFile(broken(power)), JSON.stringify(power)).toEqual({
        ok: false,
        problem: 'invalid',
      })
    }
  })

  it("carries each condition's layer, and refuses one nobody defined", () => {
    const { view, file } = exampleFile()
    const parsed = parseMapFile(JSON.stringify(file))
    if (!parsed.ok) throw new Error(parsed.problem)
    const doc = createMapDoc()
    importMapFile(doc, createControlDoc(), parsed.file, importer)
    const layers = (v: typeof view) => v.columns.voorwaarden.map((note) => note.layer)
    expect(layers(view)).toEqual(['samenwerken', 'verandering', 'samenspel', 'samenwerken'])
    expect(layers(viewMap(doc))).toEqual(layers(view))
    const broken = {
      ...file,
      notes: file.notes.map((note) =>
        note.column === 'voorwaarden' ? { ...note, layer: 'beleid' } : note,
      ),
    }
    expect(validateMapFile(broken)).toEqual({ ok: false, problem: 'invalid' })
  })

  it('reads anonymous notes back in their place, each written as by nobody', () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Gemengd', description: '' })
    const texts = ['Eerst', 'Zonder naam', 'Daarna', 'Ook zonder naam', 'Laatst']
    texts.forEach((text, i) =>
      addNote(doc, {
        id: newNoteId(),
        column: 'eisen',
        text,
        author: importer,
        anonymous: i % 2 === 1,
      }),
    )
    const file = parseMapFile(JSON.stringify(toMapFile(viewMap(doc), new Set())))
    if (!file.ok) throw new Error(file.problem)
    const copy = createMapDoc()
    const client = yDocOf(copy).clientID
    importMapFile(copy, createControlDoc(), file.file, importer)
    const view = viewMap(copy)
    expect(view.columns.eisen.map((note) => note.text)).toEqual(texts)
    expect(view.columns.eisen.map((note) => note.author === null)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ])
    // Yjs took no new client id: no anonymous note arrived inside the importer's own change.
    expect(yDocOf(copy).clientID).toBe(client)
  })

  it('refuses a thread that points outside the file', () => {
    const { file } = exampleFile()
    const broken = {
      ...file,
      notes: file.notes.map((n, i) => (i === 0 ? { ...n, serves: [999] } : n)),
    }
    expect(parseMapFile(JSON.stringify(broken))).toEqual({ ok: false, problem: 'invalid' })
  })

  it('keeps Dutch text exactly: diacritics, euro sign, curly quotes and long words', () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Ĳsselmonde: “samenspel” € 25', description: 'ë é ï ü' })
    const author = { ...importer }
    const text = 'Arbeidsongeschiktheidsverzekeringsmaatschappij – “ja, en” ĳ Ĳ ë é ï ü €'
    addNote(doc, { id: newNoteId(), column: 'eisen', text, author })
    const parsed = parseMapFile(JSON.stringify(toMapFile(viewMap(doc), new Set())))
    expect(parsed.ok && parsed.file.notes[0]!.text).toBe(text)
    expect(parsed.ok && parsed.file.title).toBe('Ĳsselmonde: “samenspel” € 25')
  })

  it('refuses broken or foreign files with the reason, whole', () => {
    const { file } = exampleFile()
    const good = JSON.stringify(file)
    expect(parseMapFile('{"format": "partnerschapskaart", ').ok).toBe(false)
    expect(parseMapFile('not json at all')).toEqual({ ok: false, problem: 'not-json' })
    expect(parseMapFile('{"type":"excalidraw","elements":[]}')).toEqual({
      ok: false,
      problem: 'not-a-map',
    })
    expect(parseMapFile(JSON.stringify({ ...file, version: 99 }))).toEqual({
      ok: false,
      problem: 'newer-version',
    })
    const badNote = { ...file, notes: [...file.notes, { column: 'nowhere', text: 'x' }] }
    expect(parseMapFile(JSON.stringify(badNote))).toEqual({ ok: false, problem: 'invalid' })
    const longNote = { ...file, notes: [{ ...file.notes[0]!, text: 'x'.repeat(1001) }] }
    // Too long is named: which note, in which column, how it starts.
    expect(parseMapFile(JSON.stringify(longNote))).toEqual({
      ok: false,
      problem: 'note-too-long',
      note: { column: file.notes[0]!.column, number: 1, start: 'x'.repeat(40) },
    })
    expect(parseMapFile(' '.repeat(4_000_001))).toEqual({ ok: false, problem: 'too-big' })
    const longVersion = { ...file, cardVersion: 'v'.repeat(41) }
    expect(parseMapFile(JSON.stringify(longVersion))).toEqual({ ok: false, problem: 'invalid' })
    expect(parseMapFile(good).ok).toBe(true)
  })

  it("keeps the card's version, and reads files from before it existed", () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Holendrecht', description: '', cardVersion: '2 (na evaluatie)' })
    const file = toMapFile(viewMap(doc), new Set())
    expect(file.cardVersion).toBe('2 (na evaluatie)')
    const parsed = parseMapFile(JSON.stringify(file))
    const copy = createMapDoc()
    if (parsed.ok) importMapFile(copy, createControlDoc(), parsed.file, importer)
    expect(viewMap(copy).meta.cardVersion).toBe('2 (na evaluatie)')

    // Files from before the card version are of file version 1, before boards were named.
    const older: Record<string, unknown> = { ...file, version: 1 }
    delete older.cardVersion
    delete older.board
    const olderParsed = parseMapFile(JSON.stringify(older))
    expect(olderParsed.ok && olderParsed.file.cardVersion).toBe('')
  })

  it('migrates a version 1 file, then validates it as the current version', () => {
    const version1 = {
      format: 'partnerschapskaart',
      version: 1,
      schemaVersion: 1,
      exportedAt: '2026-03-12T10:00:00.000Z',
      title: 'Samenspel Zuid',
      description: '',
      participants: [],
      // A note from before proxy notes, threads and value holders: none of those fields.
      notes: [
        { column: 'waarden', text: 'Respect', author: null, owner: null, agreed: true },
        { column: 'acties', text: 'Bellen', author: null, owner: { kind: 'ik', name: 'Ayşe' } },
      ],
    }
    const migrated = migrateMapFile(version1) as { notes: Record<string, unknown>[] } | null
    expect(migrated).toMatchObject({ version: MAP_FILE_VERSION, board: 'partnerschapskaart' })
    expect(migrated!.notes).toEqual([
      expect.objectContaining({ proxyBy: null, serves: [], heldBy: [], agreed: true }),
      expect.objectContaining({ proxyBy: null, serves: [], heldBy: [], agreed: false }),
    ])
    const parsed = parseMapFile(JSON.stringify(version1))
    expect(parsed.ok).toBe(true)
    // A version 1 file could leave out the description too.
    const withoutDescription: Record<string, unknown> = { ...version1 }
    delete withoutDescription.description
    expect(parseMapFile(JSON.stringify(withoutDescription))).toMatchObject({
      ok: true,
      file: { description: '' },
    })
    if (!parsed.ok) return
    expect(parsed.file.board).toBe('partnerschapskaart')
    expect(parsed.file.notes[1]!.owner).toEqual({ kind: 'ik', name: 'Ayşe', when: '' })
    // The current version requires every field: a version 2 file without them is refused.
    const incomplete = { ...version1, version: MAP_FILE_VERSION, board: 'partnerschapskaart' }
    expect(validateMapFile(incomplete)).toEqual({ ok: false, problem: 'invalid' })
    // A board this app does not know, or a note outside the file's board, is refused too.
    expect(validateMapFile({ ...migrated!, board: 'kanban' })).toEqual({
      ok: false,
      problem: 'invalid',
    })
    const foreign = { ...migrated!, notes: [{ ...migrated!.notes[0], column: 'todo' }] }
    expect(validateMapFile(foreign)).toEqual({ ok: false, problem: 'invalid' })
  })
})
