import { CloseCode, CloseReason, docKey, docKeysOf } from '../shared/protocol.js'
import type { Relay } from './relay.js'
import type { RoomRegistry } from './rooms.js'
import type { MapRecords } from './storage.js'
import { log, logName } from './log.js'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deleting maps for good, on the facilitator's request or by retention: the map leaves every
 * table first; only then is everyone connected told (4410, and their browsers erase their
 * copies), on this server and through the relay on the others, and the map leaves memory. When
 * storage cannot delete it, nobody is told anything and the map stays as it was.
 */
export class MapDeletion {
  constructor(
    private readonly records: MapRecords,
    private readonly rooms: RoomRegistry,
    private readonly relay: Relay | null,
  ) {}

  /** Deletes one map; nobody is told before storage has deleted it, and then everybody is. */
  async delete(roomId: string): Promise<void> {
    const docs = docKeysOf(roomId)
    await this.records.deleteMap(roomId)
    for (const doc of docs) this.rooms.evict(doc, CloseCode.deleted, CloseReason.mapDeleted)
    for (const doc of docs) this.relay?.publish(doc, { kind: 'deleted' })
    log.info('map deleted', { room: logName(roomId) })
  }

  /**
   * Deletes a map's trajectory for good; the map stays. Storage first (when it fails, nobody is
   * told); then everyone connected to it is told (4410), here and on the other servers, and
   * once what this server was storing of it is done, its rows are deleted again: whatever was
   * on its way meanwhile goes too. The first deletion counts in the trajectory's epoch, so a
   * device that reconnects with what it held is refused. False when there is no such map.
   */
  async deleteTrajectory(roomId: string): Promise<boolean> {
    const doc = docKey(roomId, 'trajectory')
    if (!(await this.records.deleteTrajectory(roomId))) return false
    this.relay?.publish(doc, { kind: 'deleted' })
    await this.rooms.evictSettled(doc, CloseCode.deleted, CloseReason.trajectoryDeleted)
    await this.records.deleteTrajectory(roomId, { again: true })
    log.info('trajectory deleted', { room: logName(roomId) })
    return true
  }

  /** Deletes maps nobody changed in `days` days, except ones somebody has open. Returns how many. */
  async sweep(days: number, now = Date.now()): Promise<number> {
    if (days <= 0) return 0
    const cutoff = now - days * DAY_MS
    let deleted = 0
    for (const room of await this.records.staleMaps(cutoff)) {
      const inUse = docKeysOf(room).some((doc) => (this.rooms.get(doc)?.peerCount ?? 0) > 0)
      if (inUse) continue
      await this.delete(room)
      deleted++
    }
    return deleted
  }
}
