import type { Translate } from '../../i18n'
import type { MapView, NoteId } from '../../map'

/** A note's short reference: its column's letter and its place in the column ("R2"). */
export function refOf(t: Translate, view: MapView, id: NoteId): string {
  const note = view.notes.get(id)
  const number = view.numbers.get(id)
  return note && number ? `${t(`ref.${note.column}`)}${number}` : ''
}

/** Whether loose ends mean anything yet: only once the map has both values and actions. */
export function looseEndsShown(view: MapView): boolean {
  return view.columns.waarden.length > 0 && view.columns.acties.length > 0
}
