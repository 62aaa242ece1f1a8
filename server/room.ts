import { deflateRawSync } from 'node:zlib'
import * as Y from 'yjs'
import { CloseCode, CloseReason } from '../shared/protocol.js'
import { RoomPresence } from './presence.js'
import { binaryFrames } from './frames.js'
import { encodeSyncUpdate } from './protocol.js'
import type { Peer, RoomRelay } from './peer.js'
import type { DecodedUpdate, Replica, ReplicaPolicy } from './replicaPolicy.js'
import { MapGoneError, type DocumentLog } from './storage.js'
import { applyLog, mergeLog, REMOTE_ORIGIN, SERVER_ORIGIN, stateOf } from './updates.js'
import { errorText, log, logName } from './log.js'

export interface RoomOptions {
  /** The rules for what this room lets in, made for the room (see `ReplicaPolicy`). */
  policy: (replica: Replica) => ReplicaPolicy
  /** With more than one server: where this room's stored updates and presence go. */
  relay?: RoomRelay | null
  /** Called when storage says the map was deleted (on another server, say). */
  onGone?: () => void
}

/**
 * One live room: its log and its fan-out. It holds a replica of the document (a Y.Doc, loaded
 * from disk before anyone syncs), its awareness and its peers. Every update a client sends is
 * let in by the room's policy and appended to the log before it is relayed or applied: what
 * anyone has seen, and what the room holds, is on disk too. The room itself never looks inside
 * an update to decide anything: what may go in is the policy's business.
 */
export class Room implements Replica {
  readonly doc = new Y.Doc({ gc: true })
  readonly presence: RoomPresence
  private readonly peers = new Set<Peer>()
  /** Rows this server knows in the room's log; compaction brings it back to one. */
  private rows: number
  /** Bytes of those rows. */
  private bytes: number
  /** Bytes of the updates admitted and not yet stored (or refused). */
  private waitingBytes = 0
  /**
   * Updates admitted in this turn of the event loop, waiting for their group commit, with who
   * sent each and what the policy holds for it (side by side: no object per update).
   */
  private updates: Uint8Array[] = []
  private senders: Peer[] = []
  private admissions: unknown[] = []
  private flushScheduled = false
  private compactQueued = false
  /** Commits and compactions, one after the other in order. */
  private queue: Promise<void> = Promise.resolve()
  private destroyed = false
  private readonly documentLog: DocumentLog
  private readonly policy: ReplicaPolicy
  private readonly relay: RoomRelay | null
  private readonly onGone: () => void

  /** Use `Room.load`; `stored` is the room's log as read from storage. */
  constructor(
    readonly name: string,
    documentLog: DocumentLog,
    stored: readonly Uint8Array[],
    options: RoomOptions,
  ) {
    this.documentLog = documentLog
    this.relay = options.relay ?? null
    this.onGone = options.onGone ?? (() => this.endAll(CloseCode.deleted, CloseReason.mapDeleted))
    const unreadable = applyLog(this.doc, stored, SERVER_ORIGIN)
    if (unreadable > 0) {
      log.error('skipped unreadable stored updates', { room: logName(name), unreadable })
    }
    this.rows = stored.length
    this.bytes = stored.reduce((sum, update) => sum + update.length, 0)
    this.presence = new RoomPresence(this.doc, this.relay)
    this.doc.on('update', () => {
      this.fullState = null
      this.fullStateDeflated = null
    })
    this.policy = options.policy(this)
    if (this.policy.compactDue(this.rows)) this.scheduleCompact()
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

  get storedRows(): number {
    return this.rows
  }

  get storedBytes(): number {
    return this.bytes
  }

  get pendingBytes(): number {
    return this.waitingBytes
  }

  mergedBytes(): number {
    return stateOf(this.doc).length
  }

  expectCompaction(bytes: number): void {
    this.bytes = Math.min(this.bytes, bytes)
    this.scheduleCompact()
  }

  /**
   * Takes one update from a client: the policy lets it in (or throws, and then nothing of it is
   * stored, applied or relayed), then it is queued for the group commit below, which appends it
   * to the log before it is relayed or applied.
   */
  receive(update: Uint8Array, decoded: DecodedUpdate, from: Peer): void {
    const admission = this.policy.admit(update, decoded, from)
    if (admission === null) return
    this.updates.push(update)
    this.senders.push(from)
    this.admissions.push(admission)
    this.waitingBytes += update.length
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
    const updates = this.updates
    if (updates.length === 0 || this.destroyed) return
    const senders = this.senders
    const admissions = this.admissions
    this.updates = []
    this.senders = []
    this.admissions = []
    const bytes = updates.reduce((sum, update) => sum + update.length, 0)
    try {
      await this.documentLog.append(this.name, updates)
    } catch (error) {
      for (const admission of admissions) this.policy.released(admission)
      if (error instanceof MapGoneError) {
        // Deleted meanwhile (on another server, or a moment ago here): nothing was written.
        this.onGone()
        return
      }
      log.error('could not store updates', {
        room: logName(this.name),
        updates: updates.length,
        error: errorText(error),
      })
      for (const writer of new Set(senders)) writer.storageFailed()
      return
    } finally {
      // Stored or refused, these no longer wait.
      this.waitingBytes -= bytes
    }
    if (this.destroyed) return
    this.rows += updates.length
    this.bytes += bytes
    // Stored, so it may go out: first to the other servers, whose peers then get it while this
    // server writes to its own; then to the peers here, framed once and each peer in one write
    // (one system call for the batch instead of one per update); only then is it applied here.
    this.relay?.({ kind: 'updates', updates })
    const messages = updates.map(encodeSyncUpdate)
    const frames = binaryFrames(messages)
    const writers = new Set(senders)
    for (const peer of this.peers) {
      if (!writers.has(peer)) {
        peer.sendFrames(frames)
        continue
      }
      const theirs = messages.filter((_, i) => senders[i] !== peer)
      if (theirs.length > 0) peer.sendFrames(binaryFrames(theirs))
    }
    for (let i = 0; i < updates.length; i++) {
      const from = senders[i]!
      // Decoded fine but cannot be applied: its sender speaks no valid Yjs. The rest goes on.
      if (!this.apply(updates[i]!, from)) {
        from.end(CloseCode.malformed, CloseReason.unreadableUpdate)
      }
      this.policy.released(admissions[i])
    }
    if (this.policy.compactDue(this.rows)) this.scheduleCompact()
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

  /** The whole document in raw DEFLATE, kept as long as `fullState`. */
  private fullStateDeflated: Uint8Array | null = null

  /**
   * An answer of `stateFor` in raw DEFLATE, for a client that reads it so; the whole document's
   * is compressed once for everyone who opens the map.
   */
  deflated(state: Uint8Array): Uint8Array {
    if (state !== this.fullState) return deflateRawSync(state)
    this.fullStateDeflated ??= deflateRawSync(state)
    return this.fullStateDeflated
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

  /** Connections in the room now; an empty room may unload. */
  get peerCount(): number {
    return this.peers.size
  }

  /** Adds a peer: from now on it is sent every stored update and presence change. */
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
    this.policy.left(peer)
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
    if (this.destroyed || this.rows <= 1) return
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
        this.rows = 1
        this.bytes = size
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

  /** Leaves memory at once, storing nothing more: after it, nothing reaches the log. */
  destroy(): void {
    this.destroyed = true
    this.presence.destroy()
    this.doc.destroy()
  }
}
