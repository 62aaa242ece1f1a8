import {
  clearVote,
  closeVote,
  extendTimer,
  goToStep,
  openVote,
  pauseTimer,
  resetReady,
  resumeTimer,
  revealDrafts,
  setAgreed,
  setDirection,
  setFocusNote,
  setThreadNote,
  setAskNote,
  setShowBalance,
  setHideRoles,
  setBrainstorm,
  formOf,
  setForm,
  type FormKind,
  setPulse,
  setLookBack,
  setShownMeeting,
  type PulsePhase,
  setFollow,
  setJoinCode,
  setLocked,
  setPrivateWriting,
  setSortByVotes,
  setTempo,
  startTimer,
  stopTimer,
  type ControlDoc,
  type Direction,
  type MapView,
  type NoteId,
  type Tempo,
} from '../map'
import { requestJoinCode } from '../sync/serverApi'
import type { MapSecrets } from './state'

/** What only a facilitator can do; the server refuses these changes from anyone else anyway. */
export interface FacilitatorActions {
  goToStep(step: number): void
  setDirection(direction: Direction): void
  setTempo(tempo: Tempo): void
  setLocked(locked: boolean): void
  setFollow(follow: boolean): void
  startTimer(minutes: number): void
  pauseTimer(): void
  resumeTimer(): void
  extendTimer(minutes: number): void
  stopTimer(): void
  openVote(dots: number, onePerNote: boolean): void
  closeVote(): void
  clearVote(): void
  setSortByVotes(sort: boolean): void
  setAgreed(noteId: NoteId, agreed: boolean): void
  resetReady(): void
  setFocusNote(noteId: NoteId | null): void
  /** Shows a golden thread on every following screen. */
  setThreadNote(noteId: NoteId | null): void
  setAskNote(noteId: NoteId | null): void
  setShowBalance(show: boolean): void
  /** Notes show their writers by name only, on every screen. */
  setHideRoles(hide: boolean): void
  /** Starts a brainstorm (its rules, twenty minutes, votes and marks hidden) or ends it. */
  setBrainstorm(on: boolean): void
  /** Puts a working form (task sorting) on everyone's screen, or (null) the map again. */
  setForm(kind: FormKind | null): void
  setPulse(phase: PulsePhase | null): void
  /** Puts an action (or, with null, the summary) on every screen; `false` ends looking back. */
  setLookBack(note: NoteId | null | false): void
  /** Shows a trajectory meeting's report on the big screen, or (null) takes it off. */
  setShownMeeting(meeting: string | null): void
  setPrivateWriting(on: boolean): void
  revealDrafts(anonymous: boolean): void
  /** Opens or closes joining by short code; resolves false when it failed. */
  setJoinOpen(open: boolean): Promise<boolean>
}

/**
 * The facilitator's actions, each one change of the facilitation document. `facilitate` runs a
 * change only for a facilitator, with the server's clock.
 */
export function facilitatorActions(
  facilitate: (change: (doc: ControlDoc, now: number) => void) => boolean,
  room: () => {
    roomId: string | null
    secrets: MapSecrets | null
    view: Pick<MapView, 'board' | 'columns'>
  },
): FacilitatorActions {
  return {
    // The steps are the map's own board's columns.
    goToStep: (step) => facilitate((doc) => goToStep(doc, step, room().view.board)),
    setDirection: (direction) => facilitate((doc) => setDirection(doc, direction)),
    setTempo: (tempo) => facilitate((doc) => setTempo(doc, tempo, room().view.board)),
    setLocked: (locked) => facilitate((doc) => setLocked(doc, locked)),
    setFollow: (follow) => facilitate((doc) => setFollow(doc, follow)),
    startTimer: (minutes) => facilitate((doc, now) => startTimer(doc, minutes * 60_000, now)),
    pauseTimer: () => facilitate((doc, now) => pauseTimer(doc, now)),
    resumeTimer: () => facilitate((doc, now) => resumeTimer(doc, now)),
    extendTimer: (minutes) => facilitate((doc, now) => extendTimer(doc, minutes * 60_000, now)),
    stopTimer: () => facilitate((doc) => stopTimer(doc)),
    openVote: (dots, onePerNote) => facilitate((doc) => openVote(doc, dots, onePerNote)),
    closeVote: () => facilitate((doc) => closeVote(doc)),
    clearVote: () => facilitate((doc) => clearVote(doc)),
    setSortByVotes: (sort) => facilitate((doc) => setSortByVotes(doc, sort)),
    setAgreed: (noteId, agreed) => facilitate((doc) => setAgreed(doc, noteId, agreed)),
    resetReady: () => facilitate((doc) => resetReady(doc)),
    setFocusNote: (noteId) => facilitate((doc) => setFocusNote(doc, noteId)),
    setThreadNote: (noteId) => facilitate((doc) => setThreadNote(doc, noteId)),
    setAskNote: (noteId) => facilitate((doc) => setAskNote(doc, noteId)),
    setShowBalance: (show) => facilitate((doc) => setShowBalance(doc, show)),
    setHideRoles: (hide) => facilitate((doc) => setHideRoles(doc, hide)),
    setBrainstorm: (on) => facilitate((doc, now) => setBrainstorm(doc, on, now)),
    setForm: (kind) => {
      const { view } = room()
      // Tasks sorted before: the group carries on sorting, not gathering again.
      const form = kind ? formOf(view.board, kind) : undefined
      const sorted = form?.columns.slice(1).some((column) => view.columns[column.id].length > 0)
      facilitate((doc) => setForm(doc, kind, view.board, sorted ? 1 : 0))
    },
    setPulse: (phase) => facilitate((doc) => setPulse(doc, phase)),
    setLookBack: (note) => facilitate((doc) => setLookBack(doc, note === false ? null : { note })),
    setShownMeeting: (meeting) => facilitate((doc) => setShownMeeting(doc, meeting)),
    setPrivateWriting: (on) => facilitate((doc) => setPrivateWriting(doc, on)),
    revealDrafts: (anonymous) => facilitate((doc) => revealDrafts(doc, anonymous)),

    async setJoinOpen(open) {
      const { roomId: id, secrets } = room()
      const key = secrets?.facilitatorKey
      // Asking the server first: the code shown on screens is one that works.
      if (!id || !key || !facilitate(() => undefined)) return false
      try {
        const code = await requestJoinCode(id, key, open)
        return facilitate((doc) => setJoinCode(doc, code))
      } catch {
        return false
      }
    },
  }
}
