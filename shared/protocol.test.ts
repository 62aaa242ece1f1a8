import { describe, expect, it } from 'vitest'
import {
  ApiPath,
  docKey,
  docKeysOf,
  isJoinCode,
  isSecret,
  isVersionLabel,
  parseApiPath,
  parseDocKey,
  subprotocolsFor,
} from './protocol'

describe('the wire vocabulary', () => {
  it('names the documents of a map apart, and reads the names back', () => {
    const room = 'abcdefghijklmnopqrstuvwx'
    expect(docKey(room, 'map')).toBe(room)
    expect(docKey(room, 'control')).toBe(`${room}/control`)
    expect(docKeysOf(room)).toEqual([room, `${room}/control`, `${room}/trajectory`])
    for (const doc of ['map', 'control', 'trajectory'] as const) {
      expect(parseDocKey(docKey(room, doc))).toEqual({ roomId: room, doc })
    }
    expect(() => parseDocKey(`${room}/other`)).toThrow()
  })

  it('offers the facilitator key as a second subprotocol only when there is one', () => {
    expect(subprotocolsFor(null)).toEqual(['pk.v1'])
    expect(subprotocolsFor('k'.repeat(24))).toEqual(['pk.v1', `pk.fk.${'k'.repeat(24)}`])
    expect(subprotocolsFor('k'.repeat(24), true)).toEqual([
      'pk.v1',
      'pk.deflate',
      `pk.fk.${'k'.repeat(24)}`,
    ])
  })

  it('reads the paths of saved versions back, and nothing like them', () => {
    const room = 'A'.repeat(22)
    expect(parseApiPath(ApiPath.versions(room))).toEqual({ call: 'versions', roomId: room })
    expect(parseApiPath(ApiPath.version(room, 12))).toEqual({
      call: 'version',
      roomId: room,
      number: 12,
    })
    for (const bad of ['0', '01', '-1', '1.5', '1e3', '9999999', '']) {
      expect(parseApiPath(`/api/maps/${room}/versions/${bad}`), bad).toBeNull()
    }
    expect(parseApiPath(`/api/maps/${room}/versions/1/x`)).toBeNull()
    expect(parseApiPath(`/api/maps/${room}/join-code/1`)).toBeNull()
    expect(parseApiPath(ApiPath.trajectory(room))).toEqual({ call: 'trajectory', roomId: room })
    expect(parseApiPath(`/api/maps/${room}/trajectory/1`)).toBeNull()
    expect(isVersionLabel('na bijeenkomst 2 — 12 maart')).toBe(true)
    expect(isVersionLabel('x'.repeat(61))).toBe(false)
    expect(isVersionLabel('een\nregel')).toBe(false)
    expect(isVersionLabel('versie 3 👨‍👩‍👧')).toBe(true)
    // Hidden characters: a lone surrogate, a right-to-left override, a line separator, a
    // zero-width no-break space, a delete.
    for (const hidden of ['\ud800', '\u202e', '\u2028', '\ufeff', '\u007f', '\u0085']) {
      expect(isVersionLabel(`versie${hidden}2`)).toBe(false)
    }
    expect(isVersionLabel(null)).toBe(false)
  })

  it('takes only ids and join codes in the format the server hands out', () => {
    expect(isSecret('A'.repeat(22))).toBe(true)
    expect(isSecret('A'.repeat(21))).toBe(false)
    expect(isSecret(`${'A'.repeat(22)}/`)).toBe(false)
    expect(isJoinCode('ABC234')).toBe(true)
    expect(isJoinCode('ABC0O1')).toBe(false)
    expect(isJoinCode('ABC23')).toBe(false)
  })
})
