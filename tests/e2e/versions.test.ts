import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { useHarness } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/** Saves what a click downloads, as text (a PDF through pdftotext). */
async function downloadedText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'pk-v-')),
    download.suggestedFilename(),
  )
  await download.saveAs(file)
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

const today = new Date().toLocaleDateString('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

describe('versions of the card', () => {
  it('saves the card as versions that anyone opens read only and compares, per column', async () => {
    const facilitator = await harness.person()
    const { page, room } = facilitator
    await page.goto(harness.server.url)
    await page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
    await page.waitForURL(/\/m\//)
    await room.join('Ellen van Dijk', 'Beroepskracht')
    const url = page.url()

    // End of the first meeting: the facilitator saves the card, with a name of their own.
    await room.openPanel('Bewaren')
    const panel = page.getByRole('complementary', { name: /^Bewaren/ })
    await panel.getByLabel('Naam van deze versie (niet verplicht)').fill('na bijeenkomst 1')
    await panel.getByRole('button', { name: 'Kaart als versie bewaren' }).click()
    await panel.getByText('Versie 1 is bewaard.').waitFor()
    await panel.getByRole('listitem').getByText(`Versie 1 — ${today} · na bijeenkomst 1`).waitFor()

    // The second meeting changes the card: a note edited, one moved, one removed, one new.
    await room.noteAction('Warmte en respect', 'Bewerken')
    const edit = room.column(/Waarden/).getByRole('textbox', { name: 'Tekst van de notitie' })
    await edit.fill('Warmte en respect, ook als het even niet lukt, voor iedereen.')
    await edit.press('Enter')
    await room.note('voor iedereen.').waitFor()
    await room.noteAction('Een VOG en verzekering', 'Verplaats naar', /Eisen/)
    await room.column(/Eisen/).getByText('Een VOG en verzekering').waitFor()
    await room.noteAction('De huisartsenpraktijk vragen', 'Verwijderen')
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await room.addNote(/Relaties/, 'We bellen elkaar als iets misgaat.')
    await room.openPanel('Bewaren')
    await panel.getByRole('button', { name: 'Kaart als versie bewaren' }).click()
    await panel.getByText('Versie 2 is bewaard.').waitFor()

    // Someone else in the map, without the facilitator's key, opens the first version.
    const participant = await harness.person()
    await participant.page.goto(url)
    await participant.room.join('Ayşe Yılmaz', 'Vrijwilliger')
    await participant.room.openPanel('Bewaren')
    const theirs = participant.page.getByRole('complementary', { name: /^Bewaren/ })
    expect(await theirs.getByRole('button', { name: 'Kaart als versie bewaren' }).count()).toBe(0)
    const open = theirs.getByRole('button', { name: 'Versie 1 bekijken' })
    await open.click()
    const dialog = participant.page.getByRole('dialog', { name: /Versie 1 — .* na bijeenkomst 1/ })
    await dialog.getByText('Alleen lezen').waitFor()
    await dialog.getByText('Warmte en respect, ook als het even niet lukt.').waitFor()
    await dialog.getByText('De huisartsenpraktijk vragen').waitFor()
    expect(await dialog.getByText('We bellen elkaar').count()).toBe(0)
    // Nothing in it can be changed, and the room under it cannot be reached.
    expect(await dialog.getByRole('textbox').count()).toBe(0)
    expect(await participant.page.locator('#root').getAttribute('inert')).toBe('')
    await participant.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(() =>
        participant.page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      )
      .toBe('Versie 1 bekijken')

    // Version 1 against version 2: what changed, per column, the old beside the new.
    await theirs
      .getByRole('combobox', { name: 'Van' })
      .selectOption({ label: `Versie 1 — ${today} · na bijeenkomst 1` })
    await theirs
      .getByRole('combobox', { name: 'Met' })
      .selectOption({ label: `Versie 2 — ${today}` })
    await theirs.getByRole('button', { name: 'Vergelijken' }).click()
    const compared = participant.page.getByRole('dialog', {
      name: /Versie 1 .* vergeleken met Versie 2/,
    })
    await compared.getByText('1 nieuw · 1 gewijzigd · 1 verplaatst · 1 weg').waitFor()
    const column = (name: RegExp) => compared.getByRole('region', { name })
    await column(/Waarden/)
      .getByText('Gewijzigd')
      .waitFor()
    await column(/Waarden/)
      .getByText('Warmte en respect, ook als het even niet lukt.')
      .waitFor()
    await column(/Waarden/)
      .getByText('voor iedereen.', { exact: false })
      .waitFor()
    await column(/Relaties/)
      .getByText('Nieuw')
      .waitFor()
    await column(/Eisen/).getByText('Verplaatst uit Voorwaarden').waitFor()
    await column(/Voorwaarden/)
      .getByText('Verplaatst naar Eisen')
      .waitFor()
    await column(/Acties/)
      .getByText('Weg')
      .waitFor()
    await compared.getByRole('button', { name: 'Sluiten' }).click()

    // Against the map as it is now, after one more change.
    await room.addNote(/Waarden/, 'Eerlijk zijn over wat niet kan.')
    await theirs
      .getByRole('combobox', { name: 'Van' })
      .selectOption({ label: `Versie 2 — ${today}` })
    await theirs.getByRole('combobox', { name: 'Met' }).selectOption({ label: 'De kaart nu' })
    await theirs.getByRole('button', { name: 'Vergelijken' }).click()
    const now = participant.page.getByRole('dialog', { name: /vergeleken met De kaart nu/ })
    await now.getByText('1 nieuw · 0 gewijzigd · 0 verplaatst · 0 weg').waitFor()
    await now.getByRole('button', { name: 'Sluiten' }).click()

    // The PDF says which version it is: a saved one, or the working map after the last.
    await theirs.getByRole('button', { name: 'Versie 1 bekijken' }).click()
    const first = await downloadedText(participant.page, () =>
      dialog.getByRole('button', { name: 'PDF van deze versie' }).click(),
    )
    expect(first).toContain(`Bewaarde versie 1 van ${today}`)
    expect(first).toContain('De huisartsenpraktijk')
    expect(first).not.toContain('We bellen elkaar')
    await participant.page.keyboard.press('Escape')
    const live = await downloadedText(page, () =>
      panel.getByRole('button', { name: 'Afsprakenkaart (PDF)' }).click(),
    )
    expect(live).toContain(`Werkversie, na versie 2 van ${today}`)
    expect([...facilitator.errors, ...participant.errors]).toEqual([])
  })
})
