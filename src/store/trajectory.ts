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
  /** Connects the trajectory of the open map while the returned close is not called. */
  open(): () => void
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
  roomId: string
  doc: TrajectoryDoc
  /** Null until the server said which epoch to open it with. */
  connection: TrajectoryConnection | null
  retry: ReturnType<typeof setTimeout> | null
  stop: () => void
}

let live: Live | null = null
let users = 0

export const useTrajectory = create<TrajectoryState>()((set, get) => {
  function connect(roomId: string): void {
    const key = useRoom.getState().secrets?.facilitatorKey ?? null
    const doc = createTrajectoryDoc()
    const stop = observeTrajectory(doc, () => set({ view: viewTrajectory(doc) }))
    const current: Live = { roomId, doc, connection: null, retry: null, stop }
    live = current
    set({ view: viewTrajectory(doc) })
    const attach = (): void => {
      current.retry = null
      trajectoryEpoch(roomId).then(
        (epoch) => {
          if (live !== current) return
          current.connection = new TrajectoryConnection(roomId, epoch, key, doc, (status) => {
            if (status === 'deleted') {
              // Gone for good: a fresh, empty document, so a new trajectory can start.
              disconnect()
              set({ status: 'connecting', view: EMPTY_TRAJECTORY, deleted: true })
              connect(roomId)
              return
            }
            set({ status })
          })
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
    open() {
      const { roomId } = useRoom.getState()
      if (!roomId) return () => {}
      if (live && live.roomId !== roomId) disconnect()
      if (!live) {
        set({ status: 'connecting', view: EMPTY_TRAJECTORY, deleted: false })
        connect(roomId)
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
      if (live?.roomId === roomId && get().status !== 'connecting') {
        disconnect()
        set({ status: 'connecting', view: EMPTY_TRAJECTORY, deleted: true })
        if (users > 0) connect(roomId)
      }
      return true
    },
  }
})
