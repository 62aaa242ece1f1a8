import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { downloaded, useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()
const SHOTS = process.env.PK_SHOTS

async function giveScore(person: Person, score: number): Promise<void> {
  const round = person.page.getByRole('region', { name: /Hoofd, hart, buik/ })
  await round.getByRole('radio', { name: String(score), exact: true }).check()
  await round.getByRole('button', { name: 'Opslaan' }).click()
  await round.getByText('Opgeslagen').waitFor()
}

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

    // At the start of the next meeting the big screen shows what the group took along.
    const viewerUrl = await facilitator.room.viewerLink()
    const screen = await harness.person({ viewport: { width: 1920, height: 1080 } })
    await screen.page.goto(viewerUrl)
    await facilitator.room.openPanel('Traject')
    const show = first.getByRole('button', {
      name: 'Wat we meenamen uit bijeenkomst 1 op het grote scherm laten zien',
    })
    await show.click()
    expect(await show.getAttribute('aria-pressed')).toBe('true')
    const shown = screen.page.getByRole('region', { name: 'Wat we meenamen' })
    await shown.getByText('Bijeenkomst 1 · 12 maart 2026 · Waarden').waitFor()
    await shown.getByText('Elkaar eerder bellen.').waitFor()
    await shown.getByText('Voorbereid door: Ayşe (informeel), Ellen (formeel)').waitFor()
    if (SHOTS) await screen.page.screenshot({ path: `${SHOTS}/trajectory-big-screen-1920.png` })
    await show.click()
    await shown.waitFor({ state: 'detached' })
    await show.click()
    await shown.waitFor()

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
    // The big screen no longer shows anything of it.
    await shown.waitFor({ state: 'detached' })
    expect(screen.errors).toEqual([])
    expect(facilitator.errors).toEqual([])
    expect(partner.errors).toEqual([])
  })

  it('keeps a real round’s scores over three meetings, links the versions and makes the report', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Samen in Zuid')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const ayse = await harness.person()
    await ayse.page.goto(url)
    await ayse.room.join('Ayşe Yılmaz', 'Vrijwilliger')
    const kwame = await harness.person()
    await kwame.page.goto(url)
    await kwame.room.join('Kwame Mensah', 'Ervaringsdeskundige')
    const { page, room } = facilitator
    const people = [facilitator, ayse, kwame]

    await room.openPanel('Traject')
    const panel = page.getByRole('complementary', { name: /^Traject/ })
    await panel.getByLabel('Naam van het traject').fill('Traject Zuid')
    await panel.getByRole('button', { name: 'Traject beginnen' }).click()
    await panel.getByLabel('Naam van de organisatie of groep').fill('Buurtteam Zuid')
    await panel.getByRole('radio', { name: 'Formeel', exact: true }).first().check()
    await panel.getByRole('button', { name: 'Partner toevoegen' }).click()

    const meetings = [
      {
        date: '2026-03-12',
        theme: 'Waarden',
        scores: [4, 5, 6],
        shown: '5',
        value: 'Eerlijk delen',
      },
      {
        date: '2026-04-09',
        theme: 'Relaties',
        scores: [6, 6, 7],
        shown: '6,3',
        value: 'Elkaar kennen',
      },
      {
        date: '2026-05-14',
        theme: 'Acties',
        scores: [7, 8, 9],
        shown: '8',
        value: 'Samen beslissen',
      },
    ]
    for (const [i, meeting] of meetings.entries()) {
      const number = i + 1
      // The round at the start: three people score; the room sees only the distribution.
      await room.openActivities()
      await page.getByRole('button', { name: 'Ronde bij het begin' }).click()
      await room.closeActivities()
      for (const [j, person] of people.entries()) await giveScore(person, meeting.scores[j]!)
      await page
        .locator('.pulse-chart[data-phase="before"]')
        .getByText(`3 antwoorden, gemiddeld ${meeting.shown}`)
        .waitFor()
      await page.getByRole('button', { name: 'Ronde sluiten' }).click()

      // The card changes, and is saved as a version at the end.
      await room.addNote(/Waarden/, meeting.value)
      await room.openPanel('Bewaren')
      const save = page.getByRole('complementary', { name: /^Bewaren/ })
      await save
        .getByLabel('Naam van deze versie (niet verplicht)')
        .fill(`na bijeenkomst ${number}`)
      await save.getByRole('button', { name: 'Kaart als versie bewaren' }).click()
      await save.getByText(`Versie ${number} is bewaard.`).waitFor()

      // The meeting: its version linked, the round's scores kept, the round emptied.
      await room.openPanel('Traject')
      const add = panel.locator('.trajectory-add-meeting')
      await add.getByLabel('Datum').fill(meeting.date)
      await add.getByLabel('Thema').fill(meeting.theme)
      await add.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click()
      const item = panel.getByRole('listitem', { name: new RegExp(`^Bijeenkomst ${number} ·`) })
      const version = item.getByLabel('Versie van de kaart na deze bijeenkomst')
      await version.locator(`option[value="${number}"]`).waitFor({ state: 'attached' })
      await version.selectOption(String(number))
      await item.getByRole('button', { name: 'Opslaan' }).click()
      await item
        .getByRole('button', { name: 'Scores van de kaart nu bewaren bij deze bijeenkomst' })
        .click()
      await item.getByText(`Begin: gemiddeld ${meeting.shown} (3 antwoorden)`).waitFor()
      await item
        .getByRole('button', { name: 'Ronde leegmaken voor de volgende bijeenkomst' })
        .click()
      await item.getByRole('button', { name: 'Ja, leegmaken' }).click()
      await item.getByText('De ronde is leeg.', { exact: false }).waitFor()
    }

    // A partner reads how the score moved over the three meetings, and opens a linked version.
    await ayse.room.openPanel('Traject')
    const theirs = ayse.page.getByRole('complementary', { name: /^Traject/ })
    const movement = theirs.locator('.movement-list li')
    await expect
      .poll(() => movement.allInnerTexts())
      .toEqual([
        'Bijeenkomst 1 · 12 maart 2026 Begin: gemiddeld 5 (3 antwoorden)',
        'Bijeenkomst 2 · 9 april 2026 Begin: gemiddeld 6,3 (3 antwoorden)',
        'Bijeenkomst 3 · 14 mei 2026 Begin: gemiddeld 8 (3 antwoorden)',
      ])
    expect(await theirs.locator('.movement-chart circle').count()).toBe(3)
    const second = theirs.getByRole('listitem', { name: /^Bijeenkomst 2 ·/ })
    await second.getByRole('button', { name: 'Versie 2 bekijken' }).click()
    const shown = ayse.page.getByRole('dialog', { name: /Versie 2/ })
    await shown.getByText('Elkaar kennen').waitFor()
    expect(await shown.getByText('Samen beslissen').count()).toBe(0)
    await shown.getByRole('button', { name: 'Sluiten' }).click()

    // The partner makes the report, without people's names.
    const file = await downloaded(ayse.page, () =>
      theirs.getByRole('button', { name: 'Trajectverslag maken (PDF)' }).click(),
    )
    expect(path.basename(file)).toBe('traject-zuid-trajectverslag.pdf')
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/\(A4\)/)
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    expect(text).toContain('Trajectverslag')
    expect(text).toContain('Formele partners: Buurtteam Zuid')
    expect(text).toContain('3 bijeenkomsten, van 12 maart 2026 tot 14 mei 2026')
    expect(text).toContain('De kaart is bewaard als versie 2: “na bijeenkomst 2”.')
    expect(text).toMatch(
      /Versie 2 — \d+ \w+ \d{4} · “na bijeenkomst 2” · bij bijeenkomst 2 Waarden: 1 nieuw Nieuw: W2 Elkaar kennen/,
    )
    expect(text).toContain('Bijeenkomst 3 · 14 mei 2026 Begin: gemiddeld 8 (3 antwoorden)')
    expect(text).not.toContain('Ayşe')
    expect(text).not.toContain('Kwame')
    if (SHOTS) {
      fs.copyFileSync(file, `${SHOTS}/trajectory-report.pdf`)
      await ayse.page.screenshot({ path: `${SHOTS}/trajectory-report-1440.png` })
    }
    for (const person of people) expect(person.errors).toEqual([])
  })
})
