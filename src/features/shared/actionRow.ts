import type { Translate } from '../../i18n'
import type { Note } from '../../map'

/** What, ik/wij/anderen, who, when. */
export type ActionCells = readonly [string, string, string, string]

/** The headings of the action list, the same on screen, in the CSV, the Markdown and the PDF. */
export function actionHeader(t: Translate): ActionCells {
  return [t('export.csvWhat'), t('owner.kind'), t('export.csvWho'), t('export.csvWhen')]
}

/** One action as cells under `actionHeader`: what, ik/wij/anderen, who, when (empty if unknown). */
export function actionRow(t: Translate, note: Note): ActionCells {
  return [
    note.text,
    note.owner ? t(`owner.${note.owner.kind}`) : '',
    note.owner?.name ?? '',
    note.owner?.when ?? '',
  ]
}
