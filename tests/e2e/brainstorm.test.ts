import { describe, expect, it, vi } from 'vitest'
import { openExample, openBigScreen, joinAs, PHONE, useHarness } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/** Brainstorm mode: the creative rules on every screen, twenty minutes, no judging until the end. */
describe('brainstorm mode', () => {
  it('shows its rules and timer everywhere, and holds back votes and marks until it ends', async () => {
    const { facilitator: ellen, url } = await openExample(harness, 'Ellen van Dijk', 'Manager')
    const screen = await openBigScreen(harness, ellen)
    const noor = await joinAs(harness, url, 'Noor El Idrissi', 'Vrijwilliger', PHONE)

    // W1 of the example is shared by both sides.
    const w1 = 'gezinnen zelf de regie houden'
    await ellen.room.note(w1).getByText('Gedeeld').waitFor()

    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Brainstorm starten (20 minuten)' }).click()
    await ellen.room.closeActivities()
    for (const page of [noor.page, screen.page]) {
      const rules = page.getByRole('region', { name: 'Regels voor de brainstorm' })
      await rules.getByText('Hoe gekker, hoe beter.').waitFor()
      await rules.getByText('Begin alleen, dan samen.').waitFor()
    }
    await screen.page
      .getByText(/^(20:00|19:5\d)$/)
      .first()
      .waitFor()
    await expect.poll(() => ellen.room.note(w1).getByText('Gedeeld').count()).toBe(0)
    expect(await screen.page.locator('.vw-mark-agreed').count()).toBe(0)

    await ellen.page
      .getByRole('region', { name: 'Regels voor de brainstorm' })
      .getByRole('button', { name: 'Brainstorm afronden' })
      .click()
    await ellen.room.note(w1).getByText('Gedeeld').waitFor()
    await screen.page.locator('.vw-mark-agreed').first().waitFor()
    // The end reaches the phone a moment later.
    await expect
      .poll(() => noor.page.getByRole('region', { name: 'Regels voor de brainstorm' }).count())
      .toBe(0)
    for (const person of [ellen, screen, noor]) expect(person.errors).toEqual([])
  })
})
