import * as Y from 'yjs'
import {
  entryCheck,
  fieldCheck,
  nestedFields,
  NOTES_ROOT,
  type DocShape,
} from '../shared/schema.js'
import { ProtocolError } from './protocol.js'

/**
 * The server's check of an update's *shape* against the map's schema (shared/schema.ts), before
 * it is stored: which root and key every new item lands under, and whether its content is what
 * the schema allows there. The server never looks at what a note says, only where it goes and
 * what kind of value it is.
 *
 * A decoded update names an item's parent in one of three ways: a root's name, the id of the
 * item that holds the parent map, or nothing (then the item sits beside its left or right
 * neighbour, whose parent and key it takes). Neighbours and parents are found in the update
 * itself, in updates accepted but not yet applied, or in the room's document.
 */

/** Thrown for an update that does not fit the schema; the connection is closed with 4400. */
export class ShapeError extends ProtocolError {
  constructor(why: string) {
    super(`schema: ${why}`)
  }
}

/**
 * Thrown for an update that builds on items the server does not have yet: a client that
 * reconnects sends edits it makes meanwhile before the catch-up they build on. Not an error of
 * the client's: the update waits for what it needs (see `HeldUpdates`).
 */
export class DependencyError extends Error {
  constructor(why: string) {
    super(why)
    this.name = 'DependencyError'
  }
}

/** The map an item sits in: a root, a note's own map, or something deleted and collected. */
type Container =
  | { readonly kind: 'root'; readonly root: string }
  | { readonly kind: 'nested'; readonly root: string; readonly entry: string }
  | { readonly kind: 'dead' }

/** Where an item sits: its map and its key there (null for a position in a sequence). */
interface Place {
  readonly container: Container
  readonly key: string | null
}

const DEAD: Place = { container: { kind: 'dead' }, key: null }

/** An item accepted but not yet in the document: its range of clocks and where it sits. */
export interface Placed {
  readonly client: number
  readonly clock: number
  readonly end: number
  readonly place: Place
  /** Where the items inside it sit, when it holds a map (a note); null otherwise. */
  readonly inner: Container | null
}

/**
 * Items of updates that were accepted but are not yet in the document (they wait for their
 * group commit), so that the sender's next update, which builds on them, can be checked.
 */
export class InFlight {
  /** Per client, its accepted items in clock order (updates are accepted in order). */
  private readonly byClient = new Map<number, Placed[]>()

  add(placed: readonly Placed[]): void {
    for (const item of placed) {
      const list = this.byClient.get(item.client)
      if (!list) this.byClient.set(item.client, [item])
      else if (item.clock >= list[list.length - 1]!.end) list.push(item)
      else {
        list.push(item)
        list.sort((a, b) => a.clock - b.clock)
      }
    }
  }

  /** Forgets items once applied (or refused by storage); they are usually the oldest ones. */
  remove(placed: readonly Placed[]): void {
    const gone = new Set(placed)
    const perClient = new Map<number, number>()
    for (const item of placed) perClient.set(item.client, (perClient.get(item.client) ?? 0) + 1)
    for (const [client, count] of perClient) {
      const list = this.byClient.get(client)
      if (!list) continue
      let leading = 0
      while (leading < list.length && gone.has(list[leading]!)) leading++
      if (leading === count) list.splice(0, leading)
      else
        this.byClient.set(
          client,
          list.filter((item) => !gone.has(item)),
        )
      if (this.byClient.get(client)!.length === 0) this.byClient.delete(client)
    }
  }

  find(client: number, clock: number): Placed | null {
    const list = this.byClient.get(client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const item = list[mid]!
      if (clock < item.clock) high = mid - 1
      else if (clock >= item.end) low = mid + 1
      else return item
    }
    return null
  }

  /** The clock after the last accepted item of `client`, or 0. */
  end(client: number): number {
    const list = this.byClient.get(client)
    return list ? list[list.length - 1]!.end : 0
  }
}

/** What a checked update does that the limits need to know. */
export interface ShapeResult {
  /** Keys of the notes it adds. */
  readonly addedNotes: ReadonlySet<string>
  /** Its new items, for `InFlight` until it is applied. */
  readonly placed: readonly Placed[]
}

/** Longest key of anything deleted: deleted content carries no value, only its key. */
const MAX_KEY_CHARS = 256

/** Clocks one struct or deletion may span: far more than anyone writes, far less than 2^53. */
const MAX_STRUCT_LENGTH = 10_000_000

type Decoded = ReturnType<typeof Y.decodeUpdate>

/** A struct an id points to, wherever it is. */
type Found =
  | { readonly in: 'doc'; readonly struct: Y.Item | Y.GC }
  | { readonly in: 'flight'; readonly placed: Placed }
  | { readonly in: 'update'; readonly index: number }

/**
 * Checks every new item of `decoded` against `shape`: refuses the update whole (ShapeError) when
 * an item lands outside the schema, refers to items nobody has, or skips ahead of what its sender
 * has written. Items the document already holds are not checked again.
 */
export function checkShape(
  decoded: Decoded,
  doc: Y.Doc,
  shape: DocShape,
  inFlight: InFlight,
): ShapeResult {
  const structs = decoded.structs
  const places: (Place | undefined)[] = new Array(structs.length)
  const onStack = new Uint8Array(structs.length)
  /** Per client, the update's structs in clock order, for finding the one an id points to. */
  const byClient = new Map<number, number[]>()
  structs.forEach((struct, index) => {
    const list = byClient.get(struct.id.client)
    if (list) list.push(index)
    else byClient.set(struct.id.client, [index])
  })

  const stateOf = (client: number) => Y.getState(doc.store, client)

  // One run of structs per client, each right after the one before: Yjs applies only the last
  // of several blocks of one client, so what was checked would not be what is applied.
  for (const indexes of byClient.values()) {
    for (let i = 0; i < indexes.length; i++) {
      const struct = structs[indexes[i]!]!
      if (struct instanceof Y.Skip) throw new ShapeError('update has gaps')
      if (struct.length < 1 || struct.length > MAX_STRUCT_LENGTH) {
        throw new ShapeError('struct too long')
      }
      const before = i > 0 ? structs[indexes[i - 1]!]! : null
      if (
        before &&
        (indexes[i]! !== indexes[i - 1]! + 1 || before.id.clock + before.length !== struct.id.clock)
      ) {
        throw new ShapeError('a client twice in one update')
      }
    }
  }
  // Every client's items start at or before what the server has of that client: no gaps that
  // Yjs would hold back and later apply unchecked.
  const frontier = (client: number) => Math.max(stateOf(client), inFlight.end(client))
  for (const [client, indexes] of byClient) {
    if (structs[indexes[0]!]!.id.clock > frontier(client)) {
      throw new DependencyError('update skips ahead')
    }
  }
  // Deletions only of what exists: Yjs keeps deletions of unknown items for ever, and reads them
  // again at every later update.
  for (const [client, ranges] of decoded.ds.clients) {
    const indexes = byClient.get(client)
    const last = indexes ? structs[indexes[indexes.length - 1]!]! : null
    const known = Math.max(frontier(client), last ? last.id.clock + last.length : 0)
    for (const range of ranges) {
      if (range.len < 1 || range.len > MAX_STRUCT_LENGTH) throw new ShapeError('deletion too long')
      if (range.clock + range.len > known) {
        throw new DependencyError('deletes items the server does not have yet')
      }
    }
  }

  const find = (id: Y.ID): Found | null => {
    if (id.clock < stateOf(id.client)) {
      const list = doc.store.clients.get(id.client)!
      return { in: 'doc', struct: list[Y.findIndexSS(list, id.clock)]! as Y.Item | Y.GC }
    }
    const placed = inFlight.find(id.client, id.clock)
    if (placed) return { in: 'flight', placed }
    const indexes = byClient.get(id.client)
    if (!indexes) return null
    let low = 0
    let high = indexes.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const struct = structs[indexes[mid]!]!
      if (id.clock < struct.id.clock) high = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
      else return { in: 'update', index: indexes[mid]! }
    }
    return null
  }

  /** Where an item the document holds sits; null when it sits deeper than the schema allows. */
  const placeInDoc = (item: Y.Item): Place | null => {
    const parent = item.parent as Y.AbstractType<unknown> | null
    if (!parent) return DEAD
    const holder = parent._item
    if (!holder)
      return { container: { kind: 'root', root: Y.findRootTypeKey(parent) }, key: item.parentSub }
    const outer = holder.parent as Y.AbstractType<unknown> | null
    if (!outer || outer._item || typeof holder.parentSub !== 'string') return null
    return {
      container: { kind: 'nested', root: Y.findRootTypeKey(outer), entry: holder.parentSub },
      key: item.parentSub,
    }
  }

  /** The map inside an item: for a map held under a nested root's entry. */
  const innerOf = (item: Y.Item, place: Place): Container | null => {
    if (place.container.kind === 'dead' || item.content instanceof Y.ContentDeleted) {
      return { kind: 'dead' }
    }
    if (!(item.content instanceof Y.ContentType) || place.container.kind !== 'root') return null
    if (place.key === null || !nestedFields(shape, place.container.root, place.key)) return null
    return { kind: 'nested', root: place.container.root, entry: place.key }
  }

  const refuse = (why: string): never => {
    throw new ShapeError(why)
  }
  const missing = (): never => {
    throw new DependencyError('refers to items the server does not have yet')
  }

  /** A neighbour's place; 'gc' for one deleted and collected; a number to resolve first. */
  const neighbour = (id: Y.ID, from: Y.Item): Place | 'gc' | number => {
    if (id.client === from.id.client && id.clock >= from.id.clock) refuse('refers ahead')
    const found = find(id) ?? missing()
    switch (found.in) {
      case 'doc':
        if (found.struct instanceof Y.GC) return 'gc'
        return placeInDoc(found.struct) ?? refuse('nested too deep')
      case 'flight':
        return found.placed.place
      case 'update': {
        const struct = structs[found.index]!
        if (struct instanceof Y.GC) return 'gc'
        if (!(struct instanceof Y.Item)) return refuse('refers to a gap')
        return places[found.index] ?? found.index
      }
    }
  }

  /** The map an explicit parent id holds; a number to resolve first. */
  const parentContainer = (id: Y.ID, from: Y.Item): Container | number => {
    if (id.client === from.id.client && id.clock >= from.id.clock) refuse('refers ahead')
    const found = find(id) ?? missing()
    switch (found.in) {
      case 'doc': {
        if (found.struct instanceof Y.GC) return { kind: 'dead' }
        const place = placeInDoc(found.struct) ?? refuse('nested too deep')
        return innerOf(found.struct, place) ?? refuse('parent is not a map')
      }
      case 'flight':
        return found.placed.inner ?? refuse('parent is not a map')
      case 'update': {
        const struct = structs[found.index]!
        if (struct instanceof Y.GC) return { kind: 'dead' }
        if (!(struct instanceof Y.Item)) return refuse('refers to a gap')
        const place = places[found.index]
        if (!place) return found.index
        return innerOf(struct, place) ?? refuse('parent is not a map')
      }
    }
  }

  /** The place of update item `index`, or the index of an item to resolve first. */
  const attempt = (item: Y.Item): Place | number => {
    const parent = item.parent as unknown
    if (typeof parent === 'string')
      return { container: { kind: 'root', root: parent }, key: item.parentSub }
    if (parent instanceof Y.ID) {
      const container = parentContainer(parent, item)
      return typeof container === 'number' ? container : { container, key: item.parentSub }
    }
    const left = item.origin ? neighbour(item.origin, item) : null
    const right = item.rightOrigin ? neighbour(item.rightOrigin, item) : null
    if (typeof left === 'number') return left
    if (typeof right === 'number') return right
    if (left === 'gc' || right === 'gc') return DEAD
    return left ?? right ?? refuse('item without a place')
  }

  /** Resolves places without recursion: chains of neighbours can be long. */
  const resolve = (start: number): Place => {
    const stack = [start]
    onStack[start] = 1
    while (stack.length > 0) {
      const index = stack[stack.length - 1]!
      const result = attempt(structs[index] as Y.Item)
      if (typeof result === 'number') {
        if (onStack[result]) refuse('refers in a circle')
        onStack[result] = 1
        stack.push(result)
        continue
      }
      places[index] = result
      onStack[index] = 0
      stack.pop()
    }
    return places[start]!
  }

  const addedNotes = new Set<string>()
  const placed: Placed[] = []
  const notes = Object.hasOwn(shape, NOTES_ROOT) ? doc.getMap(NOTES_ROOT) : null
  structs.forEach((struct, index) => {
    if (!(struct instanceof Y.Item)) return
    // Known already: the document has it, and Yjs ignores it.
    if (struct.id.clock + struct.length <= stateOf(struct.id.client)) return
    const place = places[index] ?? resolve(index)
    checkContent(struct, place, shape)
    const inner = struct.content instanceof Y.ContentType ? innerOf(struct, place) : null
    placed.push({
      client: struct.id.client,
      clock: struct.id.clock,
      end: struct.id.clock + struct.length,
      place,
      inner,
    })
    if (
      notes &&
      inner?.kind === 'nested' &&
      place.container.kind === 'root' &&
      place.container.root === NOTES_ROOT &&
      place.key !== null &&
      !notes.has(place.key)
    ) {
      addedNotes.add(place.key)
    }
  })
  return { addedNotes, placed }
}

/** True for a small plain value: what a write to something already deleted may carry. */
function isSmallPlain(value: unknown, depth = 3): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return true
  if (typeof value === 'string') return value.length <= 1000
  if (depth === 0 || typeof value !== 'object') return false
  const entries = Object.entries(value as object)
  return (
    entries.length <= 16 &&
    entries.every(([key, inner]) => key.length <= 64 && isSmallPlain(inner, depth - 1))
  )
}

/** Refuses an item whose content the schema does not allow at `place`. */
function checkContent(item: Y.Item, place: Place, shape: DocShape): void {
  const content = item.content
  const { container, key } = place
  if (container.kind === 'dead') {
    // Yjs drops it on arrival; it still goes to disk and to peers, so it stays small and flat.
    if (content instanceof Y.ContentDeleted) return
    if (
      content instanceof Y.ContentAny &&
      content.arr.length === 1 &&
      isSmallPlain(content.arr[0])
    ) {
      return
    }
    throw new ShapeError('content under a deleted item')
  }
  if (key === null) throw new ShapeError(`sequence content in ${container.root}`)
  if (!Object.hasOwn(shape, container.root)) throw new ShapeError('unknown root')
  if (content instanceof Y.ContentDeleted) {
    if (key.length > MAX_KEY_CHARS) throw new ShapeError(`key too long in ${container.root}`)
    return
  }
  if (content instanceof Y.ContentAny && content.arr.length === 1) {
    const check =
      container.kind === 'root'
        ? entryCheck(shape, container.root, key)
        : fieldCheck(nestedFields(shape, container.root, container.entry), key)
    const where = container.kind === 'root' ? container.root : `${container.root} field`
    if (!check) throw new ShapeError(`key not allowed in ${where}`)
    if (!check(content.arr[0])) throw new ShapeError(`value not allowed in ${where}`)
    return
  }
  if (
    content instanceof Y.ContentType &&
    content.type instanceof Y.Map &&
    container.kind === 'root' &&
    nestedFields(shape, container.root, key)
  ) {
    return
  }
  throw new ShapeError(`content not allowed in ${container.root}`)
}
