import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pdfContent } from '../src/features/export/pdf/content'
import { MISSING_GLYPH, renderPdf } from '../src/features/export/pdf/render'
import { translator } from '../src/i18n'
import { addNote, createMapDoc, fillExampleMap, newNoteId, viewMap } from '../src/map'

const require = createRequire(import.meta.url)
const fonts = {
  regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
}

function poppler(tool: string, file: string): string {
  // -raw: text in drawing order, so a note's lines stay together across the five columns.
  return execFileSync(tool, tool === 'pdftotext' ? ['-raw', file, '-'] : [file], {
    encoding: 'utf8',
  })
}

async function render(size: 'A4' | 'A3', extra: string[] = []) {
  const doc = createMapDoc()
  fillExampleMap(doc)
  const first = viewMap(doc).participants[0]!
  for (const text of extra) addNote(doc, { id: newNoteId(), column: 'eisen', text, author: first })
  const view = viewMap(doc)
  const agreed = new Set([view.columns.waarden[0]!.id])
  const t = translator('nl')
  const content = pdfContent(view, agreed, [], t, {
    includeNames: true,
    date: new Date(2026, 10, 22),
  })
  const bytes = await renderPdf(content, fonts, {
    size,
    lang: 'nl',
    title: view.meta.title,
    now: new Date(2026, 10, 22, 15, 30),
  })
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-pdf-')), 'kaart.pdf')
  fs.writeFileSync(file, bytes)
  return { file, view }
}

const squash = (text: string) => text.replace(/\s+/g, ' ')

describe('PDF agreement (checked with poppler-utils)', () => {
  it('is an A3 landscape vector PDF with its title, language and embedded Unicode font', async () => {
    const { file, view } = await render('A3')
    const info = poppler('pdfinfo', file)
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/)
    expect(info).toContain(`Title:           ${view.meta.title}`)
    expect(info).toMatch(/Pages:\s+3/)
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

  it('keeps ĳ and curly quotes, and shows emoji it cannot draw as a visible box', async () => {
    const { file } = await render('A4', ['Ĳsselmonde “samen” 🙂 klaar'])
    const text = squash(poppler('pdftotext', file))
    expect(text).toContain(`Ĳsselmonde “samen” ${MISSING_GLYPH} klaar`)
  })
})
