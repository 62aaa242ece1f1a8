import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import {
  addNote,
  createMap,
  createMapDoc,
  hasPower,
  newNoteId,
  viewMap,
  type Participant,
  type ParticipantId,
} from './index'
import { powerGap, powerGaps, setPower } from './power'

const ayse: Participant = {
  id: 'ayse-0000001' as ParticipantId,
  name: 'Ayşe Yılmaz',
  role: 'vrijwilliger',
  roleLabel: '',
  side: 'informal',
}

function mapWithAction() {
  const doc = createMapDoc()
  createMap(doc, { title: 'Macht', description: '' })
  const action = addNote(doc, { id: newNoteId(), column: 'acties', text: 'Taalcafé', author: ayse })
  const value = addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Warmte', author: ayse })
  return { doc, action, value }
}

describe('power per action', () => {
  it('keeps who carries, decides and has the means, each on its own, on every peer', () => {
    const { doc, action } = mapWithAction()
    expect(viewMap(doc).notes.get(action)!.power).toEqual({
      carries: null,
      decides: null,
      means: null,
    })
    setPower(doc, action, { carries: 'informal' })
    setPower(doc, action, { decides: 'formal', means: 'others' })
    const peer = createMapDoc()
    Y.applyUpdate(yDocOf(peer), Y.encodeStateAsUpdate(yDocOf(doc)))
    const power = viewMap(peer).notes.get(action)!.power
    expect(power).toEqual({ carries: 'informal', decides: 'formal', means: 'others' })
    setPower(doc, action, { means: null })
    expect(viewMap(doc).notes.get(action)!.power!.means).toBeNull()
  })

  it('belongs to actions only', () => {
    const { doc, value } = mapWithAction()
    expect(() => setPower(doc, value, { carries: 'informal' })).toThrow()
    expect(viewMap(doc).notes.get(value)!.power).toBeNull()
  })

  it('flags informal partners carrying an action without the say or the means', () => {
    const none = { carries: null, decides: null, means: null }
    expect(powerGap(null)).toBeNull()
    expect(hasPower(none)).toBe(false)
    // Not yet answered lacks nothing: the flag waits for the group.
    expect(powerGap({ ...none, carries: 'informal' })).toBeNull()
    expect(powerGap({ carries: 'informal', decides: 'formal', means: 'together' })).toEqual({
      say: true,
      means: false,
    })
    expect(powerGap({ carries: 'together', decides: 'together', means: 'others' })).toEqual({
      say: false,
      means: true,
    })
    expect(powerGap({ carries: 'informal', decides: 'others', means: 'formal' })).toEqual({
      say: true,
      means: true,
    })
    expect(powerGap({ carries: 'informal', decides: 'informal', means: 'together' })).toBeNull()
    // Professionals or others carrying it without the say is for another conversation.
    expect(powerGap({ carries: 'formal', decides: 'others', means: 'others' })).toBeNull()
    const { doc, action } = mapWithAction()
    setPower(doc, action, { carries: 'informal', decides: 'formal' })
    expect(powerGaps(viewMap(doc).columns.acties).map((note) => note.id)).toEqual([action])
  })
})
