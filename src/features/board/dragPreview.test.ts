import { describe, expect, it } from 'vitest'
import { cardOrder, PARTNERSHIP_BOARD, type ColumnId, type NoteId } from '../../map'
import { columnOf, indexAt, positionOf, stepFrom, type Layout } from './dragPreview'

const id = (value: string) => value as NoteId
const order = cardOrder(PARTNERSHIP_BOARD)

function layout(partial: Partial<Record<keyof Layout, string[]>>): Layout {
  return {
    waarden: [],
    relaties: [],
    eisen: [],
    voorwaarden: [],
    acties: [],
    ...partial,
  } as Layout
}

describe('drag preview layout', () => {
  it('finds the column of a note and of a column id', () => {
    const l = layout({ eisen: ['a', 'b'] })
    expect(columnOf(l, 'b')).toBe('eisen')
    expect(columnOf(l, 'waarden')).toBe('waarden')
    expect(columnOf(l, 'nowhere')).toBeNull()
  })

  it('tells where a note is', () => {
    const l = layout({ eisen: ['a', 'b'] })
    expect(positionOf(l, id('b'))).toEqual({ column: 'eisen', index: 1 })
    expect(positionOf(l, id('x'))).toBeNull()
  })
})

describe('pointing at a place in a column', () => {
  const boxes = [
    { top: 0, height: 100, left: 0, width: 200 },
    { top: 110, height: 60, left: 0, width: 200 },
    { top: 180, height: 100, left: 0, width: 200 },
  ]

  it('goes after every note whose middle the pointer has passed', () => {
    const at = (y: number) => ({ x: 50, y })
    expect(indexAt(at(-20), boxes)).toBe(0)
    expect(indexAt(at(49), boxes)).toBe(0)
    expect(indexAt(at(51), boxes)).toBe(1)
    expect(indexAt(at(141), boxes)).toBe(2)
    expect(indexAt(at(500), boxes)).toBe(3)
    expect(indexAt(at(10), [])).toBe(0)
  })

  it('reads a grid of notes row by row, left to right within a row', () => {
    // Two rows of two, 100 wide and 80 high, 10 apart: a wide column shows its notes so.
    const grid = [
      { top: 0, height: 80, left: 0, width: 100 },
      { top: 0, height: 80, left: 110, width: 100 },
      { top: 90, height: 80, left: 0, width: 100 },
      { top: 90, height: 80, left: 110, width: 100 },
    ]
    expect(indexAt({ x: 20, y: 40 }, grid)).toBe(0)
    expect(indexAt({ x: 80, y: 40 }, grid)).toBe(1)
    expect(indexAt({ x: 190, y: 40 }, grid)).toBe(2)
    expect(indexAt({ x: 20, y: 120 }, grid)).toBe(2)
    expect(indexAt({ x: 170, y: 120 }, grid)).toBe(4)
    expect(indexAt({ x: 20, y: 400 }, grid)).toBe(4)
  })
})

describe('moving a picked-up note by keyboard', () => {
  const l = layout({ eisen: ['a', 'b'], relaties: ['x'], voorwaarden: ['p', 'q', 'r'] })
  const all = () => true

  it('goes up and down within its column, and not past either end', () => {
    expect(stepFrom(l, id('b'), { column: 'eisen', index: 1 }, 'up', all, order)).toEqual({
      column: 'eisen',
      index: 0,
    })
    expect(stepFrom(l, id('a'), { column: 'eisen', index: 0 }, 'up', all, order)).toBeNull()
    expect(stepFrom(l, id('a'), { column: 'eisen', index: 0 }, 'down', all, order)).toEqual({
      column: 'eisen',
      index: 1,
    })
    expect(stepFrom(l, id('b'), { column: 'eisen', index: 1 }, 'down', all, order)).toBeNull()
  })

  it('goes to the column beside it on screen, at the same height or at its end', () => {
    // On screen, left to right: acties, voorwaarden, eisen, relaties, waarden.
    expect(stepFrom(l, id('b'), { column: 'eisen', index: 1 }, 'right', all, order)).toEqual({
      column: 'relaties',
      index: 1,
    })
    expect(stepFrom(l, id('b'), { column: 'eisen', index: 1 }, 'left', all, order)).toEqual({
      column: 'voorwaarden',
      index: 1,
    })
    expect(stepFrom(l, id('x'), { column: 'waarden', index: 0 }, 'right', all, order)).toBeNull()
  })

  it('skips columns that take no notes now', () => {
    const notVoorwaarden = (column: ColumnId) => column !== 'voorwaarden'
    expect(
      stepFrom(l, id('a'), { column: 'eisen', index: 0 }, 'left', notVoorwaarden, order),
    ).toEqual({
      column: 'acties',
      index: 0,
    })
  })
})
