import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Headers on every response: nothing from other origins, no inline script, no referrer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

/** Files the build wrote compressed copies of (`.br`, `.gz`; see `precompress` in vite.config.ts). */
const COMPRESSED = new Set([
  '.js',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
  '.ttf',
])

/**
 * The encodings to try for a request, best first: Brotli, then gzip, as far as the browser says
 * it takes them (`Accept-Encoding`, a quality of 0 refuses one); always the file itself last.
 */
function encodingsFor(req: http.IncomingMessage): ('br' | 'gzip')[] {
  const header = req.headers['accept-encoding']
  const accepted = new Set<string>()
  for (const part of (typeof header === 'string' ? header : '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const refused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param))
    if (name && !refused) accepted.add(name)
  }
  return (['br', 'gzip'] as const).filter((name) => accepted.has(name) || accepted.has('*'))
}

const SUFFIX = { br: '.br', gzip: '.gz' } as const

/**
 * The sizes of a file's compressed copies (none where the build wrote none, or wrote it before
 * the file changed), looked up once per file as it is: the built files do not change while the
 * server runs, so no request waits on the disk for them twice.
 */
const copies = new Map<string, { mtimeMs: number; sizes: Partial<Record<'br' | 'gzip', number>> }>()

function compressedSizes(file: string, stat: fs.Stats): Partial<Record<'br' | 'gzip', number>> {
  const known = copies.get(file)
  if (known?.mtimeMs === stat.mtimeMs) return known.sizes
  const sizes: Partial<Record<'br' | 'gzip', number>> = {}
  for (const name of ['br', 'gzip'] as const) {
    const copy = fs.statSync(file + SUFFIX[name], { throwIfNoEntry: false })
    if (copy?.isFile() && copy.mtimeMs >= stat.mtimeMs) sizes[name] = copy.size
  }
  copies.set(file, { mtimeMs: stat.mtimeMs, sizes })
  return sizes
}

/** Paths of the single-page app that all get index.html. */
const APP_ROUTES = /^\/(?:[mvj]\/[A-Za-z0-9_-]{1,64}\/?)?$/

/**
 * Serves the built client from `root`: hashed assets cached for good, the app shell never cached
 * by the browser (the service worker keeps its own copy for offline use).
 */
export function createStaticHandler(root: string, options: { sourceMaps: boolean }) {
  const resolvedRoot = path.resolve(root)
  /** `requestPath` checked the path already: it decodes, and holds no NUL byte. */
  return (req: http.IncomingMessage, res: http.ServerResponse, requested: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end()
      return
    }
    const pathname = decodeURIComponent(requested)
    const isAppRoute = APP_ROUTES.test(pathname)
    const file = isAppRoute
      ? path.join(resolvedRoot, 'index.html')
      : path.join(resolvedRoot, path.normalize(pathname))
    // Source maps would publish the source with comments; only when asked for (debugging).
    const hidden = !options.sourceMaps && file.endsWith('.map')
    if (!file.startsWith(resolvedRoot + path.sep) || hidden) {
      res.writeHead(404, SECURITY_HEADERS).end()
      return
    }
    fs.stat(file, (statError, stat) => {
      if (statError || !stat.isFile()) {
        res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('Not found')
        return
      }
      const ext = path.extname(file)
      const immutable = pathname.startsWith('/assets/')
      const compressible = COMPRESSED.has(ext)
      // The best compressed copy the browser takes and the build wrote; else the file itself.
      const sizes = compressible ? compressedSizes(file, stat) : {}
      const encoding = compressible
        ? encodingsFor(req).find((name) => sizes[name] !== undefined)
        : undefined
      const sent = encoding ? file + SUFFIX[encoding] : file
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'Content-Length': encoding ? sizes[encoding]! : stat.size,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
      })
      if (req.method === 'HEAD') {
        res.end()
        return
      }
      fs.createReadStream(sent).pipe(res)
    })
  }
}
