import { describe, expect, it, vi } from 'vitest'
import { useHarness } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()
const SHOTS = process.env.PK_SHOTS

describe('a trajectory', () => {
  it('carries the map through meetings that everyone reads and only the facilitator writes, and is deleted for good', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Samen in Noord')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const partner = await harness.person()
    await partner.page.goto(url)
    await partner.room.join('Ayşe', 'Vrijwilliger')
    const { page } = facilitator

    // The map is not in a trajectory yet; the facilitator starts one.
    await facilitator.room.openPanel('Traject')
    const panel = page.getByRole('complementary', { name: /^Traject/ })
    await panel.getByLabel('Naam van het traject').fill('Ontwikkeltraject Noord')
    await panel.getByRole('button', { name: 'Traject beginnen' }).click()
    await panel.getByRole('heading', { name: 'Ontwikkeltraject Noord' }).waitFor()

    await panel.getByLabel('Naam van de organisatie of groep').fill('Buurtteam Noord')
    await panel.getByRole('radio', { name: 'Formeel', exact: true }).first().check()
    await panel.getByRole('button', { name: 'Partner toevoegen' }).click()
    await panel.getByText('Buurtteam Noord').waitFor()

    // Three meetings, each with its date and theme; the report of the first.
    for (const [date, theme] of [
      ['2026-03-12', 'Waarden'],
      ['2026-04-09', 'Relaties'],
      ['2026-05-14', 'Acties'],
    ]) {
      const add = panel.locator('.trajectory-add-meeting')
      await add.getByLabel('Datum').fill(date!)
      await add.getByLabel('Thema').fill(theme!)
      await add.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click()
      // A new meeting opens for editing; it is closed again here.
      await panel.getByRole('button', { name: 'Annuleren' }).click()
    }
    const first = panel.getByRole('listitem', { name: /^Bijeenkomst 1 · 12 maart 2026 · Waarden/ })
    await first.getByRole('button', { name: 'Bewerken' }).click()
    await first.getByLabel('Werkvorm').fill('Partnerschapskaart')
    await first.getByLabel('Wat nemen we mee naar de volgende keer?').fill('Elkaar eerder bellen.')

    // Who prepares the next one: picked from the people here, and typed; the balance shows.
    await first.getByRole('button', { name: '+ Ayşe' }).click()
    await first.getByText('0 formeel, 1 informeel. Niet in balans', { exact: false }).waitFor()
    await first.getByLabel('Naam', { exact: true }).fill('Ellen')
    await first.getByRole('radio', { name: 'Formeel', exact: true }).check()
    await first.getByRole('button', { name: 'Toevoegen' }).click()
    await first.getByText('1 formeel, 1 informeel. In balans', { exact: false }).waitFor()

    await first.getByRole('button', { name: 'Opslaan' }).click()
    await first.getByText('Elkaar eerder bellen.').waitFor()

    // The partner reads it all, live, and cannot change it.
    await partner.room.openPanel('Traject')
    const theirs = partner.page.getByRole('complementary', { name: /^Traject/ })
    await theirs.getByRole('heading', { name: 'Ontwikkeltraject Noord' }).waitFor()
    const meetings = theirs.locator('.trajectory-meeting h5')
    await expect
      .poll(() => meetings.allTextContents())
      .toEqual([
        'Bijeenkomst 1 · 12 maart 2026 · Waarden',
        'Bijeenkomst 2 · 9 april 2026 · Relaties',
        'Bijeenkomst 3 · 14 mei 2026 · Acties',
      ])
    await theirs.getByText('Elkaar eerder bellen.').waitFor()
    await theirs.getByText('1 formeel, 1 informeel. In balans', { exact: false }).waitFor()
    expect(await theirs.getByRole('button', { name: 'Bewerken' }).count()).toBe(0)
    expect(await theirs.getByRole('button', { name: 'Traject verwijderen' }).count()).toBe(0)
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/trajectory-facilitator-1440.png` })
      await partner.page.setViewportSize({ width: 390, height: 844 })
      await partner.page.screenshot({ path: `${SHOTS}/trajectory-phone-390.png` })
    }

    // Deleted for good: the partner is told, the map stays.
    await panel.getByRole('button', { name: 'Traject verwijderen' }).click()
    await panel.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await panel.getByText('Het traject is verwijderd.', { exact: false }).waitFor()
    await theirs.getByText('Het traject is verwijderd.', { exact: false }).waitFor()
    await expect.poll(() => theirs.locator('.trajectory-meeting').count()).toBe(0)
    await panel.getByRole('button', { name: 'Traject beginnen' }).waitFor()
    // Opened afresh, it is gone too.
    await partner.page.reload()
    await partner.room.openPanel('Traject')
    await theirs.getByText('Deze kaart hoort nog niet bij een traject.').waitFor()
    expect(facilitator.errors).toEqual([])
    expect(partner.errors).toEqual([])
  })
})
