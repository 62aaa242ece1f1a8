import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react'
import { useT } from '../../i18n'
import { AppLink } from '../../routing/AppLink'
import { useRoom } from '../../store/roomStore'
import { ExportPanel } from '../export/ExportPanel'
import { PresenceList } from '../presence/PresenceList'
import { SharePanel } from '../share/SharePanel'
import { ThreadPanel } from '../thread/ThreadPanel'
import { RoomMix } from '../voices/RoomMix'
import { facilitatorTools } from './loadRoom'
import { buttonId, LABELS, PANEL_ID, usePanel, type PanelSection } from './panel'

const BalancePanel = lazy(() => facilitatorTools().then((m) => ({ default: m.BalancePanel })))
const DeleteMap = lazy(() => facilitatorTools().then((m) => ({ default: m.DeleteMap })))
const MapDetailsForm = lazy(() => facilitatorTools().then((m) => ({ default: m.MapDetailsForm })))
const GroundRules = lazy(() =>
  import('../groundRules/GroundRules').then((m) => ({ default: m.GroundRules })),
)
// The trajectory and its connection load when someone opens it.
const TrajectoryPart = lazy(() =>
  import('../trajectory/TrajectoryPart').then((m) => ({ default: m.TrajectoryPart })),
)

/**
 * The side panel: people, the thread's loose ends, sharing, export and the map's details, one part
 * at a time beside the board (over it on a phone), so the board never moves down the page. It
 * loads when someone first opens it: joining and writing do not need it.
 */
export function RoomPanel({
  roomId,
  onChangeIdentity,
}: {
  roomId: string
  onChangeIdentity(): void
}) {
  const t = useT()
  const section = usePanel((state) => state.section)
  const level = useRoom((state) => state.level)
  const meta = useRoom((state) => state.view.meta)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    // The person who opened a part lands in it (a screen reader hears its name).
    if (section) heading.current?.focus({ preventScroll: true })
  }, [section])

  if (!section) return null

  function close(): void {
    const opener = section && document.getElementById(buttonId(section))
    usePanel.getState().close()
    if (opener) opener.focus()
  }

  const facilitator = level === 'facilitator'
  const content: Record<PanelSection, ReactNode> = {
    people: (
      <>
        <RoomMix />
        <PresenceList />
        <GroundRules />
        {facilitator && <BalancePanel />}
      </>
    ),
    thread: <ThreadPanel />,
    trajectory: <TrajectoryPart />,
    share: <SharePanel roomId={roomId} />,
    export: <ExportPanel roomId={roomId} />,
    map: (
      <>
        {meta.description && <p className="room-panel-description">{meta.description}</p>}
        {facilitator && <MapDetailsForm />}
        <div className="room-me">
          <button type="button" onClick={onChangeIdentity}>
            {t('join.change')}
          </button>
          <AppLink to="/">{t('room.home')}</AppLink>
        </div>
        {facilitator && <DeleteMap />}
      </>
    ),
  }

  return (
    <aside
      id={PANEL_ID}
      className="room-panel"
      aria-labelledby="room-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) close()
      }}
    >
      <div className="room-panel-head">
        <h2 id="room-panel-title" ref={heading} tabIndex={-1}>
          {t(LABELS[section])}
        </h2>
        <button type="button" className="quiet" onClick={close} aria-label={t('panel.close')}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="room-panel-body">
        {/* A part that loads when first opened (the trajectory) keeps the panel and its head. */}
        <Suspense fallback={<p role="status">{t('room.loading')}</p>}>{content[section]}</Suspense>
      </div>
    </aside>
  )
}
