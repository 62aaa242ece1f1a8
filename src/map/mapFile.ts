import { allColumnIds, boardOf, columnOf, isBoardKind, sheetOf, type BoardKind } from './board'
import { setAgreed } from './control'
import { setFollowUp } from './followUp'
import { addGroundRule } from './groundRules'
import { setPower } from './power'
import { setLayer } from './layers'
import { setOnMap } from './tasks'
import { transact, type ControlDoc, type MapDoc } from './doc'
import { newNoteId } from './ids'
import { addNote, createMap, joinMap } from './ops'
import { setLink } from './threads'
import { setHolds } from './voices'
import {
  isActionStatus,
  isCalendarDate,
  isColumnId,
  isId,
  isObject,
  LIMITS,
  parseOwner,
  parseParticipant,
  parsePower,
  LAYERS,
  POWER_HOLDERS,
  POWER_QUESTIONS,
  SCHEMA_VERSION,
  type ActionOwner,
  type ColumnId,
  type FollowUp,
  type Layer,
  type NoteId,
  type Power,
  type Participant,
  type ParticipantId,
} from './schema'
import type { MapView } from './view'

export const MAP_FILE_FORMAT = 'partnerschapskaart'
/** Bump when the file layout changes, and add the step from the old one to `FILE_MIGRATIONS`. */
export const MAP_FILE_VERSION = 4

export interface MapFileNote {
  readonly column: ColumnId
  readonly text: string
  /** Null for a note revealed anonymously. */
  readonly author: Participant | null
  /** For a proxy note: who wrote it down. */
  readonly proxyBy: Participant | null
  readonly owner: ActionOwner | null
  /** For an action: where it stands, its day to look again, the group's evaluation. */
  readonly followUp: FollowUp | null
  /** For an action: who carries it, decides on it, has the means. */
  readonly power: Power | null
  /** For a condition: the layer where it gets stuck. */
  readonly layer: Layer | null
  /** For a sorted task taken to the map: the place in `notes` of the note it became. */
  readonly onMap: number | null
  /** Marked as shared by the group ("gedeeld"). */
  readonly agreed: boolean
  /** The golden thread: places in `notes` of the notes this one serves. */
  readonly serves: readonly number[]
  /** For a value: ids of the participants who said "my value too". */
  readonly heldBy: readonly string[]
}

/** A whole map as a file: everything needed to make the same map again, nothing about devices. */
export interface MapFile {
  readonly format: typeof MAP_FILE_FORMAT
  readonly version: number
  readonly schemaVersion: number
  readonly exportedAt: string
  /** The kind of board; its columns are the ones the notes may sit in. */
  readonly board: BoardKind
  readonly title: string
  readonly description: string
  /** The card's "versie". */
  readonly cardVersion: string
  readonly participants: readonly Participant[]
  /** Notes in the board's fill order, each column in its own order. */
  readonly notes: readonly MapFileNote[]
  /** The group's own ground rules, in their order. */
  readonly groundRules: readonly string[]
}

/** The map as a file; notes keep their column order. Pure: no document is touched. */
export function toMapFile(view: MapView, agreed: ReadonlySet<string>, now = new Date()): MapFile {
  const ordered = allColumnIds(view.board).flatMap((column) => view.columns[column])
  const place = new Map(ordered.map((note, i) => [note.id, i]))
  return {
    format: MAP_FILE_FORMAT,
    version: MAP_FILE_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    board: view.board.kind as BoardKind,
    title: view.meta.title,
    description: view.meta.description,
    cardVersion: view.meta.cardVersion,
    participants: view.participants,
    groundRules: view.groundRules.map((rule) => rule.text),
    notes: ordered.map((note) => ({
      column: note.column,
      text: note.text,
      author: note.author,
      proxyBy: note.proxyBy,
      owner: note.owner,
      followUp: note.followUp,
      power: note.power,
      layer: note.layer,
      onMap: note.onMap !== null && place.has(note.onMap) ? place.get(note.onMap)! : null,
      agreed: agreed.has(note.id),
      serves: (view.linkIndex.serves.get(note.id) ?? []).map((id) => place.get(id)!),
      heldBy: view.voices.holders.get(note.id) ?? [],
    })),
  }
}

export type MapFileProblem =
  'not-json' | 'not-a-map' | 'newer-version' | 'invalid' | 'too-big' | 'note-too-long'

/** Which note a problem is about: its place in its column (1 for the first) and its first words. */
export interface MapFileNoteRef {
  readonly column: ColumnId
  readonly number: number
  readonly start: string
}

export type ParsedMapFile =
  { ok: true; file: MapFile } | { ok: false; problem: MapFileProblem; note?: MapFileNoteRef }

/** Largest import accepted, in characters: generous for 2,000 notes of 1,000 characters. */
export const MAX_MAP_FILE_CHARS = 4_000_000

type Raw = Record<string, unknown>

/**
 * One step per older file layout, each to the next version. A step only fills in and renames;
 * whether the result is a map is for `validateMapFile` to say.
 */
const FILE_MIGRATIONS: Readonly<Record<number, (file: Raw) => Raw>> = {
  /**
   * 1 → 2: the file names its kind of board (version 1 files are all partnership cards), and the
   * fields a version 1 file may leave out (description, card version, proxy author, thread, value
   * holders, owner, shared mark) are filled in where it has none, so version 2 requires them all.
   */
  1: (file) => ({
    ...file,
    version: 2,
    board: MAP_FILE_FORMAT,
    description: file.description ?? '',
    cardVersion: file.cardVersion ?? '',
    notes: Array.isArray(file.notes)
      ? file.notes.map((note: unknown) =>
          isObject(note)
            ? { proxyBy: null, serves: [], heldBy: [], owner: null, agreed: false, ...note }
            : note,
        )
      : file.notes,
  }),
  /** 2 → 3: actions are followed up; a version 2 file has no follow-up yet. */
  2: (file) => ({
    ...file,
    version: 3,
    notes: Array.isArray(file.notes)
      ? file.notes.map((note: unknown) => (isObject(note) ? { followUp: null, ...note } : note))
      : file.notes,
  }),
  /**
   * 3 → 4: the group's own ground rules, each action's power and each condition's layer; a
   * version 3 file has none of them.
   */
  3: (file) => ({
    groundRules: [],
    ...file,
    version: 4,
    notes: Array.isArray(file.notes)
      ? file.notes.map((note: unknown) =>
          isObject(note) ? { power: null, layer: null, ...note } : note,
        )
      : file.notes,
  }),
}

/** Brings a file of any older version to the current one; null for a version that is not ours. */
export function migrateMapFile(file: Raw): Raw | null {
  let current = file
  while (current.version !== MAP_FILE_VERSION) {
    const step = typeof current.version === 'number' ? FILE_MIGRATIONS[current.version] : undefined
    if (!step) return null
    current = step(current)
  }
  return current
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max ? value : null
}

/**
 * Checks every field of a file of the current version. Anything broken or foreign is refused
 * whole, so an import never half-happens.
 */
export function validateMapFile(file: Raw): ParsedMapFile {
  const invalid = { ok: false, problem: 'invalid' } as const
  if (file.format !== MAP_FILE_FORMAT || file.version !== MAP_FILE_VERSION) return invalid
  if (!isBoardKind(file.board)) return invalid
  const board = boardOf(file.board)
  const title = text(file.title, LIMITS.title)
  const { description, cardVersion } = file
  if (!title || typeof description !== 'string' || description.length > LIMITS.description) {
    return invalid
  }
  if (typeof cardVersion !== 'string' || cardVersion.length > LIMITS.cardVersion) return invalid
  if (!Array.isArray(file.participants) || !Array.isArray(file.notes)) return invalid
  const { groundRules } = file
  if (
    !Array.isArray(groundRules) ||
    groundRules.length > LIMITS.groundRules ||
    !groundRules.every((rule) => text(rule, LIMITS.groundRule) !== null)
  ) {
    return invalid
  }
  if (file.notes.length > LIMITS.notesPerMap) return { ok: false, problem: 'too-big' }
  const participants: Participant[] = []
  for (const entry of file.participants) {
    const participant = parseParticipant(entry)
    if (!participant) return invalid
    participants.push(participant)
  }
  const count = file.notes.length
  const notes: MapFileNote[] = []
  const perColumn = new Map<string, number>()
  for (const note of file.notes as unknown[]) {
    if (!isObject(note)) return invalid
    if (isColumnId(note.column)) perColumn.set(note.column, (perColumn.get(note.column) ?? 0) + 1)
    // Too long is the one problem a person can fix in the file: say which note it is.
    if (
      isColumnId(note.column) &&
      typeof note.text === 'string' &&
      note.text.length > LIMITS.noteText
    ) {
      const start = note.text.replace(/\s+/g, ' ').trim().slice(0, 40)
      return {
        ok: false,
        problem: 'note-too-long',
        note: { column: note.column, number: perColumn.get(note.column)!, start },
      }
    }
    const noteText = text(note.text, LIMITS.noteText)
    const proxyBy = note.proxyBy === null ? null : parseParticipant(note.proxyBy)
    const author = note.author === null ? null : parseParticipant(note.author, proxyBy !== null)
    const { column, serves, heldBy, owner } = note
    if (!isColumnId(column) || !columnOf(board, column) || !noteText) return invalid
    if ((note.author !== null && !author) || (note.proxyBy !== null && !proxyBy)) return invalid
    if (
      !Array.isArray(serves) ||
      !serves.every((i) => Number.isInteger(i) && i >= 0 && i < count)
    ) {
      return invalid
    }
    if (!Array.isArray(heldBy) || !heldBy.every((id) => isId(id))) return invalid
    if (owner !== null && !isObject(owner)) return invalid
    const followUp = note.followUp === null ? null : fileFollowUp(note.followUp)
    if (followUp === undefined) return invalid
    const power = note.power === null ? null : filePower(note.power)
    if (power === undefined) return invalid
    if (note.layer !== null && !(LAYERS as readonly unknown[]).includes(note.layer)) return invalid
    // Files from before the task sorting have no `onMap`: a task not taken anywhere.
    const onMap: unknown = note.onMap ?? null
    if (
      onMap !== null &&
      !(typeof onMap === 'number' && Number.isInteger(onMap) && onMap >= 0 && onMap < count)
    ) {
      return invalid
    }
    notes.push({
      column,
      text: noteText,
      author,
      proxyBy,
      owner:
        columnOf(board, column)!.owners && owner
          ? parseOwner({ ownerKind: owner.kind, ownerName: owner.name, ownerWhen: owner.when })
          : null,
      followUp: columnOf(board, column)!.owners ? followUp : null,
      power: columnOf(board, column)!.owners ? power : null,
      layer: columnOf(board, column)!.layers ? (note.layer as Layer | null) : null,
      onMap: sheetOf(board, column) !== board ? (onMap as number | null) : null,
      agreed: note.agreed === true,
      serves: serves as number[],
      heldBy: heldBy as string[],
    })
  }
  return {
    ok: true,
    file: {
      format: MAP_FILE_FORMAT,
      version: MAP_FILE_VERSION,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : '',
      board: board.kind as BoardKind,
      title,
      description,
      cardVersion,
      participants,
      notes,
      groundRules: groundRules as string[],
    },
  }
}

/** A follow-up exactly as the map stores it; undefined when anything in it is off. */
function fileFollowUp(raw: unknown): FollowUp | undefined {
  if (!isObject(raw)) return undefined
  const { status, lookAgain, evaluation } = raw
  if (!isActionStatus(status)) return undefined
  if (lookAgain !== '' && !isCalendarDate(lookAgain)) return undefined
  if (typeof evaluation !== 'string' || evaluation.length > LIMITS.evaluation) return undefined
  return { status, lookAgain: lookAgain as string, evaluation }
}

/** An action's power from a file: each of the three questions a holder or null, nothing else. */
function filePower(raw: unknown): Power | undefined {
  if (!isObject(raw)) return undefined
  const keys = Object.keys(raw)
  if (keys.length !== POWER_QUESTIONS.length || !POWER_QUESTIONS.every((q) => keys.includes(q))) {
    return undefined
  }
  const valid = (value: unknown) =>
    value === null || (POWER_HOLDERS as readonly unknown[]).includes(value)
  return POWER_QUESTIONS.every((question) => valid(raw[question])) ? parsePower(raw) : undefined
}

/** Reads a map file: load, migrate to the current version, then validate every field. */
export function parseMapFile(source: string): ParsedMapFile {
  if (source.length > MAX_MAP_FILE_CHARS) return { ok: false, problem: 'too-big' }
  let raw: unknown
  try {
    raw = JSON.parse(source)
  } catch {
    return { ok: false, problem: 'not-json' }
  }
  if (!isObject(raw) || raw.format !== MAP_FILE_FORMAT) return { ok: false, problem: 'not-a-map' }
  if (typeof raw.version !== 'number' || raw.version > MAP_FILE_VERSION) {
    return { ok: false, problem: 'newer-version' }
  }
  const migrated = migrateMapFile(raw)
  return migrated ? validateMapFile(migrated) : { ok: false, problem: 'invalid' }
}

/** Text of the notes in one transaction of an import: one websocket frame each, well under 1 MB. */
const IMPORT_CHUNK_CHARS = 200_000

/**
 * Fills a new, empty map from a parsed file, and marks the shared notes in its facilitation
 * document. Notes get new ids. The notes go in several transactions of at most about 200,000
 * characters each, so that a connected device sends the file in parts the server takes (a map
 * of 2,000 long notes is more than one frame may hold).
 */
export function importMapFile(
  doc: MapDoc,
  control: ControlDoc,
  file: MapFile,
  importer: Participant,
  now = Date.now(),
): NoteId[] {
  const agreed: NoteId[] = []
  const ids: NoteId[] = file.notes.map(() => newNoteId())
  // Each note's place in its column, as in the file: the anonymous ones are written first.
  const seen = new Map<string, number>()
  const places = file.notes.map((note) => {
    const place = seen.get(note.column) ?? 0
    seen.set(note.column, place + 1)
    return place
  })
  transact(doc, () => {
    createMap(
      doc,
      {
        title: file.title,
        description: file.description,
        cardVersion: file.cardVersion,
        board: file.board,
      },
      now,
    )
    for (const participant of file.participants) joinMap(doc, participant)
    file.groundRules.forEach((rule, i) => addGroundRule(doc, rule, now + i))
  })
  let start = 0
  while (start < file.notes.length) {
    let end = start
    let chars = 0
    while (end < file.notes.length && (end === start || chars < IMPORT_CHUNK_CHARS)) {
      chars += file.notes[end]!.text.length
      end++
    }
    const part = file.notes
      .slice(start, end)
      .map((note, i) => ({ note, id: ids[start + i]!, index: places[start + i]! }))
    const write = ({ note, id, index }: (typeof part)[number]) =>
      addNote(
        doc,
        {
          id,
          column: note.column,
          text: note.text,
          author: note.author ?? importer,
          anonymous: note.author === null,
          proxyBy: note.proxyBy ?? undefined,
          owner: note.owner ?? undefined,
          index,
        },
        now,
      )
    // A note without an author is written as by nobody, each in a change of its own (see
    // `writeDetached`); the signed ones, and what the importer adds to any note, together.
    for (const entry of part) if (entry.note.author === null) write(entry)
    transact(doc, () => {
      for (const entry of part) {
        const { note, id } = entry
        if (note.author !== null) write(entry)
        if (note.followUp) setFollowUp(doc, id, note.followUp)
        if (note.power) setPower(doc, id, note.power)
        if (note.layer) setLayer(doc, id, note.layer)
        if (note.agreed) agreed.push(id)
      }
    })
    start = end
  }
  // Links that do not join neighbouring columns are stored but not shown, as on the board.
  transact(doc, () => {
    file.notes.forEach((note, i) => {
      for (const served of note.serves) setLink(doc, ids[i]!, ids[served]!, true)
      if (note.onMap !== null) setOnMap(doc, ids[i]!, ids[note.onMap]!)
      for (const holder of note.heldBy) {
        setHolds(doc, ids[i]!, holder as ParticipantId, true)
      }
    })
  })
  transact(control, () => {
    for (const id of agreed) setAgreed(control, id, true)
  })
  return agreed
}
