import { memo } from 'react'
import { useT } from '../../i18n'
import type { Note } from '../../map'
import { useRoom } from '../../store/roomStore'
import { dotsOn, voteRefusal } from '../../store/selectors'
import { shortText } from '../shared/noteText'

/**
 * While a vote is open: one's own dots on a note (nobody else's until it closes) and the buttons
 * to give or take back a dot. The result after the vote sits in the card's head. Memoised, like
 * NoteBody, for the many re-renders of a drag.
 */
export const NoteVoting = memo(function NoteVoting({
  note,
  tabbable,
}: {
  note: Note
  /** Out of the Tab order unless its card is the column's current one. */
  tabbable: boolean
}) {
  const t = useT()
  const level = useRoom((state) => state.level)
  const me = useRoom((state) => state.me)
  const vote = useRoom((state) => state.control.vote)
  const dots = useRoom((state) => state.dots)
  const activeColumns = useRoom((state) => state.control.activeColumns)
  // A vote is about the step the group is in; without a step, about the whole map.
  const votable =
    vote !== null && (activeColumns.length === 0 || activeColumns.includes(note.column))
  if (!votable || !vote.open || level === 'viewer' || !me) return null
  const { mine } = dotsOn(dots, note.id, me.id)
  // The rule castVote applies: one dot per note hides the button, no dots left disables it.
  const refusal = voteRefusal(vote, dots, me.id, note.id)
  const label = shortText(note.text)
  const tabIndex = tabbable ? 0 : -1

  return (
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
          tabIndex={tabIndex}
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
          tabIndex={tabIndex}
          aria-label={t('vote.takeBackLabel', { text: label })}
          onClick={() => useRoom.getState().retractVote(note.id)}
        >
          {t('vote.takeBack')}
        </button>
      )}
    </div>
  )
})
