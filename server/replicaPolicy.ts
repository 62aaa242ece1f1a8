import type * as Y from 'yjs'
import type { Peer } from './peer.js'
import type { RoomPresence } from './presence.js'

/** An update as Yjs decodes it: what a policy reads (the room stores the bytes as they came). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** What a policy may read of the room it guards, and what it may tell the room's log. */
export interface Replica {
  /** Everything stored and applied; updates admitted but still being stored are not in it. */
  readonly doc: Y.Doc
  readonly presence: RoomPresence
  /** Rows of the room's stored log, as far as this server knows. */
  readonly storedRows: number
  /** Bytes of those rows. */
  readonly storedBytes: number
  /** Bytes of admitted updates waiting for their commit. */
  readonly pendingBytes: number
  /** What the document comes to merged into one update; it encodes the whole document. */
  mergedBytes(): number
  /** The log is compacted at the next chance, to `bytes`: count it no larger from now. */
  expectCompaction(bytes: number): void
}

/**
 * The rules a room applies to the updates it is sent, apart from storing and passing them on,
 * which is the room's own job (`Room`: the log, group commit, relay and fan-out). The room asks
 * `admit` about every update before it queues it, and calls `released` once that update has left
 * the queue; in between, the policy counts it as pending (its notes, where its items sit).
 *
 * The map's policy (`MapPolicy`) checks the limits, each update's shape against the schema and
 * which connection writes which Yjs client id. The test of the split: an end-to-end-encrypted
 * room, whose updates the server cannot read, is another policy (admitting by size and sender,
 * never reading `decoded`) over the same log, group commit and fan-out; only what the room keeps
 * to answer a newcomer (a Y.Doc here) would change with it.
 */
export interface ReplicaPolicy<A = unknown> {
  /**
   * Lets an update in and returns the policy's hold on it; null when the update holds nothing
   * the room lacks (nothing to store). Refuses by throwing: LimitError or ShapeError for good,
   * DependencyError until the updates it builds on are here. A refusal leaves no trace.
   */
  admit(update: Uint8Array, decoded: DecodedUpdate, from: Peer): A | null
  /** The update `admission` was given for has left the queue: applied, or refused by storage. */
  released(admission: A): void
  /** `peer` left the room: nothing it claimed holds any more. */
  left(peer: Peer): void
  /** True when a log of `rows` stored rows is to be compacted. */
  compactDue(rows: number): boolean
}
