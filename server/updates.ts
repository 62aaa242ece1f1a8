import * as Y from 'yjs'

/**
 * What a log of Yjs updates comes to in a document, and back: the room loads its log through
 * these, and compaction merges a log with them.
 */

/** Transaction origin for changes the server makes itself (loading from disk). */
export const SERVER_ORIGIN = Symbol('server')

/** Origin of changes that came from another server through the relay. */
export const REMOTE_ORIGIN = Symbol('remote')

/** Everything a document holds that is not yet integrated (updates waiting for missing ones). */
function pendingOf(doc: Y.Doc): Uint8Array[] {
  const pending: Uint8Array[] = []
  const { pendingStructs, pendingDs } = doc.store
  if (pendingStructs) pending.push(Y.convertUpdateFormatV2ToV1(pendingStructs.update))
  if (pendingDs) pending.push(Y.convertUpdateFormatV2ToV1(pendingDs))
  return pending
}

/**
 * A document's state in one update: everything applied plus anything still waiting, so nothing
 * the document holds is lost.
 */
export function stateOf(doc: Y.Doc): Uint8Array {
  const pending = pendingOf(doc)
  const state = Y.encodeStateAsUpdate(doc)
  return pending.length > 0 ? Y.mergeUpdates([state, ...pending]) : state
}

/**
 * Applies a stored log in one transaction. One unreadable row must not take the rest of the map
 * with it: it is skipped, and counted in the return value.
 */
export function applyLog(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown): number {
  let unreadable = 0
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update)
      } catch {
        unreadable++
      }
    }
  }, origin)
  return unreadable
}

/**
 * What a log of updates comes to, merged into one: applying it gives the document the log gives
 * (built through a document, so deleted content is collected).
 */
export function mergeLog(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  applyLog(doc, updates, SERVER_ORIGIN)
  const merged = stateOf(doc)
  doc.destroy()
  return merged
}
