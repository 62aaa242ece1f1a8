import { Suspense, useEffect, useState } from 'react'
import { useT } from '../../i18n'
import { useRoom } from '../../store/roomStore'
import { titleState } from '../../store/selectors'
import { JoinForm } from '../join/JoinForm'
import { RoomMix } from '../voices/RoomMix'
import { noteForm } from '../board/noteFormPart'
import { giveSignal } from '../signals/giveSignalPart'
import { facilitatorBar, joinedRoom } from './loadRoom'
import { usePanel } from './panel'

// The join form is the first screen of a join link: the board (and drag and drop) loads behind it.
const JoinedRoom = joinedRoom.Part

/** What the join form's heading says while the map's title is not there. */
const HEADINGS = {
  coming: 'room.loading',
  offline: 'room.titleOffline',
  unknown: 'room.titleUnknown',
  untitled: 'room.noTitle',
} as const

/** One map: join first, then the board with presence, sharing and connection state. */
export function RoomPage({ roomId }: { roomId: string }) {
  const t = useT()
  const me = useRoom((state) => state.me)
  const title = useRoom((state) => state.view.meta.title)
  const titled = useRoom(titleState)
  const [changingIdentity, setChangingIdentity] = useState(false)

  useEffect(() => {
    const facilitating = useRoom.getState().enterRoom(roomId)
    // Failed loads are tried again when the part is shown, which shows the error then.
    void joinedRoom.preload().catch(() => undefined)
    void giveSignal.preload().catch(() => undefined)
    // The note form too: loading only once the board showed, a first "Notitie toevoegen" on a
    // slow phone could come before it, and then waited a third of a second for React.
    if (useRoom.getState().level !== 'viewer') void noteForm.preload().catch(() => undefined)
    if (facilitating) void facilitatorBar.preload().catch(() => undefined)
  }, [roomId])

  // The side panel is this room's: another map opens with it closed.
  useEffect(() => () => usePanel.getState().close(), [roomId])

  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name')
  }, [title, t])

  const heading = titled === 'known' ? title : t(HEADINGS[titled])
  const muted = titled !== 'known' && titled !== 'untitled'

  if (!me || changingIdentity) {
    return (
      <main className="room-join" id="main">
        <h1 className={`room-join-map${muted ? ' is-coming' : ''}`} title={heading}>
          {heading}
        </h1>
        <JoinForm
          initial={me}
          onJoined={(participant) => {
            useRoom.getState().joinMap(participant)
            setChangingIdentity(false)
            // The form was scrolled to reach "Meedoen" on a phone: the map starts at its top.
            window.scrollTo(0, 0)
          }}
          onCancel={me ? () => setChangingIdentity(false) : undefined}
        />
        {/* Below the form: who is here arrives a moment after the page, and must not move the
            form under someone's finger. */}
        <RoomMix />
      </main>
    )
  }

  return (
    <Suspense fallback={<p className="room-loading">{t('room.loading')}</p>}>
      <JoinedRoom
        roomId={roomId}
        heading={heading}
        onChangeIdentity={() => setChangingIdentity(true)}
      />
    </Suspense>
  )
}
