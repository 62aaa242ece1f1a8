import type { ActionOwner, ColumnId } from '../map'

/** A note written alone, kept on this device only until the facilitator reveals. */
export interface Draft {
  readonly id: string
  readonly column: ColumnId
  readonly text: string
  readonly owner: ActionOwner | null
}

export interface DraftFile {
  readonly drafts: readonly Draft[]
  /** The last reveal this device has answered; a higher round in the map means "share now". */
  readonly revealedRound: number
}

const EMPTY: DraftFile = { drafts: [], revealedRound: 0 }

function keyFor(roomId: string): string {
  return `pk.drafts.${roomId}`
}

/** This device's drafts for a map. They are never written to the shared document or the server. */
export function loadDrafts(roomId: string): DraftFile {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyFor(roomId)) ?? 'null') as DraftFile | null
    if (!parsed || !Array.isArray(parsed.drafts) || !Number.isInteger(parsed.revealedRound)) {
      return EMPTY
    }
    return parsed
  } catch {
    return EMPTY
  }
}

/** Forgets this device's drafts for a map (it was deleted): nothing of them stays in storage. */
export function forgetDrafts(roomId: string): void {
  try {
    localStorage.removeItem(keyFor(roomId))
  } catch {
    // No storage: there was nothing kept.
  }
}

/** Keeps this device's drafts for a map; an empty file leaves nothing behind in storage. */
export function saveDrafts(roomId: string, file: DraftFile): void {
  try {
    if (file.drafts.length === 0 && file.revealedRound === 0)
      localStorage.removeItem(keyFor(roomId))
    else localStorage.setItem(keyFor(roomId), JSON.stringify(file))
  } catch {
    // Storage refused: drafts last as long as this page.
  }
}
