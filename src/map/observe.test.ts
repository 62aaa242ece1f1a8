import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seededRandom } from '../../tests/helpers/seed'
import { notesOf, yDocOf } from './doc'
import {
  addNote,
  createMap,
  createMapDoc,
  deleteNote,
  editNote,
  moveNote,
  newNoteId,
  observeMap,
  viewMap,
  type ColumnId,
  type MapDoc,
  type MapView,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './index'

const author: Participant = {
  id: 'jan-00000001' as ParticipantId,
  name: 'Jan de Vries',
  role: 'bewoner',
  roleLabel: '',
  side: 'informal',
}
const COLUMNS: ColumnId[] = ['waarden', 'relaties', 'eisen', 'voorwaarden', 'acties']

function sync(from: MapDoc, to: MapDoc): void {
  Y.applyUpdate(yDocOf(to), Y.encodeStateAsUpdate(yDocOf(from), Y.encodeStateVector(yDocOf(to))))
}

describe('observeMap', () => {
  it('reads only the changed notes again, and its view is always the one a full read gives', () => {
    const here = createMapDoc()
    const there = createMapDoc()
    createMap(here, { title: 'Samenspel', description: '' })
    sync(here, there)
    let seen: MapView | null = null
    const stop = observeMap(here, (view) => {
      seen = view
    })
    const { next: random } = seededRandom(42)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    for (let round = 0; round < 300; round++) {
      const doc = random() < 0.7 ? here : there
      const ids = [...viewMap(doc).notes.keys()] as NoteId[]
      const roll = random()
      if (ids.length < 3 || roll < 0.35) {
        addNote(doc, { id: newNoteId(), column: pick(COLUMNS), text: `Notitie ${round}`, author })
      } else if (roll < 0.6) {
        editNote(doc, pick(ids), { text: `Anders ${round}` })
      } else if (roll < 0.8) {
        moveNote(doc, pick(ids), { column: pick(COLUMNS), index: Math.floor(random() * 4) })
      } else if (roll < 0.9) {
        deleteNote(doc, pick(ids))
      } else {
        // A field no note may hold: the note is skipped, then shown again once it is mended.
        const id = pick(ids)
        const fields = notesOf(doc).get(id)!
        fields.set('text', round % 2 ? 42 : `Hersteld ${round}`)
      }
      if (random() < 0.5) sync(there, here)
      if (random() < 0.5) sync(here, there)
      const whole = viewMap(here)
      expect(seen!.notes, `round ${round}`).toEqual(whole.notes)
      expect(seen!.columns, `round ${round}`).toEqual(whole.columns)
      expect(seen!.skipped, `round ${round}`).toBe(whole.skipped)
    }
    stop()
  })
})
