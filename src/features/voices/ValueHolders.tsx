import { memo } from 'react'
import { useT } from '../../i18n'
import { valueSides, type Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'

/**
 * On a value: which sides hold it (its writer's side and everyone who said "my value too"), and
 * the button to say so. Shared values and one-sided values are where win-win talks begin.
 */
export const ValueHolders = memo(function ValueHolders({ note }: { note: Note }) {
  const t = useT()
  const level = useRoom((state) => state.level)
  const meId = useRoom((state) => state.me?.id)
  const holders = useRoom((state) => state.view.voices.holders.get(note.id))
  const participants = useRoom((state) => state.view.participants)
  const mine = meId !== undefined && (holders ?? []).includes(meId)
  const sides = valueSides([note], participants, new Map([[note.id, holders ?? []]])).get(note.id)!
  const held =
    sides.size === 2
      ? t('values.heldByBoth')
      : sides.has('formal')
        ? t('values.heldByFormal')
        : sides.has('informal')
          ? t('values.heldByInformal')
          : ''
  const isAuthor = meId !== undefined && note.author?.id === meId
  return (
    <div className="value-holders">
      {held && <p className={sides.size === 2 ? 'value-shared' : 'value-one-side'}>{held}</p>}
      {level !== 'viewer' && meId && !isAuthor && (
        <button
          type="button"
          className="small quiet"
          aria-pressed={mine}
          aria-label={t('values.holdsMineLabel', { text: shortText(note.text) })}
          onClick={() => useRoom.getState().setHolds(note.id, !mine)}
        >
          {t('values.holdsMine')}
        </button>
      )}
    </div>
  )
})
