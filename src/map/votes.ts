import { notesOf, rootOf, transact, type MapDoc } from './doc'
import { isId, type NoteId, type ParticipantId } from './schema'
import type * as Y from 'yjs'

/**
 * Dot votes live in the map document, one entry per dot: `<round>|<participant>|<slot>` -> note.
 * A person writes only their own dots; limits are applied when counting, so a client that writes
 * more dots than allowed changes nothing.
 */
export interface VoteRules {
  readonly round: number
  /** Dots per person. */
  readonly dots: number
  /** At most one dot of a person per note. */
  readonly onePerNote: boolean
}

export interface Dot {
  readonly participantId: ParticipantId
  readonly slot: number
  readonly noteId: NoteId
}

function votesOf(doc: MapDoc): Y.Map<unknown> {
  return rootOf(doc, 'votes')
}

function parseKey(key: string): { round: number; participantId: string; slot: number } | null {
  const [round, participantId, slot, ...rest] = key.split('|')
  if (rest.length > 0 || !participantId || !isId(participantId)) return null
  const r = Number(round)
  const s = Number(slot)
  return Number.isInteger(r) && r >= 0 && Number.isInteger(s) && s >= 0
    ? { round: r, participantId, slot: s }
    : null
}

/** The dots of one round that count under its rules, per person in slot order. */
export function dotsOf(doc: MapDoc, rules: VoteRules): Dot[] {
  const byPerson = new Map<string, Dot[]>()
  votesOf(doc).forEach((noteId, key) => {
    const parsed = parseKey(key)
    if (!parsed || parsed.round !== rules.round || parsed.slot >= rules.dots) return
    if (typeof noteId !== 'string' || !notesOf(doc).has(noteId)) return
    const list = byPerson.get(parsed.participantId) ?? []
    list.push({
      participantId: parsed.participantId as ParticipantId,
      slot: parsed.slot,
      noteId: noteId as NoteId,
    })
    byPerson.set(parsed.participantId, list)
  })
  const counted: Dot[] = []
  for (const dots of byPerson.values()) {
    const seen = new Set<string>()
    for (const dot of dots.sort((a, b) => a.slot - b.slot)) {
      if (rules.onePerNote && seen.has(dot.noteId)) continue
      seen.add(dot.noteId)
      counted.push(dot)
    }
  }
  return counted
}

/** Dots per note for a round. */
export function tally(dots: readonly Dot[]): Map<NoteId, number> {
  const counts = new Map<NoteId, number>()
  for (const dot of dots) counts.set(dot.noteId, (counts.get(dot.noteId) ?? 0) + 1)
  return counts
}

export type VoteRefusal = 'no-dots-left' | 'one-per-note'

/** Puts one of the person's dots on a note; returns why not when the rules do not allow it. */
export function castVote(
  doc: MapDoc,
  rules: VoteRules,
  participantId: ParticipantId,
  noteId: NoteId,
): VoteRefusal | null {
  const mine = dotsOf(doc, rules).filter((dot) => dot.participantId === participantId)
  if (rules.onePerNote && mine.some((dot) => dot.noteId === noteId)) return 'one-per-note'
  const used = new Set(mine.map((dot) => dot.slot))
  let slot = 0
  while (used.has(slot)) slot++
  if (slot >= rules.dots) return 'no-dots-left'
  transact(doc, () => {
    votesOf(doc).set(`${rules.round}|${participantId}|${slot}`, noteId)
  })
  return null
}

/** Takes back one of the person's dots from a note; nothing happens when there is none. */
export function retractVote(
  doc: MapDoc,
  rules: VoteRules,
  participantId: ParticipantId,
  noteId: NoteId,
): void {
  const dot = dotsOf(doc, rules)
    .filter((d) => d.participantId === participantId && d.noteId === noteId)
    .pop()
  if (!dot) return
  transact(doc, () => {
    votesOf(doc).delete(`${rules.round}|${participantId}|${dot.slot}`)
  })
}
