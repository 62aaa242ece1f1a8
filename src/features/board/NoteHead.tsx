import { memo, type ReactNode } from 'react'
import { useT } from '../../i18n'
import type { Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { refOf } from '../shared/refs'
import { useLooseEnd } from '../thread/NoteThread'
import { valueShareText } from '../shared/valueShare'
import { useValueShare } from '../voices/useValueShare'

/** The one status a card shows, the most pressing first. */
type Status = 'focus' | 'shared' | 'loose' | 'side'

/**
 * A card's first line: its label, what it serves, its dots once a vote has closed, and at most
 * one status (spotlight, shared, loose end, one side), so the note's text stays what one reads.
 * The menu button (`children`) sits at its end.
 */
export const NoteHead = memo(function NoteHead({
  note,
  children,
}: {
  note: Note
  children?: ReactNode
}) {
  const t = useT()
  const ref = useRoom((state) => refOf(t, state.view, note.id))
  const serves = useRoom((state) =>
    (state.view.linkIndex.serves.get(note.id) ?? [])
      .map((id) => refOf(t, state.view, id))
      .join(' '),
  )
  const focused = useRoom((state) => state.control.focusNote === note.id)
  const votes = useRoom((state) => {
    const vote = state.control.vote
    // A brainstorm judges nothing until it ends.
    if (!vote || vote.open || state.control.brainstorm) return 0
    let total = 0
    for (const dot of state.dots) if (dot.noteId === note.id) total++
    return total
  })
  const share = useValueShare(note)
  const loose = useLooseEnd(note)
  const status: Status | null = focused
    ? 'focus'
    : share === 'shared'
      ? 'shared'
      : loose
        ? 'loose'
        : share === 'formal' || share === 'informal'
          ? 'side'
          : null
  const looseText = loose ? t(loose === 'value' ? 'thread.looseValue' : 'thread.looseAction') : ''

  return (
    <div className="note-head">
      <p className="note-ref" id={`note-${note.id}-ref`}>
        {ref}
      </p>
      {serves && (
        <p className="note-serves" id={`note-${note.id}-serves`}>
          {t('thread.serves')} <span className="note-serves-refs">{serves}</span>
        </p>
      )}
      {votes > 0 && (
        <p
          className="note-votes"
          id={`note-${note.id}-votes`}
          title={t(votes === 1 ? 'vote.resultOne' : 'vote.result', { count: votes })}
        >
          <span aria-hidden="true">● {votes}</span>
          <span className="visually-hidden">
            {t(votes === 1 ? 'vote.resultOne' : 'vote.result', { count: votes })}
          </span>
        </p>
      )}
      {status && (
        <p
          className={`note-status is-${status}`}
          id={`note-${note.id}-status`}
          title={
            status === 'loose'
              ? looseText
              : status === 'side'
                ? valueShareText(t, share!)
                : undefined
          }
        >
          {status === 'focus' && t('focus.badge')}
          {status === 'shared' && valueShareText(t, share!)}
          {status === 'side' && (
            <>
              <span aria-hidden="true">
                {t(share === 'formal' ? 'values.sideFormal' : 'values.sideInformal')}
              </span>
              <span className="visually-hidden">{valueShareText(t, share!)}</span>
            </>
          )}
          {status === 'loose' && (
            <>
              <span aria-hidden="true">{t('thread.looseShort')}</span>
              <span className="visually-hidden">{looseText}</span>
            </>
          )}
        </p>
      )}
      {children}
    </div>
  )
})
