import type { Translate } from '../../i18n'
import { threadEnd, threadStart, type MapView, type NoteId } from '../../map'

/**
 * A note's label ("R2"): given when it was written, the same in every language and kept wherever
 * the note moves. `t` stays in the signature for the texts around it.
 */
export function refOf(_t: Translate, view: MapView, id: NoteId): string {
  return view.labels.get(id) ?? ''
}

/** Whether loose ends mean anything yet: only once the map has both values and actions. */
export function looseEndsShown(view: MapView): boolean {
  return (
    view.columns[threadStart(view.board)].length > 0 &&
    view.columns[threadEnd(view.board)].length > 0
  )
}
