import { useT } from '../../../i18n'
import { useTexts } from '../../../i18n/bundle'
import { viewerTexts } from './viewerTexts'
import { isCardColumn, stepOf, type NoteId } from '../../../map'
import { useRoom } from '../../../store/roomStore'
import { bylineOf, ownerLine } from '../../shared/noteText'
import { refOf } from '../../shared/refs'
import { useVoteResult } from './ViewerNote'

/** Long notes get a smaller size so that the whole text still fits the card. */
function sizeFor(text: string): 'is-long' | 'is-medium' | '' {
  return text.length > 260 ? 'is-long' : text.length > 140 ? 'is-medium' : ''
}

/**
 * The note the facilitator put in the spotlight, large in the middle of the screen: its text,
 * where it sits on the map, who wrote it and what the room marked on it. The board stays beside
 * and behind it, undimmed.
 */
export function Spotlight() {
  const note = useRoom((state) => {
    const id = state.control.focusNote
    return id ? state.view.notes.get(id as NoteId) : undefined
  })
  if (!note) return null
  return <SpotlightCard noteId={note.id} />
}

function SpotlightCard({ noteId }: { noteId: NoteId }) {
  const t = useT()
  const hideRoles = useRoom((state) => state.control.hideRoles)
  const vt = useTexts(viewerTexts)
  const view = useRoom((state) => state.view)
  const agreed = useRoom((state) => state.control.agreed.has(noteId))
  const note = view.notes.get(noteId)!
  const votes = useVoteResult(note)
  const owner = ownerLine(t, note)
  const column = t(`column.${note.column}`)
  return (
    <section className="vw-spotlight" aria-labelledby="vw-spotlight-title">
      <h2 id="vw-spotlight-title" className="vw-spotlight-title">
        {vt('viewer.spotlight')}
      </h2>
      <p className="vw-spotlight-where">
        <span className="vw-ref">{refOf(t, view, note.id)}</span>{' '}
        {isCardColumn(note.column)
          ? `${t('column.step', { step: stepOf(view.board, note.column) })} · ${column}`
          : column}
      </p>
      <p className={`vw-spotlight-text ${sizeFor(note.text)}`}>{note.text}</p>
      {owner && <p className="vw-spotlight-owner">{owner}</p>}
      <p className="vw-spotlight-author">{bylineOf(t, note, true, !hideRoles)}</p>
      {(agreed || votes > 0) && (
        <p className="vw-note-marks">
          {agreed && <span className="vw-mark vw-mark-agreed">{t('agreed.badge')}</span>}
          {votes > 0 && (
            <span className="vw-mark vw-mark-votes">
              {t(votes === 1 ? 'vote.resultOne' : 'vote.result', { count: votes })}
            </span>
          )}
        </p>
      )}
    </section>
  )
}
