import type { Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { joinAs, openBigScreen, PHONE, useHarness } from './harness'

vi.setConfig({ testTimeout: 150_000 })

const harness = useHarness()

async function answer(page: Page, holder: string | RegExp, words = ''): Promise<void> {
  const round = page.getByRole('region', { name: 'Wie heeft hier invloed?' })
  await round.getByRole('radio', { name: holder }).check()
  if (words) await round.getByRole('textbox', { name: /Waarom denk je dat/ }).fill(words)
  await round.getByRole('button', { name: 'Opslaan' }).click()
  await round.getByText('Opgeslagen.').waitFor()
}

/**
 * "Wie heeft hier invloed?" asked at a step: answers without names, per side, side by side on
 * every screen, a side shown only once three of it answered.
 */
describe('"Wie heeft hier invloed?"', () => {
  it('is asked by the facilitator and answered per side, from phones and laptops', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Samenspel Zuidoost')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    const screen = await openBigScreen(harness, ellen)

    const people = []
    for (const [name, role, phone] of [
      ['Noor El Idrissi', 'Vrijwilliger', true],
      ['Marga de Vries', 'Mantelzorger', false],
      ['Kwame Mensah', 'Ervaringsdeskundige', true],
    ] as const) {
      people.push(await joinAs(harness, url, name, role, phone ? PHONE : {}))
    }

    await ellen.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Vraag: Wie heeft hier invloed?' }).click()
    await ellen.room.closeActivities()
    const shown = screen.page.getByRole('region', { name: 'Wie heeft hier invloed?' })
    await shown.getByText('Bij stap 1: Waarden').waitFor()
    // The big screen only shows; it has no form.
    expect(await shown.getByRole('radio').count()).toBe(0)

    await answer(ellen.page, 'Beroepskrachten')
    await answer(people[0]!.page, 'Beroepskrachten', 'Het team beslist over de indicatie')
    await answer(people[1]!.page, /^Anderen/)
    const informal = shown.getByRole('region', { name: 'Zo zien de informele partners het' })
    const formal = shown.getByRole('region', { name: 'Zo zien de beroepskrachten het' })
    await informal.getByText(/Nog te weinig antwoorden/).waitFor()
    await answer(people[2]!.page, 'Beroepskrachten')
    await informal.getByText('3 antwoorden').waitFor()
    expect(await informal.locator('[data-holder="formal"]').getAttribute('data-count')).toBe('2')
    expect(await informal.locator('[data-holder="others"]').getAttribute('data-count')).toBe('1')
    await informal.getByText('Het team beslist over de indicatie').waitFor()
    // One formal answer: not shown, so nobody reads Ellen's off the screen.
    expect(await formal.getByText(/Nog te weinig antwoorden/).count()).toBe(1)
    // Nothing on the screen names anyone.
    expect(await shown.textContent()).not.toMatch(/Noor|Marga|Kwame|Ellen/)

    // Changing one's mind replaces the answer.
    await answer(people[1]!.page, 'Samen')
    await expect
      .poll(() => informal.locator('[data-holder="together"]').getAttribute('data-count'))
      .toBe('1')
    expect(await informal.getByText('3 antwoorden').count()).toBe(1)

    // Put aside: off every screen, and the answers are gone.
    await ellen.page
      .getByRole('region', { name: 'Wie heeft hier invloed?' })
      .getByRole('button', { name: 'Vraag afsluiten' })
      .click()
    await expect.poll(() => shown.count()).toBe(0)
    expect(
      await people[0]!.page.getByRole('region', { name: 'Wie heeft hier invloed?' }).count(),
    ).toBe(0)
    for (const person of [ellen, screen, ...people]) expect(person.errors).toEqual([])
  })
})
