import type { Translate } from '../../i18n'
import {
  actionsOf,
  cardOrder,
  formsOf,
  stepOf,
  tally,
  threadStart,
  type Dot,
  type FormKind,
  type MapView,
  type Note,
} from '../../map'
import { cardQuestions } from '../shared/columnText'
import { threadList } from '../shared/threadList'
import { valueShare } from '../shared/valueShare'
import { roleText } from '../shared/roleText'
import { refOf } from '../shared/refs'
import { actionHeader, actionRow } from '../shared/actionRow'
import { bylineOf } from '../shared/noteText'
import { bundleTranslator } from '../../i18n/bundle'
import { exportTexts } from '../shared/exportTexts'

/**
 * A cell a spreadsheet will not run: quoted, inner quotes doubled, and a leading = + - @ (the
 * start of a formula) defused with an apostrophe, since notes are free text from anyone.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/**
 * The action list as CSV for a spreadsheet: what, ik/wij/anderen, who, when, and how it is
 * followed up (status, day to look again as `YYYY-MM-DD`, evaluation). Dutch spreadsheets
 * expect semicolons, English ones commas; a byte-order mark makes Excel read UTF-8.
 */
export function actionsCsv(view: MapView, t: Translate): string {
  const separator = t.lang === 'nl' ? ';' : ','
  const rows = [actionHeader(t), ...actionsOf(view).map((note) => actionRow(t, note, true))]
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(separator)).join('\r\n')}\r\n`
}

function authorLine(t: Translate, note: Note): string {
  if (note.proxyBy) return bylineOf(t, note)
  return note.author ? `${note.author.name}, ${roleText(t, note.author)}` : t('note.anonymous')
}

/**
 * Markdown text keeps its meaning and stays readable in a plain editor: only what would format
 * is escaped (emphasis, code, links, HTML, table cells, and a line that would start a heading,
 * quote or list), not every full stop and bracket.
 */
export function md(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-]|\d+[.)])/gm, '$1\\$2')
    .replace(/\n/g, '  \n')
}

/** The whole map as Markdown, for an e-mail or a wiki: the card's columns, then the actions. */
export function mapMarkdown(
  view: MapView,
  agreed: ReadonlySet<string>,
  t: Translate,
  date: Date,
  dots: readonly Dot[] = [],
): string {
  const et = bundleTranslator(exportTexts, t.lang)
  const counts = tally(dots)
  const isShared = (note: Note) =>
    note.column === threadStart(view.board) &&
    valueShare(
      note,
      agreed.has(note.id),
      view.participants,
      view.voices.holders.get(note.id) ?? [],
    ) === 'shared'
  const lines: string[] = [`# ${md(view.meta.title || t('room.noTitle'))}`, '']
  if (view.meta.description) lines.push(md(view.meta.description), '')
  lines.push(`*${t('app.cardLine')}*`, '')
  const dated = `${et('export.date')}: ${date.toLocaleDateString(t.lang === 'nl' ? 'nl-NL' : 'en-GB')}`
  lines.push(
    view.meta.cardVersion
      ? `${dated} · ${et('export.version')}: ${md(view.meta.cardVersion)}`
      : dated,
  )
  if (view.participants.length > 0) {
    const names = view.participants.map((p) => `${md(p.name)} (${md(roleText(t, p))})`)
    lines.push(`${t('room.participants')}: ${names.join(', ')}`)
  }
  lines.push('')
  for (const column of cardOrder(view.board)) {
    const step = stepOf(view.board, column)
    lines.push(`## ${t('column.step', { step })}: ${t(`column.${column}`)}`, '')
    for (const question of cardQuestions(t, column)) lines.push(`> ${md(question)}`)
    lines.push('')
    const notes = view.columns[column]
    if (notes.length === 0) lines.push(`- *${t('column.empty')}*`)
    for (const note of notes) {
      // One rule for "gedeeld", as on the board and on paper.
      const shared = isShared(note) ? ` **(${t('agreed.badge')})**` : ''
      const count = counts.get(note.id) ?? 0
      const votes = count
        ? ` (${t(count === 1 ? 'vote.resultOne' : 'vote.result', { count })})`
        : ''
      const serves = (view.linkIndex.serves.get(note.id) ?? []).map((id) => refOf(t, view, id))
      const thread = serves.length ? ` (${t('thread.serves')} ${serves.join(' ')})` : ''
      lines.push(
        `- **${refOf(t, view, note.id)}** ${md(note.text)}${shared}${votes}${thread} — *${md(authorLine(t, note))}*`,
      )
    }
    lines.push('')
  }
  lines.push(`## ${et('export.actionList')}`, '')
  const header = actionHeader(t)
  lines.push(`| ${header.join(' | ')} |`)
  lines.push(`|${' --- |'.repeat(header.length)}`)
  for (const note of actionsOf(view)) {
    const cells = actionRow(t, note)
    lines.push(`| ${cells.map((cell) => md(cell).replace(/ {2}\n/g, ' ')).join(' | ')} |`)
  }
  const { threads, more } = threadList(view)
  if (threads.length > 0) {
    lines.push('', `## ${et('export.threadsTitle')}`, '')
    for (const { path, whole } of threads) {
      const chain = path.map((id) => refOf(t, view, id)).join(' → ')
      lines.push(`- ${chain}${whole ? '' : ` *(${et('export.threadPartial')})*`}`)
    }
    if (more) lines.push(`- *${et('export.threadsMore')}*`)
  }
  // The working forms beside the card (the task sorting): each pile, and where a task went.
  for (const form of formsOf(view.board)) {
    const piles = cardOrder(form).filter((column) => view.columns[column].length > 0)
    if (piles.length === 0) continue
    lines.push('', `## ${t(`form.${form.kind as FormKind}`)}`)
    for (const column of piles) {
      lines.push('', `### ${t(`column.${column}`)}`, '')
      for (const note of view.columns[column]) {
        const to = note.onMap ? view.labels.get(note.onMap) : undefined
        lines.push(`- **${refOf(t, view, note.id)}** ${md(note.text)}${to ? ` → ${to}` : ''}`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}

/** A file name from the map's title: letters, digits and dashes only. */
export function fileName(title: string, extension: string, suffix = ''): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
  // The suffix ("a4") comes after the cut, so a long title cannot push it off.
  return `${base || 'partnerschapskaart'}${suffix ? `-${suffix.toLowerCase()}` : ''}.${extension}`
}
