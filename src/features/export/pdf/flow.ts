import { MARGIN, PADDING, wrap, type DrawOp, type Measure, type PdfPage, type TextOp } from './draw'

/** One line of text as it should look; it wraps to the flow's width. */
export interface Line {
  text: string
  size: number
  bold: boolean
  color: TextOp['color']
}

/** The cells of a table row, wrapped, and its height. */
export interface TableRow {
  ops: DrawOp[]
  height: number
}

/**
 * One row of a table at `top`: each cell wrapped to its column, the row as tall as its tallest
 * cell, a box around it (filled for a header row).
 */
export function tableRow(
  cells: readonly string[],
  columns: { x: number; width: number }[],
  top: number,
  style: { size: number; bold: boolean },
  measure: Measure,
): TableRow {
  const { size, bold } = style
  const wrapped = cells.map((cell, i) =>
    wrap(cell, columns[i]!.width - 2 * PADDING, size, bold, measure),
  )
  const lines = Math.max(1, ...wrapped.map((w) => w.length))
  const height = lines * size * 1.25 + 2 * PADDING
  const left = columns[0]!.x
  const last = columns.at(-1)!
  const ops: DrawOp[] = [
    {
      kind: 'box',
      x: left,
      y: top,
      width: last.x + last.width - left,
      height,
      fill: bold ? 'header' : 'none',
    },
  ]
  wrapped.forEach((cellLines, i) =>
    cellLines.forEach((text, line) =>
      ops.push({
        kind: 'text',
        x: columns[i]!.x + PADDING,
        y: top + PADDING + (line + 1) * size * 1.25 - size * 0.25,
        size,
        bold,
        text,
        color: 'ink',
      }),
    ),
  )
  return { ops, height }
}

/** Columns of a table across `width` from `x`, by the share each takes. */
export function tableColumns(x: number, width: number, shares: readonly number[]) {
  const total = shares.reduce((a, b) => a + b, 0)
  let left = x
  return shares.map((share) => {
    const column = { x: left, width: (share / total) * width }
    left += column.width
    return column
  })
}

export interface Flow {
  /** The width text wraps to. */
  readonly width: number
  /** Lines that stay together on one page; `keep` is the height of what must follow them there. */
  block(lines: readonly Line[], keep?: number): void
  /**
   * A part: its head (title and intro) kept with its first entry (or with `follows` points of
   * what comes after it), then each entry kept whole, then the footer lines. `together` keeps
   * the head with all its entries, for a part that must not be split (the room to sign).
   */
  part(
    head: readonly Line[],
    entries: readonly (readonly Line[])[],
    footer?: readonly Line[],
    follows?: number,
    together?: boolean,
  ): void
  /** A drawing `height` points tall across the width; on the next page when it does not fit. */
  figure(height: number, draw: (x: number, top: number, width: number) => DrawOp[]): void
  /** A table whose header row comes again at the top of every page it continues on. */
  table(
    header: readonly string[],
    rows: readonly (readonly string[])[],
    shares: readonly number[],
    size: number,
  ): void
  /** How tall lines are once wrapped, as `block` would place them. */
  heightOf(lines: readonly Line[]): number
  /** The height of a table's header row and first row, to keep a title with them. */
  tableStart(
    header: readonly string[],
    first: readonly string[] | undefined,
    shares: readonly number[],
    size: number,
  ): number
  /** The pages so far, this one included. */
  pages(): PdfPage[]
}

/**
 * Text and figures placed one after the other on as few pages as they need, between the
 * margins: what follows the map in the agreement, and the whole trajectory report.
 */
export function createFlow(
  page: { width: number; height: number },
  measure: Measure,
  bottomMargin = MARGIN,
): Flow {
  const width = page.width - 2 * MARGIN
  const bottom = page.height - bottomMargin
  const done: PdfPage[] = []
  let ops: DrawOp[] = []
  let y = MARGIN
  const newPage = (): void => {
    if (ops.length > 0) done.push({ ops })
    ops = []
    y = MARGIN
  }
  const wrapped = (lines: readonly Line[]) =>
    lines.map((line) => ({ ...line, parts: wrap(line.text, width, line.size, line.bold, measure) }))
  const heightOfWrapped = (lines: ReturnType<typeof wrapped>) =>
    lines.reduce((sum, line) => sum + line.parts.length * line.size * 1.35, 0) + 6
  const heightOf = (lines: readonly Line[]) => heightOfWrapped(wrapped(lines))

  const block = (lines: readonly Line[], keep = 0): void => {
    const parts = wrapped(lines)
    const height = heightOfWrapped(parts)
    if (y + height + keep > bottom && ops.length > 0) newPage()
    // Taller than a page: it cannot stay together, so it goes on line by line.
    const split = height > bottom - MARGIN
    for (const line of parts) {
      for (const part of line.parts) {
        if (split && y + line.size * 1.35 > bottom) newPage()
        y += line.size * 1.35
        ops.push({
          kind: 'text',
          x: MARGIN,
          y,
          size: line.size,
          bold: line.bold,
          text: part,
          color: line.color,
        })
      }
    }
    y += 6
  }

  const columnsOf = (shares: readonly number[]) => tableColumns(MARGIN, width, shares)
  const tableStart = (
    header: readonly string[],
    first: readonly string[] | undefined,
    shares: readonly number[],
    size: number,
  ) => {
    const columns = columnsOf(shares)
    const head = tableRow(header, columns, 0, { size, bold: true }, measure).height
    return head + (first ? tableRow(first, columns, 0, { size, bold: false }, measure).height : 0)
  }

  return {
    width,
    block,
    heightOf,
    tableStart,
    part(head, entries, footer = [], follows = 0, together = false) {
      if (ops.length > 0) y += 14
      // Each entry is followed by 6 points of space (see `block`).
      const first = together
        ? entries.reduce((sum, entry) => sum + heightOf(entry) + 6, 0)
        : entries[0]
          ? heightOf(entries[0])
          : follows
      block(head, first)
      for (const entry of entries) block(entry)
      for (const line of footer) block([line])
    },
    figure(height, draw) {
      if (y + height > bottom && ops.length > 0) newPage()
      ops.push(...draw(MARGIN, y, width))
      y += height + 6
    },
    table(header, rows, shares, size) {
      const columns = columnsOf(shares)
      const headRow = (): void => {
        const row = tableRow(header, columns, y, { size, bold: true }, measure)
        ops.push(...row.ops)
        y += row.height
      }
      if (y + tableStart(header, rows[0], shares, size) > bottom && ops.length > 0) newPage()
      headRow()
      for (const cells of rows) {
        let row = tableRow(cells, columns, y, { size, bold: false }, measure)
        if (y + row.height > bottom) {
          newPage()
          headRow()
          // Drawn again only when it moved to the next page.
          row = tableRow(cells, columns, y, { size, bold: false }, measure)
        }
        ops.push(...row.ops)
        y += row.height
      }
      y += 6
    },
    pages() {
      return ops.length > 0 ? [...done, { ops }] : [...done]
    },
  }
}
