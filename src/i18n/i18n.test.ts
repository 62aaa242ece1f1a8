import { beforeAll, describe, expect, it } from 'vitest'
import { en } from './en'
import { format, initialLang, loadLang, translator } from './index'
import { nl } from './nl'
import type { TextBundle } from './bundle'

/** The placeholders of a text, sorted. */
const holes = (text: unknown) =>
  JSON.stringify(text)
    .match(/\{\w+\}/g)
    ?.sort() ?? []

/** Every text bundle of a part that loads later (`texts.ts` beside it, or `shared/*Texts.ts`). */
const bundles = Object.entries(
  import.meta.glob<Record<string, unknown>>('../features/**/{texts,*Texts}.ts', { eager: true }),
).flatMap(([file, module]) =>
  Object.entries(module).map(
    ([name, bundle]) => [`${file} ${name}`, bundle as TextBundle<string>] as const,
  ),
)

describe('i18n', () => {
  beforeAll(() => loadLang('en'))

  it('speaks Dutch unless English is asked for in the URL or chosen before', () => {
    expect(initialLang('', null)).toBe('nl')
    expect(initialLang('?lang=en', null)).toBe('en')
    expect(initialLang('', 'en')).toBe('en')
    expect(initialLang('?lang=nl', 'en')).toBe('nl')
    expect(initialLang('?lang=xx', null)).toBe('nl')
  })

  it('has every Dutch key in English, with the same placeholders', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      const dutch = nl[key]
      const english = en[key]
      expect(english, key).toBeDefined()
      expect(holes(english), key).toEqual(holes(dutch))
    }
  })

  it('has every text of the parts that load later in both languages, with the same placeholders', () => {
    expect(bundles.length).toBeGreaterThan(0)
    for (const [name, bundle] of bundles) {
      expect(Object.keys(bundle.en).sort(), name).toEqual(Object.keys(bundle.nl).sort())
      for (const [key, dutch] of Object.entries(bundle.nl)) {
        expect(bundle.en[key]!.trim(), `${name} ${key}`).not.toBe('')
        expect(holes(bundle.en[key]), `${name} ${key}`).toEqual(holes(dutch))
      }
    }
  })

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('Stap {step}', { step: 3 })).toBe('Stap 3')
    expect(format('{a} en {b}', { a: 'x' })).toBe('x en {b}')
    expect(translator('en')('column.step', { step: 1 })).toBe('Step 1')
    expect(translator('nl').list('columnQuestions.eisen')).toEqual([
      'Wat moeten we kunnen, en vanuit welke rol?',
    ])
  })
})
