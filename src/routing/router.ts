import { useSyncExternalStore } from 'react'
import { isSecret } from '../../shared/protocol'

export type Route =
  | { name: 'home' }
  | { name: 'room'; roomId: string }
  | { name: 'viewer'; viewerToken: string }
  | { name: 'joinCode'; code: string }
  | { name: 'notFound' }

const CODE = /^[A-Za-z0-9]{4,12}$/

/** The route for a path; a room path with a malformed id is "not found", never a room. */
export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  const [empty, kind, id, ...rest] = pathname.replace(/\/$/, '').split('/')
  if (empty !== '' || id === undefined || rest.length > 0) return { name: 'notFound' }
  if (kind === 'm' && isSecret(id)) return { name: 'room', roomId: id }
  if (kind === 'v' && isSecret(id)) return { name: 'viewer', viewerToken: id }
  if (kind === 'j' && CODE.test(id)) return { name: 'joinCode', code: id.toUpperCase() }
  return { name: 'notFound' }
}

export function roomPath(roomId: string): string {
  return `/m/${roomId}`
}

/** The read-only link for the shared screen and observers. */
export function viewerPath(viewerToken: string): string {
  return `/v/${viewerToken}`
}

/**
 * The co-facilitation link: the keys sit in the fragment, which browsers never send to a server.
 */
export function facilitatorPath(roomId: string, facilitatorKey: string, viewerToken?: string) {
  const fragment = new URLSearchParams({ fk: facilitatorKey })
  if (viewerToken) fragment.set('vt', viewerToken)
  return `/m/${roomId}#${fragment.toString()}`
}

/** Reads the facilitator key (and viewer token) from a co-facilitation link's fragment. */
export function secretsFromHash(
  hash: string,
): { facilitatorKey: string; viewerToken?: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const facilitatorKey = params.get('fk')
  const viewerToken = params.get('vt')
  if (!facilitatorKey || !isSecret(facilitatorKey)) return null
  return viewerToken && isSecret(viewerToken) ? { facilitatorKey, viewerToken } : { facilitatorKey }
}

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/** The short link a QR code points to; it works only while joining by code is open. */
export function joinCodePath(code: string): string {
  return `/j/${code}`
}

/** Goes to `path` within the app, keeping the query (e.g. ?lang=en). */
export function navigate(path: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', path + window.location.search)
  else window.history.pushState(null, '', path + window.location.search)
  for (const listener of listeners) listener()
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}

/** The route of the page shown now. */
export function currentRoute(): Route {
  return routeOf(window.location.pathname)
}

/** The fragment of the address now (where a co-facilitation link carries its keys). */
export function currentFragment(): string {
  return window.location.hash
}

/** Drops the fragment from the address bar without a new history entry or a reload. */
export function dropFragment(): void {
  window.history.replaceState(null, '', window.location.pathname + window.location.search)
}

/** Loads the page afresh from the server (after this device's copy of a map was dropped). */
export function reloadPage(): void {
  window.location.reload()
}

/** A path within the app as a full address, for links shared outside it (copied, QR, PDF). */
export function absoluteUrl(path: string): string {
  return window.location.origin + path
}

/** The host this app is served from, for saying "go to … and type the code". */
export function appHost(): string {
  return window.location.host
}
