import { CloseCode, CloseReason, docKey, parseDocKey } from '../shared/protocol.js'
import { CONTROL_DOC, MAP_DOC } from '../shared/schema.js'
import { TRAJECTORY_DOC } from '../shared/trajectorySchema.js'
import type { DocLimits } from './limits.js'
import type { Relay, RelayMessage } from './relay.js'
import { MapPolicy } from './mapPolicy.js'
import { Room } from './room.js'
import type { CardVersionStore, DocumentLog } from './storage.js'
import { errorText, log, logName } from './log.js'

/** The shape of each document of a map, by its name. */
const DOC_SHAPES = { map: MAP_DOC, control: CONTROL_DOC, trajectory: TRAJECTORY_DOC } as const

/** Thrown when a room should be loaded but the server already holds as many as it may. */
export class RoomsFullError extends Error {}

/** Thrown when a room cannot be opened because the relay to the other servers is down. */
class RelayDownError extends Error {}

/**
 * The shared documents in memory, by storage name (`<room>` for the map, `<room>/control` for
 * the facilitation state). Each is loaded from storage on first use and unloaded (after
 * compaction) once it has had no peers for `idleMs`. At most `maxRooms` are held at once. With a
 * relay, the server listens to the other servers for every document it holds.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  /** Rooms storing their last updates on the way out; they load again only after that. */
  private readonly closing = new Map<string, Promise<void>>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  /** Bytes the saved versions of each map in memory take of its size limit (by map document). */
  private readonly reserved = new Map<string, { bytes: number }>()
  /** Maps a version was saved of while they were loading: their versions are counted again. */
  private readonly recountAfterLoad = new Set<string>()
  private stopped = false

  constructor(
    private readonly documentLog: DocumentLog & Pick<CardVersionStore, 'listVersions'>,
    private readonly options: {
      idleMs: number
      compactAfterUpdates: number
      maxRooms: number
      limits: DocLimits
    },
    private readonly relay: Relay | null = null,
  ) {
    relay?.onReconnect(() => void this.reloadAll())
  }

  get size(): number {
    return this.rooms.size
  }

  /**
   * A version of the map was saved on this server: while its document is in memory, the bytes
   * count in its size limit at once. The other servers holding it count its versions again, and
   * so does this one when it was loading the map just then.
   */
  versionSaved(roomId: string, bytes: number): void {
    const id = docKey(roomId, 'map')
    const reserved = this.reserved.get(id)
    if (reserved) reserved.bytes += bytes
    else if (this.loading.has(id)) this.recountAfterLoad.add(id)
    this.relay?.publish(id, { kind: 'versions' })
  }

  /** Reads again how many bytes the saved versions of a map in memory take. */
  private async recount(id: string): Promise<void> {
    const reserved = this.reserved.get(id)
    if (!reserved) return
    try {
      const versions = await this.documentLog.listVersions(parseDocKey(id).roomId)
      // Versions are never taken away (only with the map), so the count only grows: a save
      // counted here meanwhile is not lost to a list read before it.
      const bytes = versions.reduce((sum, version) => sum + version.bytes, 0)
      reserved.bytes = Math.max(reserved.bytes, bytes)
    } catch (error) {
      log.error('could not count saved versions', { room: logName(id), error: errorText(error) })
    }
  }

  /** The room for `id` if it is in memory. */
  get(id: string): Room | undefined {
    return this.rooms.get(id)
  }

  /**
   * The live room for `id`, loaded from storage first when it is not in memory. When the server
   * is full, rooms nobody is in are unloaded first; if that frees nothing, RoomsFullError. The
   * caller adds a peer or calls `release`.
   */
  async open(id: string): Promise<Room> {
    if (this.stopped) throw new Error('server stopping')
    this.cancelUnload(id)
    const room = this.rooms.get(id)
    if (room) return room
    const loading = this.loading.get(id)
    if (loading) return loading
    if (this.rooms.size + this.loading.size >= this.options.maxRooms) {
      for (const idle of [...this.idleTimers.keys()]) void this.unload(idle)
      if (this.rooms.size + this.loading.size >= this.options.maxRooms) {
        throw new RoomsFullError()
      }
    }
    const load = this.load(id).finally(() => this.loading.delete(id))
    this.loading.set(id, load)
    return load
  }

  private async load(id: string): Promise<Room> {
    await this.closing.get(id)
    const relay = this.relay
    let room: Room | null = null
    const early: RelayMessage[] = []
    if (relay) {
      if (!relay.ready) throw new RelayDownError()
      // Listening starts before the log is read: an update stored meanwhile is either in what
      // is read or in a message, never in neither.
      await relay.subscribe(id, (message) => {
        if (room) this.onRelay(id, room, message)
        else early.push(message)
      })
    }
    try {
      const { roomId, doc } = parseDocKey(id)
      const shape = DOC_SHAPES[doc]
      // A map's saved versions count in its size limit (see `CardVersions`).
      const reserved = {
        bytes:
          doc === 'map'
            ? (await this.documentLog.listVersions(roomId)).reduce((sum, v) => sum + v.bytes, 0)
            : 0,
      }
      this.reserved.set(id, reserved)
      room = await Room.load(id, this.documentLog, {
        policy: (replica) => new MapPolicy(replica, shape, { ...this.options, reserved }),
        relay: relay ? (message) => relay.publish(id, message) : null,
        onGone: () => this.evict(id, CloseCode.deleted, CloseReason.mapDeleted),
      })
    } catch (error) {
      relay?.unsubscribe(id)
      this.reserved.delete(id)
      this.recountAfterLoad.delete(id)
      throw error
    }
    this.rooms.set(id, room)
    for (const message of early) this.onRelay(id, room, message)
    if (this.recountAfterLoad.delete(id)) void this.recount(id)
    return room
  }

  private onRelay(id: string, room: Room, message: RelayMessage): void {
    switch (message.kind) {
      case 'updates':
        room.applyRemote(message.updates)
        return
      case 'presence':
        room.presence.applyRemote(message.update)
        return
      case 'reload':
        void this.reload(room)
        return
      case 'deleted': {
        // A map, or only its trajectory, was deleted on another server.
        const trajectory = parseDocKey(id).doc === 'trajectory'
        const reason = trajectory ? CloseReason.trajectoryDeleted : CloseReason.mapDeleted
        this.evict(id, CloseCode.deleted, reason)
        return
      }
      case 'versions':
        void this.recount(id)
        return
    }
  }

  private async reload(room: Room): Promise<void> {
    try {
      await room.reload()
    } catch (error) {
      log.error('could not reload a room', { room: logName(room.name), error: errorText(error) })
    }
  }

  /**
   * After the relay was away: every room reads its log again, and asks the other servers to do
   * the same, since messages may have been lost both ways.
   */
  private async reloadAll(): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      this.relay?.publish(room.name, { kind: 'reload' })
      await this.reload(room)
    }
  }

  /** Schedules unloading of a room that has no peers left. */
  release(id: string): void {
    if (this.stopped) return
    const room = this.rooms.get(id)
    if (!room || room.peerCount > 0) return
    this.cancelUnload(id)
    const timer = setTimeout(() => void this.unload(id), this.options.idleMs)
    timer.unref()
    this.idleTimers.set(id, timer)
  }

  /** Drops a room from memory without compacting it, closing its peers first (map deleted). */
  evict(id: string, code: number, reason: string): void {
    this.cancelUnload(id)
    const room = this.rooms.get(id)
    if (!room) return
    this.rooms.delete(id)
    this.reserved.delete(id)
    this.relay?.unsubscribe(id)
    room.endAll(code, reason)
    room.destroy()
  }

  /**
   * Drops a room as `evict` does, and resolves once what it was storing is stored: after that,
   * nothing of it reaches the log from this server.
   */
  async evictSettled(id: string, code: number, reason: string): Promise<void> {
    const room = this.rooms.get(id)
    this.evict(id, code, reason)
    await room?.settled()
  }

  /** Stores, compacts and drops every room, peers or not; at shutdown, after which nothing loads. */
  async unloadAll(): Promise<void> {
    this.stopped = true
    await Promise.allSettled([...this.loading.values()])
    await Promise.all([...this.rooms.keys()].map((id) => this.unload(id, true)))
  }

  private async unload(id: string, evenWithPeers = false): Promise<void> {
    this.cancelUnload(id)
    const room = this.rooms.get(id)
    if (!room || (room.peerCount > 0 && !evenWithPeers)) return
    this.rooms.delete(id)
    this.reserved.delete(id)
    this.relay?.unsubscribe(id)
    this.documentLog.forget(id)
    const closing = room.close().finally(() => this.closing.delete(id))
    this.closing.set(id, closing)
    await closing
  }

  private cancelUnload(id: string): void {
    const timer = this.idleTimers.get(id)
    if (timer) {
      clearTimeout(timer)
      this.idleTimers.delete(id)
    }
  }
}
