import type {
  ControlDoc,
  ControlView,
  Dot,
  MapDoc,
  MapErrorCode,
  MapView,
  NoteId,
  Participant,
  UndoStatus,
  VoteRefusal,
} from '../map'
import type { ConnectionState } from '../sync/connectionState'
import type { secretsFor } from '../sync/mapSecrets'
import type { PresentPerson } from '../sync/roomConnection'
import type { DraftActions } from './draftActions'
import type { Draft } from './drafts'
import type { FacilitatorActions } from './facilitatorActions'
import type { LifecycleActions } from './lifecycleActions'
import type { NoteActions } from './noteActions'
import type { RecentMap } from './recentMaps'
import type { RoomSession } from './session'
import type { SessionActions } from './sessionActions'
import type { UndoActions, UndoNotice } from './undoActions'
import type { VersionActions } from './versionActions'
import type { VoteActions } from './voteActions'

export type AccessLevel = 'facilitator' | 'participant' | 'viewer'

/** A facilitator's keys for a map, kept on this device. */
export type MapSecrets = NonNullable<ReturnType<typeof secretsFor>>

/** Why the last action was refused: by a map operation, or by the rules of the vote. */
/** `column-locked`: the facilitator locked the columns outside the step. */
export type StoreError = MapErrorCode | VoteRefusal | 'column-locked'

/** What the UI reads: a read-only mirror of the open map plus this device's own state. */
export interface RoomData {
  /** The room id; null when closed or when opened through a viewer link (viewers never learn it). */
  roomId: string | null
  level: AccessLevel
  view: MapView
  control: ControlView
  /** Server clock minus this device's clock, for timers. */
  clockOffset: number
  /** True once the local cache has been read; before that an empty map is not yet known empty. */
  loaded: boolean
  /** True once the map has come from the server since it was opened here. */
  synced: boolean
  connection: ConnectionState
  presence: readonly PresentPerson[]
  me: Participant | null
  /** This person's private drafts (write alone first); only on this device. */
  drafts: readonly Draft[]
  /** The dots that count in the current vote round (empty without a vote). */
  dots: readonly Dot[]
  /** This participant stepped out of follow-me to look around on their own. */
  followPaused: boolean
  /**
   * The board this person chose to look at instead of the group's (the map during a working
   * form, or the other way round); null: what the facilitator put on screen.
   */
  sheetChoice: string | null
  /** The note whose golden thread this person chose to see; null for none. */
  threadNote: NoteId | null
  /** The notes of the thread shown now (this person's own, or the facilitator's when following). */
  thread: ReadonlySet<NoteId> | null
  /** The last refused action, for a message; cleared by `dismissError`. */
  error: StoreError | null
  /** This device's keys for the open map, as its facilitator; null for everyone else. */
  secrets: MapSecrets | null
  /** Maps opened on this device, newest first. */
  recentMaps: readonly RecentMap[]
  /** What this person can take back (Ctrl+Z) or make again, of their own note changes. */
  undoStatus: UndoStatus
  /** The message about the last change one can take back, or a note of one's own removed. */
  undoNotice: UndoNotice | null
}

/** The open room; components read from it and call its actions, never the document. */
export type RoomState = RoomData &
  SessionActions &
  NoteActions &
  VoteActions &
  DraftActions &
  FacilitatorActions &
  LifecycleActions &
  UndoActions &
  VersionActions

/** What every action slice is made with: the store's state, and the session it has open. */
export interface StoreContext {
  set(partial: Partial<RoomData>): void
  get(): RoomState
  /** The open room's session; null while no room is open. */
  session(): RoomSession | null
  setSession(session: RoomSession | null): void
  /** Runs an operation on the open map; a refused one leaves the map unchanged and sets `error`. */
  attempt<T>(operation: (doc: MapDoc) => T): T | null
  /** Runs a facilitation change for a facilitator only, with the server's clock. */
  facilitate(change: (doc: ControlDoc, now: number) => void): boolean
  /** Recomputes the thread shown from what it depends on; keeps the same set when unchanged. */
  refreshThread(): void
}
