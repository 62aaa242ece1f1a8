import type { Translate } from '../../i18n'
import type { BundleTranslate } from '../../i18n/bundle'
import type { Meeting, NameAndSide, PhaseScores } from '../../map/trajectory'
import { formatDay } from '../shared/noteText'
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

/**
 * "Bijeenkomst 2 · 9 april 2026 · Relaties": a meeting as the panel, the big screen and the
 * report name it; without the theme where only the date matters.
 */
export function meetingName(
  tt: BundleTranslate<TrajectoryKey>,
  lang: string,
  meeting: Meeting,
  number: number,
  withTheme = true,
): string {
  return [
    tt('meeting.name', { number }),
    meeting.date ? formatDay(lang, meeting.date) : '',
    withTheme ? meeting.theme : '',
  ]
    .filter(Boolean)
    .join(' · ')
}

/** "Ayşe (informeel), Ellen (formeel)": who prepares, with their side. */
export function preparersText(t: Translate, people: readonly NameAndSide[]): string {
  return people
    .map((person) => `${person.name} (${t(`side.${person.side}`).toLowerCase()})`)
    .join(', ')
}
