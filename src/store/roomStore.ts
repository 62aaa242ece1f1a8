import { create } from 'zustand'
import {
  addNote,
  createMap,
  createMapDoc,
  deleteNote,
  editAndMoveNote,
  editNote,
  EMPTY_VIEW,
  fillExampleMap,
  importMapFile,
  joinMap,
  MapError,
  moveNote,
  newNoteId,
  observeMap,
  updateMapDetails,
  setLink,
  threadOf,
  newParticipantId,
  ownPulse,
  recordEdit,
  setHolds,
  writePulse,
  ROLE_SIDE,
  type PulseEntry,
  type Role,
  castVote,
  createControlDoc,
  dotsOf,
  retractVote,
  type Dot,
  observeControl,
  viewControl,
  type ActionOwner,
  type ColumnId,
  type ControlDoc,
  type ControlView,
  type MapDetails,
  type MapDoc,
  type MapErrorCode,
  type MapFile,
  type MapView,
  type NoteId,
  type Participant,
} from '../map'
import { INITIAL_CONNECTION, type ConnectionState } from '../sync/connectionState'
import { loadDrafts, saveDrafts, type Draft, type DraftFile } from './drafts'
import {
  RoomConnection,
  type PresentPerson,
  type ReadyStatus,
  type RoomAccess,
} from '../sync/roomConnection'
import { measureClockOffset } from '../sync/serverApi'
import { facilitatorActions, type FacilitatorActions } from './facilitatorActions'

export type AccessLevel = 'facilitator' | 'participant' | 'viewer'

/** A stable name for how a room was opened: opening it the same way again is a no-op. */
function accessKey(access: RoomAccess): string {
  return access.kind === 'member'
    ? `${access.roomId}:${access.facilitatorKey ?? ''}`
    : `view:${access.viewerToken}`
}

/** The open room as the UI sees it: a read-only mirror of the map plus local state. */
export interface RoomState extends FacilitatorActions {
  /** The room id; null when closed or when opened through a viewer link (viewers never learn it). */
  roomId: string | null
  level: AccessLevel
  view: MapView
  control: ControlView
  /** Server clock minus this device's clock, for timers. */
  clockOffset: number
  /** True once the local cache has been read; before that an empty map is not yet known empty. */
  loaded: boolean
  connection: ConnectionState
  presence: readonly PresentPerson[]
  me: Participant | null
  /** This person's private drafts (write alone first); only on this device. */
  drafts: readonly Draft[]
  /** The dots that count in the current vote round (empty without a vote). */
  dots: readonly Dot[]
  /** This participant stepped out of follow-me to look around on their own. */
  followPaused: boolean
  /** The note whose golden thread this person chose to see; null for none. */
  threadNote: NoteId | null
  /** The notes of the thread shown now (this person's own, or the facilitator's when following). */
  thread: ReadonlySet<NoteId> | null
  /** The last refused action, for a message; cleared by `dismissError`. */
  error: MapErrorCode | null

  openRoom(access: RoomAccess, me: Participant | null): void
  closeRoom(): void
  /** After a refusal that may pass (a full server): tries to connect again. */
  reconnect(): void
  /** Drops this device's copy of the open map and closes it; the caller reloads the page. */
  discardLocalCopy(): Promise<void>
  setMe(me: Participant): void
  createMap(details: MapDetails): void
  /** True when the details were valid and written. */
  updateMapDetails(details: MapDetails): boolean
  addNote(input: {
    column: ColumnId
    text: string
    index?: number
    owner?: Partial<ActionOwner>
    /** A proxy note: written down for someone without a device, by name or only by role. */
    proxyFor?: { name: string; role: Exclude<Role, 'anders'> }
  }): NoteId | null
  editNote(id: NoteId, changes: { text?: string; owner?: Partial<ActionOwner> }): boolean
  /** Edits a note and moves it elsewhere as one change; true when it was valid and written. */
  editAndMoveNote(
    id: NoteId,
    changes: { text?: string; owner?: Partial<ActionOwner> },
    target: { column: ColumnId; index: number },
  ): boolean
  moveNote(id: NoteId, column: ColumnId, index: number): void
  deleteNote(id: NoteId): void
  dismissError(): void
  /** Shows a note's golden thread (a facilitator's choice shows on every following screen). */
  selectThread(noteId: NoteId | null): void
  /** Links a note to one it serves in the neighbouring column, or unlinks it. */
  setLink(from: NoteId, to: NoteId, linked: boolean): void
  /** Says this person holds a value too, or no longer does. */
  setHolds(noteId: NoteId, holds: boolean): void
  /** This device's own "hoofd, hart, buik" entry for the open map. */
  ownPulse(): PulseEntry | null
  writePulse(change: Partial<PulseEntry>): void
  setFollowPaused(paused: boolean): void
  /** The server's clock now, as well as this device can tell. */
  now(): number
  vote(noteId: NoteId): void
  unvote(noteId: NoteId): void
  /** Marks this person "klaar" or "pas" for the current step, or takes the mark back. */
  setReady(status: ReadyStatus | null): void
  addDraft(draft: Omit<Draft, 'id'>): void
  removeDraft(id: string): void
  /** Fills the open (new, empty) map with the example map from the domain brief. */
  loadExample(): void
  /**
   * Fills the open (new, empty) map from a checked map file; shared marks go along. It waits for
   * the server first, so the file goes out in parts as it is written, never as one frame.
   */
  importFile(file: MapFile, importer: Participant): Promise<void>
}

interface Session {
  key: string
  doc: MapDoc
  control: ControlDoc
  connection: RoomConnection
  stopObserving: () => void
}

let session: Session | null = null

/**
 * The key of this device's "hoofd, hart, buik" entry for a map, kept on the device only: the
 * document holds the entry under a fresh random key for every change, written by nobody the
 * device can be known by.
 */
const pulseKeys = new Map<string, string>()
function pulseKeyOf(roomId: string): string | null {
  try {
    return localStorage.getItem(`pk-pulse-${roomId}`) ?? pulseKeys.get(roomId) ?? null
  } catch {
    // No storage (a locked-down browser): the key lasts as long as the page.
    return pulseKeys.get(roomId) ?? null
  }
}
function keepPulseKey(roomId: string, key: string): void {
  pulseKeys.set(roomId, key)
  try {
    localStorage.setItem(`pk-pulse-${roomId}`, key)
  } catch {
    // As above.
  }
}
/** Reads and writes this device's drafts for the open room. */
let drafting: { read(): DraftFile; write(file: DraftFile): void } | null = null

/** The open room; components read from it and call its actions, never the document. */
export const useRoom = create<RoomState>((set, get) => {
  /** Runs an operation; a refused one leaves the map unchanged and sets `error`. */
  function attempt<T>(operation: (doc: MapDoc) => T): T | null {
    if (!session) return null
    try {
      const result = operation(session.doc)
      if (get().error) set({ error: null })
      return result
    } catch (error) {
      if (error instanceof MapError) {
        set({ error: error.code })
        return null
      }
      throw error
    }
  }

  /** Runs a facilitation change; the server refuses it anyway from anyone but a facilitator. */
  function facilitate(change: (doc: ControlDoc, now: number) => void): boolean {
    if (!session || get().level !== 'facilitator') return false
    change(session.control, get().now())
    return true
  }

  /** The thread to highlight: one's own choice, else the facilitator's on a following screen. */
  function refreshThread(): void {
    const { threadNote, control, level, followPaused, view, thread } = get()
    const following = level === 'viewer' || (control.follow && !followPaused)
    const shared = level !== 'facilitator' && following ? control.threadNote : null
    const id = (threadNote ?? shared) as NoteId | null
    const next = id && view.notes.has(id) ? threadOf(id, view.linkIndex) : null
    const same =
      next === null
        ? thread === null
        : thread !== null && thread.size === next.size && [...next].every((n) => thread.has(n))
    if (!same) set({ thread: next })
  }

  function author(): Participant | null {
    const me = get().me
    if (!me) set({ error: 'invalid-participant' })
    return me
  }

  return {
    roomId: null,
    level: 'participant',
    view: EMPTY_VIEW,
    control: viewControl(createControlDoc()),
    clockOffset: 0,
    loaded: false,
    connection: INITIAL_CONNECTION,
    presence: [],
    me: null,
    followPaused: false,
    dots: [],
    drafts: [],
    threadNote: null,
    thread: null,
    error: null,

    reconnect() {
      session?.connection.reconnect()
    },

    async discardLocalCopy() {
      if (!session) return
      const { connection } = session
      await connection.discardLocalCopy()
      get().closeRoom()
    },

    openRoom(access, me) {
      const key = accessKey(access)
      if (session?.key === key) return
      get().closeRoom()
      const doc = createMapDoc()
      const control = createControlDoc()
      const connection = new RoomConnection(access, doc, control, {
        onConnection: (state) => set({ connection: state }),
        onPresence: (people) => set({ presence: people }),
        onLocalLoaded: () => set({ loaded: true }),
      })
      const roomId = access.kind === 'member' ? access.roomId : null
      let draftFile: DraftFile = roomId ? loadDrafts(roomId) : { drafts: [], revealedRound: 0 }
      const storeDrafts = (file: DraftFile): void => {
        draftFile = file
        if (roomId) saveDrafts(roomId, file)
        set({ drafts: file.drafts })
        connection.setDraftCount(file.drafts.length)
      }
      drafting = { read: () => draftFile, write: storeDrafts }
      /** On a new reveal, share this device's drafts once, all in one transaction. */
      const answerReveal = (): void => {
        const { control: view, me: author } = get()
        if (!roomId || view.revealRound <= draftFile.revealedRound) return
        if (draftFile.drafts.length > 0 && !author) return
        const reveal = (): void => {
          for (const draft of draftFile.drafts) {
            addNote(doc, {
              id: newNoteId(),
              column: draft.column,
              text: draft.text,
              author: author!,
              anonymous: view.revealAnonymous,
              owner: draft.owner ?? undefined,
            })
          }
        }
        // Signed notes go in one transaction; anonymous ones each on their own, so no update
        // carries an anonymous note together with an edit of this device's own.
        if (view.revealAnonymous) reveal()
        else doc.transact(reveal)
        storeDrafts({ drafts: [], revealedRound: view.revealRound })
      }
      const refreshDots = (): void => {
        const vote = get().control.vote
        set({ dots: vote ? dotsOf(doc, vote) : [] })
      }
      const stopMap = observeMap(doc, (view) => {
        set({ view })
        refreshDots()
        refreshThread()
      })
      const stopControl = observeControl(control, (view) => {
        set({ control: view })
        refreshDots()
        refreshThread()
        answerReveal()
      })
      session = {
        key,
        doc,
        control,
        connection,
        stopObserving: () => {
          stopMap()
          stopControl()
        },
      }
      const level: AccessLevel =
        access.kind === 'viewer' ? 'viewer' : access.facilitatorKey ? 'facilitator' : 'participant'
      set({
        roomId,
        drafts: draftFile.drafts,
        level,
        me: level === 'viewer' ? null : me,
        loaded: false,
        error: null,
      })
      if (me && level !== 'viewer') get().setMe(me)
      connection.setDraftCount(draftFile.drafts.length)
      void measureClockOffset().then((clockOffset) => {
        if (session?.key === key) set({ clockOffset })
      })
    },

    closeRoom() {
      if (!session) return
      session.stopObserving()
      session.connection.destroy()
      session.doc.destroy()
      session.control.destroy()
      session = null
      drafting = null
      set({
        roomId: null,
        view: EMPTY_VIEW,
        control: viewControl(createControlDoc()),
        loaded: false,
        presence: [],
        drafts: [],
        threadNote: null,
        thread: null,
        error: null,
      })
    },

    setMe(me) {
      set({ me })
      if (!session) return
      session.connection.announce(me)
      attempt((doc) => joinMap(doc, me))
    },

    createMap(details) {
      attempt((doc) => createMap(doc, details))
    },

    updateMapDetails(details) {
      return (
        attempt((doc) => {
          updateMapDetails(doc, details)
          return true
        }) === true
      )
    },

    addNote({ proxyFor, ...input }) {
      const me = author()
      if (!me) return null
      if (!proxyFor)
        return attempt((doc) => addNote(doc, { ...input, id: newNoteId(), author: me }))
      const writtenFor: Participant = {
        id: newParticipantId(),
        name: proxyFor.name.trim(),
        role: proxyFor.role,
        roleLabel: '',
        side: ROLE_SIDE[proxyFor.role],
      }
      return attempt((doc) =>
        addNote(doc, { ...input, id: newNoteId(), author: writtenFor, proxyBy: me }),
      )
    },

    editNote(id, changes) {
      const me = get().me
      const column = get().view.notes.get(id)?.column
      return (
        attempt((doc) =>
          doc.transact(() => {
            editNote(doc, id, changes)
            // Counted for the balance of voices per step; never shown per person.
            if (me && column) recordEdit(doc, me.id, column)
          }),
        ) !== null
      )
    },

    editAndMoveNote(id, changes, target) {
      const me = get().me
      const column = get().view.notes.get(id)?.column
      return (
        attempt((doc) =>
          doc.transact(() => {
            editAndMoveNote(doc, id, changes, target)
            if (me && column) recordEdit(doc, me.id, column)
          }),
        ) !== null
      )
    },

    setHolds(noteId, holds) {
      const me = get().me
      if (me) attempt((doc) => setHolds(doc, noteId, me.id, holds))
    },

    ownPulse() {
      const roomId = get().roomId
      return session && roomId ? ownPulse(session.doc, pulseKeyOf(roomId)) : null
    },

    writePulse(change) {
      const roomId = get().roomId
      if (!roomId) return
      const key = attempt((doc) => writePulse(doc, pulseKeyOf(roomId), change))
      if (key) keepPulseKey(roomId, key)
    },

    moveNote(id, column, index) {
      attempt((doc) => moveNote(doc, id, { column, index }))
    },

    deleteNote(id) {
      attempt((doc) => deleteNote(doc, id))
    },

    dismissError() {
      set({ error: null })
    },

    setFollowPaused(followPaused) {
      set({ followPaused })
      refreshThread()
    },

    selectThread(noteId) {
      set({ threadNote: noteId })
      refreshThread()
      if (get().level === 'facilitator') get().setSharedThread(noteId)
    },

    setLink(from, to, linked) {
      attempt((doc) => setLink(doc, from, to, linked))
    },

    now() {
      return Date.now() + get().clockOffset
    },
    ...facilitatorActions(facilitate, () => get().roomId),

    vote(noteId) {
      const { me, control } = get()
      if (!session || !me || !control.vote?.open) return
      castVote(session.doc, control.vote, me.id, noteId)
    },

    unvote(noteId) {
      const { me, control } = get()
      if (!session || !me || !control.vote?.open) return
      retractVote(session.doc, control.vote, me.id, noteId)
    },

    addDraft(draft) {
      if (!drafting) return
      const file = drafting.read()
      drafting.write({ ...file, drafts: [...file.drafts, { ...draft, id: newNoteId() }] })
    },

    removeDraft(id) {
      if (!drafting) return
      const file = drafting.read()
      drafting.write({ ...file, drafts: file.drafts.filter((draft) => draft.id !== id) })
    },

    setReady(status) {
      const { control } = get()
      session?.connection.setReady(
        status ? { round: control.readyRound, step: control.step, status } : null,
      )
    },

    async importFile(file, importer) {
      if (!session || get().level !== 'facilitator') return
      const opened = session
      await opened.connection.whenSynced()
      if (session !== opened) return
      attempt(() => importMapFile(opened.doc, opened.control, file, importer))
    },

    loadExample() {
      attempt((doc) => fillExampleMap(doc))
    },
  }
})
