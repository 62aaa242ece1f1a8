import { useSyncExternalStore } from 'react'

export type Route = { name: 'home' } | { name: 'room'; roomId: string } | { name: 'notFound' }

const ROOM_PATH = /^\/m\/([A-Za-z0-9_-]{22,64})\/?$/

/** The route for a path; a room path with a malformed id is "not found", never a room. */
export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  const match = ROOM_PATH.exec(pathname)
  return match ? { name: 'room', roomId: match[1]! } : { name: 'notFound' }
}

export function roomPath(roomId: string): string {
  return `/m/${roomId}`
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

/** Goes to `path` within the app, keeping the query (e.g. ?lang=en). */
export function navigate(path: string): void {
  window.history.pushState(null, '', path + window.location.search)
  for (const listener of listeners) listener()
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}
