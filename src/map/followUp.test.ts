import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import {
  addNote,
  countStatuses,
  createMap,
  createMapDoc,
  isOverdue,
  moveNote,
  setFollowUp,
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

function mapWithAction(): { doc: MapDoc; action: NoteId; value: NoteId } {
  const doc = createMapDoc()
  createMap(doc, { title: 'Samenspel', description: '' })
  const action = addNote(doc, {
    id: 'action-00001' as NoteId,
    column: 'acties',
    text: 'Koffie-ochtend elke maand',
    author: marga,
  })
  const value = addNote(doc, {
    id: 'value-000001' as NoteId,
    column: 'waarden',
    text: 'Warmte',
    author: marga,
  })
  return { doc, action, value }
}

const fieldsOf = (doc: MapDoc, id: NoteId) => yDocOf(doc).getMap<Y.Map<unknown>>('notes').get(id)!

describe("following up a map's actions", () => {
  it('starts every action open, and only actions have a follow-up', () => {
    const { doc, action, value } = mapWithAction()
    const view = viewMap(doc)
    expect(view.notes.get(action)!.followUp).toEqual({
      status: 'open',
      lookAgain: '',
      evaluation: '',
    })
    expect(fieldsOf(doc, action).get('status')).toBe('open')
    expect(view.notes.get(value)!.followUp).toBeNull()
    expect(() => setFollowUp(doc, value, { status: 'gedaan' })).toThrowError(/not-an-action/)
    // A value moved to the actions becomes an action to follow up.
    moveNote(doc, value, { column: 'acties', index: 1 })
    expect(fieldsOf(doc, value).get('status')).toBe('open')
  })

  it('writes the status, the day and the evaluation each on its own, and clears them', () => {
    const { doc, action } = mapWithAction()
    setFollowUp(doc, action, { status: 'bezig', lookAgain: '2027-03-12' })
    setFollowUp(doc, action, { evaluation: '  Werkt: er komen elke keer meer buren.  ' })
    expect(viewMap(doc).notes.get(action)!.followUp).toEqual({
      status: 'bezig',
      lookAgain: '2027-03-12',
      evaluation: 'Werkt: er komen elke keer meer buren.',
    })
    setFollowUp(doc, action, { lookAgain: '', evaluation: ' ' })
    expect(fieldsOf(doc, action).has('lookAgain')).toBe(false)
    expect(fieldsOf(doc, action).has('evaluation')).toBe(false)
    expect(viewMap(doc).notes.get(action)!.followUp!.status).toBe('bezig')
  })

  it('refuses a day that does not exist and an evaluation too long, changing nothing', () => {
    const { doc, action } = mapWithAction()
    for (const day of ['2027-02-30', '12-03-2027', '2027-3-12', '1999-12-31', 'morgen']) {
      expect(() => setFollowUp(doc, action, { status: 'gedaan', lookAgain: day })).toThrowError(
        /date-invalid/,
      )
    }
    expect(() => setFollowUp(doc, action, { evaluation: 'x'.repeat(1001) })).toThrowError(
      /text-too-long/,
    )
    expect(viewMap(doc).notes.get(action)!.followUp!.status).toBe('open')
  })

  it('keeps both when two people set the status and write the evaluation at once', () => {
    const { doc: one, action } = mapWithAction()
    const two = createMapDoc()
    Y.applyUpdate(yDocOf(two), Y.encodeStateAsUpdate(yDocOf(one)))
    setFollowUp(one, action, { status: 'gedaan' })
    setFollowUp(two, action, { evaluation: 'Loopt goed' })
    Y.applyUpdate(yDocOf(two), Y.encodeStateAsUpdate(yDocOf(one)))
    Y.applyUpdate(yDocOf(one), Y.encodeStateAsUpdate(yDocOf(two)))
    for (const doc of [one, two]) {
      expect(viewMap(doc).notes.get(action)!.followUp).toMatchObject({
        status: 'gedaan',
        evaluation: 'Loopt goed',
      })
    }
  })

  it('reads what a peer wrote wrongly as not followed up yet', () => {
    const { doc, action } = mapWithAction()
    fieldsOf(doc, action).set('status', 'klaar')
    fieldsOf(doc, action).set('lookAgain', '2027-13-01')
    fieldsOf(doc, action).set('evaluation', 42)
    expect(viewMap(doc).notes.get(action)!.followUp).toEqual({
      status: 'open',
      lookAgain: '',
      evaluation: '',
    })
  })

  it('marks an action overdue only while it is still to do and its day has passed', () => {
    const open = { status: 'open', lookAgain: '2027-03-12', evaluation: '' } as const
    expect(isOverdue(open, '2027-03-12')).toBe(false)
    expect(isOverdue(open, '2027-03-13')).toBe(true)
    expect(isOverdue({ ...open, status: 'bezig' }, '2027-04-01')).toBe(true)
    expect(isOverdue({ ...open, status: 'gedaan' }, '2027-04-01')).toBe(false)
    expect(isOverdue({ ...open, status: 'losgelaten' }, '2027-04-01')).toBe(false)
    expect(isOverdue({ ...open, lookAgain: '' }, '2027-04-01')).toBe(false)
    expect(isOverdue(null, '2027-04-01')).toBe(false)
  })

  it('counts the actions per status', () => {
    const { doc, action } = mapWithAction()
    const second = addNote(doc, {
      id: 'action-00002' as NoteId,
      column: 'acties',
      text: 'Buddy',
      author: marga,
    })
    setFollowUp(doc, action, { status: 'gedaan' })
    setFollowUp(doc, second, { status: 'losgelaten', evaluation: 'Geen vrijwilligers' })
    expect(countStatuses(viewMap(doc).columns.acties)).toEqual({
      open: 0,
      bezig: 0,
      gedaan: 1,
      losgelaten: 1,
    })
  })

  it('gives every action of a version 3 map the status open, and nothing else a status', () => {
    const { doc, action, value } = mapWithAction()
    yDocOf(doc).transact(() => {
      yDocOf(doc).getMap('meta').set('schemaVersion', 3)
      fieldsOf(doc, action).delete('status')
    })
    expect(migrate(doc)).toBe(true)
    expect(fieldsOf(doc, action).get('status')).toBe('open')
    expect(fieldsOf(doc, value).has('status')).toBe(false)
  })
})
