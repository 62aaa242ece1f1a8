import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { pdfContent } from '../src/features/export/pdf/content'
import { layoutPdf, PAGE_SIZES } from '../src/features/export/pdf/layout'
import { MISSING_GLYPH, renderPdf } from '../src/features/export/pdf/render'
import { translator } from '../src/i18n'
import { addGroundRule } from '../src/map/groundRules'
import {
  addNote,
  cardOrder,
  createMap,
  createMapDoc,
  newNoteId,
  PARTNERSHIP_BOARD,
  stepOf,
  updateMapDetails,
  viewMap,
  writePulse,
  type MapDoc,
} from '../src/map'
import { fillExampleMap } from '../src/map/example'
import { pdfFonts as fonts, squash } from './helpers/pdfTools'

function poppler(tool: string, file: string): string {
  // -raw: text in drawing order, so a note's lines stay together across the five columns.
  return execFileSync(tool, tool === 'pdftotext' ? ['-raw', file, '-'] : [file], {
    encoding: 'utf8',
  })
}

function exampleDoc(extra: string[] = []): MapDoc {
  const doc = createMapDoc()
  fillExampleMap(doc)
  const first = viewMap(doc).participants[0]!
  for (const text of extra) addNote(doc, { id: newNoteId(), column: 'eisen', text, author: first })
  return doc
}

async function render(
  size: 'A4' | 'A3',
  doc: MapDoc = exampleDoc(),
  link: string | null = null,
  includePulse = false,
) {
  const view = viewMap(doc)
  const agreed = new Set(view.columns.waarden.slice(0, 1).map((note) => note.id))
  const t = translator('nl')
  const content = pdfContent(view, agreed, [], t, {
    includeNames: true,
    date: new Date(2026, 10, 22),
    link,
    includePulse,
  })
  const bytes = await renderPdf((measure) => layoutPdf(content, size, measure), fonts, {
    page: PAGE_SIZES[size],
    lang: 'nl',
    title: view.meta.title,
    now: new Date(2026, 10, 22, 15, 30),
  })
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-pdf-')), 'kaart.pdf')
  fs.writeFileSync(file, bytes)
  return { file, view }
}

describe('PDF agreement (checked with poppler-utils)', () => {
  it('is an A3 landscape vector PDF with its title, language and embedded Unicode font', async () => {
    const { file, view } = await render('A3')
    const info = poppler('pdfinfo', file)
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/)
    expect(info).toContain(`Title:           ${view.meta.title}`)
    // The map, the action list, the golden thread, then the values by side, the actions carried
    // without a say and the principles on one page, and the room to sign whole on the last: no
    // page holds only a line or two.
    expect(info).toMatch(/Pages:\s+5/)
    const fontsTable = poppler('pdffonts', file)
    const rows = fontsTable.split('\n').slice(2).filter(Boolean)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) {
      expect(row).toContain('DejaVuSans')
      // Columns: name, type (2 words), encoding, emb, sub, uni, object, id.
      const [, , , , embedded, , unicode] = row.trim().split(/\s+/)
      expect({ embedded, unicode }).toEqual({ embedded: 'yes', unicode: 'yes' })
    }
  })

  it('contains every note, the participants and the actions, with Dutch text intact', async () => {
    const { file, view } = await render('A4')
    const text = squash(poppler('pdftotext', file))
    for (const note of view.notes.values()) expect(text).toContain(squash(note.text))
    for (const person of view.participants) expect(text).toContain(person.name)
    expect(text).toContain('acties + voorwaarden + samenwerking = succes')
    expect(text).toContain('Actielijst')
    expect(text).toContain('vóór 1 maart')
    expect(text).toContain('Gedeeld')
    expect(text).toContain('coördinatoren')
    expect(text).toContain('€ 25')
  })

  it('prints each note with its reference and what it serves, and lists every thread', async () => {
    const { file, view } = await render('A4')
    const text = squash(poppler('pdftotext', file))
    const pages = poppler('pdftotext', file).split('\f')
    // A3 ("De gemeente vragen ... reiskostenvergoeding") serves V1 and V4; its text follows.
    const a3 = view.columns.acties[2]!
    expect(text).toContain(`A3 · Dient: V1 V4 ${squash(a3.text).slice(0, 30)}`)
    expect(text).toContain(`W1 ${squash(view.columns.waarden[0]!.text).slice(0, 30)}`)
    // V3 (privacy) makes a requirement possible and keeps a relation going: both, nearest first.
    expect(text).toContain('V3 · Dient: E3 R1')
    const first = pages.findIndex((page) => page.includes('De rode draad'))
    expect(first).toBeGreaterThan(0)
    const chains = squash(pages.slice(first).join(' '))
    expect(chains).toContain('W1 → R2 → E1 → V2 → A4')
    expect(chains).toContain('W2 → R4 → E2 → V1 → A1')
    expect(chains).toContain('W2 → R4 → E4 → V1 → A3')
    // A thread may pass the requirements by: from a relation straight to a condition.
    expect(chains).toContain('W3 → R1 → V3 (komt nog niet bij een actie)')
    expect(chains).toContain('Waarden waar nog geen actie naartoe leidt: W4')
    expect(chains).toContain('Acties die nog geen waarde dienen: A2, A5')
    // Values by side: W1-W3 are held by both sides (the example's "my value too"), W4 and W5
    // only by their informal writers.
    expect(chains).toContain('Waarden: gedeeld of van één kant')
    const shared = chains.slice(chains.indexOf('Gedeeld (door beide kanten'))
    expect(shared).toMatch(
      /^Gedeeld \(door beide kanten, of zo afgesproken door de groep\) W1 .* · W2 .* · W3 .*Alleen van de informele kant W4 .* · W5 /,
    )
  })

  it("prints the group's own ground rules beside the principles, and no part without them", async () => {
    const without = squash(poppler('pdftotext', (await render('A4')).file))
    expect(without).not.toContain('Onze spelregels')
    const doc = exampleDoc()
    addGroundRule(doc, 'We laten elkaar uitpraten.', 1)
    addGroundRule(doc, '‘Ik weet het nog niet’ is een goed antwoord.', 2)
    const text = squash(poppler('pdftotext', (await render('A4', doc)).file))
    expect(text).toContain(
      'Onze spelregels 1. We laten elkaar uitpraten. 2. ‘Ik weet het nog niet’ is een goed antwoord.',
    )
    expect(text.indexOf('Onze spelregels')).toBeLessThan(text.indexOf('Houd bij alle stappen'))
  })

  it('shows how the conditions spread over the three layers, with the way to work on each', async () => {
    const text = squash(poppler('pdftotext', (await render('A4')).file))
    const part = text.slice(text.indexOf('De drie lagen'))
    expect(part).toMatch(
      /^De drie lagen Waar loopt de samenwerking vast\? Elke laag vraagt een eigen aanpak\. Samenwerken: 2 V1 · V4 Praktisch/,
    )
    expect(part).toContain('Samenspel: 1 V3')
    expect(part).toContain('Omgaan met verandering: 1 V2')
    expect(part).toContain('Pas op voor snelle oplossingen')
  })

  it('lists the actions informal partners carry without the say or the means', async () => {
    const text = squash(poppler('pdftotext', (await render('A4')).file))
    const part = text.slice(
      text.indexOf('Wel verantwoordelijk, maar niets te zeggen of geen middelen'),
    )
    expect(part).toMatch(
      /^Wel verantwoordelijk, maar niets te zeggen of geen middelen .*wie betaalt, bepaalt vaak\. A4 Een kennismaking/,
    )
    expect(part).toContain(
      'Let op: informele partners zijn hiervoor verantwoordelijk, maar beslissen niet mee en hebben de middelen niet. Verantwoordelijk: informele partners · beslist: beroepskrachten · middelen: anderen',
    )
    // A3 is carried by others: not on this list.
    expect(part.slice(0, part.indexOf('Houd bij alle stappen'))).not.toContain('A3 ')
  })

  it('prints the head-heart-gut round only when asked, as counts and words without names', async () => {
    const doc = exampleDoc()
    const scores = [4, 6, 6]
    scores.forEach((score, i) =>
      writePulse(doc, `device-000${i}`, { before: score, after: score + 2, heart: `Gevoel ${i}` }),
    )
    const without = squash(poppler('pdftotext', (await render('A4', doc)).file))
    expect(without).not.toContain('Hoofd, hart, buik')
    const text = squash(poppler('pdftotext', (await render('A4', doc, null, true)).file))
    expect(text).toContain('Hoofd, hart, buik')
    // The example's own seven scores (4 5 6 6 3 7 5, then 6 7 7 8 6 7 7) and these three.
    expect(text).toContain('Bij het begin: 10 antwoorden, gemiddeld 5,2')
    expect(text).toContain(
      'cijfer 3: 1× · cijfer 4: 2× · cijfer 5: 2× · cijfer 6: 4× · cijfer 7: 1×',
    )
    expect(text).toContain('Aan het eind: 10 antwoorden, gemiddeld 7 ')
    expect(text).toContain('Gevoel 0 · Gevoel 1 · Gevoel 2')
  })

  it('leaves the thread page out when nothing is linked', async () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Zonder draad', description: '' })
    const author = {
      id: 'author000001' as never,
      name: 'Ellen',
      role: 'beroepskracht' as const,
      roleLabel: '',
      side: 'formal' as const,
    }
    addNote(doc, { id: newNoteId(), column: 'waarden', text: 'Regie bij het gezin', author })
    const { file } = await render('A4', doc)
    const text = squash(poppler('pdftotext', file))
    expect(text).toContain('W1 Regie bij het gezin')
    expect(text).not.toContain('De rode draad')
  })

  it('keeps ĳ and curly quotes, and shows emoji it cannot draw as a visible box', async () => {
    const { file } = await render('A4', exampleDoc(['Ĳsselmonde “samen” 🙂 klaar']))
    const text = squash(poppler('pdftotext', file))
    expect(text).toContain(`Ĳsselmonde “samen” ${MISSING_GLYPH} klaar`)
  })

  it('prints the card version and places every note inside its own column band, on every page', async () => {
    const doc = createMapDoc()
    createMap(doc, { title: 'Kolommen', description: '' })
    updateMapDetails(doc, { title: 'Kolommen', description: '', cardVersion: '2 (concept)' })
    const author = {
      id: 'author000001',
      name: 'Ayşe',
      role: 'vrijwilliger',
      roleLabel: '',
      side: 'informal',
    } as const
    // Enough notes for the columns to continue on further A4 pages; every word names its note.
    for (const column of cardOrder(PARTNERSHIP_BOARD)) {
      for (let i = 0; i < 45; i++) {
        const text = Array.from({ length: 9 }, (_, k) => `${column}${i}x${k}`).join(' ')
        addNote(doc, { id: newNoteId(), column, text, author: author as never })
      }
    }
    const { file } = await render('A4', doc)
    expect(squash(poppler('pdftotext', file))).toContain('Onze versie: 2 (concept)')

    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
    const pages = html.split('<page ').slice(1)
    const seen = new Map<string, number>()
    let mapPages = 0
    for (const page of pages) {
      const pageWidth = Number(/width="([\d.]+)"/.exec(page)![1])
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: m[5]! }))
      // Column headings read "5. Acties"; their left edges mark where each band starts.
      const headings = cardOrder(PARTNERSHIP_BOARD).map((column) => {
        const name = translator('nl')(`column.${column}`)
        const at = words.findIndex(
          (word, i) =>
            word.text === `${stepOf(PARTNERSHIP_BOARD, column)}.` && words[i + 1]?.text === name,
        )
        return at >= 0 ? words[at]! : null
      })
      // A page after the first shows only the columns that continue there.
      if (headings.every((heading) => heading === null)) continue
      mapPages++
      for (const word of words) {
        const token = /^([a-z]+)(\d+)x(\d)$/.exec(word.text)
        if (!token) continue
        const column = cardOrder(PARTNERSHIP_BOARD).indexOf(token[1] as never)
        expect(column).toBeGreaterThanOrEqual(0)
        const own = headings[column]
        expect(own, `${word.text} printed under its own column's heading`).toBeTruthy()
        const left = own!.x0
        const right =
          headings.slice(column + 1).find((heading) => heading !== null)?.x0 ?? pageWidth
        expect(word.x0, word.text).toBeGreaterThanOrEqual(left - 1)
        expect(word.x1, word.text).toBeLessThan(right - 8)
        expect(word.y0, word.text).toBeGreaterThan(own!.y1)
        seen.set(word.text, (seen.get(word.text) ?? 0) + 1)
      }
    }
    expect(mapPages).toBeGreaterThan(1)
    // Every note once: none lost at a page break, none printed twice.
    expect(seen.size).toBe(45 * 5 * 9)
    expect([...seen.values()].every((count) => count === 1)).toBe(true)
  })

  it('prints a working link and QR code back to the map only when asked', async () => {
    const url = 'http://127.0.0.1:8080/v/AbCdEfGhIjKlMnOpQrStUvWx'
    const withLink = await render('A4', exampleDoc(), url)
    const urls = execFileSync('pdfinfo', ['-url', withLink.file], { encoding: 'utf8' })
    // On the first map page and the first page of the action list.
    const pagesWithUrl = urls
      .split('\n')
      .filter((line) => line.includes(url))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
    expect(pagesWithUrl).toHaveLength(2)
    expect(pagesWithUrl[0]).toBe(1)
    const actionPage = execFileSync(
      'pdftotext',
      ['-f', `${pagesWithUrl[1]}`, '-l', `${pagesWithUrl[1]}`, withLink.file, '-'],
      { encoding: 'utf8' },
    )
    expect(actionPage).toContain('Actielijst')
    // The address is printed in full (a long one may wrap onto a second line).
    expect(poppler('pdftotext', withLink.file).replace(/\s+/g, '')).toContain(url)

    // Rasterise page 1 and read the QR code back, as a phone would.
    const prefix = path.join(path.dirname(withLink.file), 'page')
    execFileSync('pdftoppm', ['-r', '110', '-gray', '-f', '1', '-l', '1', withLink.file, prefix])
    const pgm = fs.readFileSync(
      fs
        .readdirSync(path.dirname(withLink.file))
        .filter((name) => name.startsWith('page'))
        .map((name) => path.join(path.dirname(withLink.file), name))[0]!,
    )
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    const [width, height] = [Number(header[1]), Number(header[2])]
    const gray = pgm.subarray(header[0].length)
    const rgba = new Uint8ClampedArray(width * height * 4)
    for (let i = 0; i < width * height; i++) {
      rgba.fill(gray[i]!, i * 4, i * 4 + 3)
      rgba[i * 4 + 3] = 255
    }
    expect(jsQR(rgba, width, height)?.data).toBe(url)

    const without = await render('A4')
    expect(execFileSync('pdfinfo', ['-url', without.file], { encoding: 'utf8' })).not.toContain(
      'http',
    )
  })
})
