import { lazy, Suspense, useEffect, useState } from 'react'
import { AppLink } from '../../routing/AppLink'
import { useT } from '../../i18n'
import { SCHEMA_VERSION } from '../../map'
import { useRoom } from '../../store/roomStore'
import { Board } from '../board/Board'
import { ExportPanel } from '../export/ExportPanel'
import { StepBanner } from '../facilitation/StepBanner'
import { JoinForm } from '../join/JoinForm'
import { PresenceList } from '../presence/PresenceList'
import { SharePanel } from '../share/SharePanel'
import { ThreadPanel } from '../thread/ThreadPanel'
import { RoomMix } from '../voices/RoomMix'
import { PulseRound } from '../pulse/Pulse'
import { ConnectionBadge } from './ConnectionBadge'
import { ErrorBanner } from './ErrorBanner'
import { RefusalBanner } from './RefusalBanner'

const tools = () => import('./facilitatorTools')
const FacilitatorBar = lazy(() => tools().then((m) => ({ default: m.FacilitatorBar })))
const BalancePanel = lazy(() => tools().then((m) => ({ default: m.BalancePanel })))
const PulseControls = lazy(() => tools().then((m) => ({ default: m.PulseControls })))
const DeleteMap = lazy(() => tools().then((m) => ({ default: m.DeleteMap })))
const MapDetailsForm = lazy(() => tools().then((m) => ({ default: m.MapDetailsForm })))

/** One map: join first, then the board with presence, sharing and connection state. */
export function RoomPage({ roomId }: { roomId: string }) {
  const t = useT()
  const me = useRoom((state) => state.me)
  const meta = useRoom((state) => state.view.meta)
  const level = useRoom((state) => state.level)
  const direction = useRoom((state) => state.control.direction)
  const [changingIdentity, setChangingIdentity] = useState(false)

  useEffect(() => {
    // A facilitator's tools start loading now, while they fill in the join form.
    if (useRoom.getState().enterRoom(roomId)) void tools()
  }, [roomId])

  useEffect(() => {
    document.title = meta.title ? `${meta.title} · ${t('app.name')}` : t('app.name')
  }, [meta.title, t])

  const heading = meta.title || t('room.noTitle')

  if (!me || changingIdentity) {
    return (
      <main className="room-join" id="main">
        <h1 className="room-join-map">{heading}</h1>
        <RoomMix />
        <JoinForm
          initial={me}
          onJoined={(participant) => {
            useRoom.getState().joinMap(participant)
            setChangingIdentity(false)
          }}
          onCancel={me ? () => setChangingIdentity(false) : undefined}
        />
      </main>
    )
  }

  // One boundary for the whole room: a facilitator's tools load before anything shows, so nothing
  // shifts under someone's finger when they arrive (they are usually loaded already, see above).
  return (
    <Suspense fallback={<p className="room-loading">{t('room.loading')}</p>}>
      <div className="room">
        <header className="room-header">
          <div className="room-title">
            <h1>{heading}</h1>
            {meta.description && <p className="room-description">{meta.description}</p>}
            {meta.cardVersion && (
              <p className="room-version">{t('room.version', { version: meta.cardVersion })}</p>
            )}
          </div>
          <div className="room-status">
            <ConnectionBadge />
          </div>
        </header>
        <div className="room-banners">
          {meta.schemaVersion > SCHEMA_VERSION && (
            <p className="banner banner-warn" role="alert">
              {t('error.newerVersion')}
            </p>
          )}
          <RefusalBanner />
          <ErrorBanner />
        </div>
        <main id="main" className="room-main">
          {level === 'facilitator' && <FacilitatorBar />}
          <StepBanner />
          <PulseRound />
          {direction === 'fromValues' ? (
            <p className="fill-order">
              <span aria-hidden="true">← </span>
              {t('board.fillOrder')}
            </p>
          ) : (
            <p className="fill-order">
              {t('board.fillOrderFromActions')}
              <span aria-hidden="true"> →</span>
            </p>
          )}
          <Board />
        </main>
        <aside className="room-aside">
          <RoomMix />
          <PresenceList />
          {level === 'facilitator' && (
            <>
              <BalancePanel />
              <PulseControls />
            </>
          )}
          <ThreadPanel />
          {level === 'facilitator' && <MapDetailsForm />}
          <SharePanel roomId={roomId} />
          <ExportPanel roomId={roomId} />
          {level === 'facilitator' && <DeleteMap />}
          <div className="room-me">
            <button type="button" onClick={() => setChangingIdentity(true)}>
              {t('join.change')}
            </button>
            <AppLink to="/">{t('room.home')}</AppLink>
          </div>
        </aside>
      </div>
    </Suspense>
  )
}
