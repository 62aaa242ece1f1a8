import * as Y from 'yjs'
import { notesOf, plainEntries, transact, type MapDoc } from './doc'
import { takesLayers } from './board'
import { boardOfMap, MapError } from './ops'
import { LAYERS, parseNote, type Layer, type Note, type NoteId } from './schema'

/**
 * The three layers where collaboration gets stuck (the method's "Er zijn drie lagen"):
 * samenwerken, samenspel and omgaan met verandering. A condition is tagged with its layer, and
 * the map shows how the conditions spread over them: "Elke laag vraagt een eigen insteek".
 */

/** Tags a condition with its layer, or (null) takes the tag away. */
export function setLayer(doc: MapDoc, id: NoteId, layer: Layer | null, now = Date.now()): void {
  const fields = notesOf(doc).get(id)
  if (!(fields instanceof Y.Map)) throw new MapError('unknown-note')
  const note = parseNote(id, plainEntries(fields), boardOfMap(doc))
  if (!note || !takesLayers(boardOfMap(doc), note.column)) throw new MapError('not-a-condition')
  if (layer !== null && !LAYERS.includes(layer)) return
  transact(doc, () => {
    if (layer === null) fields.delete('layer')
    else fields.set('layer', layer)
    fields.set('updatedAt', now)
  })
}

/** The notes of each layer, in their order; and those not tagged yet. */
export function layerSpread(notes: readonly Note[]): Record<Layer | 'none', Note[]> {
  const spread: Record<Layer | 'none', Note[]> = {
    samenwerken: [],
    samenspel: [],
    verandering: [],
    none: [],
  }
  for (const note of notes) spread[note.layer ?? 'none'].push(note)
  return spread
}
