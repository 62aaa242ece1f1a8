import * as Y from 'yjs'
import { CloseReason } from '../shared/protocol.js'
import { NOTES_ROOT, type DocShape } from '../shared/schema.js'
import { checkTextLengths, LimitError, type DocLimits } from './limits.js'
import type { Peer } from './peer.js'
import type { DecodedUpdate, Replica, ReplicaPolicy } from './replicaPolicy.js'
import { checkShape, DependencyError, InFlight, type Placed } from './shape.js'

/** What an admitted update holds until it leaves the room's queue. */
export interface MapAdmission {
  /** Notes it adds: the note limit counts them while they are being stored. */
  readonly notes: readonly string[]
  /** Where its items sit, for checking the updates that build on them (`InFlight`). */
  readonly placed: readonly Placed[]
}

export interface MapPolicyOptions {
  limits: DocLimits
  /** Stored rows past which the log is compacted into one. */
  compactAfterUpdates: number
  /** Bytes of the limit something beside the log takes (the map's saved versions). */
  reserved?: { readonly bytes: number }
}

/**
 * The policy of a map's documents: the limits (text length, notes, bytes), the shape of every
 * update against the schema, and one connection per Yjs client id. The server reads where each
 * item goes and what kind of value it is, never what a note says.
 */
export class MapPolicy implements ReplicaPolicy<MapAdmission> {
  /** Where the items of admitted, not yet applied updates sit, for checking the next ones. */
  private readonly inFlight = new InFlight()
  /** Which connection writes each Yjs client id (see `checkWriter`). */
  private readonly writers = new Map<number, Peer>()
  /** Ids of notes that updates waiting or being stored add: the note limit counts them. */
  private readonly pendingNotes = new Set<string>()

  constructor(
    private readonly replica: Replica,
    /** The schema every update to this document must fit. */
    private readonly shape: DocShape,
    private readonly options: MapPolicyOptions,
  ) {}

  /**
   * Checks the limits, the writer and the shape, in that order, and holds what the update adds
   * only once every check passed.
   */
  admit(update: Uint8Array, decoded: DecodedUpdate, from: Peer): MapAdmission | null {
    // A reconnecting client's "here is what you lack" is often nothing: nothing to store.
    if (this.knowsAll(decoded)) return null
    const { limits } = this.options
    const { doc } = this.replica
    checkTextLengths(decoded, limits)
    const writing = this.checkWriter(decoded, from)
    const { addedNotes, placed } = checkShape(decoded, doc, this.shape, this.inFlight)
    const pendingNotes = this.pendingNotes
    const added = [...addedNotes].filter((id) => !pendingNotes.has(id))
    if (
      added.length > 0 &&
      doc.getMap(NOTES_ROOT).size + pendingNotes.size + added.length > limits.maxNotes
    ) {
      throw new LimitError(CloseReason.tooManyNotes)
    }
    const { storedBytes, pendingBytes } = this.replica
    const reserved = this.options.reserved?.bytes ?? 0
    if (storedBytes + reserved + pendingBytes + update.length > limits.maxDocBytes) {
      // The log may hold history a compaction merges away: the map is too big only when what
      // it holds now, merged, would be.
      const merged = this.replica.mergedBytes()
      if (merged + reserved + pendingBytes + update.length > limits.maxDocBytes) {
        throw new LimitError(CloseReason.mapTooBig)
      }
      this.replica.expectCompaction(merged)
    }
    for (const id of added) pendingNotes.add(id)
    for (const client of writing) this.writers.set(client, from)
    this.inFlight.add(placed)
    return { notes: added, placed }
  }

  released(admission: MapAdmission): void {
    for (const id of admission.notes) this.pendingNotes.delete(id)
    this.inFlight.remove(admission.placed)
  }

  left(peer: Peer): void {
    for (const [client, writer] of this.writers) if (writer === peer) this.writers.delete(client)
  }

  compactDue(rows: number): boolean {
    return rows > this.options.compactAfterUpdates
  }

  /**
   * The Yjs client ids an update writes new items for. Each is written over one connection: the
   * one whose presence it is, or the first that wrote it, while that one is here. Another
   * connection's items under that id would take the clocks of edits the owner has yet to send,
   * and Yjs would then drop those edits as known. Such an update waits (DependencyError): a
   * phone on a new connection writes once its old one has gone quiet.
   */
  private checkWriter(decoded: DecodedUpdate, from: Peer): Set<number> {
    const { doc, presence } = this.replica
    const writing = new Set<number>()
    for (const struct of decoded.structs) {
      const client = struct.id.client
      if (writing.has(client)) continue
      if (struct.id.clock + struct.length <= Y.getState(doc.store, client)) continue
      const owner = presence.speakerOf(client) ?? this.writers.get(client)
      if (owner && owner !== from && presence.isLive(owner)) {
        throw new DependencyError('another connection writes as this client')
      }
      writing.add(client)
    }
    return writing
  }

  /** True when an update deletes nothing and every item in it is already in the document. */
  private knowsAll(decoded: DecodedUpdate): boolean {
    if (decoded.ds.clients.size > 0) return false
    const store = this.replica.doc.store
    return decoded.structs.every(
      (struct) => struct.id.clock + struct.length <= Y.getState(store, struct.id.client),
    )
  }
}
