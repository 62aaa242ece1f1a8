import { takesHolds, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { valueShare, type ValueShare } from '../shared/valueShare'

/**
 * Whether a value is shared (see `valueShare`); null for notes in other columns, and while a
 * brainstorm runs (no judging until it ends).
 */
export function useValueShare(note: Note): ValueShare | null {
  const board = useRoom((state) => state.view.board)
  const brainstorm = useRoom((state) => state.control.brainstorm)
  const agreed = useRoom((state) => state.control.agreed.has(note.id))
  const holders = useRoom((state) => state.view.voices.holders.get(note.id))
  const participants = useRoom((state) => state.view.participants)
  if (brainstorm || !takesHolds(board, note.column)) return null
  return valueShare(note, agreed, participants, holders ?? [])
}

/** Whether I said "ook mijn waarde" of this value, and whether I may (not of my own). */
export function useMyHold(note: Note): { mine: boolean; may: boolean } {
  const level = useRoom((state) => state.level)
  const meId = useRoom((state) => state.me?.id)
  const board = useRoom((state) => state.view.board)
  const mine = useRoom(
    (state) => meId !== undefined && (state.view.voices.holders.get(note.id) ?? []).includes(meId),
  )
  const may =
    takesHolds(board, note.column) &&
    level !== 'viewer' &&
    meId !== undefined &&
    note.author?.id !== meId
  return { mine, may }
}
