import type { Translate } from '../../../i18n'
import { bundleTranslator } from '../../../i18n/bundle'
import { pulseTexts } from '../../shared/pulseTexts'
import {
  actionsOf,
  columnIds,
  formOf,
  LAYERS,
  TASK_BOARD,
  cardOrder,
  isOverdue,
  stepOf,
  today,
  threadStart,
  tally,
  type Dot,
  type MapView,
  type Note,
  type NoteId,
} from '../../../map'
import { cardQuestions } from '../../shared/columnText'
import { actionHeader, actionRow } from '../../shared/actionRow'
import { bylineOf, ownerLine, shortText } from '../../shared/noteText'
import { pulsePhase, pulseWords } from '../../shared/pulseRules'
import { looseEndsShown, refOf } from '../../shared/refs'
import { roleText } from '../../shared/roleText'
import { threadList } from '../../shared/threadList'
import { threadTexts } from '../../thread/threadTexts'
import { valueShare } from '../../shared/valueShare'
import type { PdfActionCells, PdfContent, PdfNote, PdfPiles, PdfThreads } from './layout'
import type { ActionCells } from '../../shared/actionRow'
import { exportTexts } from '../../shared/exportTexts'
import { principlesTexts } from '../../facilitation/principlesTexts'
import { groundRuleTexts } from '../../groundRules/texts'
import { powerWords } from '../../power/powerText'
import { powerGaps } from '../../../map/power'
import { powerTexts } from '../../power/texts'
import { layerTexts } from '../../layers/texts'
import { taskTexts } from '../../tasks/texts'
import { layerSpread } from '../../../map/layers'

/** The action list's headings on paper, where who and its kind share a cell, as do the status and its day. */
export function headerOnPaper([
  what,
  kind,
  ,
  when,
  status,
  ,
  evaluation,
]: ActionCells): PdfActionCells {
  return [what, kind, when, status, evaluation]
}

/**
 * One action on paper: "Wij · Marga", and "Bezig · Terugkijken op 12 maart 2027" (or, when that
 * day had passed on the day of the export, "Te laat: …").
 */
export function rowOnPaper(
  t: Translate,
  [what, kind, who, when, status, day, evaluation]: ActionCells,
  overdue: boolean,
): PdfActionCells {
  const join = (...parts: string[]) => parts.filter((part) => part.trim() !== '').join(' · ')
  const lookAgain = day ? t(overdue ? 'followUp.overdue' : 'followUp.lookAgain', { date: day }) : ''
  return [what, join(kind, who), when, join(status, lookAgain), evaluation]
}

export interface PdfContentOptions {
  /** The facilitator may leave the participants' names out. */
  includeNames: boolean
  date: Date
  /** A link back to the map, printed with a QR code only when the group chose it. */
  link: string | null
  /** The "hoofd, hart, buik" answers, only when the group chose it. */
  includePulse?: boolean
  /** Which saved version of the card this is ("Bewaarde versie 2 van 12 maart 2027"). */
  versionLine?: string
}

/** What the PDF says, in the reader's language, from the map as everyone sees it. */
export function pdfContent(
  view: MapView,
  agreed: ReadonlySet<string>,
  dots: readonly Dot[],
  t: Translate,
  options: PdfContentOptions,
): PdfContent {
  const et = bundleTranslator(exportTexts, t.lang)
  const pt = bundleTranslator(principlesTexts, t.lang)
  const counts = tally(dots)
  const shared = (note: Note) =>
    valueShare(note, agreed.has(note.id), view.participants, view.voices.holders.get(note.id) ?? [])
  const toPdfNote = (note: Note): PdfNote => {
    const marks = [
      // One rule for "gedeeld", as on the board and on the values page below.
      note.column === threadStart(view.board) && shared(note) === 'shared' ? t('agreed.badge') : '',
      counts.get(note.id)
        ? t(counts.get(note.id) === 1 ? 'vote.resultOne' : 'vote.result', {
            count: counts.get(note.id)!,
          })
        : '',
    ].filter(Boolean)
    const byline = bylineOf(t, note, options.includeNames)
    const serves = (view.linkIndex.serves.get(note.id) ?? []).map((id) => refOf(t, view, id))
    return {
      id: note.id,
      ref: [
        refOf(t, view, note.id),
        serves.length ? `${t('thread.serves')} ${serves.join(' ')}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      text: note.text,
      byline,
      owner: ownerLine(t, note),
      marks: marks.join(' · '),
    }
  }
  const locale = t.lang === 'nl' ? 'nl-NL' : 'en-GB'
  return {
    title: view.meta.title || t('room.noTitle'),
    description: view.meta.description,
    dateLine: [
      `${et('export.date')}: ${options.date.toLocaleDateString(locale)}`,
      view.meta.cardVersion ? `${et('export.version')}: ${view.meta.cardVersion}` : '',
      options.versionLine ?? '',
      et('export.instrument'),
    ]
      .filter(Boolean)
      .join(' · '),
    link: options.link ? { label: et('export.linkLabel'), url: options.link } : null,
    participantsLine:
      view.participants.length === 0
        ? ''
        : `${t('room.participants')}: ${view.participants
            .map((p) => (options.includeNames ? `${p.name} (${roleText(t, p)})` : roleText(t, p)))
            .join(', ')}`,
    cardLine: t('app.cardLine'),
    columns: cardOrder(view.board).map((column) => ({
      id: column,
      heading: `${stepOf(view.board, column)}. ${t(`column.${column}`)}`,
      questions: cardQuestions(t, column),
      notes: view.columns[column].map(toPdfNote),
    })),
    actionsTitle: et('export.actionList'),
    actionsHeader: headerOnPaper(actionHeader(t)),
    actions: actionsOf(view).map((note) =>
      rowOnPaper(t, actionRow(t, note), isOverdue(note.followUp, today(options.date))),
    ),
    principlesTitle: pt('principles.title'),
    credit: et('export.credit'),
    principles: [
      pt('principles.dialogue'),
      pt('principles.reciprocity'),
      pt('principles.participation'),
      pt('principles.winwin'),
    ],
    threads: threadsContent(view, t),
    values: valuesContent(view, t, shared),
    pulse: options.includePulse ? pulseContent(view, t) : null,
    power: powerContent(view, t),
    layers: layersContent(view, t),
    tasks: tasksContent(view, t),
    groundRules:
      view.groundRules.length > 0
        ? {
            title: bundleTranslator(groundRuleTexts, t.lang)('rules.title'),
            rules: view.groundRules.map((rule) => rule.text),
          }
        : null,
    signatures: {
      title: et('export.signTitle'),
      intro: et('export.signIntro'),
      people: view.participants.map((p) =>
        options.includeNames ? `${p.name} (${roleText(t, p)})` : roleText(t, p),
      ),
      lines: [et('export.signDate'), et('export.signReview'), et('export.signPrepares')],
    },
    continued: et('export.continued'),
  }
}

/** Each thread from value to action as a chain of references; null when nothing is linked. */
function threadsContent(view: MapView, t: Translate): PdfThreads | null {
  const et = bundleTranslator(exportTexts, t.lang)
  const tt = bundleTranslator(threadTexts, t.lang)
  if (view.links.length === 0) return null
  const { threads, more } = threadList(view)
  const ref = (id: NoteId) => refOf(t, view, id)
  const text = (id: NoteId) => `${ref(id)} ${shortText(view.notes.get(id)?.text ?? '', 70)}`
  const loose = looseEndsShown(view)
    ? [
        view.loose.values.length
          ? `${tt('thread.looseValues')}: ${view.loose.values.map(ref).join(', ')}`
          : '',
        view.loose.actions.length
          ? `${tt('thread.looseActions')}: ${view.loose.actions.map(ref).join(', ')}`
          : '',
      ]
    : []
  return {
    title: et('export.threadsTitle'),
    intro: et('export.threadsIntro'),
    items: threads.map(({ path, whole }) => ({
      chain: whole
        ? path.map(ref).join(' → ')
        : `${path.map(ref).join(' → ')}  (${et('export.threadPartial')})`,
      detail:
        path.length > 1 ? `${text(path[0]!)}  →  ${text(path[path.length - 1]!)}` : text(path[0]!),
    })),
    footer: [...loose, more ? et('export.threadsMore') : ''].filter(Boolean),
  }
}

/** How the conditions spread over the three layers, and what suits each; null when untagged. */
function layersContent(view: MapView, t: Translate): PdfThreads | null {
  const column = view.board.columns.find((definition) => definition.layers)?.id
  const notes = column ? view.columns[column] : []
  if (!notes.some((note) => note.layer !== null)) return null
  const lt = bundleTranslator(layerTexts, t.lang)
  const spread = layerSpread(notes)
  return {
    title: lt('layer.title'),
    intro: lt('layer.intro'),
    items: LAYERS.map((layer) => ({
      chain: `${lt('layer.count', { layer: lt(`layer.${layer}`), count: spread[layer].length })}${
        spread[layer].length
          ? `  ${spread[layer].map((note) => refOf(t, view, note.id)).join(' · ')}`
          : ''
      }`,
      detail: `${lt(`layer.about.${layer}`)} ${lt(`layer.approach.${layer}`)}`,
    })),
    footer: [
      spread.none.length ? lt('layer.untagged', { count: spread.none.length }) : '',
      lt('layer.caution'),
    ].filter(Boolean),
  }
}

/** How the group sorted the tasks, pile by pile, and what it took to the map; null without tasks. */
function tasksContent(view: MapView, t: Translate): PdfPiles | null {
  const form = formOf(view.board, TASK_BOARD.kind)
  if (!form) return null
  const piles = [...columnIds(form).slice(1), columnIds(form)[0]!].filter(
    (column) => view.columns[column].length > 0,
  )
  if (piles.length === 0) return null
  const kt = bundleTranslator(taskTexts, t.lang)
  const et = bundleTranslator(exportTexts, t.lang)
  let taken = 0
  return {
    title: t('form.taakverdeling'),
    intro: kt('tasks.startHelp'),
    piles: piles.map((column) => ({
      heading: `${t(`column.${column}`)} (${view.columns[column].length})`,
      tasks: view.columns[column].map((note) => {
        const to = note.onMap ? view.labels.get(note.onMap) : undefined
        if (to) taken++
        return `${refOf(t, view, note.id)}  ${note.text}${to ? `  → ${to}` : ''}`
      }),
    })),
    footer: taken > 0 ? [et('export.tasksTaken', { count: taken })] : [],
  }
}

/** The actions informal partners carry without the say or the means; null when there are none. */
function powerContent(view: MapView, t: Translate): PdfThreads | null {
  const gaps = powerGaps(actionsOf(view))
  if (gaps.length === 0) return null
  const pt = bundleTranslator(powerTexts, t.lang)
  return {
    title: pt('power.gapsTitle'),
    intro: pt('power.gapsIntro'),
    items: gaps.map((note) => {
      const words = powerWords(note, t.lang)
      return {
        chain: `${refOf(t, view, note.id)} ${shortText(note.text, 90)}`,
        detail: `${words.gap} ${words.line}`,
      }
    }),
    footer: [],
  }
}

/** Shared values and values (so far) of one side, by the rule the board uses: the win-win talk. */
function valuesContent(
  view: MapView,
  t: Translate,
  shared: (note: Note) => ReturnType<typeof valueShare>,
): PdfThreads | null {
  const et = bundleTranslator(exportTexts, t.lang)
  const values = view.columns[threadStart(view.board)]
  if (values.length === 0) return null
  const group = (wanted: ReturnType<typeof valueShare>) =>
    values.filter((note) => shared(note) === wanted)
  const items = (
    [
      [et('export.valuesShared'), group('shared')],
      [et('export.valuesFormal'), group('formal')],
      [et('export.valuesInformal'), group('informal')],
    ] as const
  )
    .filter(([, notes]) => notes.length > 0)
    .map(([heading, notes]) => ({
      chain: heading,
      detail: notes
        .map((note) => `${refOf(t, view, note.id)} ${shortText(note.text, 70)}`)
        .join('  ·  '),
    }))
  return { title: et('export.valuesTitle'), intro: et('export.valuesIntro'), items, footer: [] }
}

/** The warm-up and closing round: scores as counts (from three answers on) and the words. */
function pulseContent(view: MapView, t: Translate): PdfThreads | null {
  const et = bundleTranslator(exportTexts, t.lang)
  if (view.pulse.length === 0) return null
  const scoreLine = (phase: 'before' | 'after') => {
    const shown = pulsePhase(t, view.pulse, phase)
    if (!shown) return null
    if (!shown.counts) return { chain: shown.title, detail: shown.text }
    return {
      chain: `${shown.title}: ${shown.text}`,
      detail: shown.counts
        .map((count, i) => (count ? et('export.pulseScores', { score: i + 1, count }) : ''))
        .filter(Boolean)
        .join(' · '),
    }
  }
  const pt = bundleTranslator(pulseTexts, t.lang)
  const words = (key: 'head' | 'heart' | 'gut') => {
    const list = pulseWords(view.pulse, key)
    return list ? { chain: pt(`pulse.${key}`), detail: list.join(' · ') } : null
  }
  const items = [
    scoreLine('before'),
    scoreLine('after'),
    words('head'),
    words('heart'),
    words('gut'),
  ].filter((item) => item !== null)
  return { title: et('export.pulseTitle'), intro: et('export.pulseIntro'), items, footer: [] }
}
