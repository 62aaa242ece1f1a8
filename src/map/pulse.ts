import * as Y from 'yjs'
import { MAP_DOC } from '../../shared/schema'
import { rootOf, transact, writeAnonymous, type MapDoc } from './doc'
import { forEachChecked } from './roots'
import { LIMITS } from './schema'

/**
 * "Hoofd, hart, buik": at the start each person writes what is in their head, heart and gut about
 * working together, and scores the collaboration from 1 to 10; at the end the score again. Each
 * entry is written as if by an unknown device (see `writeDetached`) under a fresh random key, so
 * nothing in the document ties it to a person; the device keeps only the key of its entry.
 */
export interface PulseEntry {
  readonly head: string
  readonly heart: string
  readonly gut: string
  /** 1 to 10, or null when not given. */
  readonly before: number | null
  readonly after: number | null
}

export const PULSE_SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const

function pulseOf(doc: MapDoc) {
  return rootOf(doc, 'pulse')
}

function score(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10
    ? value
    : null
}

function words(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, LIMITS.noteText) : ''
}

function parseEntry(raw: unknown): PulseEntry | null {
  if (typeof raw !== 'object' || raw === null || raw instanceof Y.AbstractType) return null
  const entry = raw as Record<string, unknown>
  return {
    head: words(entry.head),
    heart: words(entry.heart),
    gut: words(entry.gut),
    before: score(entry.before),
    after: score(entry.after),
  }
}

/** This device's own entry (under the key it keeps), to fill the form again. */
export function ownPulse(doc: MapDoc, key: string | null): PulseEntry | null {
  return key ? parseEntry(pulseOf(doc).get(key)) : null
}

/**
 * Writes (part of) this device's entry: the whole entry again under a new key, written by nobody
 * this device can be known by, and the old one taken away. Returns the new key to keep.
 */
export function writePulse(
  doc: MapDoc,
  ownKey: string | null,
  change: Partial<PulseEntry>,
): string {
  const before = ownPulse(doc, ownKey) ?? {
    head: '',
    heart: '',
    gut: '',
    before: null,
    after: null,
  }
  const next = { ...before, ...change }
  return writeAnonymous(
    doc,
    'pulse',
    {
      head: words(next.head),
      heart: words(next.heart),
      gut: words(next.gut),
      before: score(next.before),
      after: score(next.after),
    },
    ownKey,
  )
}

/**
 * Takes every entry away, so the next meeting's round starts empty (a meeting keeps its own
 * counts in the trajectory). Deletions carry no client id: nothing says who answered.
 */
export function clearPulse(doc: MapDoc): void {
  const pulse = pulseOf(doc)
  transact(doc, () => {
    for (const key of [...pulse.keys()]) pulse.delete(key)
  })
}

/** Every entry, in an order that says nothing about who wrote what or when. */
export function readPulse(doc: MapDoc): PulseEntry[] {
  const entries: PulseEntry[] = []
  forEachChecked(pulseOf(doc), MAP_DOC, 'pulse', (_key, raw) => {
    const entry = parseEntry(raw)
    if (entry) entries.push(entry)
  })
  return entries.sort((a, b) => (a.head + a.heart + a.gut).localeCompare(b.head + b.heart + b.gut))
}

/** How many people gave each score, 1 to 10. */
export function distribution(entries: readonly PulseEntry[], phase: 'before' | 'after'): number[] {
  const counts = PULSE_SCORES.map(() => 0)
  for (const entry of entries) {
    const value = entry[phase]
    if (value !== null) counts[value - 1]!++
  }
  return counts
}

/** How many answered a phase, how many gave each score, and the average (null without answers). */
export function pulseSummary(
  entries: readonly PulseEntry[],
  phase: 'before' | 'after',
): { counts: number[]; answers: number; average: number | null } {
  const counts = distribution(entries, phase)
  const answers = counts.reduce((sum, count) => sum + count, 0)
  const total = counts.reduce((sum, count, i) => sum + count * (i + 1), 0)
  return { counts, answers, average: answers > 0 ? total / answers : null }
}
