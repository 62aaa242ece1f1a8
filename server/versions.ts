import * as Y from 'yjs'
import { docKeysOf, type CardVersionInfo } from '../shared/protocol.js'
import { MapGoneError, type CardVersionSnapshot, type Storage } from './storage.js'

/** Versions one map may keep; a meeting a week for four years stays well under. */
export const MAX_VERSIONS = 200

export type SaveResult =
  CardVersionInfo | 'unknown-map' | 'empty-map' | 'map-too-big' | 'too-many-versions'

/**
 * Saved versions of a map: when a facilitator saves one, the server merges each document's log
 * as it is stored into one snapshot and keeps it beside the log, never to change. Merging is
 * what compaction does too: the server reads no note. The versions count in the map's size
 * limit: the map as it is now and all its versions together stay within `maxMapBytes`.
 */
export class CardVersions {
  constructor(
    private readonly storage: Storage,
    private readonly maxMapBytes: number,
    /** Told of every version saved, so a map in memory counts it in its limit at once. */
    private readonly onSaved: (roomId: string, bytes: number) => void = () => {},
  ) {}

  async save(roomId: string, label: string, now = Date.now()): Promise<SaveResult> {
    const [map, control] = await Promise.all(docKeysOf(roomId).map((doc) => this.storage.load(doc)))
    if (map!.updates.length === 0) return 'empty-map'
    const snapshot: CardVersionSnapshot = {
      map: Y.mergeUpdates(map!.updates),
      control:
        control!.updates.length > 0
          ? Y.mergeUpdates(control!.updates)
          : Y.encodeStateAsUpdate(new Y.Doc()),
    }
    const existing = await this.storage.listVersions(roomId)
    if (existing.length >= MAX_VERSIONS) return 'too-many-versions'
    const budget = this.maxMapBytes - snapshot.map.length - snapshot.control.length
    try {
      const saved = await this.storage.saveVersion(roomId, label, snapshot, now, budget)
      if (saved) this.onSaved(roomId, saved.bytes)
      return saved ?? 'map-too-big'
    } catch (error) {
      // Deleted while the snapshot was made: nothing was saved.
      if (error instanceof MapGoneError) return 'unknown-map'
      throw error
    }
  }

  list(roomId: string): Promise<CardVersionInfo[]> {
    return this.storage.listVersions(roomId)
  }

  load(roomId: string, number: number): Promise<CardVersionSnapshot | null> {
    return this.storage.loadVersion(roomId, number)
  }
}
