import * as Y from 'yjs'

/**
 * The Y.Doc of one map. Other modules may hold it and hand it to the sync layer, but only this
 * folder reads or writes inside it.
 */
export type MapDoc = Y.Doc

/** Transaction origins: who made a change. Sync providers use their own object as origin. */
export const Origin = {
  local: 'local',
  server: 'server',
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
