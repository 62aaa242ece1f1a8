import { describe, expect, it, vi } from 'vitest'
import { openBigScreen, joinAs, PHONE, useHarness } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/** The group writes its own ground rules at the start; the big screen keeps them in view. */
describe("the group's own ground rules", () => {
  it('are written from a phone, reworded on a laptop, and shown on the big screen', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Samenspel Zuidoost')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    const screen = await openBigScreen(harness, ellen)
    const shown = screen.page.getByRole('region', { name: 'Onze spelregels' })
    expect(await shown.count()).toBe(0)

    const noor = await joinAs(harness, url, 'Noor El Idrissi', 'Vrijwilliger', PHONE)
    await noor.room.openPanel('Mensen')
    const box = noor.page.getByRole('textbox', { name: 'Nieuwe spelregel' })
    await box.fill('We laten elkaar uitpraten.')
    await box.press('Enter')
    await box.fill('‘Ik weet het nog niet’ is een goed antwoord.')
    await noor.page.getByRole('button', { name: 'Toevoegen', exact: true }).click()
    await expect.poll(() => box.inputValue()).toBe('')

    await shown.getByText('We laten elkaar uitpraten.').waitFor()
    await shown.getByText('‘Ik weet het nog niet’ is een goed antwoord.').waitFor()

    // Ellen says the first one in other words, by keyboard, and takes the second away.
    await ellen.room.openPanel('Mensen')
    const rules = ellen.page.getByRole('region', { name: 'Onze spelregels' })
    await rules.getByRole('button', { name: 'Spelregel 1 wijzigen' }).click()
    const edit = rules.getByRole('textbox', { name: 'Spelregel 1' })
    await edit.fill('We laten elkaar echt uitpraten.')
    await edit.press('Enter')
    // Back on the button it started from.
    await expect
      .poll(() =>
        rules
          .getByRole('button', { name: 'Spelregel 1 wijzigen' })
          .evaluate((node) => node === document.activeElement),
      )
      .toBe(true)
    await rules.getByRole('button', { name: 'Spelregel 2 weghalen' }).click()
    // The rule goes from every screen; the keyboard lands on the way to put it back.
    await expect.poll(() => shown.getByRole('listitem').count()).toBe(1)
    const putBack = rules.getByRole('button', { name: 'Terugzetten' })
    await expect.poll(() => putBack.evaluate((node) => node === document.activeElement)).toBe(true)
    await rules.getByText('Weggehaald: “‘Ik weet het nog niet’ is een goed antwoord.”').waitFor()
    // Taken away by mistake: it comes back in its place, then the field for a new one has focus.
    await ellen.page.keyboard.press('Enter')
    await expect.poll(() => shown.getByRole('listitem').count()).toBe(2)
    await expect
      .poll(() => shown.getByRole('listitem').last().textContent())
      .toContain('Ik weet het nog niet')
    await expect
      .poll(() =>
        rules
          .getByRole('textbox', { name: 'Nieuwe spelregel' })
          .evaluate((node) => node === document.activeElement),
      )
      .toBe(true)
    await rules.getByRole('button', { name: 'Spelregel 2 weghalen' }).click()
    await shown.getByText('We laten elkaar echt uitpraten.').waitFor()
    await expect.poll(() => shown.getByRole('listitem').count()).toBe(1)
    await noor.page.getByText('We laten elkaar echt uitpraten.').waitFor()
    for (const person of [ellen, screen, noor]) expect(person.errors).toEqual([])
  })
})
