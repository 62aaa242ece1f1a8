import { create } from 'zustand'
import {
  addNote,
  createMap,
  createMapDoc,
  deleteNote,
  editNote,
  EMPTY_VIEW,
  fillExampleMap,
  joinMap,
  MapError,
  moveNote,
  newNoteId,
  observeMap,
  updateMapDetails,
  type ActionOwner,
  type ColumnId,
  type MapDoc,
  type MapErrorCode,
  type MapView,
  type NoteId,
  type Participant,
} from '../map'
import { INITIAL_CONNECTION, type ConnectionState } from '../sync/connectionState'
import { RoomConnection, type PresentPerson } from '../sync/roomConnection'

/** The open room as the UI sees it: a read-only mirror of the map plus local state. */
export interface RoomState {
  roomId: string | null
  view: MapView
  /** True once the local cache has been read; before that an empty map is not yet known empty. */
  loaded: boolean
  connection: ConnectionState
  presence: readonly PresentPerson[]
  me: Participant | null
  /** The last refused action, for a message; cleared by `dismissError`. */
  error: MapErrorCode | null

  openRoom(roomId: string, me: Participant | null): void
  closeRoom(): void
  setMe(me: Participant): void
  createMap(details: { title: string; description: string }): void
  updateMapDetails(details: { title: string; description: string }): void
  addNote(input: {
    column: ColumnId
    text: string
    index?: number
    owner?: Partial<ActionOwner>
  }): NoteId | null
  editNote(id: NoteId, changes: { text?: string; owner?: Partial<ActionOwner> }): boolean
  moveNote(id: NoteId, column: ColumnId, index: number): void
  deleteNote(id: NoteId): void
  dismissError(): void
  /** Fills the open (new, empty) map with the example map from the domain brief. */
  loadExample(): void
}

interface Session {
  doc: MapDoc
  connection: RoomConnection
  stopObserving: () => void
}

let session: Session | null = null

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

  function author(): Participant | null {
    const me = get().me
    if (!me) set({ error: 'invalid-participant' })
    return me
  }

  return {
    roomId: null,
    view: EMPTY_VIEW,
    loaded: false,
    connection: INITIAL_CONNECTION,
    presence: [],
    me: null,
    error: null,

    openRoom(roomId, me) {
      if (session?.connection.roomId === roomId) return
      get().closeRoom()
      const doc = createMapDoc()
      const connection = new RoomConnection(roomId, doc, {
        onConnection: (state) => set({ connection: state }),
        onPresence: (people) => set({ presence: people }),
        onLocalLoaded: () => set({ loaded: true }),
      })
      const stopObserving = observeMap(doc, (view) => set({ view }))
      session = { doc, connection, stopObserving }
      set({ roomId, me, loaded: false, error: null })
      if (me) get().setMe(me)
    },

    closeRoom() {
      if (!session) return
      session.stopObserving()
      session.connection.destroy()
      session.doc.destroy()
      session = null
      set({ roomId: null, view: EMPTY_VIEW, loaded: false, presence: [], error: null })
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
      attempt((doc) => updateMapDetails(doc, details))
    },

    addNote(input) {
      const me = author()
      if (!me) return null
      return attempt((doc) => addNote(doc, { ...input, id: newNoteId(), author: me }))
    },

    editNote(id, changes) {
      return attempt((doc) => editNote(doc, id, changes)) !== null
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

    loadExample() {
      attempt((doc) => fillExampleMap(doc))
    },
  }
})
