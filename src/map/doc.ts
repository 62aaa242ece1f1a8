import * as Y from 'yjs'
import { isEntryId } from '../../shared/protocol'
import { randomId } from './ids'

declare const mapDocBrand: unique symbol
declare const controlDocBrand: unique symbol
declare const trajectoryDocBrand: unique symbol

/**
 * The shared document of one map: an opaque handle. Other modules hold it and hand it to the
 * sync layer; only this folder reads or writes inside it, through its operations and views.
 */
export interface MapDoc {
  readonly [mapDocBrand]: true
}

/** The facilitation document of a map (see `control/`): an opaque handle, like `MapDoc`. */
export interface ControlDoc {
  readonly [controlDocBrand]: true
}

/** The trajectory document of a map (see `trajectory/`): an opaque handle, like `MapDoc`. */
export interface TrajectoryDoc {
  readonly [trajectoryDocBrand]: true
}

/** The Yjs document behind a handle; for this folder, and for the providers (`providerDoc.ts`). */
export function yDocOf(doc: MapDoc | ControlDoc | TrajectoryDoc): Y.Doc {
  return doc as unknown as Y.Doc
}

/** Transaction origins: who made a change. Sync providers use their own object as origin. */
export const Origin = {
  local: 'local',
  /** A person's own change to a note that they may take back (see `undo.ts`). */
  undoable: 'undoable',
} as const

/** A new, empty map document; it fills from the cache and the server once connected. */
export function createMapDoc(): MapDoc {
  return new Y.Doc() as unknown as MapDoc
}

/** A new, empty facilitation document. */
export function createControlDoc(): ControlDoc {
  return new Y.Doc() as unknown as ControlDoc
}

/** Frees a document this device no longer shows (its providers are destroyed first). */
export function destroyDoc(doc: MapDoc | ControlDoc | TrajectoryDoc): void {
  yDocOf(doc).destroy()
}

/** Runs `change` as one transaction of this device: one update for the server and the peers. */
export function transact(doc: MapDoc | ControlDoc, change: () => void): void {
  yDocOf(doc).transact(change, Origin.local)
}

/** Map-level fields: title, description, createdAt, schemaVersion, board. */
export function metaOf(doc: MapDoc): Y.Map<unknown> {
  return yDocOf(doc).getMap('meta')
}

/** Notes by id; each note is a Y.Map of fields so concurrent edits of different fields merge. */
export function notesOf(doc: MapDoc): Y.Map<Y.Map<unknown>> {
  return yDocOf(doc).getMap('notes')
}

/** Participants by id, each a plain object replaced whole. */
export function participantsOf(doc: MapDoc): Y.Map<unknown> {
  return yDocOf(doc).getMap('participants')
}

/** Golden-thread links, `<serving note>><served note>` -> true (see threads.ts). */
export function linksOf(doc: MapDoc): Y.Map<unknown> {
  return yDocOf(doc).getMap('links')
}

/** Any other root of the map document, by its name in the schema (`votes`, `pulse`, ...). */
export function rootOf(doc: MapDoc | ControlDoc, name: string): Y.Map<unknown> {
  return yDocOf(doc).getMap(name)
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

/** The shared types whose own entries a transaction changed, asked during its listeners. */
export type ChangedTypes = { has(type: object): boolean }

/**
 * Calls `onChange` after every transaction that changed the document, with the shared types
 * whose own entries it changed (valid during the call); returns the stop.
 */
export function onChange(
  doc: MapDoc | ControlDoc,
  onChange: (changed: ChangedTypes) => void,
): () => void {
  const listener = (transaction: Y.Transaction): void => {
    const changed: Map<object, unknown> = transaction.changed
    if (changed.size > 0) onChange(changed)
  }
  yDocOf(doc).on('afterTransaction', listener)
  return () => yDocOf(doc).off('afterTransaction', listener)
}

/**
 * Makes a change as if another, unknown device made it: it is written in a throwaway document
 * with a fresh Yjs client id and merged in. Yjs stamps every item with the client id of the
 * document that wrote it, and a person's presence carries their document's id, so anything an
 * anonymous entry is written with from the person's own document points at them.
 */
export function writeDetached(doc: MapDoc, change: (scratch: Y.Doc) => void): void {
  const own = yDocOf(doc)
  // Inside a change that wrote as this device, the entry would leave in the same update as that
  // change, tied to it; and Yjs, seeing this device's own writes arrive with a remote one, would
  // take a new client id under the presence's feet. Such a caller is wrong: say so.
  const open = own._transaction
  if (open && (open.beforeState.get(own.clientID) ?? 0) !== Y.getState(own.store, own.clientID)) {
    throw new Error('an anonymous entry cannot be written inside a change of this device')
  }
  let scratch = new Y.Doc()
  while (scratch.clientID === own.clientID) scratch = new Y.Doc()
  change(scratch)
  Y.applyUpdate(own, Y.encodeStateAsUpdate(scratch), Origin.local)
  scratch.destroy()
}

/**
 * Writes `value` under a fresh random key of `root` as an unknown device (see `writeDetached`),
 * taking away the entry under `replacing` (this device's earlier one) in the same change; a
 * deletion carries no client id. Returns the new key, which only this device keeps.
 */
export function writeAnonymous(
  doc: MapDoc,
  root: string,
  value: unknown,
  replacing: string | null = null,
): string {
  const key = randomId(12)
  transact(doc, () => {
    writeDetached(doc, (scratch) => scratch.getMap(root).set(key, value))
    if (replacing && isEntryId(replacing)) rootOf(doc, root).delete(replacing)
  })
  return key
}
