import { describe, expect, it, vi } from 'vitest'
import { openBigScreen, joinAs, PHONE, useHarness } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/**
 * "Verstaanbaar Nederlands, graag" and "ja, en…": anyone gives them without their name, the
 * facilitator and the big screen see them at once, and the facilitator takes them away.
 */
describe('signals without a name', () => {
  it('reach the facilitator and the big screen from a phone and a laptop, and go when seen', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Samenspel Zuidoost')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    const screen = await openBigScreen(harness, ellen)

    const noor = await joinAs(harness, url, 'Noor El Idrissi', 'Vrijwilliger', PHONE)
    await noor.page.getByRole('button', { name: /Signaal geven/ }).click()
    await noor.page.getByRole('menuitem', { name: 'Verstaanbaar Nederlands, graag' }).click()
    await noor.page.getByText('Je naam staat er niet bij.').waitFor()

    const facilitatorBanner = ellen.page.getByRole('region', {
      name: /^Verstaanbaar Nederlands, graag/,
    })
    const screenBanner = screen.page.getByRole('region', { name: /^Verstaanbaar Nederlands/ })
    await facilitatorBanner.waitFor()
    await screenBanner.getByText('Zeg het in gewone woorden, of leg het uit.').waitFor()
    // Nothing on the screen says who gave it.
    expect(await screenBanner.textContent()).not.toContain('Noor')

    // By keyboard from a laptop: the same signal counts again, "ja, en" on its own.
    const kwame = await joinAs(harness, url, 'Kwame Mensah', 'Ervaringsdeskundige')
    const give = kwame.page.getByRole('button', { name: /Signaal geven/ })
    for (const item of ['Verstaanbaar Nederlands, graag', /^Ja, en/]) {
      await give.focus()
      await kwame.page.keyboard.press('ArrowDown')
      const choice = kwame.page.getByRole('menuitem', { name: item })
      while (!(await choice.evaluate((node) => node === document.activeElement))) {
        await kwame.page.keyboard.press('ArrowDown')
      }
      await kwame.page.keyboard.press('Enter')
    }
    await screenBanner.getByText('(2 keer)').waitFor()
    await screen.page.getByRole('region', { name: /^Ja, en/ }).waitFor()
    // A second tap from the same phone right away does not count twice.
    await noor.page.getByRole('button', { name: /Signaal geven/ }).click()
    await noor.page.getByRole('menuitem', { name: 'Verstaanbaar Nederlands, graag' }).click()
    await noor.page.getByText('Je signaal staat al op het scherm.').waitFor()
    await expect.poll(() => facilitatorBanner.textContent()).toContain('(2 keer)')
    // Participants give signals; they do not get the banners.
    expect(await kwame.page.locator('.signal-banner').count()).toBe(0)

    // Heard: the facilitator takes it off every screen; the other one stays.
    await facilitatorBanner.getByRole('button', { name: /^Gezien/ }).click()
    await expect.poll(() => screenBanner.count()).toBe(0)
    // The keyboard lands on the banner that is left, not on the page.
    await expect
      .poll(() =>
        ellen.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
      )
      .toMatch(/^Gezien: Ja, en/)
    expect(await facilitatorBanner.count()).toBe(0)
    await screen.page.getByRole('region', { name: /^Ja, en/ }).waitFor()
    for (const person of [ellen, screen, noor, kwame]) expect(person.errors).toEqual([])
  })
})
