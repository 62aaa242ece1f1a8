import type { NameAndSide } from './model'

/**
 * Whether a preparation group has formal and informal members in balance, as the method asks:
 * both sides there, and neither more than one ahead (2 and 3 is in balance, 1 and 3 is not).
 */
export interface PreparationBalance {
  readonly formal: number
  readonly informal: number
  /** 'empty' (nobody yet), 'balanced', or which side is missing or too few. */
  readonly verdict: 'empty' | 'balanced' | 'needsFormal' | 'needsInformal'
}

export function preparationBalance(people: readonly NameAndSide[]): PreparationBalance {
  const formal = people.filter((person) => person.side === 'formal').length
  const informal = people.length - formal
  const verdict =
    people.length === 0
      ? 'empty'
      : informal === 0 || formal - informal > 1
        ? 'needsInformal'
        : formal === 0 || informal - formal > 1
          ? 'needsFormal'
          : 'balanced'
  return { formal, informal, verdict }
}
