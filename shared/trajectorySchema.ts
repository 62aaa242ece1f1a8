/**
 * The trajectory document's shape, beside the map's (`schema.ts`): compiled into the server and
 * into the part of the client that shows a trajectory, not into the map's first page.
 */
import {
  isCalendarDate,
  isFiniteNumber,
  isId,
  isSide,
  LIMITS,
  listOf,
  orNull,
  PULSE_MIN_ANSWERS,
  record,
  str,
  wholeNumber,
  type Check,
  type DocShape,
} from './schema.js'

/**
 * One phase's scores as a meeting keeps them: how many answered, and how many gave each score 1
 * to 10; the counts only from PULSE_MIN_ANSWERS answers on (fewer are kept as a number alone).
 */
const isKeptScores: Check = (value) => {
  const shape = record({
    answers: wholeNumber(0, 10_000),
    counts: orNull(listOf(wholeNumber(0, 10_000), 10, 10)),
  })
  if (!shape(value)) return false
  const { answers, counts } = value as { answers: number; counts: number[] | null }
  if (counts === null) return true
  return answers >= PULSE_MIN_ANSWERS && counts.reduce((sum, n) => sum + n, 0) === answers
}

/** A partner of a trajectory, or one who prepares a meeting: a name and a side, nothing more. */
const isNameAndSide: Check = record({ name: str(LIMITS.partnerName, 1), side: isSide })

/**
 * The trajectory document: the meetings one partnership carries its map through. Only a
 * facilitator's connection writes it; it holds no contact details of anyone.
 */
export const TRAJECTORY_DOC: DocShape = {
  trajectory: {
    kind: 'fields',
    fields: { title: str(LIMITS.title), createdAt: isFiniteNumber },
  },
  /** Organisations and informal groups -> name and side */
  partners: { kind: 'entries', key: isId, value: isNameAndSide },
  /** One meeting per entry; they are shown by date. */
  meetings: {
    kind: 'nested',
    key: isId,
    fields: {
      date: isCalendarDate,
      theme: str(LIMITS.meetingTheme),
      /** A short piece of theory or a question to start with. */
      prompt: str(LIMITS.meetingPrompt),
      form: str(LIMITS.workingForm),
      /** "Wat nemen we mee naar de volgende keer", written at the end. */
      report: str(LIMITS.meetingReport),
      /** The card's version saved at the end of this meeting. */
      version: orNull(wholeNumber(1, 1_000_000)),
      /** Who prepares the next meeting. */
      preparers: listOf(isNameAndSide, LIMITS.preparers),
      scoreBefore: orNull(isKeptScores),
      scoreAfter: orNull(isKeptScores),
      createdAt: isFiniteNumber,
    },
  },
}
