/* The app-shell service worker. vite.config.ts fills in the file list and version at build. */
const VERSION = '__VERSION__'
const PRECACHE = JSON.parse('__PRECACHE__')
const CACHE = `partnerschapskaart-${VERSION}`

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('partnerschapskaart-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/ws/') || url.pathname === '/health') return

  if (request.mode === 'navigate') {
    // Network first, so a new version shows at once; the cached shell when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .match('/index.html', { cacheName: CACHE })
          .then((shell) => shell ?? new Response('Offline', { status: 503 })),
      ),
    )
    return
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached ?? fetchAndKeep(request)),
  )
})

/**
 * A built file the precache left out (the PDF maker and its fonts), kept once fetched: its name
 * carries a hash of its content, so it never changes.
 */
function fetchAndKeep(request) {
  return fetch(request).then((response) => {
    if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) {
      const copy = response.clone()
      void caches.open(CACHE).then((cache) => cache.put(request, copy))
    }
    return response
  })
}
