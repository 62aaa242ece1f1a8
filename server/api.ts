import type http from 'node:http'
import { FACILITATOR_KEY_HEADER, isVersionLabel, parseApiPath } from '../shared/protocol.js'
import type { AccessStore } from './access.js'
import type { JoinCodes } from './joinCodes.js'
import { RateLimiter } from './rateLimit.js'
import { logRefusal } from './refusals.js'
import { clientAddress, isCrossSite, requestPath } from './request.js'
import { SECURITY_HEADERS } from './static.js'
import { errorText, log } from './log.js'
import type { MapDeletion } from './maps.js'
import type { CardVersions } from './versions.js'

/** The largest request body the API reads (a version's label is the only body it takes). */
const MAX_BODY_BYTES = 2048

/**
 * A small JSON request body: 'too-big' past MAX_BODY_BYTES (the rest is read and dropped, so the
 * answer still reaches the client), null when it is not a JSON object or the client went away
 * while sending it.
 */
function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | 'too-big' | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Settles once; what follows is dropped as it comes.
      if (size > MAX_BODY_BYTES) resolve('too-big')
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(parseObject(chunks)))
    // Aborted mid-body: nothing to answer, and nothing went wrong here.
    req.on('error', () => resolve(null))
    req.on('close', () => resolve(null))
  })
}

function parseObject(chunks: Buffer[]): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

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
  deletion: Pick<MapDeletion, 'delete' | 'deleteTrajectory'>,
  versions: CardVersions,
  options: { trustProxy: boolean; mapsPerHour: number } = { trustProxy: false, mapsPerHour: 60 },
) {
  // A facilitator saves a version at the end of a meeting: a few a minute is plenty.
  const saves = new RateLimiter(10, 60_000)
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
        await deletion.delete(roomId)
        json(res, 200, { deleted: true })
      })
    }

    if (route?.call === 'trajectory') {
      if (req.method !== 'DELETE' && req.method !== 'GET') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, DELETE' }).end()
        return true
      }
      const { roomId } = route
      if (req.method === 'GET') {
        // Anyone in the map (who knows its id) may open its trajectory: the epoch to open it with.
        return answer(res, async () => {
          if ((await access.check(roomId, null)) === 'unknown')
            return json(res, 404, { error: 'unknown-map' })
          json(res, 200, { epoch: await access.trajectoryEpoch(roomId) })
        })
      }
      return answer(res, async () => {
        if (typeof key !== 'string' || !(await access.isFacilitatorKey(roomId, key))) {
          json(res, 403, { error: 'forbidden' })
          return
        }
        // The map stays; its trajectory (meetings, reports, scores) is gone for good.
        if (!(await deletion.deleteTrajectory(roomId)))
          return json(res, 404, { error: 'unknown-map' })
        json(res, 200, { deleted: true })
      })
    }

    if (route?.call === 'versions') {
      const { roomId } = route
      if (req.method !== 'GET' && req.method !== 'POST') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, POST' }).end()
        return true
      }
      return answer(res, async () => {
        const who = await access.check(roomId, typeof key === 'string' ? key : null)
        if (who === 'unknown') return json(res, 404, { error: 'unknown-map' })
        if (req.method === 'GET') return json(res, 200, { versions: await versions.list(roomId) })
        // Anyone in the map reads the versions; only its facilitator saves one.
        if (who !== 'facilitator') return json(res, 403, { error: 'forbidden' })
        const body = await readJson(req)
        if (body === 'too-big') {
          // The server stops reading with the answer: nobody keeps it busy with a long body.
          res.setHeader('Connection', 'close')
          return json(res, 413, { error: 'body-too-big' })
        }
        const label = body?.label ?? ''
        if (!body || !isVersionLabel(label)) return json(res, 400, { error: 'bad-label' })
        // Only a save that would be made counts against the rate.
        if (!saves.allow(roomId)) {
          logRefusal('versions saved per minute')
          return json(res, 429, { error: 'too-many-saves' })
        }
        const saved = await versions.save(roomId, label.trim())
        if (saved === 'unknown-map') return json(res, 404, { error: saved })
        if (saved === 'empty-map') return json(res, 409, { error: saved })
        if (saved === 'map-too-big' || saved === 'too-many-versions') {
          return json(res, 413, { error: saved })
        }
        json(res, 201, { version: saved })
      })
    }

    if (route?.call === 'version') {
      const { roomId, number } = route
      if (req.method !== 'GET') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET' }).end()
        return true
      }
      return answer(res, async () => {
        if ((await access.check(roomId, null)) === 'unknown') {
          return json(res, 404, { error: 'unknown-map' })
        }
        const snapshot = await versions.load(roomId, number)
        if (!snapshot) return json(res, 404, { error: 'unknown-version' })
        json(res, 200, {
          map: Buffer.from(snapshot.map).toString('base64'),
          control: Buffer.from(snapshot.control).toString('base64'),
        })
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
