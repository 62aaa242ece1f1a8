import type { BundleTranslate } from '../../i18n/bundle'
import type { PhaseScores } from '../../map/trajectory'
import type { trajectoryTexts } from './texts'

type TrajectoryKey = typeof trajectoryTexts extends { nl: Record<infer K, string> } ? K : never

/** An average as people write it: "6,2" in Dutch, "6.2" in English. */
export function averageText(lang: string, average: number): string {
  return average.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })
}

/** "gemiddeld 6,2 (7 antwoorden)", or below three answers only how many answered. */
export function phaseText(
  tt: BundleTranslate<TrajectoryKey>,
  lang: string,
  scores: PhaseScores,
): string {
  return scores.average === null
    ? tt('scores.tooFew', { count: scores.answers })
    : tt('scores.average', { average: averageText(lang, scores.average), count: scores.answers })
}
