import * as Y from 'yjs'
import { isCalendarDate, isSide, LIMITS, PULSE_MIN_ANSWERS } from '../../../shared/schema'
import { Origin } from '../doc'
import { randomId } from '../ids'
import { distribution, type PulseEntry } from '../pulse'
import {
  trajectoryYDoc,
  type KeptScores,
  type Meeting,
  type NameAndSide,
  type TrajectoryDoc,
} from './model'

/** Why a change to the trajectory was refused; the trajectory part says it in words. */
export type TrajectoryErrorCode =
  | 'text-required'
  | 'text-too-long'
  | 'date-invalid'
  | 'side-invalid'
  | 'too-many-preparers'
  | 'version-invalid'

export class TrajectoryError extends Error {
  constructor(readonly code: TrajectoryErrorCode) {
    super(code)
    this.name = 'TrajectoryError'
  }
}

function change(doc: TrajectoryDoc, work: (ydoc: Y.Doc) => void): void {
  const ydoc = trajectoryYDoc(doc)
  ydoc.transact(() => work(ydoc), Origin.local)
}

function checkText(value: string, max: number): string {
  const trimmed = value.trim()
  if (trimmed.length > max) throw new TrajectoryError('text-too-long')
  return trimmed
}

function checkNameAndSide(person: NameAndSide): NameAndSide {
  const name = checkText(person.name, LIMITS.partnerName)
  if (!name) throw new TrajectoryError('text-required')
  if (!isSide(person.side)) throw new TrajectoryError('side-invalid')
  return { name, side: person.side }
}

/** Puts the map in a trajectory (or renames it): from now on its meetings are kept. */
export function startTrajectory(doc: TrajectoryDoc, title: string, now = Date.now()): void {
  const checked = checkText(title, LIMITS.title)
  change(doc, (ydoc) => {
    const head = ydoc.getMap('trajectory')
    head.set('title', checked)
    if (typeof head.get('createdAt') !== 'number') head.set('createdAt', now)
  })
}

export function addPartner(doc: TrajectoryDoc, partner: NameAndSide): string {
  const checked = checkNameAndSide(partner)
  const id = randomId(12)
  change(doc, (ydoc) => ydoc.getMap('partners').set(id, checked))
  return id
}

export function removePartner(doc: TrajectoryDoc, id: string): void {
  change(doc, (ydoc) => ydoc.getMap('partners').delete(id))
}

/** What a facilitator sets of a meeting; each field is checked against the schema's limits. */
export interface MeetingChanges {
  date?: string
  theme?: string
  prompt?: string
  form?: string
  report?: string
  version?: number | null
  preparers?: readonly NameAndSide[]
}

function checkedChanges(changes: MeetingChanges): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (changes.date !== undefined) {
    if (!isCalendarDate(changes.date)) throw new TrajectoryError('date-invalid')
    out.date = changes.date
  }
  if (changes.theme !== undefined) out.theme = checkText(changes.theme, LIMITS.meetingTheme)
  if (changes.prompt !== undefined) out.prompt = checkText(changes.prompt, LIMITS.meetingPrompt)
  if (changes.form !== undefined) out.form = checkText(changes.form, LIMITS.workingForm)
  if (changes.report !== undefined) out.report = checkText(changes.report, LIMITS.meetingReport)
  if (changes.version !== undefined) {
    const { version } = changes
    if (version !== null && !(Number.isInteger(version) && version >= 1)) {
      throw new TrajectoryError('version-invalid')
    }
    out.version = version
  }
  if (changes.preparers !== undefined) {
    if (changes.preparers.length > LIMITS.preparers) throw new TrajectoryError('too-many-preparers')
    out.preparers = changes.preparers.map(checkNameAndSide)
  }
  return out
}

/** Adds a meeting; a date is needed, the rest may follow. Returns its id. */
export function addMeeting(
  doc: TrajectoryDoc,
  changes: MeetingChanges & { date: string },
  now = Date.now(),
): string {
  const fields = {
    theme: '',
    prompt: '',
    form: '',
    report: '',
    version: null,
    preparers: [],
    scoreBefore: null,
    scoreAfter: null,
    ...checkedChanges(changes),
    createdAt: now,
  }
  const id = randomId(12)
  change(doc, (ydoc) => {
    const meeting = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(fields)) meeting.set(key, value)
    ydoc.getMap('meetings').set(id, meeting)
  })
  return id
}

/** Changes some fields of a meeting; a meeting deleted meanwhile is left alone. */
export function updateMeeting(doc: TrajectoryDoc, id: string, changes: MeetingChanges): void {
  const fields = checkedChanges(changes)
  change(doc, (ydoc) => {
    const meeting = ydoc.getMap('meetings').get(id)
    if (!(meeting instanceof Y.Map)) return
    for (const [key, value] of Object.entries(fields)) meeting.set(key, value)
  })
}

export function removeMeeting(doc: TrajectoryDoc, id: string): void {
  change(doc, (ydoc) => ydoc.getMap('meetings').delete(id))
}

/**
 * A phase of the head-heart-gut round as a meeting keeps it: the counts of each score only from
 * PULSE_MIN_ANSWERS answers on (as the room is shown them), the number of answers alone below.
 * Null when nobody scored.
 */
export function keptScores(
  entries: readonly PulseEntry[],
  phase: 'before' | 'after',
): KeptScores | null {
  const counts = distribution(entries, phase)
  const answers = counts.reduce((sum, n) => sum + n, 0)
  if (answers === 0) return null
  return { answers, counts: answers >= PULSE_MIN_ANSWERS ? counts : null }
}

/**
 * Keeps the scores of today's round with a meeting: each phase somebody scored replaces what
 * the meeting kept of it; a phase nobody scored (the start, once the round was emptied for the
 * end) keeps what it had.
 */
export function keepScores(doc: TrajectoryDoc, id: string, entries: readonly PulseEntry[]): void {
  const before = keptScores(entries, 'before')
  const after = keptScores(entries, 'after')
  change(doc, (ydoc) => {
    const meeting = ydoc.getMap('meetings').get(id)
    if (!(meeting instanceof Y.Map)) return
    if (before) meeting.set('scoreBefore', before)
    if (after) meeting.set('scoreAfter', after)
  })
}

/**
 * The meeting of today, to keep the round's scores with: the last one dated today or earlier,
 * or the first when all are still to come; null without meetings.
 */
export function meetingOfToday(meetings: readonly Meeting[], on: string): Meeting | null {
  const past = meetings.filter((meeting) => meeting.date !== '' && meeting.date <= on)
  return past.at(-1) ?? meetings[0] ?? null
}
