import * as Y from 'yjs'

/** Ceilings a map's documents must stay under; every one is configurable (see config.ts). */
export interface DocLimits {
  /** The longest text one update may carry in any field (a note's text is the longest we write). */
  maxTextChars: number
  /** Notes in one map document (entries of its root `notes` map). */
  maxNotes: number
  /** Bytes of one document's stored log after compaction. */
  maxDocBytes: number
}

/** Which limit an update broke; sent to the client as the close reason. */
export type LimitBreach = 'text-too-long' | 'too-many-notes' | 'map-too-big' | 'presence-too-big'

/** Thrown for input that is well-formed but over a limit; the connection closes with 4413. */
export class LimitError extends Error {
  constructor(readonly breach: LimitBreach) {
    super(breach)
  }
}

/** Longest string anywhere inside a JSON-like value, looking at most `depth` levels down. */
function longestString(value: unknown, depth = 8): number {
  if (typeof value === 'string') return value.length
  if (depth === 0 || typeof value !== 'object' || value === null) return 0
  let longest = 0
  for (const [key, inner] of Object.entries(value)) {
    longest = Math.max(longest, key.length, longestString(inner, depth - 1))
  }
  return longest
}

/** The longest text an item's content carries: strings, JSON values, map keys, binary blobs. */
function longestInItem(item: Y.Item): number {
  const content = item.content
  let longest = typeof item.parentSub === 'string' ? item.parentSub.length : 0
  if (content instanceof Y.ContentString) longest = Math.max(longest, content.str.length)
  else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    for (const value of content.arr) longest = Math.max(longest, longestString(value))
  } else if (content instanceof Y.ContentBinary) {
    longest = Math.max(longest, content.content.length)
  } else if (content instanceof Y.ContentEmbed)
    longest = Math.max(longest, longestString(content.embed))
  else if (content instanceof Y.ContentFormat) {
    longest = Math.max(longest, content.key.length, longestString(content.value))
  }
  return longest
}

/**
 * Checks a decoded update against the limits before it is stored or applied: no text longer
 * than allowed, and, for a map document, no more notes than allowed once the new ones are added.
 * `notes` tells how many notes the document has and whether an id is one of them. Returns the
 * ids of the notes the update adds.
 */
export function checkUpdate(
  decoded: ReturnType<typeof Y.decodeUpdate>,
  limits: DocLimits,
  notes: { count: number; has(id: string): boolean } | null,
): Set<string> {
  const added = new Set<string>()
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    if (longestInItem(struct) > limits.maxTextChars) throw new LimitError('text-too-long')
    // A new entry of the root map `notes` names the root by its key, not by a parent item.
    if (
      notes &&
      // In a decoded update a root type's parent is its name (the typings only know live items).
      (struct.parent as unknown) === 'notes' &&
      typeof struct.parentSub === 'string' &&
      !notes.has(struct.parentSub)
    ) {
      added.add(struct.parentSub)
    }
  }
  if (notes && added.size > 0 && notes.count + added.size > limits.maxNotes) {
    throw new LimitError('too-many-notes')
  }
  return added
}
