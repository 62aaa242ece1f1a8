import { generateKeyBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import type { ControlDoc, MapDoc } from '../../src/map'

/**
 * Writes that fit the map's schema, for stock clients in server tests: the server refuses
 * anything else (a root it does not know, a field it does not know, a value of the wrong kind).
 * They write what our client writes, without going through src/map.
 */

/** A person as the client stores them. */
/**
 * A plain Y.Doc as the handle the map's operations take. Tests that play the server hold the
 * Yjs document itself; the app gets its documents only from `createMapDoc`.
 */
export function handle(doc: Y.Doc): MapDoc & ControlDoc {
  return doc as unknown as MapDoc & ControlDoc
}

export const TEST_AUTHOR = {
  id: 'testAuthor01',
  name: 'Test',
  role: 'vrijwilliger',
  roleLabel: '',
  side: 'informal',
} as const

let sequence = 0

/** A fresh id the schema accepts, with a readable part for debugging. */
export function testId(name = 'n'): string {
  sequence++
  return `${name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40)}-${String(sequence).padStart(6, '0')}`
}

export function notesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('notes')
}

function orderOf(note: Y.Map<unknown>): string | null {
  return (note.get('pos') as { order?: string } | undefined)?.order ?? null
}

/** Adds notes at the end of the values column, in one transaction. Returns their ids. */
export function pushNotes(doc: Y.Doc, ...texts: string[]): string[] {
  const ids: string[] = []
  doc.transact(() => {
    let last: string | null = null
    notesOf(doc).forEach((note) => {
      const order = orderOf(note)
      if (order !== null && (last === null || order > last)) last = order
    })
    for (const text of texts) {
      const id = testId('note')
      const order: string = generateKeyBetween(last, null)
      last = order
      const note = new Y.Map<unknown>()
      note.set('pos', { column: 'waarden', order })
      note.set('text', text)
      note.set('author', { ...TEST_AUTHOR })
      note.set('createdAt', Date.now())
      note.set('updatedAt', Date.now())
      notesOf(doc).set(id, note)
      ids.push(id)
    }
  })
  return ids
}

/** The texts of the notes in their order, as every peer sorts them. */
export function noteTexts(doc: Y.Doc): string[] {
  const notes: { id: string; order: string; text: string }[] = []
  notesOf(doc).forEach((note, id) => {
    notes.push({ id, order: orderOf(note) ?? '', text: String(note.get('text') ?? '') })
  })
  notes.sort((a, b) =>
    a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  )
  return notes.map((note) => note.text)
}

/** A counter under a name: one entry of the `activity` root, as edits per person are counted. */
export function counterKey(name: string): string {
  return `${name.replace(/[^A-Za-z0-9_-]/g, '-').padEnd(8, '_')}|waarden|edits`
}

export function setCounter(doc: Y.Doc, name: string, value: number): void {
  doc.getMap<number>('activity').set(counterKey(name), value)
}

export function getCounter(doc: Y.Doc, name: string): number | undefined {
  return doc.getMap<number>('activity').get(counterKey(name))
}

export function counterCount(doc: Y.Doc): number {
  return doc.getMap('activity').size
}

/**
 * A note map nested `depth` maps deep under `key`, built from the top down, each map in place
 * before the next goes in, as an attacker would (a prelim tree this deep overflows Yjs itself).
 */
export function nestNote(doc: Y.Doc, key: string, depth: number): void {
  let inner = new Y.Map<unknown>()
  doc.getMap('notes').set(key, inner)
  for (let i = 0; i < depth; i++) {
    const next = new Y.Map<unknown>()
    inner.set('pos', next)
    inner = next
  }
}
