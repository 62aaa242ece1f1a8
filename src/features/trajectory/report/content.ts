import type { Translate } from '../../../i18n'
import { bundleTranslator } from '../../../i18n/bundle'
import {
  actionsOf,
  columnIds,
  countStatuses,
  isOverdue,
  today,
  type ColumnId,
  type MapView,
  type Note,
} from '../../../map'
import {
  preparationBalance,
  scoreMovement,
  type Meeting,
  type TrajectoryView,
} from '../../../map/trajectory'
import { compareVersions, type ColumnComparison, type NoteChange } from '../../../map/versions'
import type { CardVersionInfo } from '../../../../shared/protocol'
import { PULSE_MIN_ANSWERS } from '../../../../shared/schema'
import { headerOnPaper, rowOnPaper } from '../../export/pdf/content'
import { actionHeader, actionRow } from '../../shared/actionRow'
import { formatDay, shortText } from '../../shared/noteText'
import { followUpTexts } from '../../followup/texts'
import { dayOf } from '../../versions/useVersions'
import { versionTexts } from '../../versions/texts'
import { averageText, meetingName, phaseText, preparersText } from '../meetingText'
import { trajectoryTexts } from '../texts'
import { reportTexts } from './texts'

/** A line of the report and how it reads: the main text, a softer aside, or an accent. */
export interface ReportLine {
  readonly text: string
  readonly tone: 'ink' | 'soft' | 'accent'
}

export interface ReportEntry {
  readonly heading: string
  readonly lines: readonly ReportLine[]
}

export interface ReportSection {
  readonly title: string
  readonly intro: string
  readonly entries: readonly ReportEntry[]
}

/** The score chart: per meeting that kept scores, the group's average at the start and end. */
export interface ReportChart {
  /** Under each point: the meeting's number. */
  readonly labels: readonly string[]
  readonly series: readonly {
    readonly key: 'before' | 'after'
    readonly name: string
    /** One per label; null where that meeting kept too few answers or none. */
    readonly points: readonly (number | null)[]
  }[]
  readonly axis: string
}

export interface ReportContent {
  readonly kicker: string
  readonly title: string
  readonly headLines: readonly string[]
  readonly overview: ReportSection
  readonly meetings: ReportSection
  readonly versions: ReportSection
  readonly actions: ReportSection & {
    readonly table: {
      readonly header: readonly string[]
      readonly rows: readonly (readonly string[])[]
    } | null
  }
  readonly movement: ReportSection & { readonly chart: ReportChart | null }
  readonly credit: string
  /** The line at the foot of every page. */
  pageLine(page: number, pages: number): string
}

/** A saved version of the card, read back as a view. */
export interface ReportVersion {
  readonly info: CardVersionInfo
  readonly view: MapView
}

export interface ReportInput {
  readonly trajectory: TrajectoryView
  /** The map as it is now. */
  readonly map: MapView
  /** Every saved version, oldest first. */
  readonly versions: readonly ReportVersion[]
  readonly now: Date
  /** People's names (action owners, who prepares); organisations are always named. */
  readonly includeNames: boolean
}

/** How many changes of one column a version lists before it counts the rest. */
const CHANGES_LISTED = 6

const ink = (text: string): ReportLine => ({ text, tone: 'ink' })
const soft = (text: string): ReportLine => ({ text, tone: 'soft' })
const accent = (text: string): ReportLine => ({ text, tone: 'accent' })

/**
 * What the trajectory report says, in the reader's language: the meetings, the card's versions
 * and what changed between them, the actions and their progress, and the score's movement. It
 * holds scores only as a meeting kept them (counts from three answers), never per person.
 */
export function reportContent(all: ReportInput, t: Translate): ReportContent {
  const rt = bundleTranslator(reportTexts, t.lang)
  // The map's versions from this trajectory: saved since it started, or linked to one of its
  // meetings (a map brought into a trajectory later keeps the versions its meetings name).
  const linked = new Set(all.trajectory.meetings.map((meeting) => meeting.version))
  const input: ReportInput = {
    ...all,
    versions: all.versions.filter(
      ({ info }) => info.createdAt >= all.trajectory.startedAt || linked.has(info.number),
    ),
  }
  const { trajectory, map } = input
  const title = trajectory.title || map.meta.title || t('room.noTitle')
  return {
    kicker: rt('pdf.kicker'),
    title,
    headLines: headLines(input, t),
    overview: overview(input, t),
    meetings: meetingsSection(input, t),
    versions: versionsSection(input, t),
    actions: actionsSection(input, t),
    movement: movementSection(trajectory.meetings, t),
    credit: rt('pdf.credit'),
    pageLine: (page, pages) => rt('pdf.page', { title: shortText(title, 60), page, pages }),
  }
}

function headLines({ trajectory, map, now }: ReportInput, t: Translate): string[] {
  const rt = bundleTranslator(reportTexts, t.lang)
  const named = (side: 'formal' | 'informal') =>
    trajectory.partners.filter((partner) => partner.side === side).map((partner) => partner.name)
  const formal = named('formal')
  const informal = named('informal')
  return [
    rt('pdf.map', { title: map.meta.title || t('room.noTitle') }),
    `${rt('pdf.made', { date: dayOf(t.lang, now.getTime()) })} · ${t('app.name')}`,
    ...(formal.length ? [rt('pdf.formal', { names: formal.join(', ') })] : []),
    ...(informal.length ? [rt('pdf.informal', { names: informal.join(', ') })] : []),
    ...(formal.length + informal.length === 0 ? [rt('pdf.noPartners')] : []),
  ]
}

function overview(input: ReportInput, t: Translate): ReportSection {
  const rt = bundleTranslator(reportTexts, t.lang)
  const ft = bundleTranslator(followUpTexts, t.lang)
  const { meetings } = input.trajectory
  const dated = meetings.filter((meeting) => meeting.date !== '')
  const day = (meeting: Meeting) => formatDay(t.lang, meeting.date)
  const meetingsLine =
    meetings.length === 0
      ? rt('pdf.meetingsNone')
      : meetings.length === 1 && dated[0]
        ? rt('pdf.meetingsOne', { date: day(dated[0]) })
        : dated.length >= 2
          ? rt('pdf.meetingsMany', {
              count: meetings.length,
              first: day(dated[0]!),
              last: day(dated.at(-1)!),
            })
          : rt('pdf.meetingsCount', { count: meetings.length })
  const count = input.versions.length
  const versionsLine =
    count === 0
      ? rt('pdf.versionsNone')
      : count === 1
        ? rt('pdf.versionsOne')
        : rt('pdf.versionsMany', { count })
  const actions = actionsOf(input.map)
  const counts = countStatuses(actions)
  const overdue = actions.filter((note) => isOverdue(note.followUp, today(input.now))).length
  const actionLines =
    actions.length === 0
      ? [rt('pdf.actionsNone')]
      : [
          `${ft('lookBack.summaryDone', { done: counts.gedaan, count: actions.length })} · ${ft('lookBack.summaryCounts', counts)}`,
          ...(overdue
            ? [rt(overdue === 1 ? 'pdf.overdueOne' : 'pdf.overdueCount', { count: overdue })]
            : []),
        ]
  const numbers = new Map(meetings.map((meeting, i) => [meeting.id, i + 1]))
  const movement = scoreMovement(meetings)
  const scoreLines = (['before', 'after'] as const).flatMap((phase) => {
    const shown = movement.filter((entry) => typeof entry[phase]?.average === 'number')
    const first = shown[0]
    const last = shown.at(-1)
    if (!first || !last || first === last) return []
    return [
      rt(phase === 'before' ? 'pdf.scoreMovedBefore' : 'pdf.scoreMoved', {
        from: averageText(t.lang, first[phase]!.average!),
        first: numbers.get(first.meeting.id)!,
        to: averageText(t.lang, last[phase]!.average!),
        last: numbers.get(last.meeting.id)!,
      }),
    ]
  })
  return {
    title: rt('pdf.overview'),
    intro: '',
    entries: [
      { heading: '', lines: [meetingsLine, versionsLine, ...actionLines, ...scoreLines].map(ink) },
    ],
  }
}

/** "Begin: gemiddeld 6,2 (7 antwoorden) · Eind: 3 antwoorden: te weinig om te laten zien". */
function scoresText(meeting: Meeting, t: Translate): string {
  const tt = bundleTranslator(trajectoryTexts, t.lang)
  const [entry] = scoreMovement([meeting])
  if (!entry) return ''
  return (['before', 'after'] as const)
    .flatMap((phase) => {
      const scores = entry[phase]
      if (!scores) return []
      const label = tt(phase === 'before' ? 'scores.before' : 'scores.after')
      return [`${label}: ${phaseText(tt, t.lang, scores)}`]
    })
    .join(' · ')
}

function meetingsSection({ trajectory, versions, includeNames }: ReportInput, t: Translate) {
  const rt = bundleTranslator(reportTexts, t.lang)
  const tt = bundleTranslator(trajectoryTexts, t.lang)
  const labels = new Map(versions.map(({ info }) => [info.number, info.label]))
  const entries = trajectory.meetings.map((meeting, i): ReportEntry => {
    const heading = meetingName(tt, t.lang, meeting, i + 1)
    const balance = preparationBalance(meeting.preparers)
    const counts = tt('prep.counts', { formal: balance.formal, informal: balance.informal })
    const preparers =
      balance.verdict === 'empty'
        ? rt('pdf.preparersNone')
        : `${rt('pdf.preparers', {
            names: includeNames ? preparersText(t, meeting.preparers) : counts,
          })} ${includeNames ? `${counts}. ` : ''}${tt(`prep.${balance.verdict}`)}`
    const label = meeting.version === null ? '' : labels.get(meeting.version)
    const scores = scoresText(meeting, t)
    return {
      heading,
      lines: [
        ...(meeting.form ? [soft(rt('pdf.form', { form: meeting.form }))] : []),
        ...(meeting.prompt ? [soft(rt('pdf.prompt', { prompt: meeting.prompt }))] : []),
        meeting.report
          ? ink(rt('pdf.report', { report: meeting.report }))
          : soft(rt('pdf.noReport')),
        ...(meeting.version === null
          ? []
          : [
              ink(
                label
                  ? rt('pdf.versionNamed', { number: meeting.version, label })
                  : rt('pdf.version', { number: meeting.version }),
              ),
            ]),
        (balance.verdict === 'balanced' || balance.verdict === 'empty' ? ink : accent)(preparers),
        ...(scores ? [ink(rt('pdf.scores', { scores }))] : []),
      ],
    }
  })
  return {
    title: rt('pdf.meetingsTitle'),
    intro: entries.length ? rt('pdf.meetingsIntro') : rt('pdf.meetingsNone'),
    entries,
  }
}

/** The columns in the order the group fills them: values first. */
function columnName(t: Translate, column: ColumnId): string {
  return t(`column.${column}`)
}

/** One column's changes between two versions: a count by kind, then the first few in words. */
function columnChanges(
  comparison: ColumnComparison,
  before: MapView,
  after: MapView,
  t: Translate,
): ReportLine[] {
  const rt = bundleTranslator(reportTexts, t.lang)
  const vt = bundleTranslator(versionTexts, t.lang)
  const { changes, column } = comparison
  if (changes.length === 0) return []
  const kinds = ['added', 'changed', 'movedIn', 'movedOut', 'removed'] as const
  const summary = kinds
    .map((kind) => [kind, changes.filter((change) => change.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => rt(`pdf.${kind}`, { count }))
    .join(' · ')
  // A note that went to another column is told there ("Verplaatst uit Eisen"), not twice.
  const told = changes.filter((change) => change.kind !== 'movedOut')
  const label = (view: MapView, note: Note) => view.labels.get(note.id) ?? ''
  const item = (change: NoteChange): string => {
    switch (change.kind) {
      case 'added':
        return `${vt('change.added')}: ${label(after, change.note)} ${shortText(change.note.text)}`
      case 'removed':
        return `${vt('change.removed')}: ${label(before, change.note)} ${shortText(change.note.text)}`
      case 'movedIn':
        return `${vt('change.movedIn', { column: columnName(t, change.from) })}: ${label(after, change.after)} ${shortText(change.after.text)}`
      case 'movedOut':
        return ''
      case 'changed': {
        const { before: old, after: now } = change
        const status =
          old.followUp?.status !== now.followUp?.status && now.followUp
            ? ` (${rt('pdf.statusChange', {
                from: t(`status.${old.followUp?.status ?? 'open'}`),
                to: t(`status.${now.followUp.status}`),
              })})`
            : ''
        const text =
          old.text !== now.text
            ? `“${shortText(old.text, 45)}” → “${shortText(now.text, 45)}”`
            : shortText(now.text)
        return `${vt('change.changed')}: ${label(after, now)} ${text}${status}`
      }
    }
  }
  const listed = told.slice(0, CHANGES_LISTED).map((change) => soft(item(change)))
  return [
    ink(rt('pdf.columnChanges', { column: columnName(t, column), summary })),
    ...listed,
    ...(told.length > CHANGES_LISTED
      ? [soft(rt('pdf.more', { count: told.length - CHANGES_LISTED }))]
      : []),
  ]
}

/** Everything that changed from one view to the next, column by column in the filling order. */
function changesBetween(before: MapView, after: MapView, t: Translate): ReportLine[] {
  const byColumn = new Map(compareVersions(before, after).map((c) => [c.column, c]))
  const order = [...columnIds(after.board), ...byColumn.keys()].filter(
    (column, i, all) => all.indexOf(column) === i,
  )
  return order.flatMap((column) => {
    const comparison = byColumn.get(column)
    return comparison ? columnChanges(comparison, before, after, t) : []
  })
}

function versionsSection({ trajectory, map, versions }: ReportInput, t: Translate) {
  const rt = bundleTranslator(reportTexts, t.lang)
  const vt = bundleTranslator(versionTexts, t.lang)
  const atMeeting = new Map<number, number>()
  trajectory.meetings.forEach((meeting, i) => {
    if (meeting.version !== null && !atMeeting.has(meeting.version))
      atMeeting.set(meeting.version, i + 1)
  })
  const entries = versions.map(({ info, view }, i): ReportEntry => {
    const meeting = atMeeting.get(info.number)
    const heading = [
      vt('version.name', { number: info.number, date: dayOf(t.lang, info.createdAt) }),
      info.label ? `“${info.label}”` : '',
      meeting ? rt('pdf.atMeeting', { number: meeting }) : '',
    ]
      .filter(Boolean)
      .join(' · ')
    const previous = versions[i - 1]
    if (!previous) {
      const counts = columnIds(view.board)
        .map((column) =>
          rt('pdf.columnCount', {
            column: columnName(t, column),
            count: view.columns[column].length,
          }),
        )
        .join(' · ')
      return {
        heading,
        lines: [ink(rt('pdf.firstVersion', { count: view.notes.size })), soft(counts)],
      }
    }
    const changes = changesBetween(previous.view, view, t)
    return { heading, lines: changes.length ? changes : [soft(rt('pdf.noChanges'))] }
  })
  const last = versions.at(-1)
  if (last) {
    const changes = changesBetween(last.view, map, t)
    entries.push({
      heading: rt('pdf.now', { number: last.info.number }),
      lines: changes.length ? changes : [soft(rt('pdf.nowSame', { number: last.info.number }))],
    })
  }
  return {
    title: rt('pdf.versionsTitle'),
    intro: versions.length ? rt('pdf.versionsIntro') : rt('pdf.versionsEmpty'),
    entries,
  }
}

function actionsSection(input: ReportInput, t: Translate) {
  const rt = bundleTranslator(reportTexts, t.lang)
  const ft = bundleTranslator(followUpTexts, t.lang)
  const vt = bundleTranslator(versionTexts, t.lang)
  const actions = actionsOf(input.map)
  const progress = (view: MapView) => {
    const list = actionsOf(view)
    return rt(list.length === 1 ? 'pdf.progressLineOne' : 'pdf.progressLine', {
      count: list.length,
      ...countStatuses(list),
    })
  }
  const entries: ReportEntry[] = []
  if (input.versions.length > 0) {
    entries.push({
      heading: rt('pdf.progressTitle'),
      lines: [
        ...input.versions.map(({ info, view }) =>
          ink(`${vt('version.short', { number: info.number })}: ${progress(view)}`),
        ),
        ink(`${rt('pdf.progressNow')}: ${progress(input.map)}`),
      ],
    })
  }
  const letGo = actions.filter((note) => note.followUp?.status === 'losgelaten')
  if (letGo.length > 0) {
    entries.push({
      heading: ft('lookBack.letGo'),
      lines: letGo.flatMap((note) => [
        ink(`${input.map.labels.get(note.id) ?? ''} ${note.text}`),
        soft(rt('pdf.letGoWhy', { why: note.followUp?.evaluation || ft('lookBack.noReason') })),
      ]),
    })
  }
  const on = today(input.now)
  const rows = actions.map((note) => {
    const cells = actionRow(t, note)
    const [what, kind, who, ...rest] = cells
    const label = input.map.labels.get(note.id)
    return rowOnPaper(
      t,
      [label ? `${label} ${what}` : what, kind, input.includeNames ? who : '', ...rest],
      isOverdue(note.followUp, on),
    )
  })
  return {
    title: rt('pdf.actionsTitle'),
    intro: actions.length ? rt('pdf.actionsIntro') : rt('pdf.actionsNone'),
    entries,
    table: actions.length ? { header: headerOnPaper(actionHeader(t)), rows } : null,
  }
}

function movementSection(meetings: readonly Meeting[], t: Translate) {
  const rt = bundleTranslator(reportTexts, t.lang)
  const tt = bundleTranslator(trajectoryTexts, t.lang)
  const numbers = new Map(meetings.map((meeting, i) => [meeting.id, i + 1]))
  const moved = scoreMovement(meetings)
  const entries = moved.map((entry): ReportEntry => {
    const meeting = entry.meeting
    return {
      heading: meetingName(tt, t.lang, meeting, numbers.get(meeting.id) ?? 0, false),
      lines: [ink(scoresText(meeting, t))],
    }
  })
  const chart: ReportChart | null = moved.some(
    (entry) =>
      typeof entry.before?.average === 'number' || typeof entry.after?.average === 'number',
  )
    ? {
        labels: moved.map((entry) => String(numbers.get(entry.meeting.id) ?? '')),
        series: (['before', 'after'] as const).map((key) => ({
          key,
          name: tt(key === 'before' ? 'scores.before' : 'scores.after'),
          points: moved.map((entry) => entry[key]?.average ?? null),
        })),
        axis: rt('pdf.chartMeeting'),
      }
    : null
  return {
    title: tt('movement.title'),
    intro: moved.length ? tt('movement.intro', { min: PULSE_MIN_ANSWERS }) : rt('pdf.movementNone'),
    entries,
    chart,
  }
}
