import * as Y from 'yjs'
import { carriesOwners } from './board'
import { notesOf, plainEntries, transact, type MapDoc } from './doc'
import { boardOfMap, MapError } from './ops'
import {
  parseNote,
  POWER_HOLDERS,
  POWER_QUESTIONS,
  type Note,
  type NoteId,
  type Power,
  type PowerHolder,
} from './schema'

/**
 * Power made visible: per action, who carries it, who decides on it and who has the means
 * (mandate, budget). The method's documents are blunt that informal partners often get the
 * responsibility "maar geen bevoegdheden en zeggenschap"; an action where that happens is
 * flagged on the map and listed in the PDF, so the group talks about it.
 */

/**
 * Writes what is given of an action's power; null takes an answer away. Each question is its own
 * field, so two people answering different ones at once both keep theirs.
 */
export function setPower(doc: MapDoc, id: NoteId, changes: Partial<Power>, now = Date.now()): void {
  const fields = notesOf(doc).get(id)
  if (!(fields instanceof Y.Map)) throw new MapError('unknown-note')
  const note = parseNote(id, plainEntries(fields), boardOfMap(doc))
  if (!note || !carriesOwners(boardOfMap(doc), note.column)) throw new MapError('not-an-action')
  transact(doc, () => {
    for (const question of POWER_QUESTIONS) {
      const holder = changes[question]
      if (holder === undefined) continue
      if (holder === null) fields.delete(question)
      else if (POWER_HOLDERS.includes(holder) && fields.get(question) !== holder) {
        fields.set(question, holder)
      }
    }
    fields.set('updatedAt', now)
  })
}

/** Whether the informal partners are among `holder`: themselves, or together with others. */
function informalIn(holder: PowerHolder | null): boolean {
  return holder === 'informal' || holder === 'together'
}

/**
 * Where informal partners carry an action without the say or without the means: what they lack,
 * or null when they do not carry it or nothing is lacking. An unanswered question lacks nothing
 * yet: the flag waits for the group's answer.
 */
export function powerGap(power: Power | null): { say: boolean; means: boolean } | null {
  if (!power || !informalIn(power.carries)) return null
  const say = power.decides !== null && !informalIn(power.decides)
  const means = power.means !== null && !informalIn(power.means)
  return say || means ? { say, means } : null
}

/** The actions with a gap, in their order on the map. */
export function powerGaps(actions: readonly Note[]): Note[] {
  return actions.filter((action) => powerGap(action.power) !== null)
}
