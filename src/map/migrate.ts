import { DEFAULT_BOARD } from './board'
import { metaOf, transact, type MapDoc } from './doc'
import { SCHEMA_VERSION } from './schema'

/**
 * One step per older schema version, each bringing a document to the next version. A step writes
 * only what is missing, and the same values on every device, so two devices that migrate the
 * same map at once converge on one result.
 */
const MIGRATIONS: Readonly<Record<number, (doc: MapDoc) => void>> = {
  /** 1 → 2: the map names its kind of board; every map of version 1 is a partnership card. */
  1: (doc) => {
    const meta = metaOf(doc)
    if (meta.get('board') === undefined) meta.set('board', DEFAULT_BOARD.kind)
  },
}

/** The schema version a map document says it has; 0 for a map not created yet. */
export function versionOf(doc: MapDoc): number {
  const meta = metaOf(doc)
  if (!meta.has('createdAt')) return 0
  const version = meta.get('schemaVersion')
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1
}

/**
 * Brings a map written by an older version of the app to `SCHEMA_VERSION`, in one transaction;
 * true when it changed anything. A map not created yet, one at the current version and one of a
 * newer version (this device is out of date) are left as they are. Run it once the document has
 * synced: a half-loaded map would look older than it is.
 */
export function migrate(doc: MapDoc): boolean {
  const from = versionOf(doc)
  if (from === 0 || from >= SCHEMA_VERSION) return false
  transact(doc, () => {
    for (let version = from; version < SCHEMA_VERSION; version++) MIGRATIONS[version]!(doc)
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION)
  })
  return true
}
