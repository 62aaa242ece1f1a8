import { useEffect } from 'react'
import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import { Board } from '../board/Board'
import { StepBanner } from '../facilitation/StepBanner'
import { BalancePanel } from '../voices/BalancePanel'
import { RoomMix } from '../voices/RoomMix'
import { PulseRound } from '../pulse/Pulse'
import { JoinCodeDisplay } from '../share/JoinCodePanel'
import { ConnectionBadge } from './ConnectionBadge'
import { RefusalBanner } from './RefusalBanner'

/**
 * The shared screen: the whole map, the step, its questions and the timer, large, following every
 * change live. Opened with the viewer link, it can read but never write, and needs no mouse.
 */
export function ViewerPage({ viewerToken }: { viewerToken: string }) {
  const t = useT()
  const meta = useRoom((state) => state.view.meta)
  const showBalance = useRoom((state) => state.control.showBalance)

  useEffect(() => {
    useRoom.getState().openRoom({ kind: 'viewer', viewerToken }, null)
  }, [viewerToken])

  useEffect(() => {
    document.title = meta.title ? `${meta.title} · ${t('app.name')}` : t('app.name')
  }, [meta.title, t])

  return (
    <div className="room is-viewer">
      <header className="room-header">
        <div className="room-title">
          <h1>{meta.title || t('room.noTitle')}</h1>
          {meta.description && <p className="room-description">{meta.description}</p>}
          {meta.cardVersion && (
            <p className="room-version">{t('room.version', { version: meta.cardVersion })}</p>
          )}
        </div>
        <div className="room-status">
          <p className="viewer-badge">{t('viewer.badge')}</p>
          <ConnectionBadge />
        </div>
      </header>
      <div className="room-banners">
        <RefusalBanner />
      </div>
      <main id="main" className="room-main">
        <JoinCodeDisplay large />
        <StepBanner large />
        <RoomMix />
        <PulseRound />
        {showBalance && <BalancePanel large />}
        <Board />
      </main>
    </div>
  )
}
