import { describe, expect, it } from 'vitest'
import { keyFile, parseKeyFile } from './keyFile'

const map = {
  roomId: 'r'.repeat(22),
  title: 'Samenspel Holendrecht',
  facilitatorKey: 'k'.repeat(32),
  viewerToken: 'v'.repeat(24),
}

describe('the facilitator’s key file', () => {
  it('reads back what it wrote', () => {
    expect(parseKeyFile(keyFile([map], new Date(2026, 11, 2)))).toEqual({ ok: true, maps: [map] })
  })

  it('refuses anything else whole, with the reason', () => {
    expect(parseKeyFile('{')).toEqual({ ok: false, problem: 'not-json' })
    expect(parseKeyFile('{"format":"partnerschapskaart"}')).toEqual({
      ok: false,
      problem: 'not-a-key-file',
    })
    const good = JSON.parse(keyFile([map], new Date()))
    const bad = (change: object) =>
      parseKeyFile(JSON.stringify({ ...good, maps: [{ ...map, ...change }] }))
    expect(bad({ roomId: '../../etc' })).toEqual({ ok: false, problem: 'invalid' })
    expect(bad({ facilitatorKey: 'short' })).toEqual({ ok: false, problem: 'invalid' })
    expect(bad({ viewerToken: 42 })).toEqual({ ok: false, problem: 'invalid' })
    expect(bad({ title: 'x'.repeat(201) })).toEqual({ ok: false, problem: 'invalid' })
    expect(parseKeyFile(JSON.stringify({ ...good, version: 2 }))).toEqual({
      ok: false,
      problem: 'invalid',
    })
    expect(parseKeyFile(JSON.stringify({ ...good, maps: Array(501).fill(map) }))).toEqual({
      ok: false,
      problem: 'too-big',
    })
  })
})
