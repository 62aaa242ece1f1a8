import { useLang } from '../../i18n'
import type { Note } from '../../map'
import { powerWords } from './powerText'

/**
 * On a card: who carries, decides and pays, and the warning when that is out of balance. The big
 * screen shows the warning alone (`brief`): it names the imbalance, and the wall has no room for
 * saying it twice; the card, the panel and the PDF keep both.
 */
export function PowerLine({
  note,
  id,
  brief = false,
}: {
  note: Note
  id?: string
  brief?: boolean
}) {
  const lang = useLang((state) => state.lang)
  const { line, gap } = powerWords(note, lang)
  if (!line) return null
  return (
    <p className={`note-power${gap ? ' has-gap' : ''}`} id={id}>
      {gap && <strong className="note-power-gap">{gap} </strong>}
      <span className={gap && brief ? 'visually-hidden' : undefined}>{line}</span>
    </p>
  )
}
