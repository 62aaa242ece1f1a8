import type { ClientRect, UniqueIdentifier } from '@dnd-kit/core'
import { describe, expect, it } from 'vitest'
import { columnAt, plainRects } from './collisions'

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

describe('the boxes collision checks read', () => {
  it("reads each of dnd-kit's live boxes once and keeps the same numbers", () => {
    let reads = 0
    // Like dnd-kit's boxes: top and left are worked out again on every read.
    const live = {
      width: 200,
      height: 80,
      get top() {
        reads++
        return 40
      },
      get left() {
        reads++
        return 10
      },
      get right() {
        reads++
        return 210
      },
      get bottom() {
        reads++
        return 120
      },
    }
    const plain = plainRects(
      [{ id: 'a' }, { id: 'gone' }] as never,
      new Map<UniqueIdentifier, ClientRect>([['a', live]]),
    )
    expect(reads).toBe(2)
    expect(plain.get('a')).toEqual({
      top: 40,
      left: 10,
      width: 200,
      height: 80,
      right: 210,
      bottom: 120,
    })
    expect(plain.has('gone')).toBe(false)
  })
})
