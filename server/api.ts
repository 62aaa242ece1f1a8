import type http from 'node:http'
import { FACILITATOR_KEY_HEADER, parseApiPath } from '../shared/protocol.js'
import type { AccessStore } from './access.js'
import type { JoinCodes } from './joinCodes.js'
import { RateLimiter } from './rateLimit.js'
import { logRefusal } from './refusals.js'
import { clientAddress, isCrossSite, requestPath } from './request.js'
import { SECURITY_HEADERS } from './static.js'
import { errorText, log } from './log.js'

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

/**
 * The small HTTP API next to the websocket: create a map (secrets made here, on the server), open
 * and close joining by short code, look a code up, delete a map for good, and tell the time (so
 * every screen shows the same timer). Returns false for paths it does not serve.
 */
export function createApi(
  access: AccessStore,
  joinCodes: JoinCodes,
  deleteMap: (roomId: string) => Promise<void>,
  options: { trustProxy: boolean; mapsPerHour: number } = { trustProxy: false, mapsPerHour: 60 },
) {
  const creations = new RateLimiter(options.mapsPerHour, 60 * 60_000)
  // A room of 60 behind one address looks a code up 60 times; guessing takes millions of tries.
  const lookups = new RateLimiter(120, 60_000)
  const misses = new RateLimiter(10, 10 * 60_000)
  /** Answers with the result of storage work; when storage fails, 503 and nothing changed. */
  const answer = (res: http.ServerResponse, work: () => Promise<void>): true => {
    work().catch((error: unknown) => {
      log.error('api request failed', { error: errorText(error) })
      if (!res.headersSent) json(res, 503, { error: 'storage-unavailable' })
      else res.end()
    })
    return true
  }
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const pathname = requestPath(req)
    if (pathname === null || !pathname.startsWith('/api/')) return false
    const address = clientAddress(req, options.trustProxy)
    // Pages of other sites never reach the API: no maps made, no codes tried (and no lockout of
    // a venue's whole network) through an <img> or a form.
    if (isCrossSite(req)) {
      logRefusal('cross-site api request')
      json(res, 403, { error: 'cross-site' })
      return true
    }

    const route = parseApiPath(pathname)
    const key = req.headers[FACILITATOR_KEY_HEADER.toLowerCase()]
    if (route?.call === 'join') {
      if (req.method !== 'GET') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET' }).end()
        return true
      }
      if (!lookups.allow(address) || misses.isOver(address)) {
        logRefusal('join code look-ups')
        json(res, 429, { error: 'too-many-tries' })
        return true
      }
      return answer(res, async () => {
        const roomId = await joinCodes.lookup(route.code.toUpperCase())
        if (!roomId) {
          misses.allow(address)
          json(res, 404, { error: 'unknown-code' })
          return
        }
        json(res, 200, { roomId })
      })
    }

    if (route?.call === 'joinCode') {
      const { roomId } = route
      return answer(res, async () => {
        if (typeof key !== 'string' || !(await access.isFacilitatorKey(roomId, key))) {
          json(res, 403, { error: 'forbidden' })
          return
        }
        if (req.method === 'POST') json(res, 201, await joinCodes.open(roomId))
        else if (req.method === 'DELETE') {
          await joinCodes.close(roomId)
          json(res, 200, { closed: true })
        } else res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST, DELETE' }).end()
      })
    }

    if (route?.call === 'map') {
      if (req.method !== 'DELETE') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'DELETE' }).end()
        return true
      }
      const { roomId } = route
      return answer(res, async () => {
        if (typeof key !== 'string' || !(await access.isFacilitatorKey(roomId, key))) {
          json(res, 403, { error: 'forbidden' })
          return
        }
        await deleteMap(roomId)
        json(res, 200, { deleted: true })
      })
    }

    if (route?.call === 'maps') {
      if (req.method !== 'POST') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' }).end()
        return true
      }
      if (!creations.allow(address)) {
        logRefusal('maps created per address')
        json(res, 429, { error: 'too-many-maps' })
        return true
      }
      return answer(res, async () => json(res, 201, await access.create()))
    }
    if (route?.call === 'time') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET' }).end()
        return true
      }
      json(res, 200, { now: Date.now() })
      return true
    }
    json(res, 404, { error: 'not-found' })
    return true
  }
}
