import { memo } from 'react'
import { useT } from '../../i18n'
import type { Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { dotsOn, voteRefusal } from '../../store/selectors'
import { shortText } from '../shared/noteText'

/**
 * What a note carries beyond its text: the "gedeeld" mark, dots while voting (only your own until
 * the vote closes), and the result after. Memoised, like NoteBody, for the many re-renders of a
 * drag.
 */
export const NoteExtras = memo(function NoteExtras({
  note,
  editable,
}: {
  note: Note
  editable: boolean
}) {
  const t = useT()
  const level = useRoom((state) => state.level)
  const me = useRoom((state) => state.me)
  const vote = useRoom((state) => state.control.vote)
  const agreed = useRoom((state) => state.control.agreed.has(note.id))
  const focused = useRoom((state) => state.control.focusNote === note.id)
  const dots = useRoom((state) => state.dots)
  const label = shortText(note.text)
  const activeColumns = useRoom((state) => state.control.activeColumns)
  // A vote is about the step the group is in; without a step, about the whole map.
  const votable =
    vote !== null && (activeColumns.length === 0 || activeColumns.includes(note.column))
  const { mine, total } = dotsOn(dots, note.id, me?.id ?? null)
  // The rule castVote applies: one dot per note hides the button, no dots left disables it.
  const refusal = vote && me ? voteRefusal(vote, dots, me.id, note.id) : null

  return (
    <div className="note-extras">
      {focused && <p className="note-focus-badge">{t('focus.badge')}</p>}
      {agreed && <p className="note-agreed">{t('agreed.badge')}</p>}
      {/* A result stays with the notes it was given to, also once the group is at the next step. */}
      {vote !== null && !vote.open && total > 0 && (
        <p
          className="note-votes"
          aria-label={t(total === 1 ? 'vote.resultOne' : 'vote.result', { count: total })}
        >
          <span aria-hidden="true">{'●'.repeat(Math.min(total, 12))}</span> {total}
        </p>
      )}
      {votable && vote.open && level !== 'viewer' && me && (
        <div className="note-vote" role="group" aria-label={t('vote.give')}>
          {mine > 0 && (
            <span className="note-my-dots">
              <span aria-hidden="true">{'●'.repeat(mine)} </span>
              {t('vote.mine', { count: mine })}
            </span>
          )}
          {refusal !== 'one-per-note' && (
            <button
              type="button"
              className="small"
              // Focusable and pressable even without dots left: pressing it says why not.
              aria-disabled={refusal !== null}
              title={refusal ? t(`error.${refusal}`) : undefined}
              aria-label={t('vote.giveLabel', { text: label })}
              onClick={() => useRoom.getState().castVote(note.id)}
            >
              {t('vote.give')}
            </button>
          )}
          {mine > 0 && (
            <button
              type="button"
              className="small quiet"
              aria-label={t('vote.takeBackLabel', { text: label })}
              onClick={() => useRoom.getState().retractVote(note.id)}
            >
              {t('vote.takeBack')}
            </button>
          )}
        </div>
      )}
      {level === 'facilitator' && (
        <button
          type="button"
          className="small quiet"
          aria-pressed={focused}
          aria-label={t(focused ? 'focus.hideLabel' : 'focus.showLabel', { text: label })}
          onClick={() => useRoom.getState().setFocusNote(focused ? null : note.id)}
        >
          {focused ? t('focus.hide') : t('focus.show')}
        </button>
      )}
      {level === 'facilitator' && editable && (
        <button
          type="button"
          className="small quiet"
          aria-pressed={agreed}
          aria-label={t(agreed ? 'agreed.unmarkLabel' : 'agreed.markLabel', { text: label })}
          onClick={() => useRoom.getState().setAgreed(note.id, !agreed)}
        >
          {agreed ? t('agreed.unmark') : t('agreed.mark')}
        </button>
      )}
    </div>
  )
})
