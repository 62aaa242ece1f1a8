import { bundleTranslator } from '../../i18n/bundle'
import type { Lang } from '../../i18n'
import { hasPower, POWER_QUESTIONS, type Note } from '../../map'
import { powerGap } from '../../map/power'
import { powerTexts } from './texts'

/**
 * An action's power in words, for the card, the big screen and the PDF: "Verantwoordelijk:
 * informele partners · beslist: anderen · middelen: anderen", and the warning when informal
 * partners carry it without the say or the means. Empty strings where nothing was said.
 */
export function powerWords(note: Note, lang: Lang): { line: string; gap: string } {
  const pt = bundleTranslator(powerTexts, lang)
  const power = note.power
  if (!power || !hasPower(power)) return { line: '', gap: '' }
  const line = POWER_QUESTIONS.flatMap((question) => {
    const holder = power[question]
    return holder ? [pt(`power.line.${question}`, { holder: pt(`power.short.${holder}`) })] : []
  }).join(' · ')
  const gap = powerGap(power)
  const key = gap ? (gap.say && gap.means ? 'both' : gap.say ? 'say' : 'means') : null
  return { line, gap: key ? pt(`power.gap.${key}`) : '' }
}
