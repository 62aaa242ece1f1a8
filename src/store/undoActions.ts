import type { NoteId, UndoKind, UndoStatus } from '../map'
import type { StoreContext } from './state'

/** What the undo message at the bottom of the screen says now. */
export type UndoNotice =
  /** This person just made a change they can take back. */
  | { kind: 'done'; change: UndoKind }
  | { kind: 'undone'; change: UndoKind }
  | { kind: 'redone'; change: UndoKind }
  /** A sorted task this person put on the map, as the note labelled `label` there. */
  | { kind: 'toMap'; label: string }
  /** Someone else removed a note this person wrote. */
  | { kind: 'gone'; label: string; text: string }
  /** The note this person was editing went (deleted or moved by someone else). */
  | { kind: 'editLost'; label: string }

export const NO_UNDO: UndoStatus = { undo: null, redo: null }

export interface UndoActions {
  /** Takes back this person's last change to a note (their own history only). */
  undo(): void
  redo(): void
  dismissNotice(): void
  /** Tells this person the note they were editing went; their edit was not kept. */
  editLost(label: string): void
  /** Tells the writer of notes another device removed (the store still has the old view). */
  notesRemoved(ids: readonly NoteId[]): void
}

export function undoActions(ctx: StoreContext): UndoActions {
  const { set, get } = ctx
  return {
    undo() {
      const change = ctx.session()?.undo.undo()
      if (change) set({ undoNotice: { kind: 'undone', change } })
    },
    redo() {
      const change = ctx.session()?.undo.redo()
      if (change) set({ undoNotice: { kind: 'redone', change } })
    },
    dismissNotice() {
      set({ undoNotice: null })
    },
    editLost(label) {
      // Closing the room takes every card away: that loses nothing anyone could see.
      if (!ctx.session()) return
      set({ undoNotice: { kind: 'editLost', label } })
    },
    notesRemoved(ids) {
      const { me, view } = get()
      if (!me) return
      // One's own notes, and those one wrote for someone without a device.
      const mine = ids
        .map((id) => view.notes.get(id))
        .filter((note) => note && (note.author?.id === me.id || note.proxyBy?.id === me.id))
      const note = mine[0]
      if (note) {
        set({
          undoNotice: { kind: 'gone', label: view.labels.get(note.id) ?? '', text: note.text },
        })
      }
    },
  }
}
