import { describe, expect, it } from 'vitest'
import { newRoomId } from '../map'
import { roomPath, routeOf } from './router'

describe('routes', () => {
  it('opens a room only for a well-formed room id', () => {
    const id = newRoomId()
    expect(routeOf(roomPath(id))).toEqual({ name: 'room', roomId: id })
    expect(routeOf('/')).toEqual({ name: 'home' })
    expect(routeOf('/m/short')).toEqual({ name: 'notFound' })
    expect(routeOf('/m/../../etc/passwd')).toEqual({ name: 'notFound' })
  })

  it('makes room ids of 144 random bits that never repeat in practice', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newRoomId()))
    expect(ids.size).toBe(2000)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/)
  })
})
