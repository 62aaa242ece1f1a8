import { describe, expect, it, vi } from 'vitest'
import { openExample, openBigScreen, joinAs, PHONE, useHarness } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/** Conditions tagged with the layer where collaboration gets stuck, and how they spread. */
describe('the three layers', () => {
  it('are chosen from a phone, counted under the conditions, and shown on the big screen', async () => {
    const { facilitator: ellen, url } = await openExample(harness, 'Ellen van Dijk', 'Manager')
    const screen = await openBigScreen(harness, ellen)

    // The example tags its four conditions; the column says how they spread.
    const summary = ellen.page.getByRole('region', { name: 'De drie lagen' })
    await summary.locator('[data-layer="samenwerken"][data-count="2"]').waitFor()

    const noor = await joinAs(harness, url, 'Noor El Idrissi', 'Vrijwilliger', PHONE)
    await noor.page.getByRole('tab', { name: /Voorwaarden/ }).click()
    // Tijd (V1) is practical, but the group hears it is about what it means for people.
    await noor.room.noteAction('Tijd: twee uur', 'Laag kiezen…', 'Omgaan met verandering')
    await summary.locator('[data-layer="verandering"][data-count="2"]').waitFor()
    await summary.locator('[data-layer="samenwerken"][data-count="1"]').waitFor()
    await ellen.room.note('Tijd: twee uur').getByText('Laag: Omgaan met verandering').waitFor()
    await screen.page
      .locator('.vw-note', { hasText: 'Tijd: twee uur' })
      .getByText('Laag: Omgaan met verandering')
      .waitFor()

    // What suits each layer, with the caution against quick fixes.
    await summary.getByText(/Aanpak: trainen, situaties oefenen/).waitFor()
    await summary.getByText(/Pas op voor snelle oplossingen/).waitFor()
    // Escape in the layer page goes back one level; a second Escape closes the menu.
    await ellen.room.noteMenu('Veiligheid om').click()
    const layerMenu = ellen.room.note('Veiligheid om').getByRole('menu')
    await layerMenu.getByRole('menuitem', { name: 'Laag kiezen…' }).click()
    await layerMenu.getByRole('menuitemcheckbox', { name: 'Samenspel' }).waitFor()
    await ellen.page.keyboard.press('Escape')
    await layerMenu.getByRole('menuitem', { name: 'Laag kiezen…' }).waitFor()
    await ellen.page.keyboard.press('Escape')
    await expect.poll(() => layerMenu.count()).toBe(0)
    // Only conditions take a layer.
    await noor.page.getByRole('tab', { name: /Eisen/ }).click()
    await noor.room.noteMenu('Luisteren zonder').click()
    const menu = noor.room.note('Luisteren zonder').getByRole('menu')
    await menu.getByRole('menuitem').first().waitFor()
    expect(await menu.getByRole('menuitem', { name: 'Laag kiezen…' }).count()).toBe(0)
    for (const person of [ellen, screen, noor]) expect(person.errors).toEqual([])
  })
})
