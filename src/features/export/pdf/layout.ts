/**
 * The agreement PDF's layout: the map, the action list and the closing parts, as plain drawing
 * instructions (see `draw.ts`).
 */
import {
  GAP,
  MARGIN,
  PADDING,
  wrap,
  type DrawOp,
  type Measure,
  type PdfPage,
  type TextOp,
} from './draw'
import { createFlow, tableColumns, tableRow, type Line } from './flow'

export type PageSize = 'A4' | 'A3'

/** Landscape page sizes in points. */
export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 841.89, height: 595.28 },
  A3: { width: 1190.55, height: 841.89 },
}

export interface PdfNote {
  id: string
  /** "W1 · Dient: ..." : the note's reference and what it serves. */
  ref: string
  text: string
  /** "Name · role", or the word for anonymous. */
  byline: string
  /** For actions: "Ik · Łukasz · vóór 1 maart". */
  owner: string | null
  /** "Gedeeld" and/or "3 stippen"; empty when neither. */
  marks: string
}

export interface PdfColumn {
  id: string
  heading: string
  questions: readonly string[]
  notes: readonly PdfNote[]
}

export interface PdfContent {
  title: string
  description: string
  /** "Datum: 22-11-2026 · Partnerschapskaart" */
  dateLine: string
  /** "Ingevuld door: …", or empty when names are left out. */
  participantsLine: string
  /** A way back to the map, only when the group chose to print it. */
  link: { label: string; url: string } | null
  cardLine: string
  /** Columns in the card's order, left to right. */
  columns: readonly PdfColumn[]
  actionsTitle: string
  actionsHeader: PdfActionCells
  actions: readonly PdfActionCells[]
  principlesTitle: string
  principles: readonly string[]
  /** Where the instrument comes from: printed under the principles. */
  credit: string
  /** The golden thread: a page listing each thread from value to action; none without links. */
  threads: PdfThreads | null
  /** Values shared by both sides and values of one side; same shape as the thread list. */
  values: PdfThreads | null
  /** The "hoofd, hart, buik" round, when the group chose to print it. */
  pulse: PdfThreads | null
  /** Actions informal partners carry without the say or the means; none when there are none. */
  power: PdfThreads | null
  /** How the conditions spread over the three layers; none when no condition has a layer. */
  layers: PdfThreads | null
  /** "Taak voor mij, taak voor jou": the piles and what went to the map; none without tasks. */
  tasks: PdfPiles | null
  /** The group's own ground rules, beside the principles; none when it wrote none. */
  groundRules: { title: string; rules: readonly string[] } | null
  /** Room to sign: the partners' names, and lines for the date and the next look at it. */
  signatures: { title: string; intro: string; people: readonly string[]; lines: readonly string[] }
  /** Printed under the header of every page after the first of a kind: "(vervolg)". */
  continued: string
}

/** Piles of a working form: each with its heading and a line per task ("T1 Koffie … → A7"). */
export interface PdfPiles {
  title: string
  intro: string
  piles: readonly { heading: string; tasks: readonly string[] }[]
  footer: readonly string[]
}

export interface PdfThreads {
  title: string
  intro: string
  /** One entry per thread: the chain of references, and from which value to which note. */
  items: readonly { chain: string; detail: string }[]
  /** "Losse eindjes: W4, A2" and the like; empty lines are left out. */
  footer: readonly string[]
}

interface Scale {
  text: number
  small: number
  lineHeight: number
}

function scaleFor(textSize: number): Scale {
  return { text: textSize, small: Math.max(6.5, textSize * 0.8), lineHeight: 1.25 }
}

/** The drawing of one note at a width; its height is the sum of its lines. */
function noteBlock(note: PdfNote, x: number, width: number, scale: Scale, measure: Measure) {
  const inner = width - 2 * PADDING
  const refLines = note.ref ? wrap(note.ref, inner, scale.small, true, measure) : []
  const textLines = wrap(note.text, inner, scale.text, false, measure)
  const ownerLines = note.owner ? wrap(note.owner, inner, scale.small, true, measure) : []
  const bylineLines = wrap(note.byline, inner, scale.small, false, measure)
  const markLines = note.marks ? wrap(note.marks, inner, scale.small, true, measure) : []
  const height =
    PADDING * 2 +
    textLines.length * scale.text * scale.lineHeight +
    (refLines.length + ownerLines.length + bylineLines.length + markLines.length) *
      scale.small *
      scale.lineHeight
  const draw = (top: number): DrawOp[] => {
    const ops: DrawOp[] = [{ kind: 'box', x, y: top, width, height, fill: 'note', ref: note.id }]
    let y = top + PADDING
    const add = (lines: string[], size: number, bold: boolean, color: TextOp['color']) => {
      for (const text of lines) {
        y += size * scale.lineHeight
        ops.push({ kind: 'text', x: x + PADDING, y: y - size * 0.25, size, bold, text, color })
      }
    }
    add(refLines, scale.small, true, 'ink')
    add(textLines, scale.text, false, 'ink')
    add(ownerLines, scale.small, true, 'accent')
    add(markLines, scale.small, true, 'accent')
    add(bylineLines, scale.small, false, 'soft')
    return ops
  }
  return { height, draw }
}

/** The address beside the QR code gets this width, more when it fits on one line then. */
const LINK_TEXT_WIDTH = { min: 170, max: 300 }

/**
 * The link back to the map in the top-right corner: a QR code with the address beside it, both
 * clickable. Returns its ops, how much width it takes from the header and how tall it is.
 */
function linkBlock(content: PdfContent, pageWidth: number, measure: Measure) {
  if (!content.link) return { ops: [] as DrawOp[], width: 0, height: 0 }
  const qr = pageWidth > 1000 ? 90 : 72
  const qrX = pageWidth - MARGIN - qr
  const textWidth = Math.min(
    LINK_TEXT_WIDTH.max,
    Math.max(LINK_TEXT_WIDTH.min, measure(content.link.url, 7.5, false) + 1),
  )
  const textX = qrX - GAP - textWidth
  const ops: DrawOp[] = [{ kind: 'qr', x: qrX, y: MARGIN, size: qr, text: content.link.url }]
  let y = MARGIN
  for (const part of wrap(content.link.label, textWidth, 9, true, measure)) {
    y += 9 * 1.25
    ops.push({ kind: 'text', x: textX, y, size: 9, bold: true, text: part, color: 'accent' })
  }
  for (const part of wrap(content.link.url, textWidth, 7.5, false, measure)) {
    y += 7.5 * 1.3
    ops.push({ kind: 'text', x: textX, y, size: 7.5, bold: false, text: part, color: 'ink' })
  }
  const height = Math.max(qr, y - MARGIN)
  ops.push({
    kind: 'link',
    x: textX,
    y: MARGIN,
    width: pageWidth - MARGIN - textX,
    height,
    url: content.link.url,
  })
  return { ops, width: pageWidth - MARGIN - textX + 2 * GAP, height }
}

/** The title block at the top of every map page; returns its ops and where the columns start. */
function header(content: PdfContent, width: number, measure: Measure, continued: boolean) {
  const link = linkBlock(continued ? { ...content, link: null } : content, width, measure)
  const ops: DrawOp[] = [...link.ops]
  let y = MARGIN
  const line = (text: string, size: number, bold: boolean, color: TextOp['color']) => {
    for (const part of wrap(text, width - 2 * MARGIN - link.width, size, bold, measure)) {
      y += size * 1.25
      ops.push({ kind: 'text', x: MARGIN, y, size, bold, text: part, color })
    }
  }
  line(continued ? `${content.title} ${content.continued}` : content.title, 18, true, 'ink')
  if (!continued && content.description) line(content.description, 10, false, 'soft')
  line(content.dateLine, 9, false, 'soft')
  if (!continued && content.participantsLine) line(content.participantsLine, 9, false, 'soft')
  return { ops, top: Math.max(y, MARGIN + link.height) + 10 }
}

interface ColumnFrame {
  x: number
  width: number
  headerOps: DrawOp[]
  headerHeight: number
}

function columnFrames(content: PdfContent, pageWidth: number, measure: Measure): ColumnFrame[] {
  const count = content.columns.length
  const width = (pageWidth - 2 * MARGIN - GAP * (count - 1)) / count
  const frames = content.columns.map((column, index) => {
    const x = MARGIN + index * (width + GAP)
    const ops: DrawOp[] = []
    let y = PADDING
    for (const part of wrap(column.heading, width - 2 * PADDING, 12, true, measure)) {
      y += 15
      ops.push({ kind: 'text', x: x + PADDING, y, size: 12, bold: true, text: part, color: 'ink' })
    }
    for (const question of column.questions) {
      for (const part of wrap(question, width - 2 * PADDING, 7.5, false, measure)) {
        y += 9.5
        ops.push({
          kind: 'text',
          x: x + PADDING,
          y,
          size: 7.5,
          bold: false,
          text: part,
          color: 'soft',
        })
      }
    }
    return { x, width, headerOps: ops, headerHeight: y + PADDING }
  })
  // One height for all column headers, so every column's notes start on the same line.
  const tallest = Math.max(...frames.map((frame) => frame.headerHeight))
  return frames.map((frame) => ({ ...frame, headerHeight: tallest }))
}

/** Shifts ops down by `dy` (header ops are made relative to the column top). */
function shifted(ops: DrawOp[], dy: number): DrawOp[] {
  return ops.map((op) =>
    op.kind === 'line' ? { ...op, y1: op.y1 + dy, y2: op.y2 + dy } : { ...op, y: op.y + dy },
  )
}

const TEXT_SIZES = [13, 12, 11, 10, 9, 8] as const
/** The smallest note text the PDF uses; below this, columns continue on further pages. */
const MIN_TEXT_SIZE = 8

/**
 * Lays out the map pages: the largest text size at which every column fits on one page; at the
 * smallest size, each column continues on further pages. A note is never cut across pages.
 */
export function layoutMapPages(content: PdfContent, size: PageSize, measure: Measure): PdfPage[] {
  const page = PAGE_SIZES[size]
  const frames = columnFrames(content, page.width, measure)
  const bottom = page.height - MARGIN - 16 // room for the card line
  const sizes = size === 'A3' ? TEXT_SIZES : TEXT_SIZES.slice(1)
  for (const textSize of sizes) {
    const scale = scaleFor(textSize)
    const blocks = content.columns.map((column, i) =>
      column.notes.map((note) => noteBlock(note, frames[i]!.x, frames[i]!.width, scale, measure)),
    )
    const first = header(content, page.width, measure, false)
    const fits = blocks.every((column, i) => {
      const used = column.reduce((sum, block) => sum + block.height + GAP, 0)
      return first.top + frames[i]!.headerHeight + GAP + used <= bottom
    })
    if (!fits && textSize !== MIN_TEXT_SIZE) continue

    const pages: PdfPage[] = []
    const cursors = blocks.map(() => 0)
    while (pages.length === 0 || cursors.some((cursor, i) => cursor < blocks[i]!.length)) {
      const head = header(content, page.width, measure, pages.length > 0)
      const ops: DrawOp[] = [...head.ops]
      const continued = pages.length > 0
      frames.forEach((frame, i) => {
        // A page after the first shows only the columns that go on there, in their own place.
        if (continued && cursors[i]! >= blocks[i]!.length) return
        ops.push({
          kind: 'box',
          x: frame.x,
          y: head.top,
          width: frame.width,
          height: frame.headerHeight,
          fill: 'header',
          ref: content.columns[i]!.id,
        })
        ops.push(...shifted(frame.headerOps, head.top))
        let y = head.top + frame.headerHeight + GAP
        const column = blocks[i]!
        // Always place at least one note per page, so an enormous note cannot stall the loop.
        let placed = 0
        while (cursors[i]! < column.length) {
          const block = column[cursors[i]!]!
          if (placed > 0 && y + block.height > bottom) break
          ops.push(...block.draw(y))
          y += block.height + GAP
          cursors[i]!++
          placed++
        }
      })
      ops.push({
        kind: 'text',
        x: MARGIN,
        y: page.height - MARGIN,
        size: 10,
        bold: true,
        text: content.cardLine,
        color: 'accent',
      })
      pages.push({ ops })
    }
    return pages
  }
  return []
}

/** One row of the action list on paper: what, who, when, where it stands, the evaluation. */
export type PdfActionCells = readonly [string, string, string, string, string]

/** The action list as a table, continued on further pages with the header row repeated. */
function layoutActionPages(content: PdfContent, size: PageSize, measure: Measure): PdfPage[] {
  const page = PAGE_SIZES[size]
  const textSize = size === 'A3' ? 12 : 10
  const columns = tableColumns(MARGIN, page.width - 2 * MARGIN, [0.32, 0.16, 0.13, 0.15, 0.24])
  const rowOps = (cells: readonly string[], top: number, bold: boolean) =>
    tableRow(cells, columns, top, { size: textSize, bold }, measure)
  const pages: PdfPage[] = []
  let index = 0
  do {
    // The list is what gets pinned to the wall, so its first page carries the link too.
    const link = linkBlock(
      pages.length > 0 ? { ...content, link: null } : content,
      page.width,
      measure,
    )
    const ops: DrawOp[] = [...link.ops]
    const headWidth = page.width - 2 * MARGIN - link.width
    let y = MARGIN
    const title =
      pages.length > 0 ? `${content.actionsTitle} ${content.continued}` : content.actionsTitle
    for (const part of wrap(title, headWidth, 18, true, measure)) {
      y += 20
      ops.push({ kind: 'text', x: MARGIN, y, size: 18, bold: true, text: part, color: 'ink' })
    }
    for (const part of wrap(content.title, headWidth, 9, false, measure)) {
      y += 14
      ops.push({ kind: 'text', x: MARGIN, y, size: 9, bold: false, text: part, color: 'soft' })
    }
    y = Math.max(y + 12, MARGIN + link.height + GAP)
    const head = rowOps(content.actionsHeader, y, true)
    ops.push(...head.ops)
    y += head.height
    let placed = 0
    while (index < content.actions.length) {
      const row = rowOps(content.actions[index]!, y, false)
      if (placed > 0 && y + row.height > page.height - MARGIN) break
      ops.push(...row.ops)
      y += row.height
      index++
      placed++
    }
    pages.push({ ops })
  } while (index < content.actions.length)
  return pages
}

/**
 * What follows the map and the action list, one part after the other on as few pages as they
 * need: the golden thread, shared values, the head-heart-gut round, the principles and the room
 * to sign. A part's title never ends a page alone, and lines that belong together stay together.
 */
function layoutClosingPages(content: PdfContent, size: PageSize, measure: Measure): PdfPage[] {
  const flow = createFlow(PAGE_SIZES[size], measure)
  const { part } = flow
  const title = (text: string): Line => ({ text, size: 18, bold: true, color: 'ink' })
  const soft = (text: string, size = 10): Line => ({ text, size, bold: false, color: 'soft' })

  for (const threads of [
    content.threads,
    content.values,
    content.layers,
    content.power,
    content.pulse,
  ]) {
    if (!threads) continue
    part(
      [title(threads.title), soft(threads.intro)],
      threads.items.map((item) => [
        { text: item.chain, size: 12, bold: true, color: 'ink' },
        soft(item.detail, 9),
      ]),
      threads.footer.map((text) => ({ text, size: 10, bold: true, color: 'accent' })),
    )
  }
  if (content.tasks) {
    const { tasks } = content
    // A pile stays whole on its page: its heading, then a line per task.
    part(
      [title(tasks.title), soft(tasks.intro)],
      tasks.piles.map((pile) => [
        { text: pile.heading, size: 12, bold: true, color: 'ink' },
        ...pile.tasks.map((task): Line => ({ text: task, size: 10, bold: false, color: 'ink' })),
      ]),
      tasks.footer.map((text) => ({ text, size: 10, bold: true, color: 'accent' })),
    )
  }
  if (content.groundRules) {
    part(
      [title(content.groundRules.title)],
      content.groundRules.rules.map((rule, i) => [
        { text: `${i + 1}. ${rule}`, size: 14, bold: false, color: 'ink' },
      ]),
    )
  }
  part(
    [title(content.principlesTitle)],
    content.principles.map((principle, i) => [
      { text: `${i + 1}. ${principle}`, size: 14, bold: false, color: 'ink' },
    ]),
    [
      { text: content.cardLine, size: 12, bold: true, color: 'accent' },
      { text: content.credit, size: 8.5, bold: false, color: 'soft' },
    ],
    0,
    // Four short lines: never one of them alone on the next page.
    true,
  )
  // Room to sign: a line per partner, and blank ones for whoever was not in the list.
  const sign = content.signatures
  const blank = '_'.repeat(34)
  const people = [...sign.people, '', '']
  // Names and lines to sign stay on one page together: never one line alone on the next.
  part(
    [title(sign.title), soft(sign.intro)],
    [
      ...people.map((person): Line[] => [
        { text: `${person || blank}     ${blank}`, size: 11, bold: false, color: 'ink' },
      ]),
      ...sign.lines.map((label): Line[] => [
        { text: `${label} ${blank}`, size: 11, bold: true, color: 'ink' },
      ]),
    ],
    [],
    0,
    true,
  )
  return flow.pages()
}

/** Every page of the agreement: the map, the action list, then the closing parts together. */
export function layoutPdf(content: PdfContent, size: PageSize, measure: Measure): PdfPage[] {
  return [
    ...layoutMapPages(content, size, measure),
    ...layoutActionPages(content, size, measure),
    ...layoutClosingPages(content, size, measure),
  ]
}
