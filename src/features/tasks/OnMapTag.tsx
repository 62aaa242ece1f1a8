import { useTexts } from '../../i18n/bundle'
import type { Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { taskTexts } from './texts'

/** On a sorted task: the map note it was taken to, by its label ("Op de kaart: E3"). */
export function OnMapTag({ note }: { note: Note }) {
  const t = useTexts(taskTexts)
  const label = useRoom((state) => (note.onMap ? state.view.labels.get(note.onMap) : undefined))
  if (!note.onMap) return null
  return (
    <p className={`note-on-map${label ? '' : ' is-gone'}`}>
      {label ? t('toMap.tag', { label }) : t('toMap.gone')}
    </p>
  )
}
