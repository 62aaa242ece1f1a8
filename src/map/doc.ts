import * as Y from 'yjs'

/**
 * The Y.Doc of one map. Other modules may hold it and hand it to the sync layer, but only this
 * folder reads or writes inside it.
 */
export type MapDoc = Y.Doc

/** Transaction origins: who made a change. Sync providers use their own object as origin. */
export const Origin = {
  local: 'local',
} as const

export function createMapDoc(): MapDoc {
  return new Y.Doc()
}

/** Map-level fields: title, description, createdAt, schemaVersion. */
export function metaOf(doc: MapDoc): Y.Map<unknown> {
  return doc.getMap('meta')
}

/** Notes by id; each note is a Y.Map of fields so concurrent edits of different fields merge. */
export function notesOf(doc: MapDoc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('notes')
}

/** Participants by id, each a plain object replaced whole. */
export function participantsOf(doc: MapDoc): Y.Map<unknown> {
  return doc.getMap('participants')
}

/** Golden-thread links, `<serving note>><served note>` -> true (see threads.ts). */
export function linksOf(doc: MapDoc): Y.Map<unknown> {
  return doc.getMap('links')
}

/**
 * A map's entries as plain values. The schema never puts a Yjs type there, and one that got in
 * anyway is left out, so reading never recurses into whatever a peer nested.
 */
export function plainEntries(map: Y.Map<unknown>): Record<string, unknown> {
  // No prototype: a key "__proto__" or "constructor" is just a key here.
  const entries: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  map.forEach((value, key) => {
    if (!(value instanceof Y.AbstractType)) entries[key] = value
  })
  return entries
}

/**
 * Makes a change as if another, unknown device made it: it is written in a throwaway document
 * with a fresh Yjs client id and merged in. Yjs stamps every item with the client id of the
 * document that wrote it, and a person's presence carries their document's id, so anything an
 * anonymous entry is written with from the person's own document points at them.
 */
export function writeDetached(doc: MapDoc, change: (scratch: Y.Doc) => void): void {
  let scratch = new Y.Doc()
  while (scratch.clientID === doc.clientID) scratch = new Y.Doc()
  change(scratch)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch), Origin.local)
  scratch.destroy()
}
