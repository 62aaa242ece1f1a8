import type { DocLimits } from './limits.js'
import { Room } from './room.js'
import type { UpdateStore } from './storage.js'

/** Thrown when a room should be loaded but the server already holds as many as it may. */
export class RoomsFullError extends Error {}

/**
 * The shared documents in memory, by storage name (`<room>` for the map, `<room>/control` for
 * the facilitation state). Each is loaded from disk on first use and unloaded (after compaction)
 * once it has had no peers for `idleMs`. At most `maxRooms` are held at once.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  private stopped = false

  constructor(
    private readonly store: UpdateStore,
    private readonly options: {
      idleMs: number
      compactAfterUpdates: number
      maxRooms: number
      limits: DocLimits
    },
  ) {}

  get size(): number {
    return this.rooms.size
  }

  /** The room for `id` if it is in memory. */
  get(id: string): Room | undefined {
    return this.rooms.get(id)
  }

  /**
   * The live room for `id`, loaded from disk first when it is not in memory. When the server is
   * full, rooms nobody is in are unloaded first; if that frees nothing, RoomsFullError.
   */
  open(id: string): Room {
    this.cancelUnload(id)
    let room = this.rooms.get(id)
    if (!room) {
      if (this.rooms.size >= this.options.maxRooms) {
        for (const idle of [...this.idleTimers.keys()]) this.unload(idle)
        if (this.rooms.size >= this.options.maxRooms) throw new RoomsFullError()
      }
      room = new Room(id, this.store, this.options.compactAfterUpdates, this.options.limits)
      this.rooms.set(id, room)
    }
    return room
  }

  /** Schedules unloading of a room that has no peers left. */
  release(id: string): void {
    if (this.stopped) return
    const room = this.rooms.get(id)
    if (!room || room.peerCount > 0) return
    this.cancelUnload(id)
    const timer = setTimeout(() => this.unload(id), this.options.idleMs)
    timer.unref()
    this.idleTimers.set(id, timer)
  }

  /** Drops a room from memory without compacting it, closing its peers first (map deleted). */
  evict(id: string, code: number, reason: string): void {
    this.cancelUnload(id)
    const room = this.rooms.get(id)
    if (!room) return
    this.rooms.delete(id)
    room.endAll(code, reason)
    room.destroy()
  }

  /** Compacts and drops every room, peers or not; used at shutdown, after which nothing loads. */
  unloadAll(): void {
    this.stopped = true
    for (const id of [...this.rooms.keys()]) this.unload(id, true)
  }

  private unload(id: string, evenWithPeers = false): void {
    this.cancelUnload(id)
    const room = this.rooms.get(id)
    if (!room || (room.peerCount > 0 && !evenWithPeers)) return
    room.tryCompact()
    room.destroy()
    this.rooms.delete(id)
    this.store.forget(id)
  }

  private cancelUnload(id: string): void {
    const timer = this.idleTimers.get(id)
    if (timer) {
      clearTimeout(timer)
      this.idleTimers.delete(id)
    }
  }
}
