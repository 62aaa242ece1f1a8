/**
 * The shape of a map's two shared documents: which roots they have, which keys each root takes
 * and what values go under those keys. The client's operations and views use these validators to
 * read what any peer wrote; the server uses the same ones to check every update before it stores
 * it. Plain values only: no Yjs, no DOM, no React, so both sides compile it.
 *
 * The shape says nothing of what a note means: the server can tell that a note's text is a string
 * of at most 1,000 characters, never what it says.
 */

import { ALL_COLUMN_IDS, isBoardKind, isFormKind, MAX_COLUMNS, type ColumnId } from './board.js'
import { isEntryId, isJoinCode } from './protocol.js'

export type { ColumnId } from './board.js'

/**
 * Bump when the document layout changes, and add the step from the old one to `migrate` in
 * `src/map/migrate.ts`. 2: the map names its kind of board (`meta.board`). 3: every note keeps
 * the label it got when it was written (`label`, "W2"). 4: every action has a follow-up status
 (`status`), and may have a date to look at it again and the group's evaluation.
 */
export const SCHEMA_VERSION = 4

/** Managers and policy makers sit at the table too ("zowel uitvoerenden als managers"). */
export const ROLES = [
  'beroepskracht',
  'manager',
  'beleidsmaker',
  'vrijwilliger',
  'mantelzorger',
  'ervaringsdeskundige',
  'bewoner',
  'anders',
] as const
export type Role = (typeof ROLES)[number]

export const SIDES = ['formal', 'informal'] as const
export type Side = (typeof SIDES)[number]

export const OWNER_KINDS = ['ik', 'wij', 'anderen'] as const
export type OwnerKind = (typeof OWNER_KINDS)[number]

/** Where an action stands when the group looks back at it. */
export const ACTION_STATUSES = ['open', 'bezig', 'gedaan', 'losgelaten'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

/**
 * Who carries an action, who decides on it and who has the means (mandate, budget): the informal
 * partners, the professionals, both together, or others (the municipality, a funder).
 */
export const POWER_HOLDERS = ['informal', 'formal', 'together', 'others'] as const
export type PowerHolder = (typeof POWER_HOLDERS)[number]

/** An action's three questions of power, each a note field of its own. */
export const POWER_QUESTIONS = ['carries', 'decides', 'means'] as const
export type PowerQuestion = (typeof POWER_QUESTIONS)[number]

/**
 * The three layers where collaboration gets stuck: samenwerken (practical: contracts, insurance,
 * screening, reimbursement, training), samenspel (responsibility, boundaries, guidance, privacy),
 * omgaan met verandering (what does this mean for me?).
 */
export const LAYERS = ['samenwerken', 'samenspel', 'verandering'] as const
export type Layer = (typeof LAYERS)[number]

/** A round of "Wie heeft hier invloed?" is named by when it started, in seconds. */
export const INFLUENCE_ROUND_MAX = 1e11

/**
 * What anyone can signal, without their name: "Verstaanbaar Nederlands, graag" (jargon) and
 * "ja, en…" (the talk gets stuck on "ja, maar").
 */
export const SIGNAL_KINDS = ['jargon', 'jaEn'] as const
export type SignalKind = (typeof SIGNAL_KINDS)[number]

export const DIRECTIONS = ['fromValues', 'fromActions'] as const
export type Direction = (typeof DIRECTIONS)[number]
export const TEMPOS = ['ruim', 'kort'] as const
export type Tempo = (typeof TEMPOS)[number]
export const PULSE_PHASES = ['before', 'after'] as const
export type PulsePhase = (typeof PULSE_PHASES)[number]

export const LIMITS = {
  title: 120,
  description: 600,
  cardVersion: 40,
  noteText: 1000,
  name: 60,
  roleLabel: 60,
  ownerName: 120,
  ownerWhen: 80,
  evaluation: 1000,
  /** A partner in a trajectory (an organisation or group), or one who prepares a meeting. */
  partnerName: 80,
  meetingTheme: 120,
  meetingPrompt: 1000,
  workingForm: 80,
  meetingReport: 2000,
  /** What someone adds in words to their answer to "Wie heeft hier invloed?". */
  influenceWords: 200,
  /** One of the group's own ground rules, and how many it keeps. */
  groundRule: 200,
  groundRules: 12,
  /** People who prepare one meeting. */
  preparers: 12,
  notesPerMap: 2000,
  /** Longest fractional order key; a column is spaced out anew long before keys get there. */
  orderKey: 200,
  /** Dots per person in one vote. */
  dots: 20,
  /** A timer runs at most this long. */
  timerMs: 4 * 60 * 60 * 1000,
} as const

// ---- small validators ---------------------------------------------------------------------------

/** A check of one value as read from a document or a message. */
export type Check = (value: unknown) => boolean

type Unknown = Record<string, unknown>

export function isObject(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

/** A string of at most `max` characters (and at least `min`). */
export function str(max: number, min = 0): Check {
  return (value) => typeof value === 'string' && value.length >= min && value.length <= max
}

export function wholeNumber(min: number, max: number): Check {
  return (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max
}

/** An array of at most `max` values (and at least `min`), each passing `check`. */
export function listOf(check: Check, max: number, min = 0): Check {
  return (value) =>
    Array.isArray(value) && value.length >= min && value.length <= max && value.every(check)
}

export const isFiniteNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value)
const isBoolean: Check = (value) => typeof value === 'boolean'
const isTrue: Check = (value) => value === true
export const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value)

/**
 * An object with exactly these fields: every required one present, no field not listed, each
 * value passing its check.
 */
export function record(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  const names = Object.keys(fields)
  return (value) => {
    if (!isObject(value)) return false
    for (const key of Object.keys(value)) if (!Object.hasOwn(fields, key)) return false
    return names.every((name) =>
      Object.hasOwn(value, name) ? fields[name]!(value[name]) : optional.includes(name),
    )
  }
}

/**
 * The check of field `key`, or null: only the table's own fields count, never what every object
 * has (`constructor`, `toString`).
 */
export function fieldCheck(
  fields: Readonly<Record<string, Check>> | null,
  key: string,
): Check | null {
  return fields && Object.hasOwn(fields, key) ? fields[key]! : null
}

/** A column of some board; which board a map is, its `meta.board` says. */
export function isColumnId(value: unknown): value is ColumnId {
  return isOneOf(ALL_COLUMN_IDS, value)
}

export function isRole(value: unknown): value is Role {
  return isOneOf(ROLES, value)
}

export function isSide(value: unknown): value is Side {
  return isOneOf(SIDES, value)
}

export function isOwnerKind(value: unknown): value is OwnerKind {
  return isOneOf(OWNER_KINDS, value)
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return isOneOf(ACTION_STATUSES, value)
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A day on the calendar as `YYYY-MM-DD` (no time, no zone), one that exists, in 2000-2199. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = CALENDAR_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 2000 || year > 2199) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Ids are random base64url strings (the format is the protocol's); anything else is refused. */
export const isId = isEntryId

const ORDER_KEY = /^[A-Za-z][0-9A-Za-z]*$/
const SMALLEST_INTEGER = `A${'0'.repeat(26)}`

/**
 * A key of the `fractional-indexing` library: a head letter that gives the length of the integer
 * part (a-z: 2 to 27 characters, A-Z: 27 down to 2), base-62 digits, a fraction that does not end
 * in 0, and not the smallest integer (which nothing sorts before).
 */
export function isOrderKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIMITS.orderKey || !ORDER_KEY.test(value)) {
    return false
  }
  const head = value.charCodeAt(0)
  const integerLength = head >= 97 ? head - 97 + 2 : 90 - head + 2
  if (value.length < integerLength) return false
  if (value.length > integerLength && value.endsWith('0')) return false
  return value !== SMALLEST_INTEGER
}

/** A stored person: a snapshot in a note or the list of participants. */
const participantFields = {
  id: isId,
  name: str(LIMITS.name),
  role: isRole,
  roleLabel: str(LIMITS.roleLabel),
  side: isSide,
}

/** A person as the document stores them; the name may be empty only for a proxy note's author. */
export const isParticipantRecord: Check = record(participantFields, ['roleLabel'])

const isNamedParticipant: Check = (value) =>
  isParticipantRecord(value) && ((value as Unknown).name as string).length > 0

// ---- the documents ----------------------------------------------------------------------------

/**
 * One root of a document; every root is a map. Its keys are either a fixed set of fields, each
 * with its own check (`fields`), or open (`key`) with one check for every value (`value`), or
 * open with nested maps as values whose own keys are fixed fields (`nested`: the notes).
 */
export type RootShape =
  | { readonly kind: 'fields'; readonly fields: Readonly<Record<string, Check>> }
  | {
      readonly kind: 'entries'
      readonly key: (key: string) => boolean
      /** Checks a value; it is told its key, for values that repeat it (a participant's id). */
      readonly value: (value: unknown, key: string) => boolean
    }
  | {
      readonly kind: 'nested'
      readonly key: (key: string) => boolean
      readonly fields: Readonly<Record<string, Check>>
    }

/** Every root a document may have; a write anywhere else is refused. */
export type DocShape = Readonly<Record<string, RootShape>>

/** Keys made of parts separated by `separator`, each passing its own check. */
function compoundKey(separator: string, ...parts: Array<(part: string) => boolean>) {
  return (key: string) => {
    const split = key.split(separator)
    return split.length === parts.length && parts.every((check, i) => check(split[i]!))
  }
}

const DIGITS = /^(0|[1-9][0-9]{0,8})$/

/** A note's label: its first column's letter(s) and a number ("W2", "A14"). */
export const NOTE_LABEL = /^([A-Z]{1,3})([1-9][0-9]{0,4})$/

function isNoteLabel(value: unknown): boolean {
  return typeof value === 'string' && NOTE_LABEL.test(value)
}
const count = (max: number) => (part: string) => DIGITS.test(part) && Number(part) <= max

/** A note's fields: each a plain value, so two people changing different fields both win. */
export const NOTE_FIELDS: Readonly<Record<string, Check>> = {
  pos: record({ column: isColumnId, order: isOrderKey }),
  label: isNoteLabel,
  text: str(LIMITS.noteText, 1),
  anonymous: isTrue,
  author: isParticipantRecord,
  proxyBy: isNamedParticipant,
  createdAt: isFiniteNumber,
  updatedAt: isFiniteNumber,
  ownerKind: isOwnerKind,
  ownerName: str(LIMITS.ownerName),
  ownerWhen: str(LIMITS.ownerWhen),
  /** An action's follow-up: where it stands, when to look at it again, how it went. */
  status: isActionStatus,
  lookAgain: isCalendarDate,
  evaluation: str(LIMITS.evaluation),
  /** An action's power: who carries it, who decides, who has the means. */
  carries: (value) => isOneOf(POWER_HOLDERS, value),
  decides: (value) => isOneOf(POWER_HOLDERS, value),
  means: (value) => isOneOf(POWER_HOLDERS, value),
  /** A condition's layer: where the collaboration gets stuck. */
  layer: (value) => isOneOf(LAYERS, value),
  /** A sorted task taken to the map: the note it became there. */
  onMap: isId,
}

const score = orNull(wholeNumber(1, 10))

/** The root the server counts notes in (the note limit) and that nests one level of fields. */
export const NOTES_ROOT = 'notes'

/** The map document: notes and everything the group writes (anyone in the map may write here). */
export const MAP_DOC: DocShape = {
  meta: {
    kind: 'fields',
    fields: {
      title: str(LIMITS.title),
      description: str(LIMITS.description),
      cardVersion: str(LIMITS.cardVersion),
      createdAt: isFiniteNumber,
      schemaVersion: wholeNumber(1, SCHEMA_VERSION),
      board: isBoardKind,
    },
  },
  [NOTES_ROOT]: { kind: 'nested', key: isId, fields: NOTE_FIELDS },
  participants: {
    kind: 'entries',
    key: isId,
    value: (value, key) => isNamedParticipant(value) && (value as Unknown).id === key,
  },
  /** `<serving note>><served note>` -> true */
  links: { kind: 'entries', key: compoundKey('>', isId, isId), value: isTrue },
  /** `<round>|<participant>|<slot>` -> the note the dot is on */
  votes: {
    kind: 'entries',
    key: compoundKey('|', count(1e9), isId, count(LIMITS.dots - 1)),
    value: isId,
  },
  /** `<participant>|<column>|edits` -> how many edits */
  activity: {
    kind: 'entries',
    key: compoundKey('|', isId, isColumnId, (kind) => kind === 'edits'),
    value: wholeNumber(0, 1e9),
  },
  /** `<value note>|<participant>` -> true: "my value too" */
  holds: { kind: 'entries', key: compoundKey('|', isId, isId), value: isTrue },
  /** A random id per entry (never the person's) -> hoofd, hart, buik */
  pulse: {
    kind: 'entries',
    key: isId,
    value: record({
      head: str(LIMITS.noteText),
      heart: str(LIMITS.noteText),
      gut: str(LIMITS.noteText),
      before: score,
      after: score,
    }),
  },
  /** The group's own ground rules: an id -> what it says and when it was written (its order) */
  groundRules: {
    kind: 'entries',
    key: isId,
    value: record({ text: str(LIMITS.groundRule, 1), at: isFiniteNumber }),
  },
  /** A random id per answer (never the person's) -> "Wie heeft hier invloed?", by side */
  influence: {
    kind: 'entries',
    key: isId,
    value: record({
      round: wholeNumber(1, INFLUENCE_ROUND_MAX),
      side: isSide,
      holder: (value) => isOneOf(POWER_HOLDERS, value),
      words: str(LIMITS.influenceWords),
    }),
  },
  /** A random id per signal (never the person's) -> what it asks and when (the server's time) */
  signals: {
    kind: 'entries',
    key: isId,
    value: record({ kind: (value) => isOneOf(SIGNAL_KINDS, value), at: isFiniteNumber }),
  },
}

/** The facilitation document: only a facilitator's connection writes it. */
export const CONTROL_DOC: DocShape = {
  facilitation: {
    kind: 'fields',
    fields: {
      direction: (value) => isOneOf(DIRECTIONS, value),
      tempo: (value) => isOneOf(TEMPOS, value),
      step: wholeNumber(-1, MAX_COLUMNS - 1),
      locked: isBoolean,
      follow: isBoolean,
      timer: record({
        durationMs: (value) => isFiniteNumber(value) && (value as number) > 0,
        endsAt: orNull(isFiniteNumber),
        remainingMs: orNull((value) => isFiniteNumber(value) && (value as number) >= 0),
      }),
      vote: record({
        round: wholeNumber(1, 1e9),
        dots: wholeNumber(1, LIMITS.dots),
        onePerNote: isBoolean,
        open: isBoolean,
      }),
      sortByVotes: isBoolean,
      readyRound: wholeNumber(0, 1e9),
      privateWriting: isBoolean,
      revealRound: wholeNumber(0, 1e9),
      revealAnonymous: isBoolean,
      joinCode: isJoinCode,
      focusNote: isId,
      threadNote: isId,
      askNote: isId,
      showBalance: isBoolean,
      /** Notes show who wrote them by name only: people meet as persons, not job titles. */
      hideRoles: isBoolean,
      /** A brainstorm runs: its rules on screen, votes and "gedeeld" hidden until it ends. */
      brainstorm: isBoolean,
      pulse: (value) => isOneOf(PULSE_PHASES, value),
      /** Looking back at the actions: the one on screen, or null for the summary. */
      lookBack: record({ note: orNull(isId) }),
      /** A trajectory meeting on the big screen, by its id: nothing of the meeting is copied here. */
      shownMeeting: isId,
      /** "Wie heeft hier invloed?" is asked: the round (its start, in seconds) answers belong to. */
      influence: wholeNumber(1, INFLUENCE_ROUND_MAX),
      /** A working form on screen (task sorting), at its own step; the map's step waits. */
      form: record({ kind: isFormKind, step: wholeNumber(-1, MAX_COLUMNS - 1) }),
    },
  },
  /** Notes the group marked as shared -> true */
  agreed: { kind: 'entries', key: isId, value: isTrue },
}

// ---- the trajectory ---------------------------------------------------------------------------

/**
 * Scores (hoofd-hart-buik, 1 to 10) are shown, and kept, only from this many answers on, so no
 * single answer can be read off.
 */
export const PULSE_MIN_ANSWERS = 3

/**
 * The check for a plain value under `key` of `root`: null when nothing may be written there
 * (an unknown root or key, or a key whose value must be a nested map).
 */
export function entryCheck(shape: DocShape, root: string, key: string): Check | null {
  if (!Object.hasOwn(shape, root)) return null
  const rootShape = shape[root]!
  switch (rootShape.kind) {
    case 'fields':
      return fieldCheck(rootShape.fields, key)
    case 'entries': {
      const { value } = rootShape
      return rootShape.key(key) ? (entry) => value(entry, key) : null
    }
    case 'nested':
      return null
  }
}

/** The fields of a nested map that may sit under `key` of `root`; null when none may. */
export function nestedFields(
  shape: DocShape,
  root: string,
  key: string,
): Readonly<Record<string, Check>> | null {
  if (!Object.hasOwn(shape, root)) return null
  const rootShape = shape[root]!
  return rootShape.kind === 'nested' && rootShape.key(key) ? rootShape.fields : null
}

// ---- presence ---------------------------------------------------------------------------------

/** What one person's presence (awareness state) may hold: who they are, "klaar", draft count. */
export const isPresenceState: Check = (value) =>
  value === null ||
  record(
    {
      participant: isParticipantRecord,
      ready: orNull(
        record({
          round: wholeNumber(0, 1e9),
          step: wholeNumber(-1, MAX_COLUMNS - 1),
          status: (status) => status === 'klaar' || status === 'pas',
        }),
      ),
      drafts: wholeNumber(0, 1e6),
    },
    ['participant', 'ready', 'drafts'],
  )(value)
