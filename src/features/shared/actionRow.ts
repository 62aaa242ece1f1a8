import type { Translate } from '../../i18n'
import type { Note } from '../../map'
import { formatDay } from './noteText'
import { bundleTranslator } from '../../i18n/bundle'
import { exportTexts } from './exportTexts'

/** What, ik/wij/anderen, who, when, status, day to look again, evaluation. */
export type ActionCells = readonly [string, string, string, string, string, string, string]

/** The headings of the action list, the same on screen, in the CSV, the Markdown and the PDF. */
export function actionHeader(t: Translate): ActionCells {
  const et = bundleTranslator(exportTexts, t.lang)
  return [
    et('export.csvWhat'),
    t('owner.kind'),
    et('export.csvWho'),
    et('export.csvWhen'),
    et('export.csvStatus'),
    et('export.csvLookAgain'),
    et('export.csvEvaluation'),
  ]
}

/**
 * One action as cells under `actionHeader` (empty where unknown). The day to look again is
 * written out ("12 maart 2027"), or as `2027-03-12` for a spreadsheet to sort (`isoDates`).
 */
export function actionRow(t: Translate, note: Note, isoDates = false): ActionCells {
  const followUp = note.followUp
  const day = followUp?.lookAgain ?? ''
  return [
    note.text,
    note.owner ? t(`owner.${note.owner.kind}`) : '',
    note.owner?.name ?? '',
    note.owner?.when ?? '',
    followUp ? t(`status.${followUp.status}`) : '',
    day && !isoDates ? formatDay(t.lang, day) : day,
    followUp?.evaluation ?? '',
  ]
}
