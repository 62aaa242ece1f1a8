import * as Y from 'yjs'
import { carriesOwners } from './board'
import { notesOf, transact, type MapDoc } from './doc'
import { boardOfMap, MapError } from './ops'
import {
  ACTION_STATUSES,
  isCalendarDate,
  LIMITS,
  parseNote,
  type ActionStatus,
  type FollowUp,
  type Note,
  type NoteId,
} from './schema'
import { plainEntries } from './doc'

/**
 * Writes what is given of an action's follow-up: its status, the day to look at it again (empty
 * removes it) and the evaluation. Each is its own field, so two people setting the status and
 * writing the evaluation at once both keep theirs.
 */
export function setFollowUp(
  doc: MapDoc,
  id: NoteId,
  changes: Partial<FollowUp>,
  now = Date.now(),
): void {
  const fields = notesOf(doc).get(id)
  if (!(fields instanceof Y.Map)) throw new MapError('unknown-note')
  const note = parseNote(id, plainEntries(fields), boardOfMap(doc))
  if (!note || !carriesOwners(boardOfMap(doc), note.column)) throw new MapError('not-an-action')
  const { status, lookAgain, evaluation } = changes
  if (lookAgain !== undefined && lookAgain !== '' && !isCalendarDate(lookAgain)) {
    throw new MapError('date-invalid')
  }
  if (evaluation !== undefined && evaluation.length > LIMITS.evaluation) {
    throw new MapError('text-too-long')
  }
  transact(doc, () => {
    if (status !== undefined && fields.get('status') !== status) fields.set('status', status)
    if (lookAgain === '') fields.delete('lookAgain')
    else if (lookAgain !== undefined && fields.get('lookAgain') !== lookAgain) {
      fields.set('lookAgain', lookAgain)
    }
    if (evaluation !== undefined) {
      const trimmed = evaluation.trim()
      if (trimmed === '') fields.delete('evaluation')
      else if (fields.get('evaluation') !== trimmed) fields.set('evaluation', trimmed)
    }
    fields.set('updatedAt', now)
  })
}

/** Today on this device's calendar, as `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Still to do and its day to look again has passed: the action stands out. */
export function isOverdue(followUp: FollowUp | null, on: string): boolean {
  if (!followUp || followUp.lookAgain === '') return false
  const pending = followUp.status === 'open' || followUp.status === 'bezig'
  return pending && followUp.lookAgain < on
}

/** How many actions stand at each status. */
export function countStatuses(actions: readonly Note[]): Record<ActionStatus, number> {
  const counts = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >
  for (const action of actions) if (action.followUp) counts[action.followUp.status]++
  return counts
}
