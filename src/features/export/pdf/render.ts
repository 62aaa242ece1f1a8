import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib'
import { layoutPdf, PAGE_SIZES, type PageSize, type PdfContent } from './layout'

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
  size: PageSize
  lang: 'nl' | 'en'
  title: string
  now: Date
}

/** Replaces every character the font cannot draw, so the PDF never shows an empty box by accident. */
function drawable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet())
  return (text) =>
    Array.from(text.normalize('NFC'))
      .map((char) => (known.has(char.codePointAt(0)!) ? char : MISSING_GLYPH))
      .join('')
}

/**
 * Renders the agreement as a vector PDF with our own embedded (subset) TrueType font: text stays
 * selectable and searchable. `regular` and `bold` are the TTF files' bytes.
 */
export async function renderPdf(
  content: PdfContent,
  fonts: { regular: Uint8Array; bold: Uint8Array },
  options: PdfOptions,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
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
    for (const char of clean(text)) {
      let advance = cache.get(char)
      if (advance === undefined) {
        advance = fontOf(isBold).widthOfTextAtSize(char, 1)
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

  const { width, height } = PAGE_SIZES[options.size]
  for (const layoutPage of layoutPdf(content, options.size, measure)) {
    const page = pdf.addPage([width, height])
    for (const op of layoutPage.ops) {
      if (op.kind === 'box') {
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
