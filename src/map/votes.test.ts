import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import { addNote, createMapDoc, newNoteId, type Participant, type ParticipantId } from './index'
import { castVote, dotsOf, retractVote, tally, type VoteRules } from './votes'

const marga: Participant = {
  id: 'marga-000001' as ParticipantId,
  name: 'Marga',
  role: 'mantelzorger',
  roleLabel: '',
  side: 'informal',
}
const ellen = { ...marga, id: 'ellen-000001' as ParticipantId, name: 'Ellen' }

function mapWithNotes() {
  const doc = createMapDoc()
  const a = addNote(doc, { id: newNoteId(), column: 'waarden', text: 'a', author: marga })
  const b = addNote(doc, { id: newNoteId(), column: 'waarden', text: 'b', author: marga })
  return { doc, a, b }
}

describe('dot voting', () => {
  it('gives each person their dots and no more', () => {
    const { doc, a, b } = mapWithNotes()
    const rules: VoteRules = { round: 1, dots: 3, onePerNote: false }
    expect(castVote(doc, rules, marga.id, a)).toBeNull()
    expect(castVote(doc, rules, marga.id, a)).toBeNull()
    expect(castVote(doc, rules, marga.id, b)).toBeNull()
    expect(castVote(doc, rules, marga.id, b)).toBe('no-dots-left')
    expect(castVote(doc, rules, ellen.id, b)).toBeNull()
    expect(Object.fromEntries(tally(dotsOf(doc, rules)))).toEqual({ [a]: 2, [b]: 2 })
    retractVote(doc, rules, marga.id, a)
    expect(tally(dotsOf(doc, rules)).get(a)).toBe(1)
  })

  it('allows one dot per note when the facilitator says so', () => {
    const { doc, a } = mapWithNotes()
    const rules: VoteRules = { round: 1, dots: 3, onePerNote: true }
    expect(castVote(doc, rules, marga.id, a)).toBeNull()
    expect(castVote(doc, rules, marga.id, a)).toBe('one-per-note')
  })

  it('ignores dots a forged client writes beyond the limits, or for another round', () => {
    const { doc, a, b } = mapWithNotes()
    const rules: VoteRules = { round: 2, dots: 2, onePerNote: true }
    const votes = yDocOf(doc).getMap('votes')
    for (let slot = 0; slot < 10; slot++) votes.set(`2|${marga.id}|${slot}`, a)
    votes.set(`1|${marga.id}|0`, b)
    votes.set(`2|${marga.id}|x`, b)
    votes.set('garbage', b)
    expect(Object.fromEntries(tally(dotsOf(doc, rules)))).toEqual({ [a]: 1 })
  })

  it('counts the same dots on every peer after concurrent votes', () => {
    const { doc: one, a, b } = mapWithNotes()
    const two = createMapDoc()
    Y.applyUpdate(yDocOf(two), Y.encodeStateAsUpdate(yDocOf(one)))
    const rules: VoteRules = { round: 1, dots: 2, onePerNote: false }
    castVote(one, rules, marga.id, a)
    castVote(two, rules, marga.id, b)
    Y.applyUpdate(yDocOf(two), Y.encodeStateAsUpdate(yDocOf(one)))
    Y.applyUpdate(yDocOf(one), Y.encodeStateAsUpdate(yDocOf(two)))
    // Both peers used slot 0 at once: one dot wins, the same one on both peers.
    expect(tally(dotsOf(one, rules))).toEqual(tally(dotsOf(two, rules)))
    expect(dotsOf(one, rules)).toHaveLength(1)
  })
})
