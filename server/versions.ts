import { docKey, type CardVersionInfo } from '../shared/protocol.js'
import { MapGoneError, type CardVersionSnapshot, type Storage } from './storage.js'
import { mergeLog } from './updates.js'

/** Versions one map may keep; a meeting a week for four years stays well under. */
export const MAX_VERSIONS = 200

export type SaveResult =
  CardVersionInfo | 'unknown-map' | 'empty-map' | 'map-too-big' | 'too-many-versions'

/**
 * Saved versions of a map: when a facilitator saves one, the server merges each document's log
 * as it is stored into one snapshot and keeps it beside the log, never to change. Merging is
 * what compaction does too, through a document: a version holds what the map showed then, not
 * text deleted or written over before it (the server reads no note). The versions count in the map's size
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
    // The card: its notes and facilitation state (the trajectory it is carried through is not).
    const [map, control] = await Promise.all(
      (['map', 'control'] as const).map((doc) => this.storage.load(docKey(roomId, doc))),
    )
    if (map!.updates.length === 0) return 'empty-map'
    const snapshot: CardVersionSnapshot = {
      map: mergeLog(map!.updates),
      control: mergeLog(control!.updates),
    }
    // The versions, this one among them, may take what the map as it is now leaves of its limit.
    const bytes = this.maxMapBytes - snapshot.map.length - snapshot.control.length
    try {
      const saved = await this.storage.saveVersion(roomId, label, snapshot, now, {
        count: MAX_VERSIONS,
        bytes,
      })
      if (typeof saved !== 'string') this.onSaved(roomId, saved.bytes)
      return saved
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
