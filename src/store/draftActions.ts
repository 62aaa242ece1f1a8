import { addNotes, newNoteId } from '../map'
import type { Draft } from './drafts'
import type { StoreContext } from './state'

/** Notes written alone first: they stay on this device until the facilitator reveals. */
export interface DraftActions {
  addDraft(draft: Omit<Draft, 'id'>): void
  removeDraft(id: string): void
}

/** The draft actions; without an open room there are no drafts to change. */
export function draftActions(ctx: StoreContext): DraftActions {
  return {
    addDraft(draft) {
      const session = ctx.session()
      if (!session) return
      const file = session.drafts
      session.writeDrafts({ ...file, drafts: [...file.drafts, { ...draft, id: newNoteId() }] })
    },

    removeDraft(id) {
      const session = ctx.session()
      if (!session) return
      const file = session.drafts
      session.writeDrafts({ ...file, drafts: file.drafts.filter((draft) => draft.id !== id) })
    },
  }
}

/** On a new reveal, shares this device's drafts once, then answers that round for good. */
export function answerReveal(ctx: StoreContext): void {
  const session = ctx.session()
  const { control: view, me: author } = ctx.get()
  if (!session?.roomId) return
  const file = session.drafts
  if (view.revealRound <= file.revealedRound) return
  if (file.drafts.length > 0 && !author) return
  const doc = session.doc
  addNotes(
    doc,
    file.drafts.map((draft) => ({
      id: newNoteId(),
      column: draft.column,
      text: draft.text,
      author: author!,
      anonymous: view.revealAnonymous,
      owner: draft.owner ?? undefined,
    })),
  )
  session.writeDrafts({ drafts: [], revealedRound: view.revealRound })
}
