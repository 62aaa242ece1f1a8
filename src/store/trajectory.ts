/**
 * The trajectory of the open map, in its own small store: it loads with the trajectory part of
 * the app, and its document is connected only while someone has that part open.
 */
import { create } from 'zustand'
import { ApiPath, FACILITATOR_KEY_HEADER } from '../../shared/protocol'
import { destroyDoc } from '../map'
import {
  addMeeting,
  addPartner,
  createTrajectoryDoc,
  EMPTY_TRAJECTORY,
  keepScores,
  observeTrajectory,
  removeMeeting,
  removePartner,
  startTrajectory,
  updateMeeting,
  viewTrajectory,
  type MeetingChanges,
  type NameAndSide,
  type TrajectoryDoc,
  type TrajectoryView,
} from '../map/trajectory'
import {
  TrajectoryConnection,
  trajectoryEpoch,
  type TrajectoryStatus,
} from '../sync/trajectoryConnection'
import { useRoom } from './roomStore'

export type { TrajectoryStatus } from '../sync/trajectoryConnection'

interface TrajectoryState {
  status: TrajectoryStatus
  view: TrajectoryView
  /** Set once this device deleted the trajectory, or heard it was: the part says so. */
  deleted: boolean
  /**
   * Connects the trajectory of the open map (or, with its viewer token, the big screen's, read
   * only) while the returned close is not called.
   */
  open(viewerToken?: string): () => void
  start(title: string): void
  addPartner(partner: NameAndSide): void
  removePartner(id: string): void
  addMeeting(changes: MeetingChanges & { date: string }): string | null
  updateMeeting(id: string, changes: MeetingChanges): void
  removeMeeting(id: string): void
  /** Keeps the scores of the head-heart-gut round on the map now with a meeting. */
  keepScores(id: string): void
  /** Deletes the trajectory for good (the map stays); false when the server did not. */
  deleteTrajectory(): Promise<boolean>
}

interface Live {
  /** The room id, or `v:` and the viewer token on the big screen. */
  key: string
  doc: TrajectoryDoc
  /** Null until the server said which epoch to open it with. */
  connection: TrajectoryConnection | null
  retry: ReturnType<typeof setTimeout> | null
  stop: () => void
}

let live: Live | null = null
let users = 0

/** Whose trajectory to open: the open map's, or the big screen's by its viewer token. */
type Source = { roomId: string } | { viewerToken: string }

const keyOf = (source: Source) => ('roomId' in source ? source.roomId : `v:${source.viewerToken}`)

export const useTrajectory = create<TrajectoryState>()((set, get) => {
  function connect(source: Source): void {
    const doc = createTrajectoryDoc()
    const stop = observeTrajectory(doc, () => set({ view: viewTrajectory(doc) }))
    const current: Live = { key: keyOf(source), doc, connection: null, retry: null, stop }
    live = current
    set({ view: viewTrajectory(doc) })
    const onStatus = (status: TrajectoryStatus): void => {
      if (status === 'deleted') {
        // Gone for good: a fresh, empty document, so a new trajectory can start.
        disconnect()
        set({ status: 'connecting', view: EMPTY_TRAJECTORY, deleted: true })
        connect(source)
        return
      }
      set({ status })
    }
    if ('viewerToken' in source) {
      current.connection = new TrajectoryConnection(source, doc, onStatus)
      return
    }
    const { roomId } = source
    const attach = (): void => {
      current.retry = null
      trajectoryEpoch(roomId).then(
        (epoch) => {
          if (live !== current) return
          const facilitatorKey = useRoom.getState().secrets?.facilitatorKey ?? null
          current.connection = new TrajectoryConnection(
            { roomId, epoch, facilitatorKey },
            doc,
            onStatus,
          )
        },
        () => {
          if (live !== current) return
          set({ status: 'offline' })
          current.retry = setTimeout(attach, 2_500)
        },
      )
    }
    attach()
  }

  function disconnect(): void {
    if (!live) return
    live.stop()
    live.connection?.destroy()
    if (live.retry) clearTimeout(live.retry)
    destroyDoc(live.doc)
    live = null
  }

  /** The document, for a facilitator's change; null for anyone else (the server drops theirs). */
  function writable(): TrajectoryDoc | null {
    return useRoom.getState().level === 'facilitator' ? (live?.doc ?? null) : null
  }

  return {
    status: 'connecting',
    view: EMPTY_TRAJECTORY,
    deleted: false,
    open(viewerToken) {
      const { roomId } = useRoom.getState()
      const source: Source | null = viewerToken ? { viewerToken } : roomId ? { roomId } : null
      if (!source) return () => {}
      if (live && live.key !== keyOf(source)) disconnect()
      if (!live) {
        set({ status: 'connecting', view: EMPTY_TRAJECTORY, deleted: false })
        connect(source)
      }
      users++
      let closed = false
      return () => {
        if (closed) return
        closed = true
        users--
        if (users === 0) disconnect()
      }
    },
    start(title) {
      const doc = writable()
      if (doc) startTrajectory(doc, title)
    },
    addPartner(partner) {
      const doc = writable()
      if (doc) addPartner(doc, partner)
    },
    removePartner(id) {
      const doc = writable()
      if (doc) removePartner(doc, id)
    },
    addMeeting(changes) {
      const doc = writable()
      return doc ? addMeeting(doc, changes) : null
    },
    updateMeeting(id, changes) {
      const doc = writable()
      if (doc) updateMeeting(doc, id, changes)
    },
    removeMeeting(id) {
      const doc = writable()
      if (doc) removeMeeting(doc, id)
    },
    keepScores(id) {
      const doc = writable()
      if (doc) keepScores(doc, id, useRoom.getState().view.pulse)
    },
    async deleteTrajectory() {
      const { roomId, secrets, level } = useRoom.getState()
      const key = secrets?.facilitatorKey
      if (!roomId || !key || level !== 'facilitator') return false
      try {
        const response = await fetch(ApiPath.trajectory(roomId), {
          method: 'DELETE',
          headers: { [FACILITATOR_KEY_HEADER]: key },
        })
        if (!response.ok) return false
      } catch {
        return false
      }
      // The server closes the connection too; this device starts afresh at once.
      if (live?.key === roomId && get().status !== 'connecting') {
        disconnect()
        set({ status: 'connecting', view: EMPTY_TRAJECTORY, deleted: true })
        if (users > 0) connect({ roomId })
      }
      return true
    },
  }
})
