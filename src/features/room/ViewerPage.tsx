import { lazy, Suspense, useEffect } from 'react'
import { useT } from '../../i18n'
import { useTexts } from '../../i18n/bundle'
import { viewerTexts } from './viewer/viewerTexts'
import { useRoom } from '../../store/roomStore'
import { Principles } from '../facilitation/Principles'
import { GroundRulesShown } from '../groundRules/GroundRules'
import { RoomMix } from '../voices/RoomMix'
import { Spotlight } from './viewer/Spotlight'
import { ViewerBoard } from './viewer/ViewerBoard'
import { ViewerStepBar } from './viewer/ViewerStepBar'
import './viewer.css'

// What the screen shows only at times loads when it does: the map's first frame waits for none
// of it (a browser fetches six files at once from a server without HTTP/2).
const BalancePanel = lazy(() =>
  import('../voices/BalancePanel').then((m) => ({ default: m.BalancePanel })),
)
const PulseRound = lazy(() => import('../pulse/Pulse').then((m) => ({ default: m.PulseRound })))
const InfluenceRound = lazy(() =>
  import('../influence/Influence').then((m) => ({ default: m.InfluenceRound })),
)
const JoinCodeDisplay = lazy(() =>
  import('../share/JoinCodePanel').then((m) => ({ default: m.JoinCodeDisplay })),
)
const LookBackScreen = lazy(() =>
  import('../followup/LookBack').then((m) => ({ default: m.LookBackScreen })),
)
const VoteRanking = lazy(() =>
  import('./viewer/VoteRanking').then((m) => ({ default: m.VoteRanking })),
)
const RefusalBanner = lazy(() =>
  import('./RefusalBanner').then((m) => ({ default: m.RefusalBanner })),
)

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
  const lookingBack = useRoom((state) => state.control.lookBack !== null)
  const refused = useRoom(
    (state) => state.connection.refusal !== null || state.connection.status === 'storageFailed',
  )

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
        {refused && (
          <Suspense fallback={null}>
            <RefusalBanner />
          </Suspense>
        )}
      </div>
      <main id="main" className="vw-main">
        <div className="vw-stage">
          <ViewerBoard />
          <Spotlight />
          {lookingBack && (
            <Suspense fallback={null}>
              <LookBackScreen />
            </Suspense>
          )}
          {shownMeeting && (
            <Suspense fallback={null}>
              <ShownMeeting viewerToken={viewerToken} />
            </Suspense>
          )}
        </div>
        {side && (
          <aside className="vw-side" aria-label={vt('viewer.panels')}>
            <Suspense fallback={null}>
              {joinCode && (
                <section className="vw-panel vw-join" aria-labelledby="vw-join-title">
                  <h2 id="vw-join-title">{vt('viewer.joinTitle')}</h2>
                  <JoinCodeDisplay large />
                </section>
              )}
              {voteClosed && <VoteRanking />}
              {pulse !== null && <PulseRound />}
              {influence && <InfluenceRound large />}
              {showBalance && <BalancePanel large />}
            </Suspense>
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
