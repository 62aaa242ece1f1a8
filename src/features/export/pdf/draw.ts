/**
 * What every PDF of the app is drawn with: plain drawing instructions (pure, so layouts are
 * tested without a PDF library) and text wrapped to a width. Sizes are in PDF points (1/72 inch);
 * y grows downwards from the top of the page here and is flipped by the renderer.
 */

/**
 * The width of a text at a size. It must be additive (the width of "a b" is the width of "a",
 * " " and "b" together): the PDF draws without kerning, so that holds, and wrapping stays linear.
 */
export type Measure = (text: string, size: number, bold: boolean) => number

export interface TextOp {
  kind: 'text'
  x: number
  y: number
  size: number
  bold: boolean
  text: string
  color: 'ink' | 'soft' | 'accent'
}

export interface BoxOp {
  kind: 'box'
  x: number
  y: number
  width: number
  height: number
  fill: 'note' | 'header' | 'none'
  /** The note id or column a box stands for, so tests can check where things landed. */
  ref?: string
}

/** A QR code `size` points square whose top-left corner is at x, y; the renderer encodes it. */
export interface QrOp {
  kind: 'qr'
  x: number
  y: number
  size: number
  text: string
}

/** A clickable area that opens a web address. */
export interface LinkOp {
  kind: 'link'
  x: number
  y: number
  width: number
  height: number
  url: string
}

/** A straight line, solid or dashed (a chart's grid and its series). */
export interface LineOp {
  kind: 'line'
  x1: number
  y1: number
  x2: number
  y2: number
  width: number
  color: 'ink' | 'soft' | 'accent' | 'line'
  dashed: boolean
}

/** A filled circle `r` points in radius around x, y (a point of a chart). */
export interface DotOp {
  kind: 'dot'
  x: number
  y: number
  r: number
  color: 'ink' | 'soft' | 'accent'
  /** Hollow (only its outline drawn), so two series stay apart in black and white too. */
  hollow: boolean
}

export type DrawOp = TextOp | BoxOp | QrOp | LinkOp | LineOp | DotOp

export interface PdfPage {
  ops: DrawOp[]
}

export const MARGIN = 36
export const GAP = 8
export const PADDING = 5

/** Splits text into lines no wider than `width`; words longer than a line are cut. */
export function wrap(text: string, width: number, size: number, bold: boolean, measure: Measure) {
  const lines: string[] = []
  const space = measure(' ', size, bold)
  for (const paragraph of text.split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = measure(word, size, bold)
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`
        lineWidth += space + wordWidth
        continue
      }
      if (!line && wordWidth <= width) {
        line = word
        lineWidth = wordWidth
        continue
      }
      if (line) lines.push(line)
      line = word
      lineWidth = wordWidth
      // A word longer than a line is cut where it no longer fits, character by character.
      while (lineWidth > width && line.length > 1) {
        const chars = Array.from(line)
        let cut = 0
        let cutWidth = 0
        for (const char of chars) {
          const charWidth = measure(char, size, bold)
          if (cut > 0 && cutWidth + charWidth > width) break
          cutWidth += charWidth
          cut++
        }
        lines.push(chars.slice(0, cut).join(''))
        line = chars.slice(cut).join('')
        lineWidth = measure(line, size, bold)
      }
    }
    lines.push(line)
  }
  return lines
}
