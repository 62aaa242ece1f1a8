import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import { createMapDoc, viewMap } from './index'
import { answerInfluence, clearInfluence, influenceBySide } from './influence'

const ROUND = 1_796_000_000

describe('"Wie heeft hier invloed?"', () => {
  it('keeps only the side of each answer, and nothing ties it to the device', () => {
    const doc = createMapDoc()
    let key = answerInfluence(doc, null, {
      round: ROUND,
      side: 'informal',
      holder: 'formal',
      words: ' Het team ',
    })
    // Changing one's mind replaces the answer: still one.
    key = answerInfluence(doc, key, { round: ROUND, side: 'informal', holder: 'others', words: '' })
    expect(key).not.toBeNull()
    expect(Y.decodeStateVector(Y.encodeStateVector(yDocOf(doc))).has(yDocOf(doc).clientID)).toBe(
      false,
    )
    const peer = createMapDoc()
    Y.applyUpdate(yDocOf(peer), Y.encodeStateAsUpdate(yDocOf(doc)))
    expect(viewMap(peer).influence).toEqual([
      { round: ROUND, side: 'informal', holder: 'others', words: '' },
    ])
  })

  it('shows a side once three of it answered, per round, and forgets everything when put aside', () => {
    const doc = createMapDoc()
    const answer = (side: 'formal' | 'informal', holder: 'formal' | 'together', round = ROUND) =>
      answerInfluence(doc, null, {
        round,
        side,
        holder,
        words: holder === 'formal' ? 'De indicatie' : '',
      })
    answer('informal', 'formal')
    answer('informal', 'formal')
    answer('formal', 'together')
    answer('formal', 'together')
    answer('formal', 'together', ROUND - 60) // an earlier round does not count
    expect(influenceBySide(viewMap(doc).influence, ROUND, 'informal')).toBeNull()
    answer('informal', 'together')
    const informal = influenceBySide(viewMap(doc).influence, ROUND, 'informal')!
    expect(informal.answers).toBe(3)
    expect(informal.counts).toEqual({ informal: 0, formal: 2, together: 1, others: 0 })
    expect(informal.words).toEqual(['De indicatie', 'De indicatie'])
    // Two formal answers in this round: not yet shown.
    expect(influenceBySide(viewMap(doc).influence, ROUND, 'formal')).toBeNull()
    clearInfluence(doc)
    expect(viewMap(doc).influence).toEqual([])
  })
})
