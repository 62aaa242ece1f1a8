import { castVote, retractVote, type NoteId } from '../map'
import type { ReadyStatus } from '../sync/roomConnection'
import type { StoreContext } from './state'

/** What a participant says in a round: dots in a vote, "klaar" or "pas" for a step. */
export interface VoteActions {
  /** Puts one of this person's dots on a note; a refusal is kept in `error` to be explained. */
  castVote(noteId: NoteId): void
  retractVote(noteId: NoteId): void
  /** Marks this person "klaar" or "pas" for the current step, or takes the mark back. */
  setReady(status: ReadyStatus | null): void
}

/** The vote and ready actions; they do nothing without an open round and a person to vote. */
export function voteActions(ctx: StoreContext): VoteActions {
  const { set, get } = ctx
  return {
    castVote(noteId) {
      const session = ctx.session()
      const { me, control, error } = get()
      if (!session || !me || !control.vote?.open) return
      const refusal = castVote(session.doc, control.vote, me.id, noteId)
      if (refusal) set({ error: refusal })
      else if (error) set({ error: null })
    },

    retractVote(noteId) {
      const session = ctx.session()
      const { me, control } = get()
      if (!session || !me || !control.vote?.open) return
      retractVote(session.doc, control.vote, me.id, noteId)
    },

    setReady(status) {
      const { control } = get()
      ctx
        .session()
        ?.setReady(status ? { round: control.readyRound, step: control.step, status } : null)
    },
  }
}
