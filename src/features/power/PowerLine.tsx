import { useLang } from '../../i18n'
import type { Note } from '../../map'
import { powerWords } from './powerText'

/** On a card: who carries, decides and pays, and the warning when that is out of balance. */
export function PowerLine({ note, id }: { note: Note; id?: string }) {
  const lang = useLang((state) => state.lang)
  const { line, gap } = powerWords(note, lang)
  if (!line) return null
  return (
    <p className={`note-power${gap ? ' has-gap' : ''}`} id={id}>
      {gap && <strong className="note-power-gap">{gap} </strong>}
      <span>{line}</span>
    </p>
  )
}
