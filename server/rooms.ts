import { Room } from './room.js'
import type { UpdateStore } from './storage.js'

/**
 * The shared documents in memory, by storage name (`<room>` for the map, `<room>/control` for
 * the facilitation state). Each is loaded from disk on first use and unloaded (after compaction)
 * once it has had no peers for `idleMs`.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly store: UpdateStore,
    private readonly options: { idleMs: number; compactAfterUpdates: number },
  ) {}

  get size(): number {
    return this.rooms.size
  }

  /** The live room for `id`, loaded from disk first when it is not in memory. */
  open(id: string): Room {
    this.cancelUnload(id)
    let room = this.rooms.get(id)
    if (!room) {
      room = new Room(id, this.store, this.options.compactAfterUpdates)
      this.rooms.set(id, room)
    }
    return room
  }

  /** Schedules unloading of a room that has no peers left. */
  release(id: string): void {
    const room = this.rooms.get(id)
    if (!room || room.peerCount > 0) return
    this.cancelUnload(id)
    const timer = setTimeout(() => this.unload(id), this.options.idleMs)
    timer.unref()
    this.idleTimers.set(id, timer)
  }

  /** Compacts and drops every room; used at shutdown. */
  unloadAll(): void {
    for (const id of [...this.rooms.keys()]) this.unload(id)
  }

  private unload(id: string): void {
    this.cancelUnload(id)
    const room = this.rooms.get(id)
    if (!room || room.peerCount > 0) return
    room.compact()
    room.destroy()
    this.rooms.delete(id)
  }

  private cancelUnload(id: string): void {
    const timer = this.idleTimers.get(id)
    if (timer) {
      clearTimeout(timer)
      this.idleTimers.delete(id)
    }
  }
}
