import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { TRAJECTORY_DOC } from '../../../shared/trajectorySchema'
import { nestedFields } from '../../../shared/schema'
import type { PulseEntry } from '../pulse'
import {
  addMeeting,
  addPartner,
  createTrajectoryDoc,
  keepScores,
  keptScores,
  meetingOfToday,
  preparationBalance,
  removeMeeting,
  scoreMovement,
  startTrajectory,
  TrajectoryError,
  trajectoryYDoc,
  updateMeeting,
  viewTrajectory,
} from '.'

const entry = (before: number | null, after: number | null): PulseEntry => ({
  head: '',
  heart: '',
  gut: '',
  before,
  after,
})

describe('a trajectory', () => {
  it('is not started until a facilitator starts it, then keeps partners and meetings by date', () => {
    const doc = createTrajectoryDoc()
    expect(viewTrajectory(doc).started).toBe(false)
    startTrajectory(doc, '  Samen sterk in Noord ')
    addPartner(doc, { name: 'Buurtteam Noord', side: 'formal' })
    addPartner(doc, { name: 'Bewonersgroep De Linde', side: 'informal' })
    const second = addMeeting(doc, { date: '2026-04-09', theme: 'Voorwaarden' }, 2)
    const first = addMeeting(
      doc,
      { date: '2026-03-12', theme: 'Waarden', form: 'Partnerschapskaart' },
      3,
    )
    updateMeeting(doc, first, { report: 'We nemen mee: elkaar eerder bellen.', version: 1 })
    const view = viewTrajectory(doc)
    expect(view).toMatchObject({ started: true, title: 'Samen sterk in Noord' })
    expect(view.partners.map((p) => p.name)).toEqual(['Bewonersgroep De Linde', 'Buurtteam Noord'])
    expect(view.meetings.map((m) => m.id)).toEqual([first, second])
    expect(view.meetings[0]).toMatchObject({
      report: 'We nemen mee: elkaar eerder bellen.',
      version: 1,
    })
    removeMeeting(doc, second)
    expect(viewTrajectory(doc).meetings).toHaveLength(1)
  })

  it('writes every meeting in the shape the server checks, and refuses what does not fit', () => {
    const doc = createTrajectoryDoc()
    const id = addMeeting(doc, { date: '2026-03-12', preparers: [{ name: 'An', side: 'formal' }] })
    const meeting = trajectoryYDoc(doc).getMap('meetings').get(id) as Y.Map<unknown>
    const fields = nestedFields(TRAJECTORY_DOC, 'meetings', id)!
    for (const [key, value] of meeting.entries()) expect(fields[key]!(value), key).toBe(true)
    expect(() => addMeeting(doc, { date: '2026-02-30' })).toThrow(TrajectoryError)
    expect(() => updateMeeting(doc, id, { theme: 'x'.repeat(121) })).toThrow(TrajectoryError)
    expect(() => updateMeeting(doc, id, { preparers: [{ name: ' ', side: 'formal' }] })).toThrow(
      TrajectoryError,
    )
  })

  it('keeps scores as counts only from three answers on, and shows how they moved', () => {
    expect(keptScores([entry(6, 7), entry(8, null)], 'before')).toEqual({
      answers: 2,
      counts: null,
    })
    expect(keptScores([entry(null, 7)], 'before')).toBeNull()
    const doc = createTrajectoryDoc()
    const first = addMeeting(doc, { date: '2026-03-12' })
    const second = addMeeting(doc, { date: '2026-04-09' })
    addMeeting(doc, { date: '2026-05-14' })
    keepScores(doc, first, [entry(4, 6), entry(5, 6), entry(6, 7)])
    keepScores(doc, second, [entry(7, 8), entry(7, 8), entry(8, null), entry(9, 9)])
    const moved = scoreMovement(viewTrajectory(doc).meetings)
    expect(moved).toHaveLength(2)
    expect(moved[0]!.before).toMatchObject({ answers: 3, average: 5 })
    expect(moved[1]!.after).toMatchObject({ answers: 3, average: 25 / 3 })
    expect(moved[1]!.before!.counts).toEqual([0, 0, 0, 0, 0, 0, 2, 1, 1, 0])
  })

  it('keeps the end of a round emptied after its start, without losing the start', () => {
    const doc = createTrajectoryDoc()
    startTrajectory(doc, 'Traject')
    const id = addMeeting(doc, { date: '2026-04-09' })
    keepScores(doc, id, [entry(5, null), entry(6, null), entry(7, null)])
    // The round emptied for the end: only end scores now.
    keepScores(doc, id, [entry(null, 8), entry(null, 7), entry(null, 9)])
    const [meeting] = viewTrajectory(doc).meetings
    expect(meeting!.scoreBefore).toMatchObject({ answers: 3 })
    expect(meeting!.scoreAfter).toMatchObject({ answers: 3 })
    // Kept again with more answers, a phase is replaced.
    keepScores(doc, id, [entry(null, 8), entry(null, 7), entry(null, 9), entry(null, 10)])
    expect(viewTrajectory(doc).meetings[0]!.scoreAfter).toMatchObject({ answers: 4 })
  })

  it('finds the meeting of today: the last one held by today, else the first to come', () => {
    const doc = createTrajectoryDoc()
    startTrajectory(doc, 'Traject')
    expect(meetingOfToday([], '2026-04-09')).toBeNull()
    addMeeting(doc, { date: '2026-03-12', theme: 'een' })
    addMeeting(doc, { date: '2026-04-09', theme: 'twee' })
    addMeeting(doc, { date: '2026-05-14', theme: 'drie' })
    const { meetings } = viewTrajectory(doc)
    expect(meetingOfToday(meetings, '2026-04-09')!.theme).toBe('twee')
    expect(meetingOfToday(meetings, '2026-04-20')!.theme).toBe('twee')
    expect(meetingOfToday(meetings, '2026-01-01')!.theme).toBe('een')
    expect(meetingOfToday(meetings, '2027-01-01')!.theme).toBe('drie')
  })

  it('says whether those who prepare the next meeting are in balance', () => {
    const f = { name: 'F', side: 'formal' } as const
    const i = { name: 'I', side: 'informal' } as const
    expect(preparationBalance([]).verdict).toBe('empty')
    expect(preparationBalance([f, i]).verdict).toBe('balanced')
    expect(preparationBalance([f, f, i]).verdict).toBe('balanced')
    expect(preparationBalance([f, f, f, i]).verdict).toBe('needsInformal')
    expect(preparationBalance([i, i]).verdict).toBe('needsFormal')
    expect(preparationBalance([f])).toEqual({ formal: 1, informal: 0, verdict: 'needsInformal' })
  })
})
