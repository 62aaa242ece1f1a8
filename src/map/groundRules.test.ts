import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import { addGroundRule, editGroundRule, removeGroundRule } from './groundRules'
import { createMapDoc, LIMITS, viewMap } from './index'

describe("the group's own ground rules", () => {
  it('keep the order they were written in, on every peer, and can be reworded or taken away', () => {
    const doc = createMapDoc()
    const second = addGroundRule(doc, '  Wat hier gezegd wordt, blijft hier.  ', 20)!
    const first = addGroundRule(doc, 'We laten elkaar uitpraten.', 10)!
    expect(addGroundRule(doc, '   ', 30)).toBeNull()
    const peer = createMapDoc()
    Y.applyUpdate(yDocOf(peer), Y.encodeStateAsUpdate(yDocOf(doc)))
    expect(viewMap(peer).groundRules.map((rule) => rule.text)).toEqual([
      'We laten elkaar uitpraten.',
      'Wat hier gezegd wordt, blijft hier.',
    ])
    editGroundRule(doc, first, 'We laten elkaar echt uitpraten.')
    expect(viewMap(doc).groundRules[0]).toMatchObject({ id: first, at: 10 })
    expect(viewMap(doc).groundRules[0]!.text).toBe('We laten elkaar echt uitpraten.')
    // Emptied is taken away, as is one removed.
    editGroundRule(doc, first, '')
    removeGroundRule(doc, second)
    expect(viewMap(doc).groundRules).toEqual([])
  })

  it('keep at most twelve, each at most 200 characters', () => {
    const doc = createMapDoc()
    for (let i = 0; i < LIMITS.groundRules; i++)
      expect(addGroundRule(doc, `Regel ${i}`, i)).not.toBeNull()
    expect(addGroundRule(doc, 'Nog een', 99)).toBeNull()
    expect(viewMap(doc).groundRules).toHaveLength(LIMITS.groundRules)
    const other = createMapDoc()
    addGroundRule(other, 'x'.repeat(500), 1)
    expect(viewMap(other).groundRules[0]!.text).toHaveLength(LIMITS.groundRule)
  })
})
