import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import {
  metaOf,
  notesOf,
  participantsOf,
  plainEntries,
  transact,
  writeDetached,
  type MapDoc,
} from './doc'
import {
  boardOf,
  carriesOwners,
  columnOf,
  DEFAULT_BOARD,
  type Board,
  type BoardKind,
} from './board'
import {
  compareNotes,
  isColumnId,
  isOrderKey,
  LIMITS,
  parseNote,
  parseParticipant,
  SCHEMA_VERSION,
  type ActionOwner,
  type ColumnId,
  type Note,
  type NoteId,
  type Participant,
  type ParticipantId,
} from './schema'
import { recordEdit } from './voices'
import { nextLabel } from './labels'

/** Every label stored in the map now (a note added in the same transaction included). */
function storedLabels(doc: MapDoc): unknown[] {
  const labels: unknown[] = []
  notesOf(doc).forEach((fields) => {
    if (fields instanceof Y.Map) labels.push(fields.get('label'))
  })
  return labels
}

/** Why an operation refused its input; the UI turns the code into a message. */
export type MapErrorCode =
  | 'title-required'
  | 'title-too-long'
  | 'description-too-long'
  | 'version-too-long'
  | 'text-required'
  | 'text-too-long'
  | 'too-many-notes'
  | 'unknown-note'
  | 'invalid-participant'
  | 'invalid-column'
  | 'not-an-action'
  | 'not-a-condition'
  | 'date-invalid'

export class MapError extends Error {
  constructor(readonly code: MapErrorCode) {
    super(code)
    this.name = 'MapError'
  }
}

function check(condition: boolean, code: MapErrorCode): asserts condition {
  if (!condition) throw new MapError(code)
}

function checkTitle(title: string): string {
  const trimmed = title.trim()
  check(trimmed.length > 0, 'title-required')
  check(trimmed.length <= LIMITS.title, 'title-too-long')
  return trimmed
}

function checkDescription(description: string): string {
  const trimmed = description.trim()
  check(trimmed.length <= LIMITS.description, 'description-too-long')
  return trimmed
}

function checkCardVersion(cardVersion: string): string {
  const trimmed = cardVersion.trim()
  check(trimmed.length <= LIMITS.cardVersion, 'version-too-long')
  return trimmed
}

function checkText(text: string): string {
  const trimmed = text.trim()
  check(trimmed.length > 0, 'text-required')
  check(trimmed.length <= LIMITS.noteText, 'text-too-long')
  return trimmed
}

function checkParticipant(participant: Participant): Participant {
  const parsed = parseParticipant(participant)
  check(parsed !== null, 'invalid-participant')
  return parsed
}

/** The map's kind of board, as its `meta.board` says (the partnership card when it names none). */
export function boardOfMap(doc: MapDoc): Board {
  return boardOf(metaOf(doc).get('board'))
}

/** A column of this map's board, or a MapError. */
function checkColumn(board: Board, column: ColumnId): void {
  check(isColumnId(column) && columnOf(board, column) !== undefined, 'invalid-column')
}

/** Valid notes of a column in display order, read straight from the document. */
function columnNotes(doc: MapDoc, column: ColumnId, except?: NoteId): Note[] {
  const notes: Note[] = []
  const board = boardOfMap(doc)
  notesOf(doc).forEach((fields, id) => {
    if (id === except || !(fields instanceof Y.Map)) return
    const note = parseNote(id, plainEntries(fields), board)
    if (note && note.column === column) notes.push(note)
  })
  return notes.sort(compareNotes)
}

/** Keys past this length make the column be spaced out anew, long before the schema's limit. */
const LONG_ORDER_KEY = 64

/**
 * An order key that sorts between the notes at `index - 1` and `index`. When two peers placed
 * notes at the same spot at once their keys can be equal, a key can grow long after many
 * insertions at one spot, or a peer may have written a key that is no key at all: then the
 * column is spaced out anew.
 */
function orderKeyAt(doc: MapDoc, column: ColumnId, index: number, except?: NoteId): string {
  const notes = columnNotes(doc, column, except)
  const at = Math.max(0, Math.min(index, notes.length))
  const before = notes[at - 1]?.order ?? null
  const after = notes[at]?.order ?? null
  const valid = (key: string | null) => key === null || isOrderKey(key)
  if (valid(before) && valid(after) && (before === null || after === null || before < after)) {
    const key = generateKeyBetween(before, after)
    if (key.length <= LONG_ORDER_KEY) return key
  }
  const fresh = generateNKeysBetween(null, null, notes.length + 1)
  notes.forEach((note, i) => {
    const key = fresh[i < at ? i : i + 1]!
    notesOf(doc).get(note.id)?.set('pos', { column, order: key })
  })
  return fresh[at]!
}

function setOwner(fields: Y.Map<unknown>, owner: Partial<ActionOwner>): void {
  if (owner.kind !== undefined) fields.set('ownerKind', owner.kind)
  if (owner.name !== undefined)
    fields.set('ownerName', owner.name.trim().slice(0, LIMITS.ownerName))
  if (owner.when !== undefined)
    fields.set('ownerWhen', owner.when.trim().slice(0, LIMITS.ownerWhen))
}

/** A map's own details; the card version is left unchanged when it is not given. */
export interface MapDetails {
  title: string
  description: string
  cardVersion?: string
}

/** A new map's details, and its kind of board (the partnership card unless given). */
export interface NewMap extends MapDetails {
  board?: BoardKind
}

/**
 * Writes the title, description, board and schema version of a new map; a second call changes
 * nothing.
 */
export function createMap(doc: MapDoc, input: NewMap, now = Date.now()): void {
  const title = checkTitle(input.title)
  const description = checkDescription(input.description)
  const cardVersion = checkCardVersion(input.cardVersion ?? '')
  transact(doc, () => {
    const meta = metaOf(doc)
    if (meta.has('createdAt')) return
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('board', input.board ?? DEFAULT_BOARD.kind)
    meta.set('createdAt', now)
    meta.set('title', title)
    meta.set('description', description)
    if (cardVersion) meta.set('cardVersion', cardVersion)
  })
}

/** Changes the title, description and card version; each stays within its limit. */
export function updateMapDetails(doc: MapDoc, input: MapDetails): void {
  const title = checkTitle(input.title)
  const description = checkDescription(input.description)
  const cardVersion = input.cardVersion === undefined ? null : checkCardVersion(input.cardVersion)
  transact(doc, () => {
    const meta = metaOf(doc)
    // Only fields that change are written, so two people editing different fields both win.
    if (meta.get('title') !== title) meta.set('title', title)
    if (meta.get('description') !== description) meta.set('description', description)
    if (cardVersion !== null && (meta.get('cardVersion') ?? '') !== cardVersion) {
      meta.set('cardVersion', cardVersion)
    }
  })
}

/** Records who is taking part; the same id updates its name and role. */
export function joinMap(doc: MapDoc, participant: Participant): void {
  const valid = checkParticipant(participant)
  const known = parseParticipant(participantsOf(doc).get(valid.id))
  // Opening the map again writes nothing when nothing about the person changed.
  if (known && (Object.keys(valid) as (keyof Participant)[]).every((k) => known[k] === valid[k])) {
    return
  }
  transact(doc, () => {
    participantsOf(doc).set(valid.id, { ...valid })
  })
}

export interface NewNote {
  id: NoteId
  column: ColumnId
  text: string
  author: Participant
  /** Store no author at all (an anonymous reveal of private drafts). */
  anonymous?: boolean
  /**
   * A proxy note: this person wrote it down for someone without a device, who is the `author`,
   * by name or (name empty) only by role.
   */
  proxyBy?: Participant
  /** Position in the column; at the end when left out. */
  index?: number
  owner?: Partial<ActionOwner>
}

/**
 * Adds a note with its author's snapshot (or, anonymous, with none); an action gets an owner kind
 * ("wij" unless given).
 */
export function addNote(doc: MapDoc, input: NewNote, now = Date.now()): NoteId {
  const board = boardOfMap(doc)
  checkColumn(board, input.column)
  const text = checkText(input.text)
  const proxyBy = input.proxyBy ? checkParticipant(input.proxyBy) : null
  const author = parseParticipant(input.author, proxyBy !== null)
  check(author !== null, 'invalid-participant')
  check(notesOf(doc).size < LIMITS.notesPerMap, 'too-many-notes')
  const index = input.index ?? Number.MAX_SAFE_INTEGER
  // Read before anything is written: an anonymous note's label says nothing about its writer.
  const label = nextLabel(board, input.column, storedLabels(doc))
  const fill = (fields: Y.Map<unknown>, order: string): void => {
    fields.set('pos', { column: input.column, order })
    fields.set('label', label)
    fields.set('text', text)
    if (input.anonymous) fields.set('anonymous', true)
    else fields.set('author', { ...author })
    if (proxyBy && !input.anonymous) fields.set('proxyBy', { ...proxyBy })
    fields.set('createdAt', now)
    fields.set('updatedAt', now)
    if (carriesOwners(board, input.column)) {
      setOwner(fields, { kind: 'wij', ...input.owner })
      fields.set('status', 'open')
    }
  }
  if (input.anonymous) {
    // Its place is worked out here (spacing the column anew, if needed, as an edit of its own);
    // the note itself is written by nobody this device can be known by.
    let order = ''
    transact(doc, () => {
      order = orderKeyAt(doc, input.column, index)
    })
    writeDetached(doc, (scratch) => {
      scratch.transact(() => {
        const fields = new Y.Map<unknown>()
        scratch.getMap('notes').set(input.id, fields)
        fill(fields, order)
      })
    })
    return input.id
  }
  transact(doc, () => {
    const fields = new Y.Map<unknown>()
    fill(fields, orderKeyAt(doc, input.column, index))
    notesOf(doc).set(input.id, fields)
  })
  return input.id
}

/**
 * Adds several notes: the signed ones in one transaction, each anonymous one in its own, so no
 * update carries an anonymous note together with an edit of this device's own.
 */
export function addNotes(doc: MapDoc, inputs: readonly NewNote[], now = Date.now()): NoteId[] {
  const ids: NoteId[] = []
  for (const input of inputs) if (input.anonymous) ids.push(addNote(doc, input, now))
  transact(doc, () => {
    for (const input of inputs) if (!input.anonymous) ids.push(addNote(doc, input, now))
  })
  return ids
}

/** What an edit of a note changes; `by` counts it for the balance of voices in the same write. */
export interface NoteChanges {
  text?: string
  owner?: Partial<ActionOwner>
  by?: ParticipantId
}

/** Changes a note's text and, for an action, its owner; untouched fields keep concurrent edits. */
export function editNote(doc: MapDoc, id: NoteId, changes: NoteChanges, now = Date.now()): void {
  const fields = notesOf(doc).get(id)
  check(fields instanceof Y.Map, 'unknown-note')
  const text = changes.text === undefined ? undefined : checkText(changes.text)
  const note = changes.by ? parseNote(id, plainEntries(fields), boardOfMap(doc)) : null
  transact(doc, () => {
    if (text !== undefined && text !== fields.get('text')) fields.set('text', text)
    if (changes.owner) setOwner(fields, changes.owner)
    fields.set('updatedAt', now)
    // Counted for the balance of voices per step; never shown per person.
    if (changes.by && note) recordEdit(doc, changes.by, note.column)
  })
}

/** Removes a note for everyone. Deleting a note that is already gone does nothing. */
export function deleteNote(doc: MapDoc, id: NoteId): void {
  transact(doc, () => {
    notesOf(doc).delete(id)
  })
}

/**
 * Moves a note to `index` in `column` (counted without the note itself). Column and order are
 * written as one value, so two concurrent moves never mix one's column with the other's order.
 */
export function moveNote(
  doc: MapDoc,
  id: NoteId,
  target: { column: ColumnId; index: number },
  now = Date.now(),
): void {
  const board = boardOfMap(doc)
  checkColumn(board, target.column)
  const fields = notesOf(doc).get(id)
  check(fields instanceof Y.Map, 'unknown-note')
  transact(doc, () => {
    const order = orderKeyAt(doc, target.column, target.index, id)
    fields.set('pos', { column: target.column, order })
    if (carriesOwners(board, target.column)) {
      if (fields.get('ownerKind') === undefined) setOwner(fields, { kind: 'wij' })
      if (fields.get('status') === undefined) fields.set('status', 'open')
    }
    fields.set('updatedAt', now)
  })
}

/**
 * Edits a note and moves it to `index` in `column` in one transaction, so peers never see the
 * edit without the move; everything is checked first, so a refusal changes nothing.
 */
export function editAndMoveNote(
  doc: MapDoc,
  id: NoteId,
  changes: NoteChanges,
  target: { column: ColumnId; index: number },
  now = Date.now(),
): void {
  checkColumn(boardOfMap(doc), target.column)
  check(notesOf(doc).get(id) instanceof Y.Map, 'unknown-note')
  if (changes.text !== undefined) checkText(changes.text)
  transact(doc, () => {
    editNote(doc, id, changes, now)
    moveNote(doc, id, target, now)
  })
}
