import * as Y from 'yjs'
import { CloseReason, type LimitBreach } from '../shared/protocol.js'

/** Ceilings a map's documents must stay under; every one is configurable (see config.ts). */
export interface DocLimits {
  /** The longest text one update may carry in any field (a note's text is the longest we write). */
  maxTextChars: number
  /** Notes in one map document (entries of its root `notes` map). */
  maxNotes: number
  /** Bytes of one document's stored log after compaction. */
  maxDocBytes: number
}

/** Thrown for input that is well-formed but over a limit; the connection closes with 4413. */
export class LimitError extends Error {
  constructor(readonly breach: LimitBreach) {
    super(breach)
  }
}

/** Longest string or key anywhere inside a JSON-like value, at any depth (without recursion). */
function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length
  if (typeof value !== 'object' || value === null) return 0
  let longest = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const next = stack.pop()
    if (typeof next === 'string') longest = Math.max(longest, next.length)
    else if (typeof next === 'object' && next !== null) {
      for (const [key, inner] of Object.entries(next)) {
        longest = Math.max(longest, key.length)
        stack.push(inner)
      }
    }
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

/** Refuses (LimitError) an update that carries a text longer than allowed in any field. */
export function checkTextLengths(
  decoded: ReturnType<typeof Y.decodeUpdate>,
  limits: DocLimits,
): void {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && longestInItem(struct) > limits.maxTextChars) {
      throw new LimitError(CloseReason.textTooLong)
    }
  }
}
