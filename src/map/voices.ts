import type * as Y from 'yjs'
import { MAP_DOC } from '../../shared/schema'
import { notesOf, rootOf, transact, type MapDoc } from './doc'
import { forEachChecked } from './roots'
import { allColumnIds, type Board } from './board'
import {
  ROLES,
  SIDES,
  type ColumnId,
  type Note,
  type NoteId,
  type Participant,
  type ParticipantId,
  type Role,
  type Side,
} from './schema'

/**
 * Equal voice: who contributes what per step, counted by side (formal / informal) and role, never
 * shown per person. Each person writes only their own entries, so nothing is overwritten by others.
 */

/** A breakdown shows no group of fewer people than this, so nobody is singled out. */
export const MIN_GROUP = 3

function activityOf(doc: MapDoc): Y.Map<unknown> {
  return rootOf(doc, 'activity')
}

function holdsOf(doc: MapDoc): Y.Map<unknown> {
  return rootOf(doc, 'holds')
}

function votesOf(doc: MapDoc): Y.Map<unknown> {
  return rootOf(doc, 'votes')
}

/** Counts one edit of a note in `column` by this person. */
export function recordEdit(doc: MapDoc, participantId: ParticipantId, column: ColumnId): void {
  const key = `${participantId}|${column}|edits`
  const before = activityOf(doc).get(key)
  transact(doc, () => {
    activityOf(doc).set(key, (typeof before === 'number' ? before : 0) + 1)
  })
}

/** Says that this person holds a value too ("dit is ook mijn waarde"), or no longer does. */
export function setHolds(
  doc: MapDoc,
  noteId: NoteId,
  participantId: ParticipantId,
  holds: boolean,
): void {
  if (holds && !notesOf(doc).has(noteId)) return
  transact(doc, () => {
    const key = `${noteId}|${participantId}`
    if (holds) holdsOf(doc).set(key, true)
    else holdsOf(doc).delete(key)
  })
}

export interface EditCount {
  readonly participantId: ParticipantId
  readonly column: ColumnId
  readonly count: number
}

export interface VoteMark {
  readonly participantId: ParticipantId
  readonly noteId: NoteId
}

/** What the document records of people's contributions beyond the notes themselves. */
export interface Voices {
  readonly edits: readonly EditCount[]
  /** Every dot of every round, for the balance (not for results: rounds have their own rules). */
  readonly votes: readonly VoteMark[]
  /** Per value, the people who said they hold it too. */
  readonly holders: ReadonlyMap<NoteId, readonly ParticipantId[]>
}

export function readVoices(doc: MapDoc): Voices {
  const edits: EditCount[] = []
  // Keys and values are read once the schema's check passed: their formats hold.
  forEachChecked(activityOf(doc), MAP_DOC, 'activity', (key, value) => {
    const [participantId, column] = key.split('|') as [ParticipantId, ColumnId]
    edits.push({ participantId, column, count: value as number })
  })
  const votes: VoteMark[] = []
  forEachChecked(votesOf(doc), MAP_DOC, 'votes', (key, noteId) => {
    const participantId = key.split('|')[1] as ParticipantId
    votes.push({ participantId, noteId: noteId as NoteId })
  })
  const holders = new Map<NoteId, ParticipantId[]>()
  forEachChecked(holdsOf(doc), MAP_DOC, 'holds', (key) => {
    const [noteId, participantId] = key.split('|') as [NoteId, ParticipantId]
    const list = holders.get(noteId as NoteId) ?? []
    list.push(participantId as ParticipantId)
    holders.set(noteId as NoteId, list)
  })
  return { edits, votes, holders }
}

/** One group's figures in a step: how many people it has, what they wrote, edited and voted. */
export interface GroupFigures {
  readonly people: number
  readonly notes: number
  readonly edits: number
  readonly votes: number
}

const NONE: GroupFigures = { people: 0, notes: 0, edits: 0, votes: 0 }

export interface StepBalance {
  readonly column: ColumnId
  readonly total: Omit<GroupFigures, 'people'>
  /** By side, or null when a side has fewer than MIN_GROUP people (and 1 or more). */
  readonly sides: Readonly<Record<Side, GroupFigures>> | null
  /**
   * By role within the map: roles with fewer than MIN_GROUP people are put together as "other
   * roles"; null when that rest is still too small to show (it could be worked out otherwise).
   */
  readonly roles: readonly { role: Role | 'other'; figures: GroupFigures }[] | null
}

export interface Balance {
  readonly steps: Readonly<Record<ColumnId, StepBalance>>
  /** The people counted: everyone who joined, and the people proxy notes were written for. */
  readonly people: Readonly<Record<Side, number>>
}

/**
 * Notes, edits and votes per step by side and by role. A note counts for its author (for a proxy
 * note: the person it was written for); an anonymous note only in the total.
 */
export function balanceOf(
  notes: ReadonlyMap<NoteId, Note>,
  participants: readonly Participant[],
  voices: Voices,
  board: Board,
): Balance {
  const people = new Map<ParticipantId, Participant>()
  for (const person of participants) people.set(person.id, person)
  // The person a proxy note is for, once: every note one writer wrote for "Henk · Bewoner" is
  // Henk's, however many there are (each such note has an id of its own for its author).
  const proxied = new Map<string, Participant>()
  const personOf = (note: Note): Participant | undefined => {
    if (!note.author) return undefined
    if (!note.proxyBy) return people.get(note.author.id) ?? note.author
    const key = `${note.proxyBy.id}|${note.author.role}|${note.author.name.trim().toLowerCase()}`
    const first = proxied.get(key) ?? note.author
    proxied.set(key, first)
    return first
  }
  for (const note of notes.values()) {
    const person = personOf(note)
    if (person && !people.has(person.id)) people.set(person.id, person)
  }
  const sideCount = { formal: 0, informal: 0 }
  const roleCount = new Map<Role, number>()
  for (const person of people.values()) {
    sideCount[person.side]++
    roleCount.set(person.role, (roleCount.get(person.role) ?? 0) + 1)
  }
  const smallRoles = new Set(ROLES.filter((role) => (roleCount.get(role) ?? 0) < MIN_GROUP))
  const groupOfRole = (role: Role): Role | 'other' => (smallRoles.has(role) ? 'other' : role)

  type Counter = { notes: number; edits: number; votes: number }
  const blank = (): Counter => ({ notes: 0, edits: 0, votes: 0 })
  const perColumn = new Map<
    ColumnId,
    { total: Counter; side: Record<Side, Counter>; role: Map<Role | 'other', Counter> }
  >()
  for (const column of allColumnIds(board)) {
    perColumn.set(column, {
      total: blank(),
      side: { formal: blank(), informal: blank() },
      role: new Map(),
    })
  }
  const count = (column: ColumnId, person: Participant | undefined, kind: keyof Counter, n = 1) => {
    // Counted only in the map's own columns, whatever column a peer wrote.
    const bucket = perColumn.get(column)
    if (!bucket) return
    bucket.total[kind] += n
    if (!person) return
    bucket.side[person.side][kind] += n
    const group = groupOfRole(person.role)
    const roleBucket = bucket.role.get(group) ?? blank()
    roleBucket[kind] += n
    bucket.role.set(group, roleBucket)
  }
  for (const note of notes.values()) count(note.column, personOf(note), 'notes')
  for (const edit of voices.edits)
    count(edit.column, people.get(edit.participantId), 'edits', edit.count)
  for (const vote of voices.votes) {
    const note = notes.get(vote.noteId)
    if (note) count(note.column, people.get(vote.participantId), 'votes')
  }

  const sidesShown = SIDES.every((side) => sideCount[side] === 0 || sideCount[side] >= MIN_GROUP)
  const restPeople = [...smallRoles].reduce((sum, role) => sum + (roleCount.get(role) ?? 0), 0)
  const rolesShown = restPeople === 0 || restPeople >= MIN_GROUP
  const shownRoles: (Role | 'other')[] = [
    ...ROLES.filter((role) => !smallRoles.has(role)),
    ...(restPeople > 0 ? (['other'] as const) : []),
  ]
  const steps = {} as Record<ColumnId, StepBalance>
  for (const column of allColumnIds(board)) {
    const bucket = perColumn.get(column)!
    steps[column] = {
      column,
      total: bucket.total,
      sides: sidesShown
        ? {
            formal: { people: sideCount.formal, ...bucket.side.formal },
            informal: { people: sideCount.informal, ...bucket.side.informal },
          }
        : null,
      roles: rolesShown
        ? shownRoles.map((role) => ({
            role,
            figures: {
              ...NONE,
              ...bucket.role.get(role),
              people: role === 'other' ? restPeople : (roleCount.get(role as Role) ?? 0),
            },
          }))
        : null,
    }
  }
  return { steps, people: sideCount }
}

/**
 * A gentle cue for the facilitator: in a room with both sides at the table, one side wrote most
 * of a step's notes (three quarters or more, of at least four). Never about a person.
 */
export function dominantSide(
  notes: ReadonlyMap<NoteId, Note>,
  columns: readonly ColumnId[],
  present: Readonly<Record<Side, number>>,
): Side | null {
  if (present.formal === 0 || present.informal === 0) return null
  const bySide = { formal: 0, informal: 0 }
  for (const note of notes.values()) {
    if (columns.includes(note.column) && note.author) bySide[note.author.side]++
  }
  const total = bySide.formal + bySide.informal
  if (total < 4) return null
  for (const side of SIDES) if (bySide[side] / total >= 0.75) return side
  return null
}

/** For each value, the sides that hold it: its author's and those of everyone who joined in. */
export function valueSides(
  values: readonly Note[],
  participants: readonly Participant[],
  holders: ReadonlyMap<NoteId, readonly ParticipantId[]>,
): Map<NoteId, Set<Side>> {
  const sideOf = new Map(participants.map((person) => [person.id, person.side]))
  const result = new Map<NoteId, Set<Side>>()
  for (const value of values) {
    const sides = new Set<Side>()
    if (value.author) sides.add(value.author.side)
    for (const id of holders.get(value.id) ?? []) {
      const side = sideOf.get(id)
      if (side) sides.add(side)
    }
    result.set(value.id, sides)
  }
  return result
}
