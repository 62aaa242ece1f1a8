import type { Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 240_000 })

const harness = useHarness()

/**
 * Links a note to one it serves with the keyboard only: Enter on the note opens its menu, the
 * arrows reach "Koppelen aan …", Tab walks the choices, Space ticks one.
 */
async function linkByKeyboard(page: Page, noteText: string, targetRef: string): Promise<void> {
  const note = page.getByRole('listitem', { name: new RegExp(noteText) })
  await note.locator('.note-main').focus()
  await page.keyboard.press('Enter')
  const link = note.getByRole('menuitem', { name: /^Koppelen aan/ })
  await link.waitFor()
  for (let i = 0; i < 8; i++) {
    if (await link.evaluate((item) => item === document.activeElement)) break
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Enter')
  const picker = page.getByRole('group', { name: /Welke .* (dient|maakt|zorgt)|Voor welke/ })
  // The first choice has focus; walk to the wanted one with Tab, then tick it with Space.
  const boxes = picker.getByRole('checkbox')
  // The picker loads when first used: wait until its first choice has focus.
  await expect
    .poll(() => boxes.first().evaluate((box) => box === document.activeElement))
    .toBe(true)
  const count = await boxes.count()
  let target = 0
  for (; target < count; target++) {
    const label = await boxes.nth(target).evaluate((box) => box.closest('label')?.textContent ?? '')
    if (label.includes(targetRef)) break
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Space')
  await expect.poll(() => boxes.nth(target).isChecked()).toBe(true)
  await page.keyboard.press('Escape')
  // Back on the note it started from.
  await expect
    .poll(() => note.locator('.note-main').evaluate((node) => node === document.activeElement))
    .toBe(true)
}

/** The labels of the notes shown in a thread, on a room page or the big screen (its own notes). */
async function threadRefs(person: Person): Promise<string[]> {
  const refs = await person.page
    .locator('.note.in-thread .note-ref, .vw-note.in-thread .vw-ref')
    .allTextContents()
  return refs.sort()
}

async function giveScore(person: Person, score: number, head?: string): Promise<void> {
  const round = person.page.getByRole('region', { name: /Hoofd, hart, buik/ })
  if (head) await round.getByRole('textbox', { name: /Hoofd/ }).fill(head)
  await round.getByRole('radio', { name: String(score), exact: true }).check()
  await round.getByRole('button', { name: 'Opslaan' }).click()
  await round.getByText('Opgeslagen').waitFor()
}

describe('equal voice and the golden thread in a mixed room', () => {
  it('links by keyboard, shows threads and loose ends, splits counts by side, takes proxy notes and scores', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Samenspel Holendrecht')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    const viewerUrl = await ellen.room.viewerLink()

    const people: [string, string][] = [
      ['Łukasz Nowak', 'Beroepskracht'],
      ['Fatma Öztürk', 'Beroepskracht'],
      ['Ayşe Yılmaz', 'Vrijwilliger'],
      ['Marga de Vries', 'Mantelzorger'],
      ['Kwame Mensah', 'Ervaringsdeskundige'],
    ]
    const [lukasz, fatma, ayse, marga, kwame] = await Promise.all(
      people.map(() => harness.person()),
    )
    const joined = [lukasz!, fatma!, ayse!, marga!, kwame!]
    for (const [i, person] of joined.entries()) {
      await person.page.goto(url)
      // The join page already shows who is at the table.
      await person.page.getByText('Aan tafel:').waitFor()
      await person.room.join(people[i]![0], people[i]![1])
    }
    const screen = await harness.person({ viewport: { width: 1920, height: 1080 } })
    await screen.page.goto(viewerUrl)

    // The room's mix, on the facilitator's screen and the shared screen.
    await ellen.room.openPanel('Mensen')
    await ellen.page.getByText('3 formeel · 3 informeel').waitFor()
    await screen.page.getByText('3 formeel · 3 informeel').waitFor()

    // Warm-up: head, heart, gut and a score; the room sees only the distribution.
    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Ronde bij het begin' }).click()
    await ellen.room.closeActivities()
    await giveScore(ayse!, 4, 'Ik hoop dat we elkaar echt horen')
    await giveScore(marga!, 5, 'Eerst zien')
    await screen.page.getByText('de cijfers zijn te zien vanaf 3 antwoorden.').waitFor()
    // Words too wait for three people, or two could read each other's off the screen.
    await screen.page.getByText('De woorden zijn te zien vanaf 3 antwoorden.').waitFor()
    expect(await screen.page.getByText('Ik hoop dat we elkaar echt horen').count()).toBe(0)
    await giveScore(kwame!, 6, 'Nieuwsgierig')
    await giveScore(lukasz!, 7)
    const before = screen.page.locator('.pulse-chart[data-phase="before"]')
    await before.getByText('4 antwoorden, gemiddeld 5,5').waitFor()
    expect(await before.locator('[data-score="4"]').getAttribute('data-count')).toBe('1')
    await screen.page.getByText('Ik hoop dat we elkaar echt horen').waitFor()
    await ellen.page.getByRole('button', { name: 'Ronde sluiten' }).click()

    // One note per column, from both sides, and a proxy note for a resident without a phone.
    await ayse!.room.addNote(/Waarden/, 'Regie bij het gezin')
    await lukasz!.room.addNote(/Relaties/, 'Eén vast aanspreekpunt per gezin')
    await marga!.room.addNote(/Eisen/, 'Geen jargon in gesprekken')
    await fatma!.room.addNote(/Voorwaarden/, 'Twee uur per maand voor overleg')
    await kwame!.room.addNote(/Acties/, 'Buurtoverleg plannen')
    const acties = ellen.room.column(/Acties/)
    await acties.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    await acties.getByRole('checkbox', { name: /voor iemand zonder telefoon/ }).check()
    await acties.getByRole('radio', { name: 'Bewoner' }).check()
    await acties.getByRole('textbox', { name: 'Tekst van de notitie' }).fill('Huisbezoek bij Henk')
    await acties.getByRole('radio', { name: 'Anderen', exact: true }).check()
    await acties.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Enter')
    const proxy = ayse!.room.note('Huisbezoek bij Henk')
    await proxy.getByText('Namens Bewoner · opgeschreven door Ellen van Dijk').waitFor()

    // References on every screen.
    await screen.page.locator('.vw-ref', { hasText: 'A2' }).waitFor()
    expect(await ayse!.room.note('Regie bij het gezin').locator('.note-ref').textContent()).toBe(
      'W1',
    )

    // The golden thread, linked by keyboard by different people.
    await kwame!.page.getByRole('listitem', { name: /Buurtoverleg/ }).waitFor()
    await linkByKeyboard(kwame!.page, 'Buurtoverleg plannen', 'V1')
    await linkByKeyboard(fatma!.page, 'Twee uur per maand', 'E1')
    await linkByKeyboard(marga!.page, 'Geen jargon', 'R1')
    await linkByKeyboard(lukasz!.page, 'Eén vast aanspreekpunt', 'W1')
    await ellen.room.note('Buurtoverleg plannen').getByText('Dient: V1').waitFor()
    // A condition keeps a relation going as well as making a requirement possible.
    await linkByKeyboard(fatma!.page, 'Twee uur per maand', 'R1')
    await ellen.room.note('Twee uur per maand').getByText('Dient: E1 R1').waitFor()

    // Loose ends: the proxy action serves no value yet; every value is reached.
    await ellen.room
      .note('Huisbezoek bij Henk')
      .getByText('Los eind: dient nog geen waarde')
      .waitFor()
    expect(
      await ellen.room
        .note('Regie bij het gezin')
        .getByText(/Los eind/)
        .count(),
    ).toBe(0)

    // The facilitator shows E1's thread: highlighted here and on the shared screen, which
    // follows; a participant who does not follow keeps their own view.
    await ellen.room.noteAction('Geen jargon', 'Rode draad')
    await expect.poll(() => threadRefs(ellen)).toEqual(['A1', 'E1', 'R1', 'V1', 'W1'])
    await expect.poll(() => threadRefs(screen)).toEqual(['A1', 'E1', 'R1', 'V1', 'W1'])
    await screen.page.getByText('De begeleider laat de rode draad zien van E1.').waitFor()
    expect(await threadRefs(ayse!)).toEqual([])
    // Anyone can look at a thread on their own screen.
    await ayse!.room.noteAction('Huisbezoek', 'Rode draad')
    await expect.poll(() => threadRefs(ayse!)).toEqual(['A2'])

    // The facilitator puts the loose end to the group.
    await ellen.room.openPanel('Rode draad')
    await ellen.page
      .getByRole('region', { name: 'Rode draad' })
      .getByRole('button', { name: /Vraag de groep naar: Huisbezoek/ })
      .click()
    await screen.page.getByText('Welke waarde dient deze actie?').waitFor()

    // An edit counts for the balance too.
    await marga!.room.noteAction('Geen jargon', 'Bewerken')
    const box = marga!.room.column(/Eisen/).getByRole('textbox', { name: 'Tekst van de notitie' })
    await box.fill('Geen jargon en geen afkortingen in gesprekken')
    await box.press('Enter')

    // Split counts by side per step on the facilitator's screen: three formal, four informal
    // (the resident counts as a person of their own side).
    await ellen.room.openPanel('Mensen')
    const balance = ellen.page.getByRole('region', { name: 'Wie komt aan het woord?' })
    const figure = async (column: RegExp, name: string) =>
      balance
        .locator('.balance-step')
        .filter({ has: ellen.page.getByRole('heading', { name: column }) })
        .locator(`[data-figure="${name}"]`)
        .textContent()
    await expect.poll(() => figure(/Eisen/, 'informal-edits')).toBe('1')
    expect(await figure(/Waarden/, 'informal-notes')).toBe('1')
    expect(await figure(/Waarden/, 'formal-notes')).toBe('0')
    expect(await figure(/Acties/, 'total-notes')).toBe('2')
    expect(await figure(/Acties/, 'informal-notes')).toBe('2')
    expect(await figure(/Relaties/, 'formal-notes')).toBe('1')
    // Participants do not get the breakdown; the shared screen only when the facilitator says so.
    expect(await ayse!.page.getByRole('region', { name: 'Wie komt aan het woord?' }).count()).toBe(
      0,
    )
    expect(await screen.page.getByRole('region', { name: 'Wie komt aan het woord?' }).count()).toBe(
      0,
    )
    await balance.getByRole('checkbox', { name: 'Ook op het grote scherm laten zien' }).check()
    await screen.page.getByRole('region', { name: 'Wie komt aan het woord?' }).waitFor()

    // Closing round: the same score again, before and after side by side.
    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Ronde aan het eind' }).click()
    await ellen.room.closeActivities()
    await giveScore(ayse!, 8)
    await giveScore(marga!, 8)
    await giveScore(kwame!, 9)
    const after = screen.page.locator('.pulse-chart[data-phase="after"]')
    await after.getByText('3 antwoorden, gemiddeld 8,3').waitFor()
    expect(await after.locator('[data-score="8"]').getAttribute('data-count')).toBe('2')
    await screen.page.locator('.pulse-chart[data-phase="before"]').waitFor()

    for (const person of [ellen, ...joined, screen]) expect(person.errors).toEqual([])
  })
})
