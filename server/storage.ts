import { parseDocKey, type CardVersionInfo } from '../shared/protocol.js'
import type { StorageMetrics } from './metrics.js'

/** Every stored update of one document, oldest first. */
export interface StoredLog {
  updates: Uint8Array[]
  /** True when edits were ever stored for it: an empty log then means rows went missing. */
  written: boolean
}

/** Thrown by `append` for a document whose map was deleted: nothing was written. */
export class MapGoneError extends Error {
  constructor() {
    super('the map was deleted')
    this.name = 'MapGoneError'
  }
}

/** The map a stored document belongs to (see `docKey`): both documents of a map give the same. */
export function mapOf(doc: string): string {
  return parseDocKey(doc).roomId
}

/** What the server keeps of a map besides its documents: hashes of its secrets. */
export interface MapRecord {
  roomId: string
  facilitatorKeyHash: string
  viewerTokenHash: string
  createdAt: number
}

/** One saved version of a map: a snapshot of each document, as opaque as the log. */
export interface CardVersionSnapshot {
  map: Uint8Array
  control: Uint8Array
}

/** A whole map as the migration moves it from one store to another. */
export interface ImportedMap {
  record: MapRecord
  docs: { name: string; updates: Uint8Array[]; createdAt: number; updatedAt: number }[]
  joinCode: { code: string; expiresAt: number } | null
  versions: (CardVersionInfo & CardVersionSnapshot)[]
  /** How many times its trajectory was deleted (`trajectoryEpoch`). */
  trajectoryEpoch: number
}

/**
 * Saved versions of each map: immutable snapshots beside the update log, numbered 1, 2, 3 per
 * map, deleted with the map (`deleteMap`).
 */
/** How many versions a map may keep, and how many bytes they may take together. */
export interface VersionLimits {
  readonly count: number
  readonly bytes: number
}

/** Why a version was not saved. */
export type VersionRefusal = 'too-many-versions' | 'map-too-big'

/** Where a new version goes: its number and date, or why it may not be saved. */
export function nextVersion(
  totals: { count: number; next: number; bytes: number; last: number },
  bytes: number,
  now: number,
  limits: VersionLimits,
): { number: number; createdAt: number } | VersionRefusal {
  if (totals.count >= limits.count) return 'too-many-versions'
  if (totals.bytes + bytes > limits.bytes) return 'map-too-big'
  return { number: totals.next, createdAt: Math.max(now, totals.last) }
}

export interface CardVersionStore {
  /**
   * Saves a snapshot as the map's next version, unless the map would then have more versions
   * than `limits.count` or its versions take more than `limits.bytes` (then nothing is saved).
   * Both are checked with the map's record locked, so saves at once cannot pass them together.
   * A version is never dated before the one it follows. Rejects with MapGoneError for a map that
   * is gone.
   */
  saveVersion(
    roomId: string,
    label: string,
    snapshot: CardVersionSnapshot,
    now: number,
    limits: VersionLimits,
  ): Promise<CardVersionInfo | VersionRefusal>
  listVersions(roomId: string): Promise<CardVersionInfo[]>
  loadVersion(roomId: string, number: number): Promise<CardVersionSnapshot | null>
}

/**
 * Per document, an append-only log of opaque Yjs updates: what rooms load, append to and
 * compact. It never reads an update.
 */
export interface DocumentLog {
  /** True when other server processes append to the same logs (a shared database). */
  readonly shared: boolean
  /** The whole log of a document, oldest first. */
  load(doc: string): Promise<StoredLog>
  /**
   * Appends updates of one document in one transaction (group commit): all are committed when
   * the promise resolves, or none is. Rejects with MapGoneError, writing nothing, once the map is
   * deleted, even when the deletion is in progress on another server.
   */
  append(doc: string, updates: readonly Uint8Array[]): Promise<void>
  /**
   * Replaces a document's log by one update. Under a lock per document, so only one server
   * compacts it at a time: reads the rows, calls `merge` with them, writes its result and deletes
   * exactly the rows it read, in one transaction. A row another server appends meanwhile is not
   * read and so not deleted. Resolves false when another server holds the lock or the map is
   * deleted (nothing done).
   */
  compact(doc: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<boolean>
  /** Rows in a document's log. */
  count(doc: string): Promise<number>
  /** Forgets in-memory bookkeeping of a document that left memory. */
  forget(doc: string): void
}

/** The maps' access records: hashes of their secrets, and when each was made. */
export interface MapRecords {
  createMap(record: MapRecord): Promise<void>
  /** The stored hash of a map's facilitator key, or null when there is no such map. */
  facilitatorKeyHash(roomId: string): Promise<string | null>
  /** The map a viewer token's hash opens, or null. */
  roomForViewerHash(viewerTokenHash: string): Promise<string | null>
  /**
   * Removes a map for good: both documents' logs, its saved versions, its join code and its access record, in one
   * transaction that first takes the map's record, so it waits for appends and compactions
   * under way and none can follow; no readable copy stays behind where the engine allows.
   */
  deleteMap(roomId: string): Promise<void>
  /**
   * Removes a map's trajectory for good (its log and its record) and counts the deletion in its
   * epoch, with the map's record taken as `deleteMap` takes it; the map itself, its facilitation
   * and its versions stay. False when there is no such map. `again` deletes what arrived since a
   * deletion, without counting another.
   */
  deleteTrajectory(roomId: string, options?: { again?: boolean }): Promise<boolean>
  /**
   * How many times the map's trajectory was deleted (0 before the first time). A connection to
   * the trajectory names the count it knows; one from before the last deletion is refused, so a
   * device that was offline then cannot bring the deleted trajectory back.
   */
  trajectoryEpoch(roomId: string): Promise<number>
  /** Maps made before `cutoff` whose documents did not change since. */
  staleMaps(cutoff: number): Promise<string[]>
}

/** Short join codes, at most one per map, each until it expires. */
export interface JoinCodeStore {
  /** Stores a join code for a room, replacing any earlier one; false when the code is taken. */
  putJoinCode(room: string, code: string, expiresAt: number, now: number): Promise<boolean>
  deleteJoinCode(room: string): Promise<void>
  /** The room a code opens at `now`, or null. */
  roomForJoinCode(code: string, now: number): Promise<string | null>
}

/** What /health and /metrics read of the database. */
export interface StorageHealth {
  readonly metrics: StorageMetrics
  /** Resolves when the database answers (health checks); rejects when it does not. */
  ping(): Promise<void>
  /** True while the database refuses to grow (its size limit or the disk is reached). */
  readonly full: boolean
  /** What the check at start found wrong with the database; empty when it is sound. */
  readonly damage: readonly string[]
}

/**
 * Where the server keeps everything, as one object with the parts above; each part of
 * the server takes only the one it needs. Two engines stand behind it: SQLite (embedded, one
 * server process) and PostgreSQL (shared by many), with the same tables and the same SQL
 * (`sql.ts`) where they can.
 */
export interface Storage
  extends DocumentLog, MapRecords, JoinCodeStore, CardVersionStore, StorageHealth {
  readonly engine: 'sqlite' | 'postgres'
  close(): Promise<void>
}

/** Bookkeeping of when each document's `updated_at` was last written (to the minute). */
export class TouchClock {
  private readonly touched = new Map<string, number>()
  constructor(private readonly everyMs = 60_000) {}

  /** True when `doc`'s last-change time should be written again now. */
  due(doc: string, now: number): boolean {
    return now - (this.touched.get(doc) ?? 0) > this.everyMs
  }

  done(doc: string, now: number): void {
    this.touched.set(doc, now)
  }

  forget(doc: string): void {
    this.touched.delete(doc)
  }
}
