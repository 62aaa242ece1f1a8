import type { Translate } from '../../i18n'
import { bundleTranslator } from '../../i18n/bundle'
import { pulseTexts } from './pulseTexts'
import { PULSE_MIN_ANSWERS } from '../../../shared/schema'
import { compareDutch, pulseSummary, type PulseEntry } from '../../map'

// Scores are shown (and a trajectory keeps them) only from this many answers on.
export { PULSE_MIN_ANSWERS } from '../../../shared/schema'

/**
 * What the room may see of one phase, the same on screen and in the PDF: its title, and either
 * the counts with a summary line ("4 antwoorden, gemiddeld 5,5") or why they are not shown yet.
 * Null when nobody answered.
 */
export function pulsePhase(
  t: Translate,
  entries: readonly PulseEntry[],
  phase: 'before' | 'after',
) {
  const pt = bundleTranslator(pulseTexts, t.lang)
  const { counts, answers, average } = pulseSummary(entries, phase)
  if (answers === 0 || average === null) return null
  const title = pt(phase === 'before' ? 'pulse.before' : 'pulse.after')
  if (answers < PULSE_MIN_ANSWERS) {
    return { title, counts: null, text: pt('pulse.tooFew', { min: PULSE_MIN_ANSWERS }) }
  }
  const shown = average.toLocaleString(t.lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 1,
  })
  return { title, counts, text: pt('pulse.summary', { count: answers, average: shown }) }
}

/**
 * The words of one field (head, heart or gut) as the room may see them: only once at least
 * `PULSE_MIN_ANSWERS` people wrote something there, so two people cannot read each other's off.
 * Each list is in its own order (alphabetical, the same on every screen and on paper), so that
 * the first head, heart and gut shown are not one person's three answers. Null while too few did.
 */
export function pulseWords(
  entries: readonly PulseEntry[],
  key: 'head' | 'heart' | 'gut',
): readonly string[] | null {
  const words = entries.map((entry) => entry[key]).filter((text) => text !== '')
  return words.length >= PULSE_MIN_ANSWERS ? words.sort(compareDutch) : null
}
