import type { ControlDoc } from './control'
import { setAgreed } from './control'
import type { MapDoc } from './doc'
import { newNoteId } from './ids'
import { addNote, createMap, joinMap } from './ops'
import { setLink } from './threads'
import { setHolds } from './voices'
import {
  COLUMN_IDS,
  isColumnId,
  isId,
  LIMITS,
  parseOwner,
  parseParticipant,
  SCHEMA_VERSION,
  type ActionOwner,
  type ColumnId,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './schema'
import type { MapView } from './view'

export const MAP_FILE_FORMAT = 'partnerschapskaart'
/** Bump when the file layout changes; older files are migrated in `parseMapFile`. */
export const MAP_FILE_VERSION = 1

export interface MapFileNote {
  readonly column: ColumnId
  readonly text: string
  /** Null for a note revealed anonymously. */
  readonly author: Participant | null
  /** For a proxy note: who wrote it down (files from before proxy notes have none). */
  readonly proxyBy?: Participant | null
  readonly owner: ActionOwner | null
  /** Marked as shared by the group ("gedeeld"). */
  readonly agreed: boolean
  /** The golden thread: places in `notes` of the notes this one serves (none in older files). */
  readonly serves: readonly number[]
  /** For a value: ids of the participants who said "my value too" (none in older files). */
  readonly heldBy?: readonly string[]
}

/** A whole map as a file: everything needed to make the same map again, nothing about devices. */
export interface MapFile {
  readonly format: typeof MAP_FILE_FORMAT
  readonly version: number
  readonly schemaVersion: number
  readonly exportedAt: string
  readonly title: string
  readonly description: string
  /** The card's "versie"; files from before it existed have none. */
  readonly cardVersion: string
  readonly participants: readonly Participant[]
  /** Notes in the order of the card's fill order, each column in its own order. */
  readonly notes: readonly MapFileNote[]
}

/** The map as a file; notes keep their column order. Pure: no document is touched. */
export function toMapFile(view: MapView, agreed: ReadonlySet<string>, now = new Date()): MapFile {
  return {
    format: MAP_FILE_FORMAT,
    version: MAP_FILE_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    title: view.meta.title,
    description: view.meta.description,
    cardVersion: view.meta.cardVersion,
    participants: view.participants,
    notes: (() => {
      const ordered = COLUMN_IDS.flatMap((column) => view.columns[column])
      const place = new Map(ordered.map((note, i) => [note.id, i]))
      return ordered.map((note) => ({
        column: note.column,
        text: note.text,
        author: note.author,
        proxyBy: note.proxyBy,
        owner: note.owner,
        agreed: agreed.has(note.id),
        serves: (view.linkIndex.serves.get(note.id) ?? []).map((id) => place.get(id)!),
        heldBy: view.voices.holders.get(note.id) ?? [],
      }))
    })(),
  }
}

export type MapFileProblem = 'not-json' | 'not-a-map' | 'newer-version' | 'invalid' | 'too-big'

export type ParsedMapFile = { ok: true; file: MapFile } | { ok: false; problem: MapFileProblem }

/** Largest import accepted, in characters: generous for 2,000 notes of 1,000 characters. */
export const MAX_MAP_FILE_CHARS = 4_000_000

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max ? value : null
}

/**
 * Reads a map file, checking every field. Anything broken or foreign is refused whole with the
 * reason, so an import never half-happens.
 */
export function parseMapFile(source: string): ParsedMapFile {
  if (source.length > MAX_MAP_FILE_CHARS) return { ok: false, problem: 'too-big' }
  let raw: unknown
  try {
    raw = JSON.parse(source)
  } catch {
    return { ok: false, problem: 'not-json' }
  }
  const file = raw as Record<string, unknown>
  if (typeof file !== 'object' || file === null || file.format !== MAP_FILE_FORMAT) {
    return { ok: false, problem: 'not-a-map' }
  }
  if (typeof file.version !== 'number' || file.version > MAP_FILE_VERSION) {
    return { ok: false, problem: 'newer-version' }
  }
  const title = text(file.title, LIMITS.title)
  const description = file.description ?? ''
  if (!title || typeof description !== 'string' || description.length > LIMITS.description) {
    return { ok: false, problem: 'invalid' }
  }
  const cardVersion = file.cardVersion ?? ''
  if (typeof cardVersion !== 'string' || cardVersion.length > LIMITS.cardVersion) {
    return { ok: false, problem: 'invalid' }
  }
  if (!Array.isArray(file.participants) || !Array.isArray(file.notes)) {
    return { ok: false, problem: 'invalid' }
  }
  if (file.notes.length > LIMITS.notesPerMap) return { ok: false, problem: 'too-big' }
  const participants: Participant[] = []
  for (const entry of file.participants) {
    const participant = parseParticipant(entry)
    if (!participant) return { ok: false, problem: 'invalid' }
    participants.push(participant)
  }
  const notes: MapFileNote[] = []
  for (const entry of file.notes as unknown[]) {
    const note = entry as Record<string, unknown>
    if (typeof note !== 'object' || note === null) return { ok: false, problem: 'invalid' }
    const noteText = text(note.text, LIMITS.noteText)
    const hasProxy = note.proxyBy !== undefined && note.proxyBy !== null
    const proxyBy = hasProxy ? parseParticipant(note.proxyBy) : null
    const author = note.author === null ? null : parseParticipant(note.author, proxyBy !== null)
    if (
      !isColumnId(note.column) ||
      !noteText ||
      (note.author !== null && !author) ||
      (hasProxy && !proxyBy)
    ) {
      return { ok: false, problem: 'invalid' }
    }
    const owner = note.owner as Record<string, unknown> | null | undefined
    const serves = note.serves ?? []
    if (
      !Array.isArray(serves) ||
      !serves.every((i) => Number.isInteger(i) && i >= 0 && i < (file.notes as unknown[]).length)
    ) {
      return { ok: false, problem: 'invalid' }
    }
    const heldBy = note.heldBy ?? []
    if (!Array.isArray(heldBy) || !heldBy.every((id) => isId(id))) {
      return { ok: false, problem: 'invalid' }
    }
    notes.push({
      column: note.column,
      text: noteText,
      author,
      proxyBy,
      owner:
        note.column === 'acties' && owner
          ? parseOwner({ ownerKind: owner.kind, ownerName: owner.name, ownerWhen: owner.when })
          : null,
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
      title,
      description,
      cardVersion,
      participants,
      notes,
    },
  }
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
  const ids: NoteId[] = []
  doc.transact(() => {
    createMap(
      doc,
      { title: file.title, description: file.description, cardVersion: file.cardVersion },
      now,
    )
    for (const participant of file.participants) joinMap(doc, participant)
  })
  let start = 0
  while (start < file.notes.length) {
    let end = start
    let chars = 0
    while (end < file.notes.length && (end === start || chars < IMPORT_CHUNK_CHARS)) {
      chars += file.notes[end]!.text.length
      end++
    }
    doc.transact(() => {
      for (const note of file.notes.slice(start, end)) {
        const id = addNote(
          doc,
          {
            id: newNoteId(),
            column: note.column,
            text: note.text,
            author: note.author ?? importer,
            anonymous: note.author === null,
            proxyBy: note.proxyBy ?? undefined,
            owner: note.owner ?? undefined,
          },
          now,
        )
        ids.push(id)
        if (note.agreed) agreed.push(id)
      }
    })
    start = end
  }
  // Links that do not join neighbouring columns are stored but not shown, as on the board.
  doc.transact(() => {
    file.notes.forEach((note, i) => {
      for (const served of note.serves) setLink(doc, ids[i]!, ids[served]!, true)
      for (const holder of note.heldBy ?? []) {
        setHolds(doc, ids[i]!, holder as ParticipantId, true)
      }
    })
  })
  control.transact(() => {
    for (const id of agreed) setAgreed(control, id, true)
  })
  return agreed
}
