import {
  createControlDoc,
  createMapDoc,
  destroyDoc,
  dotsOf,
  observeControl,
  observeMap,
  createNoteUndo,
  onNotesRemovedElsewhere,
  SCHEMA_VERSION,
  versionOf,
  type Board,
  type ControlDoc,
  type ControlView,
  type Dot,
  type MapDoc,
  type MapView,
  type NoteId,
  type NoteUndo,
  type Participant,
  type UndoStatus,
  type VoteRules,
} from '../map'
import type { ConnectionState } from '../sync/connectionState'
import {
  RoomConnection,
  type PresentPerson,
  type ReadyMark,
  type RoomAccess,
} from '../sync/roomConnection'
import { loadDrafts, saveDrafts, type DraftFile } from './drafts'
import { keepPulseKey, pulseKeyOf } from './pulseKeys'

/** What an open session reports; the store mirrors each into its state. */
export interface SessionEvents {
  onConnection(state: ConnectionState): void
  onPresence(people: readonly PresentPerson[]): void
  /** The local cache has been read; before that an empty map is not yet known to be empty. */
  onLocalLoaded(): void
  onMap(view: MapView): void
  onControl(view: ControlView): void
  onDrafts(file: DraftFile): void
  /** This device's undo history changed. */
  onUndo(status: UndoStatus): void
  /** Another device removed these notes; the view without them comes right after. */
  onNotesRemoved(ids: readonly NoteId[]): void
}

/** A stable name for how a room was opened: opening it the same way again is a no-op. */
export function accessKey(access: RoomAccess): string {
  return access.kind === 'member'
    ? `${access.roomId}:${access.facilitatorKey ?? ''}`
    : `view:${access.viewerToken}`
}

const NO_DRAFTS: DraftFile = { drafts: [], revealedRound: 0 }

/**
 * One open map on this device: its two documents, their connection to the cache and the server,
 * and what stays on this device only (private drafts, the key of the pulse entry). The store
 * holds at most one; everything it does to a map goes through the session it has open.
 */
export class RoomSession {
  readonly key: string
  /** Null when opened through a viewer link: viewers never learn the room id. */
  readonly roomId: string | null
  readonly doc: MapDoc = createMapDoc()
  readonly control: ControlDoc = createControlDoc()
  /** This device's own note changes, to take back (Ctrl+Z) and make again. */
  readonly undo: NoteUndo = createNoteUndo(this.doc)
  private readonly connection: RoomConnection
  private draftFile: DraftFile
  private stopObserving: (() => void) | null = null

  private isObserving(): boolean {
    return this.stopObserving !== null
  }

  constructor(
    readonly access: RoomAccess,
    private readonly events: SessionEvents,
  ) {
    this.key = accessKey(access)
    this.roomId = access.kind === 'member' ? access.roomId : null
    this.draftFile = this.roomId ? loadDrafts(this.roomId) : NO_DRAFTS
    this.connection = new RoomConnection(access, this.doc, this.control, {
      onConnection: (state) => events.onConnection(state),
      onPresence: (people) => events.onPresence(people),
      onLocalLoaded: () => events.onLocalLoaded(),
    })
    this.connection.setDraftCount(this.draftFile.drafts.length)
    // A map an older version of the app wrote is brought up to date once it has synced (a
    // half-loaded map would look older than it is); the shared screen only reads.
    if (access.kind === 'member') {
      // The steps load only for a map that needs them (most maps are current).
      void this.connection.whenSynced().then(async () => {
        if (!this.isObserving() || versionOf(this.doc) >= SCHEMA_VERSION) return
        const { migrate } = await import('../map/migrate')
        // Still open once the steps have loaded: a closed session writes nothing.
        if (this.isObserving()) migrate(this.doc)
      })
    }
  }

  /**
   * Starts reporting both documents, each once right away. Apart from the constructor, so the
   * store holds this session before the first report reaches it.
   */
  observe(): void {
    if (this.stopObserving) return
    // The facilitation's steps are the columns of the map's board: read again when it changes.
    let board: Board | null = null
    let stopControl = (): void => {}
    const stopMap = observeMap(this.doc, (view) => {
      this.events.onMap(view)
      if (view.board === board) return
      board = view.board
      stopControl()
      stopControl = observeControl(this.control, (control) => this.events.onControl(control), board)
    })
    const stopUndo = this.undo.onChange((status) => this.events.onUndo(status))
    const stopRemoved = onNotesRemovedElsewhere(this.doc, (ids) => this.events.onNotesRemoved(ids))
    this.stopObserving = () => {
      stopMap()
      stopControl()
      stopUndo()
      stopRemoved()
    }
  }

  /** The dots that count in a vote round, read from the map. */
  dotsOf(rules: VoteRules): Dot[] {
    return dotsOf(this.doc, rules)
  }

  get drafts(): DraftFile {
    return this.draftFile
  }

  /** Keeps this device's drafts (never in the shared document) and tells the room how many. */
  writeDrafts(file: DraftFile): void {
    this.draftFile = file
    if (this.roomId) saveDrafts(this.roomId, file)
    this.connection.setDraftCount(file.drafts.length)
    this.events.onDrafts(file)
  }

  /** The key of this device's pulse entry in this map; null for viewers and before the first. */
  pulseKey(): string | null {
    return this.roomId ? pulseKeyOf(this.roomId) : null
  }

  keepPulseKey(key: string): void {
    if (this.roomId) keepPulseKey(this.roomId, key)
  }

  /** Shows this person to the others in the room. */
  announce(participant: Participant): void {
    this.connection.announce(participant)
  }

  setReady(mark: ReadyMark | null): void {
    this.connection.setReady(mark)
  }

  reconnect(): void {
    this.connection.reconnect()
  }

  whenSynced(): Promise<void> {
    return this.connection.whenSynced()
  }

  /** Forgets this device's cached copy of the map; changes not yet shared are lost. */
  discardLocalCopy(): Promise<void> {
    return this.connection.discardLocalCopy()
  }

  destroy(): void {
    this.stopObserving?.()
    this.stopObserving = null
    this.connection.destroy()
    this.undo.destroy()
    destroyDoc(this.doc)
    destroyDoc(this.control)
  }
}
