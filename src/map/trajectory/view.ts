import { fieldCheck, nestedFields } from '../../../shared/schema'
import { TRAJECTORY_DOC } from '../../../shared/trajectorySchema'
import { plainEntries } from '../doc'
import { compareDutch } from '../dutchOrder'
import { checkedFields, forEachChecked } from '../roots'
import * as Y from 'yjs'
import {
  EMPTY_TRAJECTORY,
  trajectoryYDoc,
  type KeptScores,
  type Meeting,
  type NameAndSide,
  type Partner,
  type TrajectoryDoc,
  type TrajectoryView,
} from './model'

/** A meeting's fields that pass the schema's check; the others fall back to their default. */
function viewMeeting(id: string, map: Y.Map<unknown>): Meeting {
  const fields = nestedFields(TRAJECTORY_DOC, 'meetings', id)
  const raw = plainEntries(map)
  const field = <T>(key: string, fallback: T): T =>
    fieldCheck(fields, key)?.(raw[key]) ? (raw[key] as T) : fallback
  return Object.freeze({
    id,
    date: field('date', ''),
    theme: field('theme', ''),
    prompt: field('prompt', ''),
    form: field('form', ''),
    report: field('report', ''),
    version: field<number | null>('version', null),
    preparers: field<readonly NameAndSide[]>('preparers', []),
    scoreBefore: field<KeptScores | null>('scoreBefore', null),
    scoreAfter: field<KeptScores | null>('scoreAfter', null),
    createdAt: field('createdAt', 0),
  })
}

/** A plain, frozen view of the trajectory: whatever a peer wrote, the view is whole. */
export function viewTrajectory(doc: TrajectoryDoc): TrajectoryView {
  const ydoc = trajectoryYDoc(doc)
  const head = checkedFields(ydoc.getMap('trajectory'), TRAJECTORY_DOC, 'trajectory')
  const partners: Partner[] = []
  forEachChecked(ydoc.getMap('partners'), TRAJECTORY_DOC, 'partners', (id, value) => {
    partners.push({ id, ...(value as NameAndSide) })
  })
  const meetings: Meeting[] = []
  ydoc.getMap('meetings').forEach((value, id) => {
    if (value instanceof Y.Map && nestedFields(TRAJECTORY_DOC, 'meetings', id)) {
      meetings.push(viewMeeting(id, value))
    }
  })
  const started = typeof head.createdAt === 'number'
  if (!started && partners.length === 0 && meetings.length === 0) return EMPTY_TRAJECTORY
  partners.sort((a, b) => compareDutch(a.name, b.name))
  // Undated meetings (a date being typed) go last.
  meetings.sort(
    (a, b) =>
      (a.date || '9999').localeCompare(b.date || '9999') ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  )
  return Object.freeze({
    started: true,
    startedAt: typeof head.createdAt === 'number' ? head.createdAt : 0,
    title: typeof head.title === 'string' ? head.title : '',
    partners,
    meetings,
  })
}

/** Calls `onChange` after every transaction that changed the trajectory; returns the stop. */
export function observeTrajectory(doc: TrajectoryDoc, onChange: () => void): () => void {
  const ydoc = trajectoryYDoc(doc)
  const listener = (transaction: Y.Transaction): void => {
    if (transaction.changed.size > 0) onChange()
  }
  ydoc.on('afterTransaction', listener)
  return () => ydoc.off('afterTransaction', listener)
}
