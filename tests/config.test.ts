import type http from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress } from '../server/request'
import { parseConfig, usage } from '../server/config'

describe('server settings for many servers', () => {
  it('reads the database, Redis and proxy settings from flags or the environment', () => {
    const fromFlags = parseConfig(
      [
        '--database-url',
        'postgres://pk@db/pk',
        '--redis-url',
        'redis://cache:6379',
        '--trust-proxy',
      ],
      {},
    )
    expect(fromFlags).toMatchObject({
      databaseUrl: 'postgres://pk@db/pk',
      redisUrl: 'redis://cache:6379',
      trustProxy: true,
    })
    const fromEnv = parseConfig([], {
      DATABASE_URL: 'postgresql://pk@db/pk',
      REDIS_URL: 'rediss://cache',
      TRUST_PROXY: '1',
    })
    expect(fromEnv).toMatchObject({ databaseUrl: 'postgresql://pk@db/pk', trustProxy: true })
    expect(parseConfig([], {})).toMatchObject({
      databaseUrl: null,
      redisUrl: null,
      trustProxy: false,
    })
    expect(() => parseConfig(['--database-url', 'mysql://db'], {})).toThrow(/postgres:\/\//)
    expect(() => parseConfig(['--redis-url', 'localhost:6379'], {})).toThrow(/redis:\/\//)
  })

  it('counts the address the proxy added, only when told to trust it', () => {
    const request = (forwarded?: string) =>
      ({
        headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
        socket: { remoteAddress: '127.0.0.1' },
      }) as unknown as http.IncomingMessage
    // The first entry comes from the client and can be anything; the proxy appends the last.
    expect(clientAddress(request('6.6.6.6, 203.0.113.7'), true)).toBe('203.0.113.7')
    expect(clientAddress(request('6.6.6.6, 203.0.113.7'), false)).toBe('127.0.0.1')
    expect(clientAddress(request(), true)).toBe('127.0.0.1')
  })
})

describe('--help', () => {
  it('lists every flag the server takes, and only those', () => {
    const flags = [...usage().matchAll(/^ {2}--([a-z-]+)/gm)].map((match) => match[1]!)
    expect(flags.length).toBeGreaterThan(20)
    for (const flag of flags) {
      const boolean = flag === 'trust-proxy' || flag === 'serve-source-maps'
      const args = boolean ? [`--${flag}`] : [`--${flag}`, '1234567890123456789']
      let message = ''
      try {
        parseConfig(args, {})
      } catch (error) {
        message = (error as Error).message
      }
      expect(message, flag).not.toMatch(/Unknown option/)
    }
    expect(() => parseConfig(['--no-such-flag'], {})).toThrow(/Unknown option/)
  })
})
