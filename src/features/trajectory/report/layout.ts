import { MARGIN, type DrawOp, type Measure, type PdfPage, type TextOp } from '../../export/pdf/draw'
import { createFlow, type Line } from '../../export/pdf/flow'
import type { ReportChart, ReportContent, ReportSection } from './content'

/** The report is read and passed on as A4, upright. */
export const REPORT_PAGE = { width: 595.28, height: 841.89 }

/** Room under the text for the line at the foot of each page. */
const FOOTER = 20
const CHART_HEIGHT = 190
const TABLE_SHARES = [0.3, 0.19, 0.13, 0.17, 0.21]
const TABLE_SIZE = 8.5

/**
 * Where the chart puts a score from 1 to 10, and a meeting: the plot area inside the figure.
 * Exported so a test can check that every point lands where its value says.
 */
export function chartFrame(x: number, top: number, width: number, count: number) {
  const plot = { left: x + 28, right: x + width - 16, top: top + 12, bottom: top + 132 }
  return {
    plot,
    xOf: (i: number) =>
      count < 2
        ? (plot.left + plot.right) / 2
        : plot.left + (i / (count - 1)) * (plot.right - plot.left),
    yOf: (score: number) => plot.top + ((10 - score) / 9) * (plot.bottom - plot.top),
  }
}

/**
 * The group's average per meeting as two series: the start dashed with open points, the end
 * solid with filled ones, so they stay apart in black and white. A meeting with too few answers
 * leaves a gap in its line; the list in words below says so.
 */
function chartOps(chart: ReportChart, x: number, top: number, width: number): DrawOp[] {
  const { plot, xOf, yOf } = chartFrame(x, top, width, chart.labels.length)
  const ops: DrawOp[] = []
  const text = (value: string, tx: number, ty: number, size = 8): TextOp => ({
    kind: 'text',
    x: tx,
    y: ty,
    size,
    bold: false,
    text: value,
    color: 'soft',
  })
  for (const score of [1, 5, 10]) {
    const y = yOf(score)
    ops.push({
      kind: 'line',
      x1: plot.left,
      y1: y,
      x2: plot.right,
      y2: y,
      width: 0.5,
      color: 'line',
      dashed: false,
    })
    ops.push(text(String(score), x + (score === 10 ? 8 : 12), y + 3))
  }
  chart.labels.forEach((label, i) => ops.push(text(label, xOf(i) - 2.5, plot.bottom + 14)))
  ops.push(text(chart.axis, plot.left, plot.bottom + 28))
  const style = {
    before: { color: 'soft', dashed: true, hollow: true },
    after: { color: 'accent', dashed: false, hollow: false },
  } as const
  for (const series of chart.series) {
    const { color, dashed, hollow } = style[series.key]
    const at = (i: number) => {
      const score = series.points[i]
      return score === null || score === undefined ? null : { x: xOf(i), y: yOf(score) }
    }
    series.points.forEach((_, i) => {
      const point = at(i)
      if (!point) return
      // A line only between neighbours: a meeting with too few answers leaves a gap.
      const next = at(i + 1)
      if (next)
        ops.push({
          kind: 'line',
          x1: point.x,
          y1: point.y,
          x2: next.x,
          y2: next.y,
          width: 1.5,
          color,
          dashed,
        })
      ops.push({ kind: 'dot', ...point, r: 3.5, color, hollow })
    })
  }
  // The legend: a sample of each line, its point, and its name.
  let legendX = plot.left
  const legendY = plot.bottom + 44
  for (const series of chart.series) {
    const { color, dashed, hollow } = style[series.key]
    ops.push({
      kind: 'line',
      x1: legendX,
      y1: legendY - 3,
      x2: legendX + 24,
      y2: legendY - 3,
      width: 1.5,
      color,
      dashed,
    })
    ops.push({ kind: 'dot', x: legendX + 12, y: legendY - 3, r: 3.5, color, hollow })
    ops.push({ ...text(series.name, legendX + 30, legendY, 9), color: 'ink' })
    legendX += 110
  }
  return ops
}

/**
 * The trajectory report on A4 pages: its head, the overview, the meetings, the versions and what
 * changed, the actions (with their table) and the score's movement (with its chart); a part's
 * title never ends a page alone, and every page says which report it is and its number.
 */
export function layoutReport(content: ReportContent, measure: Measure): PdfPage[] {
  const flow = createFlow(REPORT_PAGE, measure, MARGIN + FOOTER)
  const line = (text: string, size: number, bold: boolean, color: Line['color']): Line => ({
    text,
    size,
    bold,
    color,
  })
  const entryLines = (section: ReportSection) =>
    section.entries.map((entry) => [
      ...(entry.heading ? [line(entry.heading, 11.5, true, 'ink')] : []),
      ...entry.lines.map((item) => line(item.text, 10, false, item.tone)),
    ])
  const head = (section: ReportSection) => [
    line(section.title, 16, true, 'ink'),
    ...(section.intro ? [line(section.intro, 10, false, 'soft')] : []),
  ]

  flow.block([
    line(content.kicker, 11, true, 'accent'),
    line(content.title, 22, true, 'ink'),
    ...content.headLines.map((text) => line(text, 10, false, 'soft')),
  ])
  for (const section of [content.overview, content.meetings, content.versions]) {
    flow.part(head(section), entryLines(section))
  }

  const { actions } = content
  const table = actions.table
  const tableStart = table
    ? flow.tableStart(table.header, table.rows[0], TABLE_SHARES, TABLE_SIZE)
    : 0
  flow.part(head(actions), entryLines(actions), [], tableStart)
  if (table) flow.table(table.header, table.rows, TABLE_SHARES, TABLE_SIZE)

  const { movement } = content
  flow.part(head(movement), [], [], movement.chart ? CHART_HEIGHT : 0)
  if (movement.chart) {
    const chart = movement.chart
    flow.figure(CHART_HEIGHT, (x, top, width) => chartOps(chart, x, top, width))
  }
  for (const entry of entryLines(movement)) flow.block(entry)
  flow.block([line(content.credit, 9, false, 'soft')])

  const pages = flow.pages()
  return pages.map((page, i) => ({
    ops: [
      ...page.ops,
      {
        kind: 'text',
        x: MARGIN,
        y: REPORT_PAGE.height - MARGIN + 4,
        size: 8,
        bold: false,
        text: content.pageLine(i + 1, pages.length),
        color: 'soft',
      },
    ],
  }))
}
