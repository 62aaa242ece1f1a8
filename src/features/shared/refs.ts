import type { Translate } from '../../i18n'
import { threadEnd, threadStart, type MapView, type NoteId } from '../../map'

/** A note's short reference: its column's letter and its place in the column ("R2"). */
export function refOf(t: Translate, view: MapView, id: NoteId): string {
  const note = view.notes.get(id)
  const number = view.numbers.get(id)
  return note && number ? `${t(`ref.${note.column}`)}${number}` : ''
}

/** Whether loose ends mean anything yet: only once the map has both values and actions. */
export function looseEndsShown(view: MapView): boolean {
  return (
    view.columns[threadStart(view.board)].length > 0 &&
    view.columns[threadEnd(view.board)].length > 0
  )
}
