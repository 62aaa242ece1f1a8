import { lazy, Suspense, useEffect } from 'react'
import { useT } from '../../i18n'
import { columnIds, SCHEMA_VERSION, TASK_BOARD } from '../../map'
import { useRoom } from '../../store/roomStore'
import { Board } from '../board/Board'
import { SessionBar } from '../facilitation/SessionBar'
import { useVersionView } from '../versions/state'
import { ConnectionBadge } from './ConnectionBadge'
import { ErrorBanner } from './ErrorBanner'
import { facilitatorBar } from './loadRoom'
import { usePanel } from './panel'
import { PanelButtons } from './PanelButtons'

const FacilitatorBar = facilitatorBar.Part
// The head-heart-gut round loads when the facilitator opens it, not with the map.
const PulseRound = lazy(() => import('../pulse/Pulse').then((m) => ({ default: m.PulseRound })))
const InfluenceRound = lazy(() =>
  import('../influence/Influence').then((m) => ({ default: m.InfluenceRound })),
)
const LookBackRound = lazy(() =>
  import('../followup/LookBack').then((m) => ({ default: m.LookBackRound })),
)
const RoomPanel = lazy(() => import('./RoomPanel').then((m) => ({ default: m.RoomPanel })))
const VersionView = lazy(() =>
  import('../versions/VersionView').then((m) => ({ default: m.VersionView })),
)
// The map or the task board, once the group sorts tasks or has sorted some.
const SheetSwitch = lazy(() =>
  import('../tasks/TaskForm').then((m) => ({ default: m.SheetSwitch })),
)
// What to do when the server stopped the connection, loaded when it does.
const RefusalBanner = lazy(() =>
  import('./RefusalBanner').then((m) => ({ default: m.RefusalBanner })),
)
const UndoToast = lazy(() => import('./UndoToast').then((m) => ({ default: m.UndoToast })))

/** Ctrl+Z (Cmd+Z) takes back one's own last note change, Ctrl+Shift+Z or Ctrl+Y makes it again; in a text field they stay the field's own. */
function onUndoKeys(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return
  const target = event.target as HTMLElement | null
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
  const key = event.key.toLowerCase()
  const room = useRoom.getState()
  if (key === 'z' && !event.shiftKey) room.undo()
  else if ((key === 'z' && event.shiftKey) || key === 'y') room.redo()
  else return
  event.preventDefault()
}

interface Props {
  roomId: string
  heading: string
  onChangeIdentity(): void
}

/** The map once someone has joined: the board with the session, presence, sharing and connection state. */
export function JoinedRoom({ roomId, heading, onChangeIdentity }: Props) {
  const t = useT()
  const meta = useRoom((state) => state.view.meta)
  const level = useRoom((state) => state.level)
  const panelOpen = usePanel((state) => state.section !== null)
  const pulseOpen = useRoom((state) => state.control.pulse !== null)
  const influenceAsked = useRoom((state) => state.control.influence !== null)
  const lookingBack = useRoom((state) => state.control.lookBack !== null)
  const versionShown = useVersionView((state) => state.shown !== null)
  const refused = useRoom(
    (state) => state.connection.refusal !== null || state.connection.status === 'storageFailed',
  )
  const sortingTasks = useRoom(
    (state) =>
      state.control.form !== null ||
      columnIds(TASK_BOARD).some((column) => state.view.columns[column].length > 0),
  )
  const hasNotice = useRoom((state) => state.undoNotice !== null)

  const editing = level !== 'viewer'
  useEffect(() => {
    if (!editing) return
    document.addEventListener('keydown', onUndoKeys)
    return () => document.removeEventListener('keydown', onUndoKeys)
  }, [editing])

  // One boundary for the whole room: a facilitator's tools load before anything shows, so nothing
  // shifts under someone's finger when they arrive (they are usually loaded already, see above).
  return (
    <Suspense fallback={<p className="room-loading">{t('room.loading')}</p>}>
      <div className="room room-page">
        <header className="room-header">
          <div className="room-title">
            {/* One line, whole on hover; the description is under "Meer": the board comes first. */}
            <h1 title={[heading, meta.description].filter(Boolean).join('\n')}>{heading}</h1>
            {meta.cardVersion && (
              <p className="room-version">{t('room.version', { version: meta.cardVersion })}</p>
            )}
          </div>
          <div className="room-status">
            <ConnectionBadge />
            <PanelButtons />
          </div>
        </header>
        <div className="room-banners">
          {meta.schemaVersion > SCHEMA_VERSION && (
            <p className="banner banner-warn" role="alert">
              {t('error.newerVersion')}
            </p>
          )}
          {refused && (
            <Suspense fallback={null}>
              <RefusalBanner />
            </Suspense>
          )}
          <ErrorBanner />
        </div>
        <main id="main" className={`room-main${panelOpen ? ' has-panel' : ''}`}>
          <SessionBar tools={level === 'facilitator' ? <FacilitatorBar /> : undefined} />
          {pulseOpen && (
            <Suspense fallback={null}>
              <PulseRound />
            </Suspense>
          )}
          {influenceAsked && (
            <Suspense fallback={null}>
              <InfluenceRound />
            </Suspense>
          )}
          {lookingBack && (
            <Suspense fallback={null}>
              <LookBackRound />
            </Suspense>
          )}
          {sortingTasks && (
            <Suspense fallback={null}>
              <SheetSwitch />
            </Suspense>
          )}
          <div className="room-board">
            <Board />
          </div>
          {panelOpen && (
            <Suspense fallback={null}>
              <RoomPanel roomId={roomId} onChangeIdentity={onChangeIdentity} />
            </Suspense>
          )}
          {versionShown && (
            <Suspense fallback={null}>
              <VersionView />
            </Suspense>
          )}
          {hasNotice && (
            <Suspense fallback={null}>
              <UndoToast />
            </Suspense>
          )}
        </main>
      </div>
    </Suspense>
  )
}
