import { lazy, memo, Suspense } from 'react'
import { useT } from '../../../i18n'
import { hasPower, isCardColumn, type Note } from '../../../map'
import { useRoom } from '../../../store/roomStore'
import { bylineOf, ownerLine } from '../../shared/noteText'
import { refOf } from '../../shared/refs'
import { NoteThreadInfo } from '../../thread/NoteThread'
import { valueShareText } from '../../shared/valueShare'
import { useValueShare } from '../../voices/useValueShare'

// What only some notes carry loads once one does: the screen's first frame waits for none of it.
const PowerLine = lazy(() =>
  import('../../power/PowerLine').then((m) => ({ default: m.PowerLine })),
)
const LayerTag = lazy(() => import('../../layers/Layers').then((m) => ({ default: m.LayerTag })))
const OnMapTag = lazy(() => import('../../tasks/OnMapTag').then((m) => ({ default: m.OnMapTag })))

/** Dots on a note once the vote is closed, when the vote was about this note's step. */
export function useVoteResult(note: Note): number {
  return useRoom((state) => {
    const vote = state.control.vote
    if (!vote || vote.open || state.control.brainstorm) return 0
    const active = state.control.activeColumns
    if (active.length > 0 && !active.includes(note.column)) return 0
    let total = 0
    for (const dot of state.dots) if (dot.noteId === note.id) total++
    return total
  })
}

/**
 * One note on the shared screen: its reference, text, owner and author, and what the room
 * marked on it. Read-only, so no tools; a shown thread raises it by its frame, never by dimming
 * the others.
 */
export const ViewerNote = memo(function ViewerNote({
  note,
  offPage = false,
}: {
  note: Note
  /** Laid out with the others (so the board can measure), but on another page. */
  offPage?: boolean
}) {
  const t = useT()
  const hideRoles = useRoom((state) => state.control.hideRoles)
  const ref = useRoom((state) => refOf(t, state.view, note.id))
  const focused = useRoom((state) => state.control.focusNote === note.id)
  const inThread = useRoom((state) => state.thread?.has(note.id) ?? false)
  const votes = useVoteResult(note)
  // One rule for "gedeeld" (see valueShare), as on the board and on paper.
  const share = useValueShare(note)
  const owner = ownerLine(t, note)
  const id = `vw-note-${note.id}`
  return (
    <li
      className={`vw-note${focused ? ' is-focused' : ''}${inThread ? ' in-thread' : ''}`}
      data-note-id={note.id}
      data-off-page={offPage || undefined}
      aria-labelledby={`${id}-ref ${id}-text ${id}-author`}
    >
      <p className="vw-note-text">
        <span className="vw-ref" id={`${id}-ref`}>
          {ref}
        </span>{' '}
        <span id={`${id}-text`}>{note.text}</span>
      </p>
      {owner && <p className="vw-note-owner">{owner}</p>}
      <Suspense fallback={null}>
        {note.layer && <LayerTag note={note} />}
        {hasPower(note.power) && <PowerLine note={note} brief />}
        {note.onMap && <OnMapTag note={note} />}
      </Suspense>
      <div className="vw-note-meta">
        {/* A task from the deck speaks for nobody: no "Anoniem" on every card. */}
        {(note.author || isCardColumn(note.column)) && (
          <p className="vw-note-author" id={`${id}-author`}>
            {bylineOf(t, note, true, !hideRoles)}
          </p>
        )}
        {focused && <p className="vw-mark vw-mark-focus">{t('focus.badge')}</p>}
        {share === 'shared' && <p className="vw-mark vw-mark-agreed">{t('agreed.badge')}</p>}
        {votes > 0 && (
          <p className="vw-mark vw-mark-votes">
            {t(votes === 1 ? 'vote.resultOne' : 'vote.result', { count: votes })}
          </p>
        )}
        {(share === 'formal' || share === 'informal') && (
          <p className="vw-held">{valueShareText(t, share)}</p>
        )}
        <NoteThreadInfo note={note} />
      </div>
    </li>
  )
})

/** A note as a rail shows it, beside the step in progress: its reference and its first words. */
export const RailNote = memo(function RailNote({
  note,
  offPage = false,
}: {
  note: Note
  /** Beyond what the rail has room for. */
  offPage?: boolean
}) {
  const t = useT()
  const ref = useRoom((state) => refOf(t, state.view, note.id))
  const focused = useRoom((state) => state.control.focusNote === note.id)
  const inThread = useRoom((state) => state.thread?.has(note.id) ?? false)
  const id = `vw-rail-${note.id}`
  return (
    <li
      className={`vw-rail-note${focused ? ' is-focused' : ''}${inThread ? ' in-thread' : ''}`}
      data-note-id={note.id}
      data-off-page={offPage || undefined}
      aria-labelledby={`${id}-ref ${id}-text`}
    >
      <span className="vw-ref" id={`${id}-ref`}>
        {ref}
      </span>{' '}
      <span className="vw-rail-text" id={`${id}-text`}>
        {note.text}
      </span>
    </li>
  )
})
