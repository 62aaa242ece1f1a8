import { describe, expect, it, vi } from 'vitest'
import { useHarness } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/** Brainstorm mode: the creative rules on every screen, twenty minutes, no judging until the end. */
describe('brainstorm mode', () => {
  it('shows its rules and timer everywhere, and holds back votes and marks until it ends', async () => {
    const ellen = await harness.person()
    await ellen.page.goto(harness.server.url)
    await ellen.page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
    await ellen.page.waitForURL(/\/m\//)
    const url = ellen.page.url()
    await ellen.room.join('Ellen van Dijk', 'Manager')
    const viewerUrl = await ellen.room.viewerLink()
    const screen = await harness.person({ viewport: { width: 1920, height: 1080 } })
    await screen.page.goto(viewerUrl)
    await screen.page.getByRole('group', { name: 'De partnerschapskaart' }).waitFor()
    const noor = await harness.person({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    await noor.page.goto(url)
    await noor.room.join('Noor El Idrissi', 'Vrijwilliger')

    // W1 of the example is shared by both sides.
    const w1 = 'gezinnen zelf de regie houden'
    await ellen.room.note(w1).getByText('Gedeeld').waitFor()

    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Brainstorm starten (20 minuten)' }).click()
    await ellen.room.closeActivities()
    for (const page of [noor.page, screen.page]) {
      const rules = page.getByRole('region', { name: 'Brainstorm: de spelregels' })
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
      .getByRole('region', { name: 'Brainstorm: de spelregels' })
      .getByRole('button', { name: 'Brainstorm afronden' })
      .click()
    await ellen.room.note(w1).getByText('Gedeeld').waitFor()
    await screen.page.locator('.vw-mark-agreed').first().waitFor()
    expect(await noor.page.getByRole('region', { name: 'Brainstorm: de spelregels' }).count()).toBe(
      0,
    )
    for (const person of [ellen, screen, noor]) expect(person.errors).toEqual([])
  })
})
