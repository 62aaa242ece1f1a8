import { describe, expect, it } from 'vitest'
import {
  createControlDoc,
  extendTimer,
  goToStep,
  pauseTimer,
  resumeTimer,
  setDirection,
  setTempo,
  startTimer,
  stepsFor,
  timeLeft,
  viewControl,
} from './index'
import { yDocOf } from '../doc'

describe('facilitation steps', () => {
  it('goes right to left from Waarden by default, one column a step in "ruim"', () => {
    expect(stepsFor('fromValues', 'ruim')).toEqual([
      ['waarden'],
      ['relaties'],
      ['eisen'],
      ['voorwaarden'],
      ['acties'],
    ])
  })

  it('in "kort" does step 1 alone, then steps 2 to 5 together', () => {
    expect(stepsFor('fromValues', 'kort')).toEqual([
      ['waarden'],
      ['relaties', 'eisen', 'voorwaarden', 'acties'],
    ])
    expect(stepsFor('fromActions', 'kort')[0]).toEqual(['acties'])
  })

  it('starts with every column open and clamps steps to the ones there are', () => {
    const doc = createControlDoc()
    expect(viewControl(doc)).toMatchObject({ step: -1, activeColumns: [], locked: false })
    goToStep(doc, 1)
    expect(viewControl(doc).activeColumns).toEqual(['relaties'])
    goToStep(doc, 99)
    expect(viewControl(doc).activeColumns).toEqual(['acties'])
  })

  it('keeps the active column when the tempo changes, and restarts on a new direction', () => {
    const doc = createControlDoc()
    goToStep(doc, 2) // eisen
    setTempo(doc, 'kort')
    expect(viewControl(doc)).toMatchObject({ step: 1 })
    expect(viewControl(doc).activeColumns).toContain('eisen')
    setDirection(doc, 'fromActions')
    expect(viewControl(doc).activeColumns).toEqual(['acties'])
  })

  it('falls back to defaults for malformed state written by another peer', () => {
    const doc = createControlDoc()
    yDocOf(doc).getMap('facilitation').set('step', 'drie')
    yDocOf(doc).getMap('facilitation').set('timer', { durationMs: -5 })
    yDocOf(doc).getMap('facilitation').set('tempo', 'snel')
    expect(viewControl(doc)).toMatchObject({ step: -1, timer: null, tempo: 'ruim' })
  })
})

describe('step timer', () => {
  it('runs, pauses, resumes and extends on the server clock', () => {
    const doc = createControlDoc()
    startTimer(doc, 10 * 60_000, 1_000)
    let timer = viewControl(doc).timer!
    expect(timeLeft(timer, 61_000)).toBe(9 * 60_000)
    pauseTimer(doc, 61_000)
    timer = viewControl(doc).timer!
    expect(timeLeft(timer, 999_999)).toBe(9 * 60_000)
    resumeTimer(doc, 100_000)
    extendTimer(doc, 60_000, 100_000)
    timer = viewControl(doc).timer!
    expect(timeLeft(timer, 100_000)).toBe(10 * 60_000)
    expect(timeLeft(timer, 10_000_000)).toBe(0)
  })
})
