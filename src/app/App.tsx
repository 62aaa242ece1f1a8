import { lazy, Suspense, useEffect } from 'react'
import { JoinCodePage } from '../features/join/JoinCodePage'
import { RoomPage } from '../features/room/RoomPage'
import { SkipLinks } from '../features/room/SkipLinks'
import { useLang, useT } from '../i18n'
import { useRoom } from '../store/roomStore'
import { AppLink } from '../routing/AppLink'
import { LanguageSwitch } from '../features/preferences/LanguageSwitch'
import { ReadableSwitch } from '../features/preferences/ReadableSwitch'
import { routeOf, usePathname } from '../routing/router'

// The start page (make a map, open one again) is not on the way from a join link to writing.
const HomePage = lazy(() =>
  import('../features/home/HomePage').then((module) => ({ default: module.HomePage })),
)
// The shared screen is a page of its own (a beamer), not on the way to joining and writing.
const ViewerPage = lazy(() =>
  import('../features/room/ViewerPage').then((module) => ({ default: module.ViewerPage })),
)

/** The page frame: skip link, language switch, and the page for the current route. */
export function App() {
  const t = useT()
  const lang = useLang((state) => state.lang)
  const route = routeOf(usePathname())
  const joined = useRoom((state) => state.me !== null && state.roomId !== null)

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  useEffect(() => {
    if (route.name !== 'room' && route.name !== 'viewer') useRoom.getState().closeRoom()
  }, [route.name])

  const viewerToken = route.name === 'viewer' ? route.viewerToken : null
  useEffect(() => {
    // The shared screen's map starts coming in while its page loads, not after.
    if (viewerToken) useRoom.getState().openRoom({ kind: 'viewer', viewerToken }, null)
  }, [viewerToken])

  return (
    <>
      {/* In a room, straight to the map, a column or the panel: before the top bar's controls. */}
      {route.name === 'room' && joined ? (
        <SkipLinks />
      ) : (
        <a className="skip-link" href="#main">
          {t('app.skip')}
        </a>
      )}
      {/* The shared screen is all map: no brand or switches for a room to read past. */}
      {route.name !== 'viewer' && (
        <div className="topbar">
          <AppLink to="/" className="brand">
            {t('app.name')}
          </AppLink>
          <div className="topbar-tools">
            <ReadableSwitch />
            <LanguageSwitch />
          </div>
        </div>
      )}
      {route.name === 'home' && (
        <Suspense fallback={null}>
          <HomePage />
        </Suspense>
      )}
      {route.name === 'room' && <RoomPage key={route.roomId} roomId={route.roomId} />}
      {route.name === 'joinCode' && <JoinCodePage key={route.code} code={route.code} />}
      {route.name === 'viewer' && (
        <Suspense fallback={null}>
          <ViewerPage key={route.viewerToken} viewerToken={route.viewerToken} />
        </Suspense>
      )}
      {route.name === 'notFound' && (
        <main id="main" className="home">
          <p className="banner banner-error" role="alert">
            {t('error.badRoom')}
          </p>
          <a href="/">{t('room.home')}</a>
        </main>
      )}
    </>
  )
}
