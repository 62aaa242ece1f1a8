import type http from 'node:http'
import net from 'node:net'

/**
 * What the server reads off a request before anything else: its path, who sent it (for the
 * limits per address) and whether another site made the browser send it. Each never throws,
 * whatever the request holds.
 */

/**
 * The request's path, decoded; null for a target that is no URL path, or one holding a NUL byte
 * or a malformed escape (`//[`, `/%00`, `/%E0%A4%A`): such a request gets 400.
 */
export function requestPath(req: http.IncomingMessage): string | null {
  const target = req.url ?? '/'
  if (!target.startsWith('/')) return null
  let pathname: string
  try {
    pathname = new URL(target, 'http://localhost').pathname
  } catch {
    return null
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  return decoded.includes('\0') ? null : pathname
}

/** The first 64 bits of an IPv6 address, the part one household or venue usually gets. */
function ipv6Prefix(address: string): string {
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`
}

/**
 * The address the limits count: IPv4 as it is, IPv6 by its /64 (one device can use a whole
 * /64 of addresses). Addresses that are not IP addresses count as they are.
 */
export function addressKey(address: string): string {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  if (net.isIPv4(v4)) return v4
  const plain = address.split('%')[0]!
  return net.isIPv6(plain) ? ipv6Prefix(plain.toLowerCase()) : address
}

/**
 * Who is asking, for the limits. Behind a proxy every request comes from the proxy: with
 * `trustProxy`, the address the proxy added last to X-Forwarded-For counts instead (earlier
 * entries come from the client and can be made up).
 */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for']
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim()
    if (last) return addressKey(last)
  }
  return addressKey(req.socket.remoteAddress ?? 'unknown')
}

/**
 * True when a page of another site made the browser send this request (an `<img>`, a form, a
 * fetch without cors). Browsers say so in `Sec-Fetch-Site`; older ones only send an `Origin`
 * that does not match the host. Requests without either (curl, scripts) are not cross-site.
 */
export function isCrossSite(req: http.IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none'
  const origin = req.headers.origin
  if (typeof origin !== 'string' || origin === 'null') return typeof origin === 'string'
  try {
    return new URL(origin).host !== req.headers.host
  } catch {
    return true
  }
}
