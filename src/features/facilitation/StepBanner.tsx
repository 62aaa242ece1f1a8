import { useT } from '../../i18n'
import { stepOf } from '../../map'
import { useRoom } from '../../store/roomStore'
import { Principles } from './Principles'
import { ReadyCheck } from './ReadyCheck'
import { StepTimer } from './StepTimer'
import { VoteStatus } from './VoteStatus'
import { AskBanner, SharedThreadNote } from '../thread/ThreadPanel'

/** What every screen shows of the guided step: which column(s), their questions, the timer. */
export function StepBanner({ large = false }: { large?: boolean }) {
  const t = useT()
  const control = useRoom((state) => state.control)
  const board = useRoom((state) => state.view.board)
  const level = useRoom((state) => state.level)
  const followPaused = useRoom((state) => state.followPaused)
  const active = control.activeColumns

  return (
    <section
      className={`step-banner${large ? ' is-large' : ''}`}
      aria-labelledby="step-banner-title"
      aria-live="polite"
    >
      <div className="step-banner-main">
        {control.step < 0 ? (
          <h2 id="step-banner-title" className="step-banner-free">
            {t('step.notStarted')}
          </h2>
        ) : (
          <>
            <p className="step-banner-progress">
              {t('step.current', { number: control.step + 1, count: control.steps.length })}
            </p>
            <h2 id="step-banner-title">
              {active
                .map((column) => `${stepOf(board, column)}. ${t(`column.${column}`)}`)
                .join(' · ')}
            </h2>
            {active.length === 1 && (
              <ul className="step-banner-questions">
                {t.list(`columnQuestions.${active[0]!}`).map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ul>
            )}
          </>
        )}
        {control.privateWriting && <p className="drafts-on">{t('drafts.on')}</p>}
        {level === 'participant' && control.follow && control.step >= 0 && (
          <p className="follow">
            {!followPaused && <span>{t('follow.following')} </span>}
            <button
              type="button"
              className="quiet"
              onClick={() => useRoom.getState().setFollowPaused(!followPaused)}
            >
              {followPaused ? t('follow.stepIn') : t('follow.stepOut')}
            </button>
          </p>
        )}
      </div>
      <div className="step-banner-side">
        <StepTimer />
        <ReadyCheck />
      </div>
      <div className="step-banner-ask">
        <AskBanner />
        <SharedThreadNote />
      </div>
      <VoteStatus />
      <Principles />
    </section>
  )
}
