import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createControlDoc,
  createMap,
  createMapDoc,
  goToStep,
  moveNote,
  setForm,
  setTempo,
  viewControl,
  viewMap,
  DEFAULT_BOARD,
  type Participant,
} from './index'
import type { ParticipantId } from './schema'
import { layOutTasks, mapTargets, takeToMap } from './tasks'
import { parseMapFile, toMapFile, importMapFile } from './mapFile'
import { yDocOf } from './doc'

const noor: Participant = {
  id: 'noor-0000001' as ParticipantId,
  name: 'Noor El Idrissi',
  role: 'vrijwilliger',
  roleLabel: 'taalmaatje',
  side: 'informal',
}
const ellen: Participant = {
  id: 'ellen-000001' as ParticipantId,
  name: 'Ellen',
  role: 'manager',
  roleLabel: '',
  side: 'formal',
}

function sortedMap() {
  const doc = createMapDoc()
  createMap(doc, { title: 'Taken', description: '' })
  const [coffee, report, plan] = layOutTasks(
    doc,
    ['Koffie schenken', '  Een melding doen  ', '', 'Een plan maken'],
    ellen,
  )
  return { doc, coffee: coffee!, report: report!, plan: plan! }
}

describe('a task for me, a task for you', () => {
  it('lays out the tasks on the pile to sort, labelled T1, T2, … and skipping empty ones', () => {
    const { doc } = sortedMap()
    const view = viewMap(doc)
    expect(view.columns.taken.map((note) => note.text)).toEqual([
      'Koffie schenken',
      'Een melding doen',
      'Een plan maken',
    ])
    expect(view.columns.taken.map((note) => view.labels.get(note.id))).toEqual(['T1', 'T2', 'T3'])
    // The map's own columns stay as they were; the deck speaks for nobody.
    expect(view.columns.waarden).toEqual([])
    expect(view.columns.taken.every((note) => note.author === null)).toBe(true)
    expect(JSON.stringify(yDocOf(doc).getMap('notes').toJSON())).not.toContain('Ellen')
  })

  it('keeps a task its label from pile to pile', () => {
    const { doc, coffee, report } = sortedMap()
    moveNote(doc, coffee, { column: 'vrijwilligerswerk', index: 0 })
    moveNote(doc, report, { column: 'twijfel', index: 0 })
    const view = viewMap(doc)
    expect(view.labels.get(coffee)).toBe('T1')
    expect(view.columns.twijfel.map((note) => view.labels.get(note.id))).toEqual(['T2'])
  })

  it('takes a doubt to the requirements or conditions, an agreed task to the actions', () => {
    const { doc, coffee, report, plan } = sortedMap()
    expect(mapTargets('taken')).toEqual([])
    expect(() => takeToMap(doc, coffee, 'acties', noor)).toThrow()
    moveNote(doc, coffee, { column: 'vrijwilligerswerk', index: 0 })
    moveNote(doc, report, { column: 'twijfel', index: 0 })
    moveNote(doc, plan, { column: 'beide', index: 0 })
    expect(() => takeToMap(doc, report, 'acties', noor)).toThrow()
    expect(() => takeToMap(doc, coffee, 'eisen', noor)).toThrow()

    const condition = takeToMap(doc, report, 'voorwaarden', noor)
    const action = takeToMap(doc, coffee, 'acties', noor)
    const together = takeToMap(doc, plan, 'acties', noor)
    const view = viewMap(doc)
    expect(view.notes.get(condition)).toMatchObject({
      column: 'voorwaarden',
      text: 'Een melding doen',
      author: null,
    })
    expect(view.labels.get(condition)).toBe('V1')
    // The pile says who carries it; who decides and who has the means are the group's to say.
    expect(view.notes.get(action)!.power).toEqual({
      carries: 'informal',
      decides: null,
      means: null,
    })
    expect(view.notes.get(together)!.power!.carries).toBe('together')
    // The task stays in its pile, on record, and says where it went.
    expect(view.notes.get(report)!.column).toBe('twijfel')
    expect(view.notes.get(report)!.onMap).toBe(condition)
  })

  it('keeps an anonymous task anonymous on the map', () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Taken', description: '' })
    const id = 'task-0000001'
    const y = yDocOf(doc)
    y.transact(() => {
      const fields = new Y.Map<unknown>()
      fields.set('pos', { column: 'twijfel', order: 'a0' })
      fields.set('label', 'T1')
      fields.set('text', 'Wie belt de huisarts?')
      fields.set('anonymous', true)
      fields.set('createdAt', 1)
      fields.set('updatedAt', 1)
      y.getMap('notes').set(id, fields)
    })
    const onMap = takeToMap(doc, id as never, 'eisen', noor)
    const note = viewMap(doc).notes.get(onMap)!
    expect(note.author).toBeNull()
    expect(JSON.stringify(y.getMap('notes').get(onMap))).not.toContain('Noor')
  })

  it('runs its own two steps while it is on screen, and the map waits at its own', () => {
    const control = createControlDoc()
    goToStep(control, 2, DEFAULT_BOARD)
    setForm(control, 'taakverdeling', DEFAULT_BOARD)
    let view = viewControl(control, DEFAULT_BOARD)
    expect(view.form).toBe('taakverdeling')
    expect(view.steps).toEqual([
      ['taken'],
      ['taken', 'vrijwilligerswerk', 'professioneel', 'beide', 'twijfel'],
    ])
    expect(view.activeColumns).toEqual(['taken'])
    goToStep(control, 5, DEFAULT_BOARD)
    view = viewControl(control, DEFAULT_BOARD)
    expect(view.step).toBe(1)
    expect(view.activeColumns).toContain('twijfel')
    // The map's tempo changes under it without losing its place.
    setTempo(control, 'ruim', DEFAULT_BOARD)
    setForm(control, null, DEFAULT_BOARD)
    view = viewControl(control, DEFAULT_BOARD)
    expect(view.form).toBeNull()
    expect(view.activeColumns).toEqual(['eisen'])
  })

  it('goes to a map file and comes back with its piles and where each task went', async () => {
    const { doc, coffee, report } = sortedMap()
    moveNote(doc, report, { column: 'twijfel', index: 0 })
    moveNote(doc, coffee, { column: 'vrijwilligerswerk', index: 0 })
    takeToMap(doc, report, 'eisen', noor)
    const file = parseMapFile(JSON.stringify(toMapFile(viewMap(doc), new Set())))
    if (!file.ok) throw new Error(file.problem)
    const copy = createMapDoc()
    importMapFile(copy, createControlDoc(), file.file, noor)
    const view = viewMap(copy)
    const doubt = view.columns.twijfel[0]!
    expect(doubt.text).toBe('Een melding doen')
    expect(view.notes.get(doubt.onMap!)).toMatchObject({
      column: 'eisen',
      text: 'Een melding doen',
    })
    expect(view.columns.vrijwilligerswerk.map((note) => note.text)).toEqual(['Koffie schenken'])
    expect(view.columns.taken.map((note) => note.text)).toEqual(['Een plan maken'])
  })
})
