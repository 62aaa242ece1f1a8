import { draftTexts } from './draftTexts'
import { useTexts } from '../../i18n/bundle'
import type { ColumnId } from '../../map'
import { useRoom } from '../../store/roomStore'
import { shortText } from '../shared/noteText'

/** This person's private drafts in one column: shown only here, on their own device. */
export function DraftList({ column }: { column: ColumnId }) {
  const dt = useTexts(draftTexts)
  const drafts = useRoom((state) => state.drafts).filter((draft) => draft.column === column)
  if (drafts.length === 0) return null
  return (
    <section className="drafts" aria-label={dt('drafts.title')}>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.id} className="draft">
            <p className="draft-badge">{dt('drafts.badge')}</p>
            <p className="note-text">{draft.text}</p>
            <button
              type="button"
              className="small quiet"
              aria-label={dt('drafts.removeLabel', { text: shortText(draft.text) })}
              onClick={() => useRoom.getState().removeDraft(draft.id)}
            >
              {dt('drafts.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
