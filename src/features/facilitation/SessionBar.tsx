import { lazy, Suspense, type ReactNode } from 'react'
import { useT } from '../../i18n'
import { stepTitle } from '../shared/columnText'
import { useRoom } from '../../store/roomStore'
import { AskBanner, SharedThreadNote } from '../thread/AskBanner'
import { ReadyCheck } from './ReadyCheck'
import { StepTimer } from './StepTimer'
import { roomWork } from '../../store/selectors'
import { VoteStatus } from './VoteStatus'
import { giveSignal } from '../signals/giveSignalPart'

// Signals load while the join form shows: nobody needs them to join or to write.
const GiveSignal = giveSignal.Part
const SignalBanners = lazy(() =>
  import('../signals/Signals').then((m) => ({ default: m.SignalBanners })),
)
const BrainstormRules = lazy(() =>
  import('../brainstorm/Brainstorm').then((m) => ({ default: m.BrainstormRules })),
)

/** Where the group is: the step and its column(s), or free work and the way the card fills. */
function StepStatus() {
  const t = useT()
  const control = useRoom((state) => state.control)
  const board = useRoom((state) => state.view.board)
  if (control.step < 0) {
    return (
      <div className="session-step">
        <h2 id="session-step-title" className="session-step-name is-free">
          {t('step.notStarted')}
        </h2>
        <p className="session-step-order">
          {control.direction === 'fromValues' ? (
            <>
              <span aria-hidden="true">← </span>
              {t('board.fillOrder')}
            </>
          ) : (
            <>
              {t('board.fillOrderFromActions')}
              <span aria-hidden="true"> →</span>
            </>
          )}
        </p>
      </div>
    )
  }
  return (
    <div className="session-step">
      <p className="session-step-progress">
        {control.form && `${t(`form.${control.form}`)} · `}
        {t('step.current', { number: control.step + 1, count: control.steps.length })}
      </p>
      <h2 id="session-step-title" className="session-step-name">
        {stepTitle(t, board, control.activeColumns)}
      </h2>
    </div>
  )
}

/** What runs now, at a glance: writing alone, the vote, locks, following. */
function ActivityState() {
  const t = useT()
  const control = useRoom((state) => state.control)
  const level = useRoom((state) => state.level)
  const followPaused = useRoom((state) => state.followPaused)
  const presence = useRoom((state) => state.presence)
  const dots = useRoom((state) => state.dots)
  // Like a retro board: how many are at it, never what anyone wrote or chose.
  const work = roomWork(presence, dots)
  return (
    <div className="session-state">
      {control.privateWriting && (
        <p className="session-chip is-running" title={t('drafts.on')}>
          {t('drafts.private')}
          <span className="session-count">
            {t('room.writing', { count: work.writing, total: work.people })}
          </span>
        </p>
      )}
      {control.vote && (
        <div className="session-chip is-running">
          <VoteStatus />
          {control.vote.open && (
            <span className="session-count">
              {t('room.voted', { count: work.voted, total: work.people })}
            </span>
          )}
        </div>
      )}
      {control.locked && control.step >= 0 && (
        <p className="session-chip">{t('facilitation.lockedState')}</p>
      )}
      {level === 'participant' && control.follow && control.step >= 0 && (
        <p className="session-chip follow">
          {!followPaused && <span>{t('follow.following')} </span>}
          <button
            type="button"
            className="quiet small"
            onClick={() => useRoom.getState().setFollowPaused(!followPaused)}
          >
            {followPaused ? t('follow.stepIn') : t('follow.stepOut')}
          </button>
        </p>
      )}
      {level === 'facilitator' && control.follow && (
        <p className="session-chip">{t('facilitation.followState')}</p>
      )}
    </div>
  )
}

/**
 * The room's one compact bar above the board: the step, the timer, who is ready and what runs now.
 * A facilitator's controls (steps and the activities menu) sit in it too, passed in as `tools`.
 */
export function SessionBar({ tools }: { tools?: ReactNode }) {
  const t = useT()
  const privateWriting = useRoom((state) => state.control.privateWriting)
  const stepping = useRoom((state) => state.control.step >= 0)
  const level = useRoom((state) => state.level)
  const brainstorm = useRoom((state) => state.control.brainstorm)
  return (
    <section className="session-bar" aria-labelledby="session-step-title">
      <div className="session-row">
        <StepStatus />
        {tools}
        <StepTimer compact />
        {/* Done with what? Only a step can be done. */}
        {stepping && <ReadyCheck />}
        <ActivityState />
        {/* The facilitator gets the signals, and has the floor to say it themselves. */}
        {level === 'participant' && (
          <Suspense fallback={null}>
            <GiveSignal />
          </Suspense>
        )}
      </div>
      {/* The facilitator turned it on: for them the chip above says enough. */}
      {privateWriting && level !== 'facilitator' && <p className="drafts-on">{t('drafts.on')}</p>}
      <div className="session-ask">
        {level === 'facilitator' && (
          <Suspense fallback={null}>
            <SignalBanners />
          </Suspense>
        )}
        {brainstorm && (
          <Suspense fallback={null}>
            <BrainstormRules />
          </Suspense>
        )}
        <AskBanner />
        <SharedThreadNote />
      </div>
    </section>
  )
}
