import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import { dotsLeft } from '../../store/selectors'

/** The vote in one line: your dots left while it is open; that results show once it closed. */
export function VoteStatus() {
  const t = useT()
  const vote = useRoom((state) => state.control.vote)
  const dots = useRoom((state) => state.dots)
  const me = useRoom((state) => state.me)
  const level = useRoom((state) => state.level)
  if (!vote) return null
  if (!vote.open) return <p className="vote-status">{t('vote.closedStatus')}</p>
  if (level === 'viewer' || !me) {
    return <p className="vote-status">{t('vote.openStatus', { count: dots.length })}</p>
  }
  return (
    <p className="vote-status" role="status">
      {t('vote.left', { left: dotsLeft(vote, dots, me.id), dots: vote.dots })}
    </p>
  )
}
