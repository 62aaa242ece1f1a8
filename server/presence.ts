import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { binaryFrames } from './frames.js'
import { encodeAwareness } from './protocol.js'
import type { Peer, RoomRelay } from './peer.js'
import { errorText, log } from './log.js'

/** Presence (awareness) changes are gathered for this long and sent out as one message. */
const PRESENCE_BATCH_MS = 50

/** A connection not heard from for this long may be a phone that moved to a new connection. */
const QUIET_MS = 20_000

/** How often the clocks of presences that are gone are forgotten. */
const PRUNE_EVERY_MS = 60_000

/** Origin of presence changes that came from another server through the relay. */
const REMOTE_PRESENCE = Symbol('remote presence')

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * Who is in a room (awareness): which connection speaks for which presence, so nobody can change
 * or remove someone else's; batched sending; and, with several servers, the presence of the
 * other servers' connections. The server itself has no presence.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  /** The presences (awareness client ids) each connection speaks for. */
  private readonly spokenFor = new Map<Peer, Set<number>>()
  /** Which connection speaks for each presence, and when each connection was last heard. */
  private readonly owners = new Map<number, Peer>()
  private readonly lastHeard = new Map<Peer, number>()
  /** Changes waiting for the next batch, and those of them made on this server. */
  private readonly changed = new Set<number>()
  private readonly ownChanged = new Set<number>()
  private timer: NodeJS.Timeout | null = null
  private readonly pruner: NodeJS.Timeout

  constructor(
    doc: Y.Doc,
    private readonly relay: RoomRelay | null,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
    // Awareness remembers the clock of every presence that ever was, so late messages cannot
    // bring one back; nobody's, once gone for a minute, is forgotten, or made-up ids would pile up.
    this.pruner = setInterval(() => this.prune(), PRUNE_EVERY_MS)
    this.pruner.unref()
  }

  /** Forgets the clocks of presences that are gone and that no connection speaks for. */
  private prune(): void {
    const states = this.awareness.getStates()
    for (const id of [...this.awareness.meta.keys()]) {
      if (!states.has(id) && !this.owners.has(id)) this.awareness.meta.delete(id)
    }
  }

  join(peer: Peer): void {
    this.spokenFor.set(peer, new Set())
    this.heard(peer)
  }

  /** A peer left: the presences it spoke for are removed, and everyone is told. */
  leave(peer: Peer): void {
    const spoken = this.spokenFor.get(peer)
    this.spokenFor.delete(peer)
    this.lastHeard.delete(peer)
    if (spoken && spoken.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...spoken], null)
    }
  }

  /** The presence ids `peer` speaks for now. */
  spokenBy(peer: Peer): ReadonlySet<number> {
    return this.spokenFor.get(peer) ?? new Set()
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
  maySpeakFor(peer: Peer, clientId: number, quietMs = QUIET_MS): boolean {
    const owner = this.owners.get(clientId)
    if (!owner || owner === peer || !this.spokenFor.has(owner)) return true
    return !this.isLive(owner, quietMs)
  }

  /** The live connection that speaks for presence `clientId`, if any. */
  speakerOf(clientId: number): Peer | null {
    const owner = this.owners.get(clientId)
    return owner && this.spokenFor.has(owner) && this.isLive(owner) ? owner : null
  }

  /** True while `peer` is here and was heard from in the last `quietMs`. */
  isLive(peer: Peer, quietMs = QUIET_MS): boolean {
    return this.spokenFor.has(peer) && Date.now() - (this.lastHeard.get(peer) ?? 0) <= quietMs
  }

  /** Presence changes of another server's connections. */
  applyRemote(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_PRESENCE)
    } catch (error) {
      log.warn('a relayed presence update could not be applied', { error: errorText(error) })
    }
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer)
    clearInterval(this.pruner)
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  private readonly onUpdate = (change: AwarenessChange, origin: unknown): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const spoken = this.spokenFor.get(origin as Peer)
    if (spoken) {
      for (const id of [...change.added, ...change.updated]) {
        const previous = this.owners.get(id)
        if (previous && previous !== origin) this.spokenFor.get(previous)?.delete(id)
        this.owners.set(id, origin as Peer)
        spoken.add(id)
      }
      for (const id of change.removed) spoken.delete(id)
    }
    for (const id of change.removed) this.owners.delete(id)
    for (const id of changed) this.changed.add(id)
    // A connection's own change, or its leaving (origin null), is told to the other servers;
    // what came from them, or timed out here as it does there, is not.
    if (this.relay && origin !== REMOTE_PRESENCE && origin !== 'timeout') {
      for (const id of changed) this.ownChanged.add(id)
    }
    this.timer ??= setTimeout(this.flush, PRESENCE_BATCH_MS)
  }

  /**
   * Presence changes of the last few milliseconds go out as one message, so sixty people moving
   * at once cost sixty small messages per batch instead of sixty times sixty. Sent to everyone,
   * the sender included: the stock client counts any message as a sign of life.
   */
  private readonly flush = (): void => {
    this.timer = null
    const known = (ids: Set<number>) => [...ids].filter((id) => this.awareness.meta.has(id))
    const changed = known(this.changed)
    const own = known(this.ownChanged)
    this.changed.clear()
    this.ownChanged.clear()
    if (own.length > 0) {
      this.relay?.({
        kind: 'presence',
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, own),
      })
    }
    if (changed.length === 0) return
    const frames = binaryFrames([encodeAwareness(this.awareness, changed)])
    for (const peer of this.spokenFor.keys()) peer.sendFrames(frames)
  }
}
