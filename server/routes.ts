import http from 'node:http'
import type { createApi } from './api.js'
import { hasBearer, type Operations } from './operations.js'
import { requestPath } from './request.js'
import { SECURITY_HEADERS, type createStaticHandler } from './static.js'
import { errorText, log } from './log.js'

/** How long a request may take to send its headers, and the whole of itself. */
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 30_000

export interface AppRouteParts {
  operations: Operations
  api: ReturnType<typeof createApi>
  /** The built client; null when the server runs without one (tests, the API alone). */
  serveStatic: ReturnType<typeof createStaticHandler> | null
  /** With it, /metrics answers on the app port too, to `Authorization: Bearer <token>`. */
  metricsToken: string | null
}

/**
 * The app port's HTTP server: /health, /metrics (with the token only), the API and the client.
 * Nothing a request holds can throw out of its handler: a target no URL parser takes, or a
 * request that breaks a handler, gets 400; headers must come within 10 s, a request within 30 s.
 */
export function createAppServer(parts: AppRouteParts): http.Server {
  const { operations, api, serveStatic, metricsToken } = parts

  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const pathname = requestPath(req)
    if (pathname === null) {
      res.writeHead(400, SECURITY_HEADERS).end()
      return
    }
    if (pathname === '/health') return operations.health(res)
    if (pathname === '/metrics') {
      // Not public: on the app port only with the token; otherwise on the metrics port.
      if (metricsToken && hasBearer(req, metricsToken)) return operations.metrics(res)
      res.writeHead(404, SECURITY_HEADERS).end()
      return
    }
    if (api(req, res)) return
    if (serveStatic) return serveStatic(req, res, pathname)
    res.writeHead(404, SECURITY_HEADERS).end()
  }

  // Timeouts are checked every two seconds (Node's default is every thirty).
  const server = http.createServer({ connectionsCheckingInterval: 2000 }, (req, res) => {
    try {
      route(req, res)
    } catch (error) {
      log.warn('a request could not be answered', { error: errorText(error) })
      if (!res.headersSent) res.writeHead(400, SECURITY_HEADERS).end()
      else res.destroy()
    }
  })
  server.headersTimeout = HEADERS_TIMEOUT_MS
  server.requestTimeout = REQUEST_TIMEOUT_MS
  server.on('clientError', (_error, socket) => {
    socket.destroy()
  })
  return server
}

/** The separate listener for a host's tools: /metrics and /health, and 404 for anything else. */
export function createMetricsServer(operations: Operations): http.Server {
  return http.createServer((req, res) => {
    const pathname = requestPath(req)
    if (pathname === '/metrics') operations.metrics(res)
    else if (pathname === '/health') operations.health(res)
    else res.writeHead(404, SECURITY_HEADERS).end()
  })
}
