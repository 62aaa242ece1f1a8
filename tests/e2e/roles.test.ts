import { describe, expect, it, vi } from 'vitest'
import { openExample, openBigScreen, useHarness } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/**
 * Meet as persons, not job titles: the facilitator hides roles on the notes while the group
 * writes, and the counts per side keep working. Managers and policy makers join on the formal
 * side, and anyone may say what their role is more precisely.
 */
describe('roles', () => {
  it('are hidden from the notes on every screen while the sides still count', async () => {
    const { facilitator: ellen, url } = await openExample(harness, 'Ellen van Dijk', 'Manager')
    const screen = await openBigScreen(harness, ellen)

    // A policy maker joins from a laptop and says where she works.
    const mirjam = await harness.person()
    await mirjam.page.goto(url)
    await mirjam.page.getByLabel('Je naam').fill('Mirjam Visser')
    await mirjam.page.getByRole('radio', { name: 'Beleidsmaker' }).check()
    await mirjam.page.getByLabel(/Waar werk je, of wat doe je precies/).fill('gemeente')
    await mirjam.page.getByRole('button', { name: 'Meedoen' }).click()
    await mirjam.room.addNote(/Waarden/, 'Ruimte om fouten te maken')
    const own = 'Mirjam Visser · Beleidsmaker, gemeente'
    await ellen.room.note('Ruimte om fouten te maken').getByText(own).waitFor()
    const byAyse = 'Ayşe Yılmaz · Vrijwilliger, voedselbank'
    // The screen lays out every note, those on other pages unseen: one of hers is in sight.
    await screen.page
      .locator('.vw-note', { hasText: byAyse })
      .filter({ visible: true })
      .first()
      .waitFor()

    await ellen.room.openActivities()
    await ellen.page.getByRole('checkbox', { name: /Rollen op notities verbergen/ }).check()
    await ellen.room.closeActivities()
    for (const page of [mirjam.page, ellen.page]) {
      const note = page.getByRole('listitem', { name: /Ruimte om fouten te maken/ })
      await expect.poll(() => note.locator('.note-author').textContent()).toBe('Mirjam Visser')
    }
    await expect.poll(() => screen.page.locator('.vw-note', { hasText: byAyse }).count()).toBe(0)
    await screen.page
      .locator('.vw-note-author', { hasText: /^Ayşe Yılmaz$/ })
      .filter({ visible: true })
      .first()
      .waitFor()

    // The sides still count: both formal people in the room, by side, not by role shown.
    await ellen.room.openPanel('Mensen')
    await ellen.page.getByText(/Aan tafel:.*2 formeel/).waitFor()

    await ellen.room.openActivities()
    await ellen.page.getByRole('checkbox', { name: /Rollen op notities verbergen/ }).uncheck()
    await ellen.room.closeActivities()
    await mirjam.room.note('Ruimte om fouten te maken').getByText(own).waitFor()
    for (const person of [ellen, screen, mirjam]) expect(person.errors).toEqual([])
  })
})
