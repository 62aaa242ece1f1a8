import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url'
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url'
import type { Translate } from '../../../i18n'
import type { Dot, MapView } from '../../../map'
import { download } from '../download'
import { fileName } from '../formats'
import { pdfContent } from './content'
import { layoutPdf, PAGE_SIZES, type PageSize } from './layout'
import { renderPdf } from './render'

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`font ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** The PDFs' own font, served by our server (never a third party), regular and bold. */
export async function pdfFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const [regular, bold] = await Promise.all([bytes(regularUrl), bytes(boldUrl)])
  return { regular, bold }
}

/**
 * Makes the agreement PDF in the browser (so it works offline once the app and its fonts are
 * cached) and saves it. This module and the PDF library load only when someone asks for a PDF.
 */
export async function exportPdf(
  map: { view: MapView; agreed: ReadonlySet<string>; dots: readonly Dot[] },
  t: Translate,
  options: {
    size: PageSize
    includeNames: boolean
    link: string | null
    includePulse: boolean
    /** Which saved version this is, or what the map is since the last one; may be empty. */
    versionLine?: string
  },
): Promise<void> {
  const now = new Date()
  const fonts = await pdfFonts()
  const content = pdfContent(map.view, map.agreed, map.dots, t, {
    includeNames: options.includeNames,
    date: now,
    link: options.link,
    includePulse: options.includePulse,
    versionLine: options.versionLine,
  })
  const pdf = await renderPdf((measure) => layoutPdf(content, options.size, measure), fonts, {
    page: PAGE_SIZES[options.size],
    lang: t.lang,
    title: content.title,
    now,
  })
  // A3 and A4 are different files: one for the wall, one to take home.
  download(fileName(map.view.meta.title, 'pdf', options.size), pdf, 'application/pdf')
}
