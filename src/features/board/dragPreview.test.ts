import { describe, expect, it } from 'vitest'
import type { NoteId } from '../../map'
import { columnOf, placeOver, positionOf, type Layout } from './dragPreview'

const id = (value: string) => value as NoteId

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

  it('reorders within a column like arrayMove', () => {
    const l = layout({ eisen: ['a', 'b', 'c'] })
    expect(placeOver(l, id('a'), 'c').eisen).toEqual(['b', 'c', 'a'])
    expect(placeOver(l, id('c'), 'a').eisen).toEqual(['c', 'a', 'b'])
    expect(placeOver(l, id('b'), 'c').eisen).toEqual(['a', 'c', 'b'])
  })

  it('moves into another column before or after the note it is over', () => {
    const l = layout({ eisen: ['a'], relaties: ['x', 'y'] })
    expect(placeOver(l, id('a'), 'y').relaties).toEqual(['x', 'a', 'y'])
    expect(placeOver(l, id('a'), 'y', true).relaties).toEqual(['x', 'y', 'a'])
    expect(placeOver(l, id('a'), 'y').eisen).toEqual([])
  })

  it('appends when dropped on a column itself, and leaves input untouched', () => {
    const l = layout({ eisen: ['a'], acties: ['x'] })
    const next = placeOver(l, id('a'), 'acties')
    expect(next.acties).toEqual(['x', 'a'])
    expect(l.eisen).toEqual(['a'])
    expect(positionOf(next, id('a'))).toEqual({ column: 'acties', index: 1 })
  })
})
