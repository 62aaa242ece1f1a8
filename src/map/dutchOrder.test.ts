import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../tests/helpers/seed'
import { compareDutch } from './dutchOrder'

const dutch = new Intl.Collator('nl')
const sign = (n: number) => Math.sign(n)

/** `count` names of one to six characters drawn from `alphabet`, the same for the same seed. */
function names(alphabet: string, count: number, seed: number): string[] {
  const { int } = seededRandom(seed)
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + int(6) }, () => alphabet.charAt(int(alphabet.length))).join(''),
  )
}

describe('compareDutch', () => {
  it('orders plain names exactly as the Dutch collator does', () => {
    // Few letters, so that many pairs differ only in case or a space.
    const some = names('aAbB zZ', 400, 7)
    for (const a of some) {
      for (const b of some.slice(0, 60)) {
        expect(sign(compareDutch(a, b)), `${a} : ${b}`).toBe(sign(dutch.compare(a, b)))
      }
    }
  })

  it('leaves other names to the collator', () => {
    const some = [...names('aAeé-.ŁłşS 1', 200, 11), 'Ayşe', 'Łukasz', 'Anne-Marie', 'anne marie']
    for (const a of some) {
      for (const b of some.slice(0, 40)) {
        expect(sign(compareDutch(a, b)), `${a} : ${b}`).toBe(sign(dutch.compare(a, b)))
      }
    }
  })

  it('sorts a table of names as a Dutch reader expects', () => {
    const table = ['Piet', 'anne', 'Łukasz', 'Ayşe Yılmaz', 'Anne', 'Jan de Vries', 'Jan', 'bram']
    expect([...table].sort(compareDutch)).toEqual([
      'anne',
      'Anne',
      'Ayşe Yılmaz',
      'bram',
      'Jan',
      'Jan de Vries',
      'Łukasz',
      'Piet',
    ])
  })
})
