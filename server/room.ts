import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { CloseCode, CloseReason, parseDocKey } from '../shared/protocol.js'
import { CONTROL_DOC, MAP_DOC, type DocShape } from '../shared/schema.js'
import { checkTextLengths, LimitError, type DocLimits } from './limits.js'
import { RoomPresence } from './presence.js'
import { binaryFrames } from './frames.js'
import { encodeSyncUpdate } from './protocol.js'
import type { Peer, RoomRelay } from './peer.js'
import { checkShape, DependencyError, InFlight, type Placed } from './shape.js'
import { MapGoneError, type DocumentLog } from './storage.js'
import { errorText, log } from './log.js'

/** Everything the room holds that is not yet integrated (updates waiting for missing ones). */
function pendingOf(doc: Y.Doc): Uint8Array[] {
  const pending: Uint8Array[] = []
  const { pendingStructs, pendingDs } = doc.store
  if (pendingStructs) pending.push(Y.convertUpdateFormatV2ToV1(pendingStructs.update))
  if (pendingDs) pending.push(Y.convertUpdateFormatV2ToV1(pendingDs))
  return pending
}

/** A short, non-reversible name for a room in logs: the room id itself is the key to the map. */
export function logName(room: string): string {
  return createHash('sha256').update(room).digest('hex').slice(0, 8)
}

/** Transaction origin for changes the server makes itself (loading from disk). */
export const SERVER_ORIGIN = Symbol('server')

/** Origin of changes that came from another server through the relay. */
export const REMOTE_ORIGIN = Symbol('remote')

/** A document's state in one update: everything applied plus anything still waiting. */
function stateOf(doc: Y.Doc): Uint8Array {
  const pending = pendingOf(doc)
  const state = Y.encodeStateAsUpdate(doc)
  return pending.length > 0 ? Y.mergeUpdates([state, ...pending]) : state
}

/**
 * Applies a stored log in one transaction. One unreadable row must not take the rest of the map
 * with it: it is skipped, and counted in the return value.
 */
function applyLog(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown): number {
  let unreadable = 0
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update)
      } catch {
        unreadable++
      }
    }
  }, origin)
  return unreadable
}

/** What a log of updates comes to, merged into one (through a document, so deletions are GC'd). */
export function mergeLog(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  applyLog(doc, updates, SERVER_ORIGIN)
  const merged = stateOf(doc)
  doc.destroy()
  return merged
}

export interface RoomOptions {
  compactAfterUpdates: number
  limits: DocLimits
  /** With more than one server: where this room's stored updates and presence go. */
  relay?: RoomRelay | null
  /** Called when storage says the map was deleted (on another server, say). */
  onGone?: () => void
}

/**
 * One live room: its Y.Doc (loaded from disk before anyone syncs), its awareness, and its peers.
 * Every update a client sends is checked against the limits and appended to the store before it
 * is relayed or applied: what anyone has seen, and what the room holds, is on disk too.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly presence: RoomPresence
  private readonly peers = new Set<Peer>()
  /** Rows this server knows in the room's log; compaction brings it back to one. */
  private storedRows: number
  /** Bytes of those rows. */
  private storedBytes: number
  /** Updates accepted in this turn of the event loop, waiting for their group commit. */
  private writes: { update: Uint8Array; from: Peer; notes: string[]; placed: readonly Placed[] }[] =
    []
  /** Where the items of accepted, not yet applied updates sit, for checking the next ones. */
  private readonly inFlight = new InFlight()
  /** Which connection writes each Yjs client id (see `checkWriter`). */
  private readonly writers = new Map<number, Peer>()
  /** Ids of notes that updates waiting or being stored add: the note limit counts them. */
  private readonly pendingNotes = new Set<string>()
  private pendingBytes = 0
  private flushScheduled = false
  private compactQueued = false
  /** Commits and compactions, one after the other in order. */
  private queue: Promise<void> = Promise.resolve()
  private destroyed = false
  private readonly documentLog: DocumentLog
  private readonly compactAfterUpdates: number
  private readonly limits: DocLimits
  private readonly relay: RoomRelay | null
  private readonly onGone: () => void
  /** The schema every update to this document must fit. */
  private readonly shape: DocShape

  /** Use `Room.load`; `stored` is the room's log as read from storage. */
  constructor(
    readonly name: string,
    documentLog: DocumentLog,
    stored: readonly Uint8Array[],
    options: RoomOptions,
  ) {
    this.documentLog = documentLog
    this.compactAfterUpdates = options.compactAfterUpdates
    this.limits = options.limits
    this.relay = options.relay ?? null
    this.onGone = options.onGone ?? (() => this.endAll(CloseCode.deleted, CloseReason.mapDeleted))
    this.shape = this.isMapDoc ? MAP_DOC : CONTROL_DOC
    const unreadable = applyLog(this.doc, stored, SERVER_ORIGIN)
    if (unreadable > 0) {
      log.error('skipped unreadable stored updates', { room: logName(name), unreadable })
    }
    this.storedRows = stored.length
    this.storedBytes = stored.reduce((sum, update) => sum + update.length, 0)
    this.presence = new RoomPresence(this.doc, this.relay)
    this.doc.on('update', () => {
      this.fullState = null
    })
    if (this.storedRows > this.compactAfterUpdates) this.scheduleCompact()
  }

  /** Reads the room's log from storage and builds the room from it. */
  static async load(name: string, documentLog: DocumentLog, options: RoomOptions): Promise<Room> {
    const stored = await documentLog.load(name)
    if (stored.written && stored.updates.length === 0) {
      log.error('a stored map has lost its edits: the database may be damaged', {
        room: logName(name),
      })
    }
    return new Room(name, documentLog, stored.updates, options)
  }

  /** The map document (not the facilitation one) is where notes live and are counted. */
  private get isMapDoc(): boolean {
    return parseDocKey(this.name).doc === 'map'
  }

  /**
   * Takes one update from a client: checks it against the limits and the document's schema, then
   * queues it for the group commit below, which appends it to the log before it is relayed or
   * applied. Throws LimitError or ShapeError, and then nothing of it is stored, applied or
   * relayed.
   */
  receive(update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>, from: Peer): void {
    // A reconnecting client's "here is what you lack" is often nothing: nothing to store.
    if (this.knowsAll(decoded)) return
    checkTextLengths(decoded, this.limits)
    const writing = this.checkWriter(decoded, from)
    const { addedNotes, placed } = checkShape(decoded, this.doc, this.shape, this.inFlight)
    const pendingNotes = this.pendingNotes
    const added = [...addedNotes].filter((id) => !pendingNotes.has(id))
    if (
      added.length > 0 &&
      this.doc.getMap('notes').size + pendingNotes.size + added.length > this.limits.maxNotes
    ) {
      throw new LimitError(CloseReason.tooManyNotes)
    }
    if (this.storedBytes + this.pendingBytes + update.length > this.limits.maxDocBytes) {
      // The log may hold history a compaction merges away: the map is too big only when what
      // it holds now, merged, would be.
      const merged = stateOf(this.doc).length
      if (merged + this.pendingBytes + update.length > this.limits.maxDocBytes) {
        throw new LimitError(CloseReason.mapTooBig)
      }
      this.storedBytes = Math.min(this.storedBytes, merged)
      this.scheduleCompact()
    }
    for (const id of added) pendingNotes.add(id)
    for (const client of writing) this.writers.set(client, from)
    this.inFlight.add(placed)
    this.writes.push({ update, from, notes: added, placed })
    this.pendingBytes += update.length
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(() => this.enqueue(this.flushWrites))
    }
  }

  /**
   * Runs `work` after every commit and compaction queued before it. A failure is logged and the
   * queue goes on: one broken step must not stop every later commit of the room.
   */
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      log.error('room step failed', { room: logName(this.name), error: errorText(error) })
    })
    return this.queue
  }

  /** Resolves once everything accepted so far is stored (shutdown, tests). */
  async settled(): Promise<void> {
    await this.enqueue(this.flushWrites)
  }

  /**
   * Group commit: the updates that arrived in one turn of the event loop are appended in one
   * transaction, and only then relayed to the other peers (and servers) and applied, in arrival
   * order. What anyone has seen is stored. When storage refuses, none of them is relayed or
   * applied, and the connections that sent them are told (4507).
   */
  private readonly flushWrites = async (): Promise<void> => {
    this.flushScheduled = false
    const batch = this.writes
    if (batch.length === 0 || this.destroyed) return
    this.writes = []
    const updates = batch.map((write) => write.update)
    const bytes = updates.reduce((sum, update) => sum + update.length, 0)
    const senders = new Set(batch.map((write) => write.from))
    try {
      await this.documentLog.append(this.name, updates)
    } catch (error) {
      for (const write of batch) this.inFlight.remove(write.placed)
      if (error instanceof MapGoneError) {
        // Deleted meanwhile (on another server, or a moment ago here): nothing was written.
        this.onGone()
        return
      }
      log.error('could not store updates', {
        room: logName(this.name),
        updates: batch.length,
        error: errorText(error),
      })
      for (const from of senders) from.storageFailed()
      return
    } finally {
      // Stored or refused, these no longer wait: the limits stop counting them as pending.
      this.pendingBytes -= bytes
      for (const write of batch) for (const id of write.notes) this.pendingNotes.delete(id)
    }
    if (this.destroyed) return
    this.storedRows += batch.length
    this.storedBytes += bytes
    // Stored, so it may go out: first to the other servers, whose peers then get it while this
    // server writes to its own; then to the peers here, framed once and each peer in one write
    // (one system call for the batch instead of one per update); only then is it applied here.
    this.relay?.({ kind: 'updates', updates })
    const messages = updates.map(encodeSyncUpdate)
    const frames = binaryFrames(messages)
    for (const peer of this.peers) {
      if (!senders.has(peer)) {
        peer.sendFrames(frames)
        continue
      }
      const theirs = messages.filter((_, i) => batch[i]!.from !== peer)
      if (theirs.length > 0) peer.sendFrames(binaryFrames(theirs))
    }
    for (const { update, from, placed } of batch) {
      // Decoded fine but cannot be applied: its sender speaks no valid Yjs. The rest goes on.
      if (!this.apply(update, from)) from.end(CloseCode.malformed, CloseReason.unreadableUpdate)
      this.inFlight.remove(placed)
    }
    if (this.storedRows > this.compactAfterUpdates) this.scheduleCompact()
  }

  /**
   * Updates another server stored: sent on to this server's peers and applied. They are in the
   * log already, so nothing is stored here.
   */
  applyRemote(updates: readonly Uint8Array[]): void {
    if (this.destroyed) return
    this.sendToAll(updates)
    for (const update of updates) this.apply(update, REMOTE_ORIGIN)
  }

  /** Applies one update to the room's copy; false, and logged, when it cannot be applied. */
  private apply(update: Uint8Array, origin: unknown): boolean {
    try {
      Y.applyUpdate(this.doc, update, origin)
      return true
    } catch (error) {
      log.warn('an update could not be applied', {
        room: logName(this.name),
        relayed: origin === REMOTE_ORIGIN,
        error: errorText(error),
      })
      return false
    }
  }

  /** Sends updates to every peer here, each peer's share in one write. */
  private sendToAll(updates: readonly Uint8Array[]): void {
    const frames = binaryFrames(updates.map(encodeSyncUpdate))
    for (const peer of this.peers) peer.sendFrames(frames)
  }

  /** The whole document for a client that has nothing yet, kept until the document changes. */
  private fullState: Uint8Array | null = null

  /**
   * What a client with `stateVector` lacks, as one update. Many people opening the map at once
   * share one encoding of the whole document.
   */
  stateFor(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0
    if (!empty) return Y.encodeStateAsUpdate(this.doc, stateVector)
    this.fullState ??= Y.encodeStateAsUpdate(this.doc)
    return this.fullState
  }

  /** Who is here: its awareness, as the connections see it. */
  get awareness(): RoomPresence['awareness'] {
    return this.presence.awareness
  }

  /**
   * Reads the log again and applies what this server missed (relay messages lost while Redis was
   * away); whatever was missing goes to the peers as one update.
   */
  async reload(): Promise<void> {
    const stored = await this.documentLog.load(this.name)
    if (this.destroyed) return
    const before = Y.encodeStateVector(this.doc)
    applyLog(this.doc, stored.updates, REMOTE_ORIGIN)
    const missed = Y.encodeStateAsUpdate(this.doc, before)
    // Applied already; the peers get it. An empty update is two zero bytes (no structs, no
    // deletions).
    if (missed.length > 2) this.sendToAll([missed])
  }

  /**
   * The Yjs client ids an update writes new items for. Each is written over one connection: the
   * one whose presence it is, or the first that wrote it, while that one is here. Another
   * connection's items under that id would take the clocks of edits the owner has yet to send,
   * and Yjs would then drop those edits as known. Such an update waits (DependencyError): a
   * phone on a new connection writes once its old one has gone quiet.
   */
  private checkWriter(decoded: ReturnType<typeof Y.decodeUpdate>, from: Peer): Set<number> {
    const writing = new Set<number>()
    for (const struct of decoded.structs) {
      const client = struct.id.client
      if (writing.has(client)) continue
      if (struct.id.clock + struct.length <= Y.getState(this.doc.store, client)) continue
      const owner = this.presence.speakerOf(client) ?? this.writers.get(client)
      if (owner && owner !== from && this.presence.isLive(owner)) {
        throw new DependencyError('another connection writes as this client')
      }
      writing.add(client)
    }
    return writing
  }

  /** True when an update deletes nothing and every item in it is already in the document. */
  private knowsAll(decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
    if (decoded.ds.clients.size > 0) return false
    return decoded.structs.every(
      (struct) => struct.id.clock + struct.length <= Y.getState(this.doc.store, struct.id.client),
    )
  }

  get peerCount(): number {
    return this.peers.size
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer)
    this.presence.join(peer)
  }

  /** Closes every peer's connection, e.g. because the map was deleted. */
  endAll(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.end(code, reason)
  }

  /** Removes a peer and the presence states it spoke for, telling the others. */
  removePeer(peer: Peer): void {
    this.peers.delete(peer)
    for (const [client, writer] of this.writers) if (writer === peer) this.writers.delete(client)
    this.presence.leave(peer)
  }

  private scheduleCompact(): void {
    if (this.compactQueued) return
    this.compactQueued = true
    void this.enqueue(async () => {
      this.compactQueued = false
      await this.compact()
    })
  }

  /**
   * Merges the room's log into one row; a full or read-only disk leaves the longer log in place.
   * With one server, what the room holds is the whole log; with several, the rows are merged as
   * read under the storage's lock, so an update another server appended meanwhile stays.
   */
  async compact(): Promise<void> {
    if (this.destroyed || this.storedRows <= 1) return
    let size = 0
    // A log nobody else appends to (one server, its own file) is what the room holds.
    const merge =
      this.relay || this.documentLog.shared
        ? (rows: Uint8Array[]) => mergeLog(rows)
        : () => stateOf(this.doc)
    try {
      const done = await this.documentLog.compact(this.name, (rows) => {
        const merged = merge(rows)
        size = merged.length
        return merged
      })
      if (done && size > 0) {
        this.storedRows = 1
        this.storedBytes = size
      }
    } catch (error) {
      log.error('compaction failed, log kept as it is', {
        room: logName(this.name),
        error: errorText(error),
      })
    }
  }

  /** Stores what is waiting, compacts, and leaves memory; used when the room unloads. */
  async close(): Promise<void> {
    await this.settled()
    await this.enqueue(() => this.compact())
    this.destroy()
  }

  destroy(): void {
    this.destroyed = true
    this.presence.destroy()
    this.doc.destroy()
  }
}
