import { lazy, Suspense, useEffect } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { viewerTexts } from './viewer/viewerTexts'
import { useRoom } from '../../store/roomStore'
import { Principles } from '../facilitation/Principles'
import { GroundRulesShown } from '../groundRules/GroundRules'
import { BalancePanel } from '../voices/BalancePanel'
import { RoomMix } from '../voices/RoomMix'
import { PulseRound } from '../pulse/Pulse'
import { InfluenceRound } from '../influence/Influence'
import { JoinCodeDisplay } from '../share/JoinCodePanel'
import { Spotlight } from './viewer/Spotlight'
import { LookBackScreen } from '../followup/LookBack'
import { ViewerBoard } from './viewer/ViewerBoard'
import { ViewerStepBar } from './viewer/ViewerStepBar'
import { VoteRanking } from './viewer/VoteRanking'
import { RefusalBanner } from './RefusalBanner'
import './viewer.css'

/** A trajectory meeting's report loads, with its connection, only while the facilitator shows one. */
const ShownMeeting = lazy(() =>
  import('../trajectory/ShownMeeting').then((m) => ({ default: m.ShownMeeting })),
)

/**
 * The shared screen (a projector): the map, the step, its questions and the timer, following
 * every change live. Opened with the viewer link, it can read but never write, needs no mouse,
 * and never scrolls: what does not fit turns pages or is counted, and panels for the room (the
 * join code, a vote's result, a round, the balance of voices) take a side of the screen.
 */
export function ViewerPage({ viewerToken }: { viewerToken: string }) {
  const t = useT()
  const vt = useTexts(viewerTexts)
  const meta = useRoom((state) => state.view.meta)
  const joinCode = useRoom((state) => state.control.joinCode)
  const showBalance = useRoom((state) => state.control.showBalance)
  const pulse = useRoom((state) => state.control.pulse)
  const influence = useRoom((state) => state.control.influence !== null)
  const shownMeeting = useRoom((state) => state.control.shownMeeting !== null)
  const voteClosed = useRoom(
    (state) => state.control.vote !== null && !state.control.vote.open && !state.control.brainstorm,
  )
  const side = joinCode !== null || showBalance || pulse !== null || influence || voteClosed

  useEffect(() => {
    useRoom.getState().openRoom({ kind: 'viewer', viewerToken }, null)
  }, [viewerToken])

  useEffect(() => {
    document.title = meta.title ? `${meta.title} · ${t('app.name')}` : t('app.name')
  }, [meta.title, t])

  return (
    <div className={`room is-viewer${side ? ' has-side' : ''}`}>
      <ViewerStepBar />
      <div className="room-banners">
        <RefusalBanner />
      </div>
      <main id="main" className="vw-main">
        <div className="vw-stage">
          <ViewerBoard />
          <Spotlight />
          <LookBackScreen />
          {shownMeeting && (
            <Suspense fallback={null}>
              <ShownMeeting viewerToken={viewerToken} />
            </Suspense>
          )}
        </div>
        {side && (
          <aside className="vw-side" aria-label={vt('viewer.panels')}>
            {joinCode && (
              <section className="vw-panel vw-join" aria-labelledby="vw-join-title">
                <h2 id="vw-join-title">{vt('viewer.joinTitle')}</h2>
                <JoinCodeDisplay large />
              </section>
            )}
            <VoteRanking />
            <PulseRound />
            <InfluenceRound large />
            {showBalance && <BalancePanel large />}
          </aside>
        )}
      </main>
      <footer className="vw-footer">
        <Principles />
        <GroundRulesShown />
        <RoomMix />
      </footer>
    </div>
  )
}
