import { createHash } from 'node:crypto'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from './connection.js'
import { checkUpdate, LimitError, type DocLimits } from './limits.js'
import { encodeAwareness, encodeSyncUpdate } from './protocol.js'
import type { UpdateStore } from './storage.js'
import { errorText, log } from './log.js'

/** Something a room can send bytes to: one websocket connection. */
export interface Peer {
  send(message: Uint8Array): void
  /** Closes the peer's connection with a code and reason (the map was deleted, say). */
  end(code: number, reason: string): void
  /** Its updates could not be stored: the connection is closed with 4507 and it retries later. */
  storageFailed(): void
}

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

/** Presence (awareness) changes are gathered for this long and sent out as one message. */
const PRESENCE_BATCH_MS = 50

/** Transaction origin for changes the server makes itself (loading from disk). */
export const SERVER_ORIGIN = Symbol('server')

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * One live room: its Y.Doc (loaded from disk before anyone syncs), its awareness, and its peers.
 * Every update a client sends is checked against the limits and appended to the store before it
 * is relayed or applied: what anyone has seen, and what the room holds, is on disk too.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: awarenessProtocol.Awareness
  private readonly peers = new Map<Peer, Set<number>>()
  private lastSeq: number
  /** Rows in this room's log on disk; compaction brings it back to one. */
  private storedRows: number
  /** Bytes in this room's log on disk. */
  private storedBytes: number
  /** Which connection speaks for each presence (awareness client id), and when it last did. */
  private readonly presenceOwners = new Map<number, Peer>()
  private readonly lastHeard = new Map<Peer, number>()
  /** Presence changes waiting for the next batch. */
  private readonly presenceChanged = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  /** Updates accepted in this turn of the event loop, waiting for their group commit. */
  private writes: { update: Uint8Array; from: Peer }[] = []
  /** Ids of notes those updates add, so the note limit counts them before they are applied. */
  private readonly pendingNotes = new Set<string>()
  private pendingBytes = 0
  private flushScheduled = false
  private destroyed = false

  constructor(
    readonly name: string,
    private readonly store: UpdateStore,
    private readonly compactAfterUpdates: number,
    private readonly limits: DocLimits,
  ) {
    const stored = store.load(name)
    this.doc.transact(() => {
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(this.doc, update)
        } catch (error) {
          // One unreadable row must not take the rest of the map with it.
          log.error('skipped an unreadable stored update', {
            room: logName(name),
            error: errorText(error),
          })
        }
      }
    }, SERVER_ORIGIN)
    this.lastSeq = stored.lastSeq
    this.storedRows = stored.updates.length
    this.storedBytes = stored.updates.reduce((sum, update) => sum + update.length, 0)
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (this.storedRows > this.compactAfterUpdates) this.tryCompact()
  }

  /** The map document (not the facilitation one) is where notes live and are counted. */
  private get isMapDoc(): boolean {
    return !this.name.includes('/')
  }

  /**
   * Takes one update from a client: checks it against the limits, then queues it for the group
   * commit below, which appends it to the log before it is relayed or applied. Throws LimitError,
   * and then nothing of it is stored, applied or relayed.
   */
  receive(update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>, from: Peer): void {
    // A reconnecting client's "here is what you lack" is often nothing: nothing to store.
    if (this.knowsAll(decoded)) return
    const notes = this.doc.getMap('notes')
    const pendingNotes = this.pendingNotes
    const added = checkUpdate(
      decoded,
      this.limits,
      this.isMapDoc
        ? {
            count: notes.size + pendingNotes.size,
            has: (id) => notes.has(id) || pendingNotes.has(id),
          }
        : null,
    )
    if (this.storedBytes + this.pendingBytes + update.length > this.limits.maxDocBytes) {
      // The log may hold history a compaction would merge away; only then is the map too big.
      this.flushWrites()
      this.tryCompact()
      if (this.storedBytes + update.length > this.limits.maxDocBytes) {
        throw new LimitError('map-too-big')
      }
    }
    for (const id of added) pendingNotes.add(id)
    this.writes.push({ update, from })
    this.pendingBytes += update.length
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(this.flushWrites)
    }
  }

  /**
   * Group commit: the updates that arrived in one turn of the event loop are appended in one
   * transaction, and only then relayed to the other peers and applied, in arrival order. What
   * anyone has seen is on disk. When the disk refuses, none of them is relayed or applied, and
   * the connections that sent them are told (4507).
   */
  readonly flushWrites = (): void => {
    this.flushScheduled = false
    const batch = this.writes
    if (batch.length === 0 || this.destroyed) return
    this.writes = []
    this.pendingBytes = 0
    this.pendingNotes.clear()
    try {
      this.lastSeq = this.store.appendMany(
        this.name,
        batch.map((write) => write.update),
      )
    } catch (error) {
      log.error('could not store updates', {
        room: logName(this.name),
        updates: batch.length,
        error: errorText(error),
      })
      for (const from of new Set(batch.map((write) => write.from))) from.storageFailed()
      return
    }
    for (const { update, from } of batch) {
      this.storedRows++
      this.storedBytes += update.length
      // On disk, so it may go out: the others get it before the server spends time applying it.
      const message = encodeSyncUpdate(update)
      for (const peer of this.peers.keys()) {
        if (peer !== from) peer.send(message)
      }
      try {
        Y.applyUpdate(this.doc, update, from)
      } catch (error) {
        // Decoded fine but cannot be applied: its sender speaks no valid Yjs. The rest goes on.
        log.warn('an update could not be applied', {
          room: logName(this.name),
          error: errorText(error),
        })
        from.end(CloseCode.malformed, 'unreadable update')
      }
    }
    if (this.storedRows > this.compactAfterUpdates) this.tryCompact()
  }

  /** True when an update deletes nothing and every item in it is already in the document. */
  private knowsAll(decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
    if (decoded.ds.clients.size > 0) return false
    return decoded.structs.every(
      (struct) => struct.id.clock + struct.length <= Y.getState(this.doc.store, struct.id.client),
    )
  }

  /** Notes that this peer is alive; a live peer keeps the presence it speaks for. */
  heard(peer: Peer): void {
    this.lastHeard.set(peer, Date.now())
  }

  /**
   * Whether `peer` may set the presence of awareness client `clientId`: yes when nobody speaks for
   * it, or when its speaker has gone quiet (a phone reconnecting before its old socket timed out);
   * no when another live connection does, so nobody can change or remove someone else's presence.
   */
  maySpeakFor(peer: Peer, clientId: number, quietMs = 20_000): boolean {
    const owner = this.presenceOwners.get(clientId)
    if (!owner || owner === peer || !this.peers.has(owner)) return true
    return Date.now() - (this.lastHeard.get(owner) ?? 0) > quietMs
  }

  get peerCount(): number {
    return this.peers.size
  }

  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set())
    this.heard(peer)
  }

  /** Closes every peer's connection, e.g. because the map was deleted. */
  endAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.end(code, reason)
  }

  /** Removes a peer and the presence states it controlled, telling the others. */
  removePeer(peer: Peer): void {
    const controlled = this.peers.get(peer)
    this.peers.delete(peer)
    this.lastHeard.delete(peer)
    if (controlled && controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null)
    }
  }

  /**
   * Merges the whole log into one row: the document's state plus anything still waiting for an
   * update it depends on, which is everything stored. Throws when the store cannot write.
   */
  compact(): void {
    this.flushWrites()
    if (this.storedRows <= 1) return
    const pending = pendingOf(this.doc)
    const state = Y.encodeStateAsUpdate(this.doc)
    const merged = pending.length > 0 ? Y.mergeUpdates([state, ...pending]) : state
    this.lastSeq = this.store.compact(this.name, merged, this.lastSeq)
    this.storedRows = 1
    this.storedBytes = merged.length
  }

  /** Compacts when it can; a full or read-only disk leaves the longer log in place. */
  tryCompact(): void {
    try {
      this.compact()
    } catch (error) {
      log.error('compaction failed, log kept as it is', {
        room: logName(this.name),
        error: errorText(error),
      })
    }
  }

  destroy(): void {
    this.destroyed = true
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const controlled = this.peers.get(origin as Peer)
    if (controlled) {
      for (const id of [...change.added, ...change.updated]) {
        const previous = this.presenceOwners.get(id)
        if (previous && previous !== origin) this.peers.get(previous)?.delete(id)
        this.presenceOwners.set(id, origin as Peer)
        controlled.add(id)
      }
      for (const id of change.removed) controlled.delete(id)
    }
    for (const id of change.removed) this.presenceOwners.delete(id)
    for (const id of changed) this.presenceChanged.add(id)
    this.presenceTimer ??= setTimeout(this.flushPresence, PRESENCE_BATCH_MS)
  }

  /**
   * Presence changes of the last few milliseconds go out as one message, so sixty people moving
   * at once cost sixty small messages per batch instead of sixty times sixty. Sent to everyone,
   * the sender included: the stock client counts any message as a sign of life.
   */
  private readonly flushPresence = (): void => {
    this.presenceTimer = null
    const changed = [...this.presenceChanged].filter((id) => this.awareness.meta.has(id))
    this.presenceChanged.clear()
    if (changed.length === 0) return
    const message = encodeAwareness(this.awareness, changed)
    for (const peer of this.peers.keys()) peer.send(message)
  }
}
