import { beforeAll, describe, expect, it } from 'vitest'
import { en } from './en'
import { format, initialLang, loadLang, translator } from './index'
import { nl } from './nl'

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
      const holes = (text: unknown) =>
        JSON.stringify(text)
          .match(/\{\w+\}/g)
          ?.sort() ?? []
      expect(holes(english), key).toEqual(holes(dutch))
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
