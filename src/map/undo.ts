import * as Y from 'yjs'
import { notesOf, Origin, yDocOf, type MapDoc } from './doc'
import type { NoteId } from './schema'

/** What a person did to a note that they can take back. */
export type UndoKind = 'add' | 'edit' | 'move' | 'delete'

/** What the undo history of this device holds now. */
export interface UndoStatus {
  /** The change Ctrl+Z would take back; null when there is none. */
  undo: UndoKind | null
  /** The change taken back that Ctrl+Shift+Z would make again. */
  redo: UndoKind | null
}

/** This device's own history of note changes, to take back and make again. */
export interface NoteUndo {
  /** Takes back this device's last change still in the history; the kind it was, or null. */
  undo(): UndoKind | null
  redo(): UndoKind | null
  status(): UndoStatus
  /** Called after every change to the history. */
  onChange(listener: (status: UndoStatus) => void): () => void
  destroy(): void
}

const KIND = 'kind'
let pending: UndoKind = 'edit'

/**
 * Runs a note operation as a change its maker can take back: one step of their own history. Only
 * changes made this way are in it; a peer's changes, facilitation and migrations never are.
 */
export function undoable<T>(doc: MapDoc, kind: UndoKind, change: () => T): T {
  let result!: T
  pending = kind
  // The operation's own transaction joins this one, so the step carries this origin.
  yDocOf(doc).transact(() => {
    result = change()
  }, Origin.undoable)
  return result
}

/**
 * The undo history of one device's note changes. Taking one back only reverts what that change
 * did (Yjs's selective undo): what others changed since stays, and the result syncs like any
 * other change, so everyone sees the note come back.
 */
export function createNoteUndo(doc: MapDoc): NoteUndo {
  const manager = new Y.UndoManager(notesOf(doc), {
    trackedOrigins: new Set([Origin.undoable]),
    // Every change is its own step: a drag and the edit after it are taken back one by one.
    captureTimeout: 0,
  })
  const kindOf = (stack: readonly { meta: Map<unknown, unknown> }[]): UndoKind | null =>
    (stack[stack.length - 1]?.meta.get(KIND) as UndoKind | undefined) ?? null
  const status = (): UndoStatus => ({
    undo: kindOf(manager.undoStack),
    redo: kindOf(manager.redoStack),
  })
  const listeners = new Set<(status: UndoStatus) => void>()
  // Told from inside the document's transaction listeners: a listener that throws would stop
  // Yjs from calling the ones after it, the map's view among them, so none may.
  const tell = () => {
    const now = status()
    for (const listener of listeners) {
      try {
        listener(now)
      } catch (error) {
        console.error('an undo listener failed', error)
      }
    }
  }
  manager.on('stack-item-added', (event) => {
    // A step gets the kind of the change that made it; undone and made again, it keeps it.
    if (!event.stackItem.meta.has(KIND)) event.stackItem.meta.set(KIND, pending)
    tell()
  })
  manager.on('stack-item-popped', tell)
  manager.on('stack-cleared', tell)
  return {
    undo() {
      const kind = kindOf(manager.undoStack)
      if (!kind) return null
      // The redo step made from it is told its kind before it is added.
      pending = kind
      manager.undo()
      return kind
    },
    redo() {
      const kind = kindOf(manager.redoStack)
      if (!kind) return null
      pending = kind
      manager.redo()
      return kind
    },
    status,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      listeners.clear()
      manager.destroy()
    },
  }
}

/**
 * Calls `onGone` with the notes a change from elsewhere (another device, the server) removed,
 * before the view without them is made: the store still knows whose they were.
 */
export function onNotesRemovedElsewhere(doc: MapDoc, onGone: (ids: NoteId[]) => void): () => void {
  const notes = notesOf(doc)
  const observer = (event: Y.YMapEvent<Y.Map<unknown>>) => {
    if (event.transaction.local) return
    const gone: NoteId[] = []
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'delete') gone.push(key as NoteId)
    })
    if (gone.length > 0) onGone(gone)
  }
  notes.observe(observer)
  return () => notes.unobserve(observer)
}
