import type * as Y from 'yjs'
import { entryCheck, fieldCheck, type DocShape } from '../../shared/schema'
import { plainEntries } from './doc'

/**
 * A root's fields that pass the schema's check for them; a field that fails, or is not in the
 * schema, is left out, so the reader's default applies. The server checks the same fields with
 * the same checks before it stores an update: what it let through, this reads.
 */
export function checkedFields(
  map: Y.Map<unknown>,
  shape: DocShape,
  root: string,
): Record<string, unknown> {
  const rootShape = shape[root]
  const fields = rootShape?.kind === 'fields' ? rootShape.fields : null
  const raw = plainEntries(map)
  const checked: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(raw)) {
    if (fieldCheck(fields, key)?.(raw[key])) checked[key] = raw[key]
  }
  return checked
}

/** Calls `each` with every entry of an open root whose key and value pass the schema's check. */
export function forEachChecked(
  map: Y.Map<unknown>,
  shape: DocShape,
  root: string,
  each: (key: string, value: unknown) => void,
): void {
  map.forEach((value, key) => {
    if (entryCheck(shape, root, key)?.(value)) each(key, value)
  })
}
