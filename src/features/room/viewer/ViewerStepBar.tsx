import { ColumnQuestions } from '../../shared/ColumnQuestions'
import { useT } from '../../../i18n'
import { useTexts } from '../../../i18n/bundle'
import { viewerTexts } from './viewerTexts'
import { stepTitle } from '../../shared/columnText'
import { useRoom } from '../../../store/roomStore'
import { ConnectionBadge } from '../ConnectionBadge'
import { ReadyCheck } from '../../facilitation/ReadyCheck'
import { StepTimer } from '../../facilitation/StepTimer'
import { VoteStatus } from '../../facilitation/VoteStatus'
import { AskBanner, SharedThreadNote } from '../../thread/AskBanner'
import { SignalBanners } from '../../signals/Signals'
import { BrainstormRules } from '../../brainstorm/Brainstorm'

/**
 * The top of the shared screen, always in view: the map's name, the step and its questions, the
 * timer and who is done; below it, what the facilitator puts to the room now.
 */
export function ViewerStepBar() {
  const t = useT()
  const vt = useTexts(viewerTexts)
  const meta = useRoom((state) => state.view.meta)
  const control = useRoom((state) => state.control)
  const board = useRoom((state) => state.view.board)
  const form = useRoom((state) => state.control.form)
  const active = control.activeColumns

  return (
    <header className="vw-bar">
      <div className="vw-bar-title">
        <h1>{meta.title || t('room.noTitle')}</h1>
        {meta.cardVersion && <p>{t('room.version', { version: meta.cardVersion })}</p>}
        <p className="vw-badge">{vt('viewer.badge')}</p>
        <ConnectionBadge />
      </div>
      <section className="vw-bar-step" aria-labelledby="step-banner-title" aria-live="polite">
        {control.step < 0 ? (
          <h2 id="step-banner-title" className="vw-bar-free">
            {t('step.notStarted')}
          </h2>
        ) : (
          <>
            <p className="vw-bar-progress">
              {form && `${t(`form.${form}`)} · `}
              {t('step.current', { number: control.step + 1, count: control.steps.length })}
            </p>
            <h2 id="step-banner-title">{stepTitle(t, board, active)}</h2>
            {active.length === 1 && (
              <ColumnQuestions column={active[0]!} className="vw-bar-questions" />
            )}
          </>
        )}
        {control.privateWriting && <p className="drafts-on">{t('drafts.on')}</p>}
      </section>
      <div className="vw-bar-side">
        <StepTimer />
        <ReadyCheck />
      </div>
      <div className="vw-bar-notices">
        <SignalBanners large />
        <BrainstormRules large />
        <AskBanner />
        <SharedThreadNote />
        <VoteStatus />
      </div>
    </header>
  )
}
