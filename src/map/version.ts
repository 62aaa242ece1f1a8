import { metaOf, type MapDoc } from './doc'

/** The schema version a map document says it has; 0 for a map not created yet. */
export function versionOf(doc: MapDoc): number {
  const meta = metaOf(doc)
  if (!meta.has('createdAt')) return 0
  const version = meta.get('schemaVersion')
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1
}
