import { createHash } from 'node:crypto'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness, encodeSyncUpdate } from './protocol.js'
import type { UpdateStore } from './storage.js'

/** Something a room can send bytes to: one websocket connection. */
export interface Peer {
  send(message: Uint8Array): void
}

/** A short, non-reversible name for a room in logs: the room id itself is the key to the map. */
export function logName(room: string): string {
  return createHash('sha256').update(room).digest('hex').slice(0, 8)
}

/** Transaction origin for changes the server makes itself (loading from disk). */
export const SERVER_ORIGIN = Symbol('server')

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * One live room: its Y.Doc (loaded from disk before anyone syncs), its awareness, and its peers.
 * Every accepted update is appended to the store before it is relayed to the other peers.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: awarenessProtocol.Awareness
  private readonly peers = new Map<Peer, Set<number>>()
  private lastSeq: number
  /** Rows in this room's log on disk; compaction brings it back to one. */
  private storedRows: number

  constructor(
    readonly name: string,
    private readonly store: UpdateStore,
    private readonly compactAfterUpdates: number,
  ) {
    const log = store.load(name)
    this.doc.transact(() => {
      for (const update of log.updates) {
        try {
          Y.applyUpdate(this.doc, update)
        } catch (error) {
          // One unreadable row must not take the rest of the map with it.
          console.error(`room ${logName(name)}: skipped an unreadable stored update:`, error)
        }
      }
    }, SERVER_ORIGIN)
    this.lastSeq = log.lastSeq
    this.storedRows = log.updates.length
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (this.storedRows > this.compactAfterUpdates) this.compact()
  }

  get peerCount(): number {
    return this.peers.size
  }

  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set())
  }

  /** Removes a peer and the presence states it controlled, telling the others. */
  removePeer(peer: Peer): void {
    const controlled = this.peers.get(peer)
    this.peers.delete(peer)
    if (controlled && controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null)
    }
  }

  /** Merges the whole log into one row; the doc's state is by definition everything stored. */
  compact(): void {
    if (this.storedRows <= 1) return
    this.lastSeq = this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
    this.storedRows = 1
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === SERVER_ORIGIN) return
    // Disk first: a change is relayed only once it would survive a crash.
    this.lastSeq = this.store.append(this.name, update)
    this.storedRows++
    const message = encodeSyncUpdate(update)
    for (const peer of this.peers.keys()) {
      if (peer !== origin) peer.send(message)
    }
    if (this.storedRows > this.compactAfterUpdates) this.compact()
  }

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const controlled = this.peers.get(origin as Peer)
    if (controlled) {
      for (const id of change.added) controlled.add(id)
      for (const id of change.removed) controlled.delete(id)
    }
    // Sent to everyone, the sender included: the stock client counts any message as a sign of life.
    const message = encodeAwareness(this.awareness, changed)
    for (const peer of this.peers.keys()) peer.send(message)
  }
}
