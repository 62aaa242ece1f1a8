import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import { fillExampleMap } from './example'
import { actionsOf, createMapDoc, viewMap } from './index'

describe('the example map', () => {
  const doc = createMapDoc()
  fillExampleMap(doc, Date.UTC(2026, 2, 12))
  const view = viewMap(doc)
  const actions = actionsOf(view)

  it('has as many formal as informal people at the table', () => {
    const formal = view.participants.filter((person) => person.side === 'formal')
    expect(formal).toHaveLength(view.participants.length / 2)
  })

  it('keeps what each does, a manager and a policy maker among the formal side', () => {
    const ellen = view.participants.find((person) => person.name === 'Ellen van Dijk')!
    expect(ellen).toMatchObject({ role: 'manager', roleLabel: 'gemeente', side: 'formal' })
    const mirjam = view.participants.find((person) => person.name === 'Mirjam Visser')!
    expect(mirjam).toMatchObject({ role: 'beleidsmaker', side: 'formal' })
    // The note keeps its author's details too.
    const byAyse = view.columns.waarden.find((note) => note.author?.name === 'Ayşe Yılmaz')!
    expect(byAyse.author!.roleLabel).toBe('voedselbank')
  })

  it('lets whoever takes an "ik" action write it, and asks the municipality as "anderen"', () => {
    for (const action of actions.filter((note) => note.owner?.kind === 'ik')) {
      expect(action.author?.name.startsWith(action.owner!.name)).toBe(true)
    }
    const municipality = actions.find((note) => note.text.startsWith('De gemeente vragen'))!
    expect(municipality.owner).toMatchObject({ kind: 'anderen', name: 'de gemeente' })
  })

  it('comes back to the card later', () => {
    const back = actions.filter((note) => note.followUp?.lookAgain)
    expect(back.map((note) => note.followUp!.lookAgain)).toEqual(['2026-06-11'])
  })

  it('has the scores of the warm-up and the close, each entry without a name', () => {
    const scores = (phase: 'before' | 'after') => view.pulse.map((entry) => entry[phase]).sort()
    expect(scores('before')).toEqual([3, 4, 5, 5, 6, 6, 7])
    expect(scores('after')).toEqual([6, 6, 7, 7, 7, 7, 8])
    // Written as by unknown devices: no entry carries the client id of the map's own writes.
    const ownClient = yDocOf(doc).clientID
    const items = Y.encodeStateVector(yDocOf(doc))
    expect(Y.decodeStateVector(items).has(ownClient)).toBe(true)
    const pulseClients = new Set<number>()
    yDocOf(doc)
      .getMap('pulse')
      ._map.forEach((item) => pulseClients.add(item.id.client))
    expect(pulseClients.has(ownClient)).toBe(false)
    expect(pulseClients.size).toBe(7)
  })
})
