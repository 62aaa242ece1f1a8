import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, PDFString, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { encode } from 'uqr'
import type { Measure, PdfPage, QrOp } from './draw'

const COLORS = {
  ink: rgb(0.106, 0.122, 0.141),
  soft: rgb(0.29, 0.333, 0.376),
  accent: rgb(0.122, 0.306, 0.373),
  note: rgb(1, 0.973, 0.839),
  noteLine: rgb(0.898, 0.835, 0.541),
  header: rgb(0.922, 0.906, 0.867),
  line: rgb(0.788, 0.769, 0.722),
}

/** What a glyph the font lacks (an emoji, say) becomes, so no text silently disappears. */
export const MISSING_GLYPH = '\u25A1'

export interface PdfOptions {
  /** The page in points (every page of a document has the same). */
  page: { width: number; height: number }
  lang: 'nl' | 'en'
  title: string
  now: Date
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]
type FontkitFont = ReturnType<Fontkit['create']>

/**
 * fontkit with one glyph per character and no shaping. pdf-lib shapes every string it draws with
 * the font's full OpenType tables, which made drawing most of the export's time; our text is
 * drawn without ligatures or kerning anyway, so the glyph for each character is all it needs,
 * and each character stays itself when the text is copied or searched.
 */
const plainFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const font: FontkitFont = fontkit.create(bytes, postscriptName)
    const glyphs = new Map<number, ReturnType<FontkitFont['glyphForCodePoint']>>()
    const glyphFor = (codePoint: number) => {
      let glyph = glyphs.get(codePoint)
      if (!glyph) {
        glyph = font.glyphForCodePoint(codePoint)
        glyphs.set(codePoint, glyph)
      }
      return glyph
    }
    font.layout = (text: string) =>
      ({
        glyphs: Array.from(text, (char) => glyphFor(char.codePointAt(0)!)),
      }) as ReturnType<FontkitFont['layout']>
    return font
  },
}

/** A QR code as filled rectangles (one per run of dark modules in a row): sharp at any size. */
function drawQr(page: PDFPage, op: QrOp, pageHeight: number): void {
  const { data } = encode(op.text, { ecc: 'M', border: 2 })
  const module = op.size / data.length
  page.drawRectangle({
    x: op.x,
    y: pageHeight - op.y - op.size,
    width: op.size,
    height: op.size,
    color: rgb(1, 1, 1),
  })
  data.forEach((row, rowIndex) => {
    let start = -1
    row.forEach((dark, column) => {
      if (dark && start < 0) start = column
      const runEnds = start >= 0 && (!dark || column === row.length - 1)
      if (!runEnds) return
      const end = dark ? column + 1 : column
      page.drawRectangle({
        x: op.x + start * module,
        y: pageHeight - op.y - (rowIndex + 1) * module,
        width: (end - start) * module,
        height: module,
        color: rgb(0, 0, 0),
      })
      start = -1
    })
  })
}

/** Replaces every character the font cannot draw, so the PDF never shows an empty box by accident. */
function drawable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet())
  return (text) => {
    let clean = ''
    for (const char of text.normalize('NFC')) {
      clean += known.has(char.codePointAt(0)!) ? char : MISSING_GLYPH
    }
    return clean
  }
}

/**
 * Renders pages as a vector PDF with our own embedded (subset) TrueType font: text stays
 * selectable and searchable. `layout` lays the pages out with the fonts' widths; `regular` and
 * `bold` are the TTF files' bytes.
 */
export async function renderPdf(
  layout: (measure: Measure) => readonly PdfPage[],
  fonts: { regular: Uint8Array; bold: Uint8Array },
  options: PdfOptions,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(plainFontkit)
  const regular = await pdf.embedFont(fonts.regular, { subset: true })
  const bold = await pdf.embedFont(fonts.bold, { subset: true })
  const clean = drawable(regular)
  const fontOf = (isBold: boolean) => (isBold ? bold : regular)
  const advances = { regular: new Map<string, number>(), bold: new Map<string, number>() }
  /**
   * Text width from cached per-character advances: shaping every candidate line with fontkit made
   * a 1,000-note map take many seconds. Kerning is left out, which only ever overestimates.
   */
  const measure = (text: string, size: number, isBold: boolean) => {
    const cache = isBold ? advances.bold : advances.regular
    let width = 0
    for (const char of text) {
      let advance = cache.get(char)
      if (advance === undefined) {
        advance = fontOf(isBold).widthOfTextAtSize(clean(char), 1)
        cache.set(char, advance)
      }
      width += advance
    }
    return width * size
  }

  pdf.setTitle(options.title, { showInWindowTitleBar: true })
  pdf.setLanguage(options.lang === 'nl' ? 'nl-NL' : 'en-GB')
  pdf.setCreationDate(options.now)
  pdf.setModificationDate(options.now)
  pdf.setCreator('Partnerschapskaart')
  pdf.setProducer('Partnerschapskaart')

  const { width, height } = options.page
  for (const layoutPage of layout(measure)) {
    const page = pdf.addPage([width, height])
    for (const op of layoutPage.ops) {
      if (op.kind === 'qr') {
        drawQr(page, op, height)
      } else if (op.kind === 'link') {
        const annotation = pdf.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: [op.x, height - op.y - op.height, op.x + op.width, height - op.y],
          Border: [0, 0, 0],
          A: { Type: 'Action', S: 'URI', URI: PDFString.of(op.url) },
        })
        page.node.addAnnot(pdf.context.register(annotation))
      } else if (op.kind === 'box') {
        page.drawRectangle({
          x: op.x,
          y: height - op.y - op.height,
          width: op.width,
          height: op.height,
          color:
            op.fill === 'note' ? COLORS.note : op.fill === 'header' ? COLORS.header : undefined,
          borderColor: op.fill === 'note' ? COLORS.noteLine : COLORS.line,
          borderWidth: 0.75,
        })
      } else if (op.kind === 'line') {
        page.drawLine({
          start: { x: op.x1, y: height - op.y1 },
          end: { x: op.x2, y: height - op.y2 },
          thickness: op.width,
          color: COLORS[op.color],
          dashArray: op.dashed ? [4, 3] : undefined,
        })
      } else if (op.kind === 'dot') {
        page.drawCircle({
          x: op.x,
          y: height - op.y,
          size: op.r,
          color: op.hollow ? rgb(1, 1, 1) : COLORS[op.color],
          borderColor: COLORS[op.color],
          borderWidth: 1.5,
        })
      } else {
        page.drawText(clean(op.text), {
          x: op.x,
          y: height - op.y,
          size: op.size,
          font: fontOf(op.bold),
          color: COLORS[op.color],
        })
      }
    }
  }
  return pdf.save()
}
