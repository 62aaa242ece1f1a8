/**
 * The partnership map's data model: the columns, who wrote what, and runtime validators for
 * everything read from the shared document (any peer may have written it, so nothing is trusted).
 */

import { boardOf, carriesOwners, columnOf, sheetOf, type Board, type BoardKind } from './board'
import {
  isActionStatus,
  isCalendarDate,
  isColumnId,
  isId,
  isObject,
  isOwnerKind,
  isRole,
  isSide,
  LIMITS,
  NOTE_LABEL,
  LAYERS,
  POWER_HOLDERS,
  type ActionStatus,
  type ColumnId,
  type Layer,
  type OwnerKind,
  type PowerHolder,
  type PowerQuestion,
  type Role,
  type Side,
} from '../../shared/schema'

export {
  ACTION_STATUSES,
  DIRECTIONS,
  isActionStatus,
  isCalendarDate,
  isColumnId,
  isObject,
  isId,
  isOrderKey,
  isOwnerKind,
  isRole,
  LIMITS,
  OWNER_KINDS,
  LAYERS,
  POWER_HOLDERS,
  POWER_QUESTIONS,
  PULSE_PHASES,
  ROLES,
  SCHEMA_VERSION,
  SIDES,
  TEMPOS,
  type ActionStatus,
  type ColumnId,
  type Direction,
  type OwnerKind,
  type Layer,
  type PowerHolder,
  type PowerQuestion,
  type PulsePhase,
  type Role,
  type Side,
  type Tempo,
} from '../../shared/schema'

/** The side each named role belongs to; "anders" (other) has no fixed side: the person picks. */
export const ROLE_SIDE: Record<Exclude<Role, 'anders'>, Side> = {
  beroepskracht: 'formal',
  manager: 'formal',
  beleidsmaker: 'formal',
  vrijwilliger: 'informal',
  mantelzorger: 'informal',
  ervaringsdeskundige: 'informal',
  bewoner: 'informal',
}

export type NoteId = string & { readonly __brand: 'NoteId' }
export type ParticipantId = string & { readonly __brand: 'ParticipantId' }

/** A person at the table, as stored in the map (for "ingevuld door") and shown in presence. */
export interface Participant {
  readonly id: ParticipantId
  readonly name: string
  readonly role: Role
  /**
   * The role in words when role is "anders"; for another role, what it is more precisely ("buurtteam",
   * "voedselbank"), or empty.
   */
  readonly roleLabel: string
  readonly side: Side
}

export interface ActionOwner {
  readonly kind: OwnerKind
  /** Who in particular (a person or a party); may be empty. */
  readonly name: string
  /** When it happens, in the group's own words ("vóór 1 maart"); may be empty. */
  readonly when: string
}

/** How an action is followed up after the meeting that agreed it. */
export interface FollowUp {
  readonly status: ActionStatus
  /** The day to look at it again (`YYYY-MM-DD`); empty for none. */
  readonly lookAgain: string
  /** In the group's words: does it work, why or why not? May be empty. */
  readonly evaluation: string
}

export const NO_FOLLOW_UP: FollowUp = { status: 'open', lookAgain: '', evaluation: '' }

/** An action's power; null where the group did not say (yet). */
export type Power = Readonly<Record<PowerQuestion, PowerHolder | null>>

export const NO_POWER: Power = { carries: null, decides: null, means: null }

export interface Note {
  readonly id: NoteId
  readonly column: ColumnId
  /** Fractional order key within the column; ties are broken by id. */
  readonly order: string
  /** The label it got when it was written ("W2"); null from a version of the app before labels. */
  readonly label: string | null
  readonly text: string
  /**
   * A snapshot of the author at the time of writing, so a note keeps its author's role; null for
   * a note revealed anonymously (then nothing about its author is stored at all).
   */
  readonly author: Participant | null
  readonly createdAt: number
  readonly updatedAt: number
  /**
   * For a proxy note: who wrote it down on behalf of the author (someone without a device). The
   * author then may have no name, only a role.
   */
  readonly proxyBy: Participant | null
  /** Only for notes in the actions column. */
  readonly owner: ActionOwner | null
  /** Only for notes in the actions column: how it is followed up. */
  readonly followUp: FollowUp | null
  /** Only for notes in the actions column: who carries it, decides, has the means. */
  readonly power: Power | null
  /** Only for notes in a column with layers (the conditions): where it gets stuck, if said. */
  readonly layer: Layer | null
  /** Only for a working form's notes (a sorted task): the map note it was taken to, if any. */
  readonly onMap: NoteId | null
}

export interface MapMeta {
  readonly title: string
  readonly description: string
  /** The card's "versie" field: free text the group chooses ("1", "concept", "na evaluatie"). */
  readonly cardVersion: string
  readonly createdAt: number
  readonly schemaVersion: number
  /** The kind of board; maps from before boards were data are the partnership card. */
  readonly board: BoardKind
}

// ---- validators -------------------------------------------------------------------------------

type Unknown = Record<string, unknown>

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** A valid participant, or null. Only the person a proxy note is for may go without a name. */
export function parseParticipant(raw: unknown, nameless = false): Participant | null {
  if (!isObject(raw)) return null
  const name = text(raw.name, LIMITS.name)
  const roleLabel = text(raw.roleLabel ?? '', LIMITS.roleLabel)
  if (!isId(raw.id) || name === null || (!name && !nameless) || roleLabel === null) return null
  if (!isRole(raw.role) || !isSide(raw.side)) return null
  return {
    id: raw.id as ParticipantId,
    name,
    role: raw.role,
    roleLabel,
    side: raw.side,
  }
}

/** A valid action owner, or null. */
export function parseOwner(raw: Unknown): ActionOwner | null {
  if (!isOwnerKind(raw.ownerKind)) return null
  return {
    kind: raw.ownerKind,
    name: text(raw.ownerName ?? '', LIMITS.ownerName) ?? '',
    when: text(raw.ownerWhen ?? '', LIMITS.ownerWhen) ?? '',
  }
}

/** An action's follow-up; what is missing or malformed reads as not done yet ("open"). */
export function parseFollowUp(raw: Unknown): FollowUp {
  return {
    status: isActionStatus(raw.status) ? raw.status : 'open',
    lookAgain: isCalendarDate(raw.lookAgain) ? raw.lookAgain : '',
    evaluation: text(raw.evaluation ?? '', LIMITS.evaluation) ?? '',
  }
}

/** True when any of an action's three questions of power was answered. */
export function hasPower(power: Power | null): boolean {
  return (
    power !== null && (power.carries !== null || power.decides !== null || power.means !== null)
  )
}

/** An action's power; what is missing or malformed reads as not said. */
export function parsePower(raw: Unknown): Power {
  const holder = (value: unknown) =>
    (POWER_HOLDERS as readonly unknown[]).includes(value) ? (value as PowerHolder) : null
  return { carries: holder(raw.carries), decides: holder(raw.decides), means: holder(raw.means) }
}

/**
 * A note read from the document's fields, or null when any field is missing or malformed. A note
 * in a column whose notes carry owners always has one ("wij" when none was written).
 */
export function parseNote(id: string, raw: Unknown, board: Board): Note | null {
  if (!isId(id) || !isObject(raw.pos)) return null
  const { column, order } = raw.pos
  if (!isColumnId(column) || !columnOf(board, column)) return null
  if (typeof order !== 'string' || order.length === 0) return null
  const noteText = text(raw.text, LIMITS.noteText)
  const anonymous = raw.anonymous === true
  const proxyBy = anonymous ? null : parseParticipant(raw.proxyBy)
  const author = anonymous ? null : parseParticipant(raw.author, proxyBy !== null)
  const createdAt = finite(raw.createdAt)
  const updatedAt = finite(raw.updatedAt) ?? createdAt
  if (noteText === null || (!author && !anonymous) || createdAt === null || updatedAt === null) {
    return null
  }
  const owned = carriesOwners(board, column)
  return {
    id: id as NoteId,
    column,
    order,
    label: typeof raw.label === 'string' && NOTE_LABEL.test(raw.label) ? raw.label : null,
    text: noteText,
    author,
    createdAt,
    updatedAt,
    proxyBy,
    owner: owned ? (parseOwner(raw) ?? { kind: 'wij', name: '', when: '' }) : null,
    followUp: owned ? parseFollowUp(raw) : null,
    power: owned ? parsePower(raw) : null,
    layer:
      columnOf(board, column)!.layers && (LAYERS as readonly unknown[]).includes(raw.layer)
        ? (raw.layer as Layer)
        : null,
    onMap: sheetOf(board, column) !== board && isId(raw.onMap) ? (raw.onMap as NoteId) : null,
  }
}

/** The map's title and description; missing or malformed fields fall back to empty. */
export function parseMeta(raw: Unknown): MapMeta {
  return {
    title: text(raw.title, LIMITS.title) ?? '',
    description: text(raw.description, LIMITS.description) ?? '',
    cardVersion: text(raw.cardVersion, LIMITS.cardVersion) ?? '',
    createdAt: finite(raw.createdAt) ?? 0,
    schemaVersion: finite(raw.schemaVersion) ?? 0,
    board: boardOf(raw.board).kind as BoardKind,
  }
}

/** Orders notes as every peer does: by order key, then by id so equal keys still agree. */
export function compareNotes(a: Note, b: Note): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
