import type { ClientRect, UniqueIdentifier } from '@dnd-kit/core'
import { describe, expect, it } from 'vitest'
import { collisionDetection, columnAt } from './collisions'

/** A box from left to right, as tall as a long column. */
const box = (left: number, right: number): ClientRect => ({
  left,
  right,
  width: right - left,
  top: 100,
  bottom: 2000,
  height: 1900,
})

describe('choosing the column a dragged note is over', () => {
  const columns = ['acties', 'eisen', 'waarden'].map((id) => ({ id }))
  const rects = new Map<UniqueIdentifier, ClientRect>([
    ['acties', box(0, 300)],
    ['eisen', box(320, 620)],
    ['waarden', box(640, 940)],
  ])
  const at = (x: number) => columnAt(x, columns as never, rects)

  it('goes by the pointer left to right, whatever the height', () => {
    expect(at(10)).toBe('acties')
    expect(at(500)).toBe('eisen')
    expect(at(939)).toBe('waarden')
  })

  it('takes the nearest column in a gap or beyond the edges', () => {
    expect(at(305)).toBe('acties')
    expect(at(318)).toBe('eisen')
    expect(at(-50)).toBe('acties')
    expect(at(2000)).toBe('waarden')
    expect(columnAt(10, [], rects)).toBeUndefined()
  })
})

describe('what a dragged note is over', () => {
  const columns = [{ id: 'acties' }, { id: 'eisen' }] as never
  const droppableRects = new Map<UniqueIdentifier, ClientRect>([
    ['acties', box(0, 300)],
    ['eisen', box(320, 620)],
  ])
  const args = (pointer: { x: number; y: number } | null, left = 0) =>
    ({
      droppableContainers: columns,
      droppableRects,
      pointerCoordinates: pointer,
      collisionRect: { ...box(left, left + 280), top: 10, bottom: 90, height: 80 },
    }) as never

  it('is the column under the pointer for a mouse or a finger', () => {
    expect(collisionDetection(args({ x: 400, y: 5000 }))).toEqual([{ id: 'eisen' }])
  })

  it('is the column under the floating copy for the keyboard', () => {
    expect(collisionDetection(args(null, 330))).toEqual([{ id: 'eisen' }])
    expect(collisionDetection(args(null, 0))).toEqual([{ id: 'acties' }])
  })
})
