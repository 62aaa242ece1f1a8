import type http from 'node:http'
import type { AccessStore } from './access.js'
import { RateLimiter } from './rateLimit.js'
import { SECURITY_HEADERS } from './static.js'

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

/**
 * The small HTTP API next to the websocket: create a map (secrets made here, on the server) and
 * tell the time (so every screen shows the same timer). Returns false for paths it does not serve.
 */
export function createApi(access: AccessStore) {
  const creations = new RateLimiter(30, 60_000)
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    if (pathname === '/api/maps') {
      if (req.method !== 'POST') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' }).end()
        return true
      }
      if (!creations.allow(req.socket.remoteAddress ?? 'unknown')) {
        json(res, 429, { error: 'too-many-maps' })
        return true
      }
      json(res, 201, access.create())
      return true
    }
    if (pathname === '/api/time') {
      json(res, 200, { now: Date.now() })
      return true
    }
    if (pathname.startsWith('/api/')) {
      json(res, 404, { error: 'not-found' })
      return true
    }
    return false
  }
}
