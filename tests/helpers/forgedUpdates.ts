import * as encoding from 'lib0/encoding'

/**
 * Yjs updates written byte by byte (update format v1), for what no Y.Doc would ever produce: the
 * same client in two blocks, deletions of clocks nobody wrote, lengths no one uses.
 */

type Id = readonly [client: number, clock: number]

/** One struct of a block: a collected range, or an item with its placement and content. */
export type ForgedStruct =
  | { gc: number }
  | {
      parent?: string | Id
      key?: string
      origin?: Id
      right?: Id
      content: { any: unknown[] } | { deleted: number } | { map: true }
    }

export interface ForgedBlock {
  client: number
  clock: number
  structs: ForgedStruct[]
}

const CONTENT_DELETED = 1
const CONTENT_TYPE = 7
const CONTENT_ANY = 8
const TYPE_MAP = 1

/** The update these blocks and deletions make, as `Y.applyUpdate` reads it. */
export function forgeUpdate(
  blocks: ForgedBlock[],
  deletions: { client: number; ranges: [clock: number, length: number][] }[] = [],
): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, blocks.length)
  for (const block of blocks) {
    encoding.writeVarUint(e, block.structs.length)
    encoding.writeVarUint(e, block.client)
    encoding.writeVarUint(e, block.clock)
    for (const struct of block.structs) {
      if ('gc' in struct) {
        encoding.writeUint8(e, 0)
        encoding.writeVarUint(e, struct.gc)
        continue
      }
      const { content } = struct
      let info =
        'any' in content ? CONTENT_ANY : 'deleted' in content ? CONTENT_DELETED : CONTENT_TYPE
      if (struct.origin) info |= 0x80
      if (struct.right) info |= 0x40
      if (struct.key !== undefined) info |= 0x20
      encoding.writeUint8(e, info)
      if (struct.origin) struct.origin.forEach((n) => encoding.writeVarUint(e, n))
      if (struct.right) struct.right.forEach((n) => encoding.writeVarUint(e, n))
      if (!struct.origin && !struct.right) {
        if (typeof struct.parent === 'string') {
          encoding.writeVarUint(e, 1)
          encoding.writeVarString(e, struct.parent)
        } else {
          encoding.writeVarUint(e, 0)
          struct.parent!.forEach((n) => encoding.writeVarUint(e, n))
        }
        if (struct.key !== undefined) encoding.writeVarString(e, struct.key)
      }
      if ('any' in content) {
        encoding.writeVarUint(e, content.any.length)
        for (const value of content.any) encoding.writeAny(e, value as never)
      } else if ('deleted' in content) encoding.writeVarUint(e, content.deleted)
      else encoding.writeVarUint(e, TYPE_MAP)
    }
  }
  encoding.writeVarUint(e, deletions.length)
  for (const { client, ranges } of deletions) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, ranges.length)
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, length)
    }
  }
  return encoding.toUint8Array(e)
}

/** A y-websocket sync message carrying `update`, as any client can send it. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A y-websocket awareness message with presence states of our choosing (null: removal). */
export function awarenessFrame(
  entries: Iterable<{ clientId: number; clock: number; state: unknown }>,
): Uint8Array {
  const list = [...entries]
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, list.length)
  for (const entry of list) {
    encoding.writeVarUint(inner, entry.clientId)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, JSON.stringify(entry.state))
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, 1)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}
