import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openExample, useHarness } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()

describe('export and import', () => {
  it('saves the map as JSON, CSV and Markdown, and imports the JSON as a new map', async () => {
    const { page, room, errors } = await harness.person()
    await page.goto(harness.server.url)
    await page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
    await room.join('Ellen van Dijk', 'Beroepskracht')
    await room.noteAction('Warmte en respect', 'Markeer als gedeeld')
    const originalUrl = page.url()

    // The facilitator gives the card a version; a participant sees it at once.
    const other = await harness.person()
    await other.page.goto(originalUrl)
    await other.room.join('Ayşe', 'Vrijwilliger')
    await room.openPanel('Meer')
    await page.getByText('Titel, beschrijving en versie wijzigen').click()
    await page.getByLabel('Versie (niet verplicht)').fill('2 (concept)')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByRole('status').getByText('Opgeslagen').waitFor()
    await other.page.getByText('Versie 2 (concept)').waitFor()
    // The PDF may carry a way back: for the facilitator, the read-only watch link.
    await room.openPanel('Bewaren')
    await page.getByLabel('Link en QR-code naar de kaart op de PDF').check()
    await page.getByText('Dit is de link om mee te kijken.', { exact: false }).waitFor()

    const save = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ])
      const file = path.join(
        fs.mkdtempSync(path.join(os.tmpdir(), 'pk-dl-')),
        download.suggestedFilename(),
      )
      await download.saveAs(file)
      return file
    }
    // The PDF: made in the browser, a real vector PDF with every note and the actions.
    const pdf = await save('Afsprakenkaart (PDF)')
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
      /Page size:\s+1190\.55 x 841\.89 pts \(A3\)/,
    )
    const pdfText = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    expect(pdfText).toContain('Warmte en respect, ook als het even niet lukt.')
    expect(pdfText).toContain('vóór 1 maart')
    expect(pdfText).toContain('Gedeeld')
    expect(pdfText).toContain('Onze versie: 2 (concept) · Partnerschapskaart, versie 2.0')
    expect(pdfText).toContain('Houd bij alle stappen in de gaten dat:')
    expect(pdfText).toContain('Hook (2006)')
    // Room to sign, and the date the group looks at it again.
    expect(pdfText).toContain('Afgesproken')
    expect(pdfText).toContain('We kijken hier samen opnieuw naar op:')
    // A3 for the wall and A4 to take home are two files, not one overwriting the other.
    expect(path.basename(pdf)).toMatch(/-a3\.pdf$/)
    await page.getByLabel('Papier').selectOption('A4')
    const a4 = await save('Afsprakenkaart (PDF)')
    expect(path.basename(a4)).toMatch(/-a4\.pdf$/)
    expect(execFileSync('pdfinfo', [a4], { encoding: 'utf8' })).toMatch(/\(A4\)/)
    const links = execFileSync('pdfinfo', ['-url', pdf], { encoding: 'utf8' })
    expect(links).toMatch(
      new RegExp(
        `^\\s*1\\s+Annotation\\s+${new URL(harness.server.url).origin}/v/[A-Za-z0-9_-]{24}$`,
        'm',
      ),
    )

    const json = await save('Kaart opslaan (JSON)')
    const csv = fs.readFileSync(await save('Actielijst (CSV)'), 'utf8')
    const markdown = fs.readFileSync(await save('Kaart als tekst (Markdown)'), 'utf8')
    expect(path.basename(json)).toBe(
      'samenspel-holendrecht-buurtteam-voedselbank-en-mantelzorgers.json',
    )
    expect(csv).toContain('"Ik";"Łukasz";"vóór 1 maart"')
    expect(markdown).toContain('Warmte en respect, ook als het even niet lukt. **(Gedeeld)**')

    // A broken file is refused with a reason, and nothing happens.
    await page.goto(harness.server.url)
    const broken = path.join(path.dirname(json), 'kapot.json')
    fs.writeFileSync(broken, '{"format": "partnerschapskaart", "notes": [')
    await page.getByLabel('Kies een JSON-bestand van een partnerschapskaart').setInputFiles(broken)
    await page.getByText('Dit bestand is geen JSON. Er is niets veranderd.').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')

    // A note made too long in the file is named, so it can be fixed there.
    const saved = JSON.parse(fs.readFileSync(json, 'utf8'))
    const third = saved.notes.filter((note: { column: string }) => note.column === 'eisen')[2]
    third.text = `Te lang ${'x'.repeat(1200)}`
    const long = path.join(path.dirname(json), 'te-lang.json')
    fs.writeFileSync(long, JSON.stringify(saved))
    await page.getByLabel('Kies een JSON-bestand van een partnerschapskaart').setInputFiles(long)
    await page
      .getByText(/^Notitie 3 in Eisen is te lang \(hooguit \d+ tekens\): “Te lang xxx/)
      .waitFor()
    expect(new URL(page.url()).pathname).toBe('/')

    // The saved file becomes a new map with the same notes and shared marks, called a copy.
    await page.getByLabel('Kies een JSON-bestand van een partnerschapskaart').setInputFiles(json)
    await page.waitForURL(/\/m\//)
    expect(page.url()).not.toBe(originalUrl)
    await page
      .getByRole('heading', {
        name: 'Samenspel Holendrecht: buurtteam, voedselbank en mantelzorgers (kopie)',
      })
      .waitFor()
    await page
      .getByRole('listitem', { name: /Warmte en respect/ })
      .getByText('Gedeeld', { exact: true })
      .waitFor()
    expect(await page.locator('.note-list > li').count()).toBe(23)

    // Back home, the original and its copy are told apart by name and date.
    await page.goto(harness.server.url)
    const recent = page.getByRole('region', { name: 'Eerder geopend op dit apparaat' })
    const today = new Date().toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
    await recent
      .getByRole('listitem')
      .filter({ hasText: '(kopie)' })
      .getByText(`geopend ${today}`)
      .waitFor()
    expect(errors).toEqual([])
    expect(other.errors).toEqual([])
  })

  it('says the device is offline when the PDF maker cannot be fetched, and makes it once back', async () => {
    const { facilitator } = await openExample(harness)
    const { page, room, context } = facilitator
    await room.openPanel('Bewaren')
    // The PDF maker and its fonts are fetched on the first PDF only: offline, that cannot be.
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Afsprakenkaart (PDF)' }).click()
    await page.getByRole('alert').getByText('Dit apparaat is offline.', { exact: false }).waitFor()
    expect(await page.getByText('Probeer het nog eens', { exact: false }).count()).toBe(0)

    // Back online, the message goes by itself: it no longer stands beside "Verbonden".
    await context.setOffline(false)
    await expect
      .poll(() => page.getByText('Dit apparaat is offline.', { exact: false }).count())
      .toBe(0)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Afsprakenkaart (PDF)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  })
})
