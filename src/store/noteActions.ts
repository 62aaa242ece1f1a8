import { answerInfluence, clearInfluence } from '../map/influence'
import {
  addNote,
  createMap,
  deleteNote,
  editAndMoveNote,
  editNote,
  moveNote,
  newNoteId,
  newParticipantId,
  ownPulse,
  ROLE_SIDE,
  setFollowUp,
  setHolds,
  setLink,
  updateMapDetails,
  writePulse,
  clearPulse,
  raiseSignal,
  clearSignals,
  setInfluence,
  type PowerHolder,
  type SignalKind,
  type ActionOwner,
  type ColumnId,
  type FollowUp,
  type Power,
  type Layer,
  type MapDetails,
  type MapDoc,
  type MapFile,
  type NoteId,
  type Participant,
  type PulseEntry,
  type Role,
  type Side,
  type UndoKind,
  undoable,
} from '../map'
import { mayWriteTo } from './selectors'
import type { StoreContext } from './state'

type NoteChanges = { text?: string; owner?: Partial<ActionOwner> }

/** Edits of the shared map; each calls the map operation of the same name, once. */
export interface NoteActions {
  createMap(details: MapDetails): void
  /** True when the details were valid and written. */
  updateMapDetails(details: MapDetails): boolean
  addNote(input: {
    column: ColumnId
    text: string
    index?: number
    owner?: Partial<ActionOwner>
    /** A proxy note: written down for someone without a device, by name or only by role. */
    proxyFor?: { name: string; role: Role; roleLabel?: string; side?: Side }
  }): NoteId | null
  /** True when the changes were valid and written. */
  editNote(id: NoteId, changes: NoteChanges): boolean
  /** Edits a note and moves it elsewhere as one change; true when it was valid and written. */
  editAndMoveNote(
    id: NoteId,
    changes: NoteChanges,
    target: { column: ColumnId; index: number },
  ): boolean
  moveNote(id: NoteId, column: ColumnId, index: number): void
  deleteNote(id: NoteId): void
  /** An action's status, day to look again or evaluation; true when valid and written. */
  setFollowUp(id: NoteId, changes: Partial<FollowUp>): boolean
  /** A condition's layer, or (null) none; true when written. */
  setLayer(id: NoteId, layer: Layer | null): Promise<boolean>
  /** Who carries an action, decides on it, has the means (null: not said); true when written. */
  setPower(id: NoteId, changes: Partial<Power>): Promise<boolean>
  dismissError(): void
  /** Links a note to one it serves in the neighbouring column, or unlinks it. */
  setLink(from: NoteId, to: NoteId, linked: boolean): void
  /** Says this person holds a value too, or no longer does. */
  setHolds(noteId: NoteId, holds: boolean): void
  /** This device's own "hoofd, hart, buik" entry for the open map. */
  ownPulse(): PulseEntry | null
  writePulse(change: Partial<PulseEntry>): void
  /** Empties the head-heart-gut round for the next meeting; only the facilitator can. */
  clearPulse(): void
  /** Gives a signal without a name ("Verstaanbaar Nederlands, graag"); viewers cannot. */
  raiseSignal(kind: SignalKind): boolean
  /** The facilitator saw the signals of `kind`: they go off every screen. */
  clearSignals(kind: SignalKind): void
  /**
   * Asks "Wie heeft hier invloed?" anew (true) or puts it aside (false); the answers of before
   * are taken away either way. Only the facilitator can.
   */
  askInfluence(ask: boolean): void
  /** This device's answer, without a name, with its side; true when written. */
  answerInfluence(holder: PowerHolder, words: string): boolean
  /** The group's own ground rules: add one, say one in other words (empty: away), take one away. */
  changeGroundRules(
    change:
      | { add: string }
      | { edit: string; text: string }
      | { remove: string }
      | { restore: { text: string; at: number } },
  ): Promise<boolean>
  /** Lays tasks on the task board's pile to sort (the facilitator's starter deck); true when written. */
  layOutTasks(texts: readonly string[]): Promise<boolean>
  /** Takes a sorted task to the map in `column`; the new note's id, or null when refused. */
  takeToMap(taskId: NoteId, column: ColumnId): Promise<NoteId | null>
  /** Fills the open (new, empty) map with the example map from the domain brief. */
  fillExampleMap(): Promise<void>
  /**
   * Fills the open (new, empty) map from a checked map file; shared marks go along. It waits for
   * the server first, so the file goes out in parts as it is written, never as one frame.
   */
  importMapFile(file: MapFile, importer: Participant): Promise<void>
}

/** The edit actions; a refused edit leaves the map unchanged and sets `error`. */
export function noteActions(ctx: StoreContext): NoteActions {
  const { set, get, attempt } = ctx
  /** The key of this device's answer to the open influence question; never stored anywhere. */
  let ownAnswer: { round: number; key: string } | null = null

  /** The lock, asked before any write into a column; a refusal says why. */
  function open(column: ColumnId): boolean {
    const { control, level } = get()
    if (mayWriteTo(control, level, column)) return true
    set({ error: 'column-locked' })
    return false
  }

  /** Runs a note change as one this person can take back, and says so at the bottom. */
  function own<T>(kind: UndoKind, change: (doc: MapDoc) => T) {
    const result = attempt((doc) => undoable(doc, kind, () => change(doc)))
    // A new note is there to see; the other changes say how to take them back.
    if (result !== null && kind !== 'add') set({ undoNotice: { kind: 'done', change: kind } })
    return result
  }

  function author(): Participant | null {
    const me = get().me
    if (!me) set({ error: 'invalid-participant' })
    return me
  }

  return {
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
      if (!open(input.column)) return null
      const me = author()
      if (!me) return null
      if (!proxyFor)
        return own('add', (doc) => addNote(doc, { ...input, id: newNoteId(), author: me }))
      const writtenFor: Participant = {
        id: newParticipantId(),
        name: proxyFor.name.trim(),
        role: proxyFor.role,
        // "Anders" in the writer's own words, with the side they chose, as in the join form.
        roleLabel: proxyFor.role === 'anders' ? (proxyFor.roleLabel ?? '').trim() : '',
        side: proxyFor.role === 'anders' ? (proxyFor.side ?? 'informal') : ROLE_SIDE[proxyFor.role],
      }
      return own('add', (doc) =>
        addNote(doc, { ...input, id: newNoteId(), author: writtenFor, proxyBy: me }),
      )
    },

    editNote(id, changes) {
      const by = get().me?.id
      return own('edit', (doc) => editNote(doc, id, { ...changes, by })) !== null
    },

    editAndMoveNote(id, changes, target) {
      if (!open(target.column)) return false
      const by = get().me?.id
      return own('edit', (doc) => editAndMoveNote(doc, id, { ...changes, by }, target)) !== null
    },

    moveNote(id, column, index) {
      if (get().view.notes.get(id)?.column !== column && !open(column)) return
      own('move', (doc) => moveNote(doc, id, { column, index }))
    },

    deleteNote(id) {
      own('delete', (doc) => deleteNote(doc, id))
    },

    setFollowUp(id, changes) {
      return attempt((doc) => setFollowUp(doc, id, changes)) !== null
    },

    async setLayer(id, layer) {
      if (get().level === 'viewer') return false
      // The writer loads with the menu that uses it.
      const { setLayer } = await import('../map/layers')
      return attempt((doc) => setLayer(doc, id, layer)) !== null
    },

    async layOutTasks(texts) {
      const { TASK_DECK, layOutTasks } = await import('../map/tasks')
      if (!open(TASK_DECK)) return false
      const me = author()
      if (!me) return false
      return attempt((doc) => layOutTasks(doc, texts, me)) !== null
    },

    async takeToMap(taskId, column) {
      const { takeToMap } = await import('../map/tasks')
      if (!open(column)) return null
      const me = author()
      if (!me) return null
      const id = own('add', (doc) => takeToMap(doc, taskId, column, me))
      // Said at the bottom, with the way back: the new note is on the other board, out of sight.
      const label = id ? get().view.labels.get(id) : undefined
      if (label) set({ undoNotice: { kind: 'toMap', label } })
      return id
    },

    async setPower(id, changes) {
      if (get().level === 'viewer') return false
      // The writer loads with the form that uses it.
      const { setPower } = await import('../map/power')
      return attempt((doc) => setPower(doc, id, changes)) !== null
    },

    dismissError() {
      set({ error: null })
    },

    setLink(from, to, linked) {
      attempt((doc) => setLink(doc, from, to, linked))
    },

    setHolds(noteId, holds) {
      const me = get().me
      if (me) attempt((doc) => setHolds(doc, noteId, me.id, holds))
    },

    ownPulse() {
      const session = ctx.session()
      return session?.roomId ? ownPulse(session.doc, session.pulseKey()) : null
    },

    writePulse(change) {
      const session = ctx.session()
      if (!session?.roomId) return
      const key = attempt((doc) => writePulse(doc, session.pulseKey(), change))
      if (key) session.keepPulseKey(key)
    },

    clearPulse() {
      if (get().level === 'facilitator') attempt((doc) => clearPulse(doc))
    },

    raiseSignal(kind) {
      if (get().level === 'viewer' || !ctx.session()?.roomId) return false
      return attempt((doc) => raiseSignal(doc, kind, get().now())) !== null
    },

    clearSignals(kind) {
      if (get().level === 'facilitator') attempt((doc) => clearSignals(doc, kind))
    },

    askInfluence(ask) {
      if (get().level !== 'facilitator') return
      attempt((doc) => clearInfluence(doc))
      ctx.facilitate((doc, now) => setInfluence(doc, ask ? Math.floor(now / 1000) : null))
    },

    answerInfluence(holder, words) {
      const { control, me, level } = get()
      const round = control.influence
      if (round === null || !me || level === 'viewer') return false
      const own = ownAnswer?.round === round ? ownAnswer.key : null
      const key = attempt((doc) =>
        answerInfluence(doc, own, { round, side: me.side, holder, words }),
      )
      if (key) ownAnswer = { round, key }
      return key !== null && key !== undefined
    },

    async changeGroundRules(change) {
      if (get().level === 'viewer') return false
      // The writers load with the form that uses them.
      const rules = await import('../map/groundRules')
      const done = attempt((doc) => {
        if ('add' in change) return rules.addGroundRule(doc, change.add, get().now()) !== null
        // A rule taken away by mistake comes back in its place: its time is its order.
        if ('restore' in change) {
          return rules.addGroundRule(doc, change.restore.text, change.restore.at) !== null
        }
        if ('edit' in change) rules.editGroundRule(doc, change.edit, change.text)
        else rules.removeGroundRule(doc, change.remove)
        return true
      })
      return done === true
    },

    async fillExampleMap() {
      // The example's text loads only when someone asks for it.
      const { fillExampleMap } = await import('../map/example')
      attempt((doc) => fillExampleMap(doc))
    },

    async importMapFile(file, importer) {
      const opened = ctx.session()
      if (!opened || get().level !== 'facilitator') return
      await opened.whenSynced()
      // The file reader loads only for an import.
      const { importMapFile } = await import('../map/mapFile')
      if (ctx.session() !== opened) return
      attempt(() => importMapFile(opened.doc, opened.control, file, importer))
    },
  }
}
