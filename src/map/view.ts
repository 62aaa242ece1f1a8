import * as Y from 'yjs'
import { allColumnIds, boardOf, stepOf, type Board } from './board'
import {
  createMapDoc,
  metaOf,
  notesOf,
  participantsOf,
  plainEntries,
  type ChangedTypes,
  type MapDoc,
} from './doc'
import {
  indexLinks,
  looseEnds,
  numberNotes,
  readLinks,
  type Link,
  type LinkIndex,
  type LooseEnds,
} from './threads'
import { labelNotes } from './labels'
import { compareDutch } from './dutchOrder'
import { readPulse, type PulseEntry } from './pulse'
import { readSignals, type Signal } from './signals'
import { readGroundRules, type GroundRule } from './groundRules'
import { readInfluence, type InfluenceAnswer } from './influence'
import { readVoices, type Voices } from './voices'
import {
  compareNotes,
  parseMeta,
  parseNote,
  parseParticipant,
  type ColumnId,
  type MapMeta,
  type Note,
  type NoteId,
  type Participant,
} from './schema'

/** Everything the UI shows of a map: plain, frozen, and safe to hand to React. */
export interface MapView {
  readonly meta: MapMeta
  /** The map's kind of board (`meta.board`): its columns and what each does. */
  readonly board: Board
  /** Each of the board's columns and its working forms' columns, its notes in order. */
  readonly columns: Readonly<Record<ColumnId, readonly Note[]>>
  readonly notes: ReadonlyMap<NoteId, Note>
  /** Everyone who ever joined this map, by name. */
  readonly participants: readonly Participant[]
  /** Golden-thread links that hold now (see threads.ts). */
  readonly links: readonly Link[]
  readonly linkIndex: LinkIndex
  /** Each note's number in its column (the 2 of "R2"), in the group's order. */
  readonly numbers: ReadonlyMap<NoteId, number>
  /** Each note's label as shown ("W2"), kept from when it was written (see `labels.ts`). */
  readonly labels: ReadonlyMap<NoteId, string>
  /** Values no action leads to yet, actions that serve no value. */
  readonly loose: LooseEnds
  /** Edits, all dots and value holders, for the balance of voices. */
  readonly voices: Voices
  /** "Hoofd, hart, buik" entries, unordered and without who. */
  readonly pulse: readonly PulseEntry[]
  /** Signals given without a name ("Verstaanbaar Nederlands, graag"), oldest first. */
  readonly signals: readonly Signal[]
  /** The group's own ground rules, in the order they were written. */
  readonly groundRules: readonly GroundRule[]
  /** Answers to "Wie heeft hier invloed?", with their side only. */
  readonly influence: readonly InfluenceAnswer[]
  /** Entries in the document that failed validation and are not shown. */
  readonly skipped: number
}

function shallowEqual(a: object, b: object): boolean {
  const aRecord = a as Record<string, unknown>
  const bRecord = b as Record<string, unknown>
  const keys = Object.keys(aRecord)
  if (keys.length !== Object.keys(bRecord).length) return false
  return keys.every((key) => {
    const x = aRecord[key]
    const y = bRecord[key]
    if (x === y) return true
    return typeof x === 'object' && typeof y === 'object' && x !== null && y !== null
      ? shallowEqual(x, y)
      : false
  })
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  return a !== undefined && a.length === b.length && a.every((item, i) => item === b[i])
}

/** A small list of plain entries as read now, or the one before when it holds the same. */
function sameOrNew<T>(before: readonly T[] | undefined, read: readonly T[]): readonly T[] {
  return before && JSON.stringify(before) === JSON.stringify(read) ? before : read
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null && !Object.isFrozen(inner)) deepFreeze(inner)
  }
  return Object.freeze(value)
}

/**
 * Each note's entries as last read, by the shared map that holds them, for the board it was read
 * on (or null where they did not pass): a change to one note of a full map then reads that note,
 * not all of them.
 */
const notesRead = new WeakMap<Y.Map<unknown>, { board: Board; id: string; note: Note | null }>()

/**
 * Reads the document into a frozen view. Parts equal to `previous` keep their identity, so React
 * re-renders only the notes and columns that changed. Invalid entries are skipped, never thrown.
 * `changed`, the shared types a transaction changed since `previous`, lets the notes outside it
 * be taken as they were read; without it every note is read again.
 */
export function viewMap(doc: MapDoc, previous?: MapView, changed?: ChangedTypes): MapView {
  const meta = parseMeta(plainEntries(metaOf(doc)))
  const board = boardOf(meta.board)
  // The board's columns and its working forms': a task being sorted is a note of the map too.
  const ids = allColumnIds(board)
  let skipped = 0
  const notes = new Map<NoteId, Note>()
  notesOf(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) {
      skipped++
      return
    }
    const read = notesRead.get(fields)
    const reuse =
      changed !== undefined && read?.board === board && read.id === id && !changed.has(fields)
    const parsed = reuse ? read.note : parseNote(id, plainEntries(fields), board)
    const before = parsed && previous?.notes.get(parsed.id)
    const note =
      parsed &&
      (before && (before === parsed || shallowEqual(before, parsed)) ? before : deepFreeze(parsed))
    if (!reuse) notesRead.set(fields, { board, id, note })
    if (!note) {
      skipped++
      return
    }
    notes.set(note.id, note)
  })

  const columns = {} as Record<ColumnId, readonly Note[]>
  const grouped = {} as Record<ColumnId, Note[]>
  for (const column of ids) grouped[column] = []
  for (const note of notes.values()) grouped[note.column].push(note)
  for (const column of ids) {
    const sorted = grouped[column].sort(compareNotes)
    const before = previous?.columns[column]
    columns[column] = before && sameList(before, sorted) ? before : Object.freeze(sorted)
  }

  const participants: Participant[] = []
  participantsOf(doc).forEach((raw) => {
    const parsed = parseParticipant(raw)
    if (parsed) participants.push(parsed)
    else skipped++
  })
  participants.sort((a, b) => compareDutch(a.name, b.name))
  const participantList =
    previous && sameShallowList(previous.participants, participants)
      ? previous.participants
      : deepFreeze(participants)

  const readLinkList = readLinks(doc, notes, board)
  const links = previous && sameLinks(previous.links, readLinkList) ? previous.links : readLinkList
  const sameColumns =
    previous?.board === board && ids.every((c) => previous.columns[c] === columns[c])
  const numbers = sameColumns ? previous.numbers : numberNotes(columns, board)
  const labels = sameColumns ? previous.labels : labelNotes(board, columns)
  const linkIndex =
    previous?.links === links && previous.numbers === numbers
      ? previous.linkIndex
      : indexLinks(links, numbers, (id) => stepOf(board, notes.get(id)!.column))
  const loose =
    previous?.linkIndex === linkIndex ? previous.loose : looseEnds(columns, linkIndex, board)

  const readVoiceList = readVoices(doc)
  const voices =
    previous && voicesKey(previous.voices) === voicesKey(readVoiceList)
      ? previous.voices
      : readVoiceList
  const pulse = sameOrNew(previous?.pulse, readPulse(doc))
  const signals = sameOrNew(previous?.signals, readSignals(doc))
  const groundRules = sameOrNew(previous?.groundRules, readGroundRules(doc))
  const influence = sameOrNew(previous?.influence, readInfluence(doc))

  return Object.freeze({
    meta: previous && shallowEqual(previous.meta, meta) ? previous.meta : Object.freeze(meta),
    board,
    columns: Object.freeze(columns),
    notes,
    participants: participantList,
    links,
    linkIndex,
    numbers,
    labels,
    loose,
    voices,
    pulse,
    signals,
    groundRules,
    influence,
    skipped,
  })
}

function voicesKey(voices: Voices): string {
  return JSON.stringify([voices.edits, voices.votes, [...voices.holders]])
}

function sameLinks(a: readonly Link[], b: readonly Link[]): boolean {
  return (
    a.length === b.length && a.every((link, i) => link.from === b[i]!.from && link.to === b[i]!.to)
  )
}

function sameShallowList<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => shallowEqual(item, b[i]!))
}

/** The notes that say who does them and when (the actions), in the board's fill order. */
export function actionsOf(view: MapView): readonly Note[] {
  return view.board.columns.flatMap((column) => (column.owners ? view.columns[column.id] : []))
}

/** The view of an empty map, before anything has loaded. */
export const EMPTY_VIEW: MapView = viewMap(createMapDoc())
