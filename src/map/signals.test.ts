import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { yDocOf } from './doc'
import { createMapDoc, viewMap } from './index'
import { clearSignals, raiseSignal, shownSignals, SIGNAL_SHOWN_MS } from './signals'

const NOW = Date.UTC(2026, 11, 3, 14, 0)

describe('signals without a name', () => {
  it('reach every peer, and nothing in the document ties one to the device that gave it', () => {
    const doc = createMapDoc()
    raiseSignal(doc, 'jargon', NOW)
    raiseSignal(doc, 'jargon', NOW + 1000)
    raiseSignal(doc, 'jaEn', NOW + 2000)
    // Yjs stamps every item with its writer's client id, which is also the id of the person's
    // presence: the device's own id is nowhere in the document.
    expect(Y.decodeStateVector(Y.encodeStateVector(yDocOf(doc))).has(yDocOf(doc).clientID)).toBe(
      false,
    )
    const peer = createMapDoc()
    Y.applyUpdate(yDocOf(peer), Y.encodeStateAsUpdate(yDocOf(doc)))
    const { signals } = viewMap(peer)
    expect(signals.map((signal) => signal.kind)).toEqual(['jargon', 'jargon', 'jaEn'])
    expect(Object.keys(signals[0]!).sort()).toEqual(['at', 'kind'])
    expect([...shownSignals(signals, NOW + 3000)]).toEqual([
      ['jargon', 2],
      ['jaEn', 1],
    ])
  })

  it('show for a few minutes, or until the facilitator saw them', () => {
    const doc = createMapDoc()
    raiseSignal(doc, 'jargon', NOW)
    raiseSignal(doc, 'jaEn', NOW)
    const later = (ms: number) => shownSignals(viewMap(doc).signals, NOW + ms)
    expect(later(SIGNAL_SHOWN_MS - 1).get('jargon')).toBe(1)
    expect(later(SIGNAL_SHOWN_MS + 1).get('jargon')).toBeUndefined()
    clearSignals(doc, 'jargon')
    expect(later(0).get('jargon')).toBeUndefined()
    expect(later(0).get('jaEn')).toBe(1)
  })

  it('do not keep old signals, nor show one from far in the future', () => {
    const doc = createMapDoc()
    raiseSignal(doc, 'jargon', NOW)
    raiseSignal(doc, 'jaEn', NOW + 60 * 60 * 1000)
    expect(shownSignals(viewMap(doc).signals, NOW).get('jaEn')).toBeUndefined()
    // The next signal, much later, takes the old ones away.
    raiseSignal(doc, 'jargon', NOW + 24 * 60 * 60 * 1000)
    expect(viewMap(doc).signals).toEqual([{ kind: 'jargon', at: NOW + 24 * 60 * 60 * 1000 }])
  })
})
