import { CloseCode } from '../../shared/protocol'
import { EMPTY_CONTROL, EMPTY_VIEW, joinMap, type NoteId, type Participant } from '../map'
import { reloadPage } from '../routing/router'
import { forgetSecrets, secretsFor } from '../sync/mapSecrets'
import type { RoomAccess } from '../sync/roomConnection'
import { measureClockOffset } from '../sync/serverApi'
import { answerReveal } from './draftActions'
import { forgetDrafts } from './drafts'
import { forgetPulseKey } from './pulseKeys'
import { forgetMap, loadRecentMaps, rememberMap } from './recentMaps'
import { NO_UNDO } from './undoActions'
import { accessKey, RoomSession } from './session'
import type { AccessLevel, RoomData, StoreContext } from './state'

/** Opening and closing a room, and what this person does in it that is not an edit of the map. */
export interface SessionActions {
  /** Opens a room (closing any other); opening the one already open does nothing. */
  openRoom(access: RoomAccess, me: Participant | null): void
  closeRoom(): void
  /** After a refusal that may pass (a full server): tries to connect again. */
  reconnect(): void
  /** Drops this device's copy of the open map, closes it and reloads the page. */
  discardLocalCopy(): Promise<void>
  /** Takes part as this person: shown to the others and listed among the map's participants. */
  joinMap(me: Participant): void
  setFollowPaused(paused: boolean): void
  /** Looks at another board than the group's (a kind), or (null) at the group's again. */
  chooseSheet(kind: string | null): void
  /** Shows a note's golden thread (a facilitator's choice shows on every following screen). */
  selectThread(noteId: NoteId | null): void
  /** The server's clock now, as well as this device can tell. */
  now(): number
}

/** What the store holds while no room is open. */
function closedRoom(): Pick<
  RoomData,
  | 'roomId'
  | 'view'
  | 'control'
  | 'loaded'
  | 'synced'
  | 'presence'
  | 'drafts'
  | 'threadNote'
  | 'thread'
  | 'error'
  | 'secrets'
  | 'undoStatus'
  | 'undoNotice'
> {
  return {
    roomId: null,
    view: EMPTY_VIEW,
    control: EMPTY_CONTROL,
    loaded: false,
    synced: false,
    presence: [],
    drafts: [],
    threadNote: null,
    thread: null,
    error: null,
    secrets: null,
    undoStatus: NO_UNDO,
    undoNotice: null,
  }
}

/** The session's actions; a room is open exactly while the context holds a session. */
export function sessionActions(ctx: StoreContext): SessionActions {
  const { set, get } = ctx

  function refreshDots(session: RoomSession): void {
    const vote = get().control.vote
    set({ dots: vote ? session.dotsOf(vote) : [] })
  }

  return {
    openRoom(access, me) {
      if (ctx.session()?.key === accessKey(access)) return
      get().closeRoom()
      const level: AccessLevel =
        access.kind === 'viewer' ? 'viewer' : access.facilitatorKey ? 'facilitator' : 'participant'
      // Not read from the session: the connection reports its first state while it is made.
      const roomId = access.kind === 'member' ? access.roomId : null
      let rememberedTitle: string | null = null
      let deleted = false
      const session: RoomSession = new RoomSession(access, {
        onConnection: (connection) => {
          set(connection.status === 'connected' ? { connection, synced: true } : { connection })
          // A deleted map leaves no trace on this device: not in the recent list, not its keys,
          // drafts or pulse key, and its notes leave the screen too (the cache is wiped).
          if (connection.refusal?.code === CloseCode.deleted && roomId && !deleted) {
            deleted = true
            forgetMap(roomId)
            forgetSecrets(roomId)
            forgetDrafts(roomId)
            forgetPulseKey(roomId)
            set({ recentMaps: loadRecentMaps(), view: EMPTY_VIEW, drafts: [], thread: null })
          }
        },
        onPresence: (presence) => set({ presence }),
        onLocalLoaded: () => set({ loaded: true }),
        onMap: (view) => {
          if (deleted) return
          set({ view })
          refreshDots(session)
          ctx.refreshThread()
          if (roomId && !deleted && view.meta.title !== rememberedTitle) {
            rememberedTitle = view.meta.title
            rememberMap(roomId, view.meta.title)
            set({ recentMaps: loadRecentMaps() })
          }
        },
        onControl: (view) => {
          // A working form put on or taken off brings everyone to what the group looks at.
          if (view.form !== get().control.form) set({ sheetChoice: null })
          set({ control: view })
          refreshDots(session)
          ctx.refreshThread()
          answerReveal(ctx)
        },
        onDrafts: (file) => set({ drafts: file.drafts }),
        onUndo: (undoStatus) => set({ undoStatus }),
        onNotesRemoved: (ids) => get().notesRemoved(ids),
      })
      ctx.setSession(session)
      set({
        roomId,
        drafts: session.drafts.drafts,
        level,
        me: level === 'viewer' ? null : me,
        loaded: false,
        synced: false,
        error: null,
        undoStatus: NO_UNDO,
        undoNotice: null,
        secrets: roomId ? secretsFor(roomId) : null,
      })
      session.observe()
      if (me && level !== 'viewer') get().joinMap(me)
      void measureClockOffset().then((clockOffset) => {
        if (ctx.session() === session) set({ clockOffset })
      })
    },

    closeRoom() {
      const session = ctx.session()
      if (!session) return
      session.destroy()
      ctx.setSession(null)
      set(closedRoom())
    },

    reconnect() {
      ctx.session()?.reconnect()
    },

    async discardLocalCopy() {
      const session = ctx.session()
      if (!session) return
      await session.discardLocalCopy()
      get().closeRoom()
      reloadPage()
    },

    joinMap(me) {
      set({ me })
      const session = ctx.session()
      if (!session) return
      session.announce(me)
      ctx.attempt((doc) => joinMap(doc, me))
    },

    chooseSheet(kind) {
      const { view, control } = get()
      set({ sheetChoice: kind === (control.form ?? view.board.kind) ? null : kind })
    },

    setFollowPaused(followPaused) {
      set({ followPaused })
      ctx.refreshThread()
    },

    selectThread(noteId) {
      set({ threadNote: noteId })
      ctx.refreshThread()
      if (get().level === 'facilitator') get().setThreadNote(noteId)
    },

    now() {
      return Date.now() + get().clockOffset
    },
  }
}
