import { MAP_DOC } from '../../shared/schema'
import { rootOf, transact, writeAnonymous, type MapDoc } from './doc'
import { forEachChecked } from './roots'
import { LIMITS, POWER_HOLDERS, type PowerHolder, type Side } from './schema'

/**
 * "Wie heeft hier invloed?": the facilitator asks it at any step, everyone answers without their
 * name, and the answers show per side, side by side, so that how differently the sides see it
 * becomes the conversation. An answer keeps only its side: it is written as if by an unknown
 * device (see `writeDetached`) under a fresh random key.
 */
export interface InfluenceAnswer {
  readonly round: number
  readonly side: Side
  readonly holder: PowerHolder
  readonly words: string
}

/** A side's answers show from this many on, so no single answer can be read off. */
export const INFLUENCE_MIN_ANSWERS = 3

function answersOf(doc: MapDoc) {
  return rootOf(doc, 'influence')
}

/** Every answer, in an order that says nothing about who answered when. */
export function readInfluence(doc: MapDoc): InfluenceAnswer[] {
  const answers: InfluenceAnswer[] = []
  forEachChecked(answersOf(doc), MAP_DOC, 'influence', (_key, raw) => {
    const { round, side, holder, words } = raw as InfluenceAnswer
    answers.push({ round, side, holder, words })
  })
  return answers.sort((a, b) =>
    a.side === b.side
      ? a.holder === b.holder
        ? a.words.localeCompare(b.words)
        : a.holder < b.holder
          ? -1
          : 1
      : a.side < b.side
        ? -1
        : 1,
  )
}

/**
 * Writes this device's answer for the round, in place of the one under `ownKey` (its earlier
 * answer); returns the new key to keep, on this device only.
 */
export function answerInfluence(
  doc: MapDoc,
  ownKey: string | null,
  answer: InfluenceAnswer,
): string | null {
  if (!POWER_HOLDERS.includes(answer.holder)) return null
  return writeAnonymous(
    doc,
    'influence',
    {
      round: answer.round,
      side: answer.side,
      holder: answer.holder,
      words: answer.words.trim().slice(0, LIMITS.influenceWords),
    },
    ownKey,
  )
}

/** Takes every answer away: the question was put aside, and nothing of it needs keeping. */
export function clearInfluence(doc: MapDoc): void {
  const answers = answersOf(doc)
  transact(doc, () => {
    for (const key of [...answers.keys()]) answers.delete(key)
  })
}

/**
 * Per side, in round `round`: how many gave each answer, and their words; null while too few
 * of that side answered.
 */
export function influenceBySide(
  answers: readonly InfluenceAnswer[],
  round: number,
  side: Side,
): { counts: Record<PowerHolder, number>; words: string[]; answers: number } | null {
  const own = answers.filter((answer) => answer.round === round && answer.side === side)
  if (own.length < INFLUENCE_MIN_ANSWERS) return null
  const counts = Object.fromEntries(POWER_HOLDERS.map((holder) => [holder, 0])) as Record<
    PowerHolder,
    number
  >
  for (const answer of own) counts[answer.holder]++
  return {
    counts,
    words: own.map((answer) => answer.words).filter(Boolean),
    answers: own.length,
  }
}
