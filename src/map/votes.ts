import { notesOf, rootOf, transact, type MapDoc } from './doc'
import { MAP_DOC } from '../../shared/schema'
import { forEachChecked } from './roots'
import type { NoteId, ParticipantId } from './schema'
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

/** A dot's key, `<round>|<participant>|<slot>`, read after the schema checked its format. */
function parseKey(key: string): { round: number; participantId: string; slot: number } {
  const [round, participantId, slot] = key.split('|') as [string, string, string]
  return { round: Number(round), participantId, slot: Number(slot) }
}

/** The dots of one round that count under its rules, per person in slot order. */
export function dotsOf(doc: MapDoc, rules: VoteRules): Dot[] {
  const byPerson = new Map<string, Dot[]>()
  forEachChecked(votesOf(doc), MAP_DOC, 'votes', (key, noteId) => {
    const parsed = parseKey(key)
    if (parsed.round !== rules.round || parsed.slot >= rules.dots) return
    if (!notesOf(doc).has(noteId as string)) return
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

/**
 * Why a person may not put a dot on a note, given the dots that count, or null when they may:
 * the rule `castVote` applies, and the one the UI asks before it offers the button.
 */
export function voteRefusal(
  rules: VoteRules,
  dots: readonly Dot[],
  participantId: ParticipantId,
  noteId: NoteId,
): VoteRefusal | null {
  const mine = dots.filter((dot) => dot.participantId === participantId)
  if (rules.onePerNote && mine.some((dot) => dot.noteId === noteId)) return 'one-per-note'
  // Counted dots sit in distinct slots below `rules.dots`: as many as that means none is free.
  return mine.length >= rules.dots ? 'no-dots-left' : null
}

/** Puts one of the person's dots on a note; returns why not when the rules do not allow it. */
export function castVote(
  doc: MapDoc,
  rules: VoteRules,
  participantId: ParticipantId,
  noteId: NoteId,
): VoteRefusal | null {
  const dots = dotsOf(doc, rules)
  const refusal = voteRefusal(rules, dots, participantId, noteId)
  if (refusal) return refusal
  const used = new Set(
    dots.filter((dot) => dot.participantId === participantId).map((dot) => dot.slot),
  )
  let slot = 0
  while (used.has(slot)) slot++
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
