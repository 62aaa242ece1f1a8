import { MAP_DOC } from '../../shared/schema'
import { rootOf, transact, type MapDoc } from './doc'
import { randomId } from './ids'
import { forEachChecked } from './roots'
import { LIMITS } from './schema'

/**
 * The group's own ground rules: what makes this a safe place to say "ik weet het nog niet",
 * written at the start and kept in view beside the method's four principles. They are the
 * group's, not a person's: anyone in the map writes, changes or takes one away.
 */
export interface GroundRule {
  readonly id: string
  readonly text: string
  /** When it was written: the rules keep that order. */
  readonly at: number
}

function rulesOf(doc: MapDoc) {
  return rootOf(doc, 'groundRules')
}

/** The rules in the order they were written; at most `LIMITS.groundRules`. */
export function readGroundRules(doc: MapDoc): GroundRule[] {
  const rules: GroundRule[] = []
  forEachChecked(rulesOf(doc), MAP_DOC, 'groundRules', (id, raw) => {
    const { text, at } = raw as { text: string; at: number }
    rules.push({ id, text, at })
  })
  rules.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
  return rules.slice(0, LIMITS.groundRules)
}

function clean(text: string): string {
  return text.trim().slice(0, LIMITS.groundRule)
}

/** Adds a rule at `now`; null when it is empty or the group has as many as it keeps. */
export function addGroundRule(doc: MapDoc, text: string, now: number): string | null {
  const rule = clean(text)
  if (!rule || readGroundRules(doc).length >= LIMITS.groundRules) return null
  const id = randomId(12)
  transact(doc, () => rulesOf(doc).set(id, { text: rule, at: now }))
  return id
}

/** Says a rule in other words; an empty text takes it away. */
export function editGroundRule(doc: MapDoc, id: string, text: string): void {
  const before = readGroundRules(doc).find((rule) => rule.id === id)
  if (!before) return
  const rule = clean(text)
  transact(doc, () => {
    if (rule) rulesOf(doc).set(id, { text: rule, at: before.at })
    else rulesOf(doc).delete(id)
  })
}

export function removeGroundRule(doc: MapDoc, id: string): void {
  transact(doc, () => rulesOf(doc).delete(id))
}
