import { Room } from './room.js'
import type { UpdateStore } from './storage.js'

/** A room id is 22 to 64 characters of base64url: at least 128 random bits from the client. */
const ROOM_ID = /^[A-Za-z0-9_-]{22,64}$/

/** True when `id` has the shape of a room id; anything else is refused before a room is made. */
export function isValidRoomId(id: string): boolean {
  return ROOM_ID.test(id)
}

/**
 * The rooms in memory. A room is loaded from disk on first use and unloaded (after compaction)
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
