import { create } from 'zustand'
import { EMPTY_CONTROL, EMPTY_VIEW, MapError, type Board } from '../map'
import { NO_UNDO, undoActions } from './undoActions'
import { INITIAL_CONNECTION } from '../sync/connectionState'
import { draftActions } from './draftActions'
import { facilitatorActions } from './facilitatorActions'
import { lifecycleActions } from './lifecycleActions'
import { noteActions } from './noteActions'
import { loadRecentMaps } from './recentMaps'
import { sameThread, sheetShown, threadShown } from './selectors'
import type { RoomSession } from './session'
import { sessionActions } from './sessionActions'
import type { RoomState, StoreContext } from './state'
import { versionActions } from './versionActions'
import { voteActions } from './voteActions'

export type { AccessLevel, MapSecrets, RoomData, RoomState, StoreError } from './state'

/** The open room; components read from it and call its actions, never the document. */
export const useRoom = create<RoomState>()((set, get) => {
  let session: RoomSession | null = null

  const ctx: StoreContext = {
    set,
    get,
    session: () => session,
    setSession(next) {
      session = next
    },

    attempt(operation) {
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
    },

    // The server refuses these changes from anyone but a facilitator anyway.
    facilitate(change) {
      if (!session || get().level !== 'facilitator') return false
      change(session.control, get().now())
      return true
    },

    refreshThread() {
      const state = get()
      const next = threadShown(state)
      if (!sameThread(state.thread, next)) set({ thread: next })
    },
  }

  return {
    roomId: null,
    level: 'participant',
    view: EMPTY_VIEW,
    control: EMPTY_CONTROL,
    clockOffset: 0,
    loaded: false,
    synced: false,
    connection: INITIAL_CONNECTION,
    presence: [],
    me: null,
    followPaused: false,
    sheetChoice: null,
    dots: [],
    drafts: [],
    threadNote: null,
    thread: null,
    error: null,
    secrets: null,
    recentMaps: loadRecentMaps(),
    undoStatus: NO_UNDO,
    undoNotice: null,

    ...sessionActions(ctx),
    ...noteActions(ctx),
    ...voteActions(ctx),
    ...draftActions(ctx),
    ...facilitatorActions(ctx.facilitate, () => get()),
    ...lifecycleActions(ctx),
    ...undoActions(ctx),
    ...versionActions(ctx),
  }
})

/** The board on this person's screen: the map's, or a working form's (see `sheetShown`). */
export function useSheet(): Board {
  return useRoom(sheetShown)
}
