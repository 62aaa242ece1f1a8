import { describe, expect, it, vi } from 'vitest'
import { killHard } from '../helpers/serverProcess'
import { useHarness } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()
const person = () => harness.person()

describe('the live map in two browsers', () => {
  it('shows notes, moves and presence from one browser in the other, and keeps them on reload', async () => {
    const ayse = await person()
    const url = await ayse.room.createMap(harness.server.url, 'Samenspel in de wijk')
    await ayse.room.join('Ayşe Yılmaz', 'Vrijwilliger')

    const lukasz = await person()
    await lukasz.page.goto(url)
    await lukasz.page.getByRole('heading', { name: 'Samenspel in de wijk' }).waitFor()
    await lukasz.room.join('Łukasz Nowak', 'Beroepskracht')

    // Presence: each sees the other, with their role.
    await ayse.room.openPanel('Mensen')
    await lukasz.room.openPanel('Mensen')
    await ayse.page.getByRole('listitem').filter({ hasText: 'Łukasz Nowak' }).waitFor()
    await lukasz.page.getByRole('listitem').filter({ hasText: 'Ayşe Yılmaz' }).waitFor()

    // The five columns, as on the card: Acties left, Waarden right.
    const headings = await ayse.page.locator('.column h2').allInnerTexts()
    expect(headings.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      'Stap 5: Acties',
      'Stap 4: Voorwaarden (Condities)',
      'Stap 3: Eisen (Handelen)',
      'Stap 2: Relaties',
      'Stap 1: Waarden',
    ])

    const text = 'Gelijkwaardigheid: de ervaring van de vrijwilliger telt even zwaar'
    await ayse.room.addNote(/Waarden/, text)
    await lukasz.room
      .column(/Waarden/)
      .getByRole('listitem', { name: new RegExp(text) })
      .waitFor()
    await expect
      .poll(() => lukasz.room.note(text).innerText())
      .toContain('Ayşe Yılmaz · Vrijwilliger')

    // Drag with the mouse from Waarden to Relaties.
    const handle = ayse.room.grip(text)
    const target = ayse.room.column(/Relaties/).locator('.note-list')
    await handle.scrollIntoViewIfNeeded()
    const from = (await handle.boundingBox())!
    const to = (await target.boundingBox())!
    await ayse.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await ayse.page.mouse.down()
    await ayse.page.mouse.move(from.x + 20, from.y + 20, { steps: 5 })
    await ayse.page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 15 })
    await ayse.page.mouse.up()
    await ayse.room
      .column(/Relaties/)
      .getByRole('listitem', { name: new RegExp(text) })
      .waitFor()
    await lukasz.room
      .column(/Relaties/)
      .getByRole('listitem', { name: new RegExp(text) })
      .waitFor()
    expect(await lukasz.room.notesIn(/Waarden/).count()).toBe(0)

    // Reload: everything is still there, and name and role are remembered on this device.
    await lukasz.page.reload()
    await lukasz.room
      .column(/Relaties/)
      .getByRole('listitem', { name: new RegExp(text) })
      .waitFor()
    await lukasz.room.openPanel('Mensen')
    await lukasz.page.getByRole('listitem').filter({ hasText: 'Łukasz Nowak' }).first().waitFor()

    expect(ayse.errors).toEqual([])
    expect(lukasz.errors).toEqual([])
  })

  it('moves a note to another column and within it by keyboard alone', async () => {
    const ayse = await person()
    await ayse.room.createMap(harness.server.url, 'Toetsenbord')
    await ayse.room.join('Ayşe Yılmaz', 'Vrijwilliger')
    await ayse.room.addNote(/Eisen/, 'Eerste eis')
    await ayse.room.addNote(/Eisen/, 'Tweede eis')
    await ayse.room.addNote(/Relaties/, 'Een relatie')

    // Keys at a person's pace: dnd-kit measures the layout between presses and says nothing when
    // it is done (two drawn frames were not always enough on a busy machine), so this pause stays.
    const press = async (key: string) => {
      await ayse.page.keyboard.press(key)
      await ayse.page.waitForTimeout(150)
    }
    // Each step waits for what the screen reader hears, so a busy machine cannot outrun dnd-kit.
    const announced = (pattern: RegExp) =>
      expect
        .poll(() => ayse.page.locator('[role="status"][aria-live="assertive"]').allInnerTexts())
        .toEqual(expect.arrayContaining([expect.stringMatching(pattern)]))
    const handle = ayse.room.grip('Tweede eis')
    await handle.focus()
    await press('Space')
    await announced(/Tweede eis is nu boven Eisen, plek 2/)
    await press('ArrowUp')
    await announced(/Tweede eis is nu boven Eisen, plek 1/)
    await press('Space')
    await expect
      .poll(() => ayse.room.notesIn(/Eisen/).allInnerTexts())
      .toEqual([expect.stringContaining('Tweede eis'), expect.stringContaining('Eerste eis')])

    await ayse.room.grip('Eerste eis').focus()
    await press('Space')
    await announced(/Eerste eis is nu boven Eisen/)
    await press('ArrowRight')
    await announced(/Eerste eis is nu boven Relaties/)
    await press('Space')
    await ayse.room
      .column(/Relaties/)
      .getByRole('listitem', { name: /Eerste eis/ })
      .waitFor()
    // The screen reader heard where the note went, in Dutch.
    await expect
      .poll(() => ayse.page.locator('[role="status"][aria-live="assertive"]').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/neergezet in Relaties/)]))
  })
})

describe('offline and restarts', () => {
  it('keeps edits made while the server is down, also through a reload, and merges them after', async () => {
    const ayse = await person()
    const url = await ayse.room.createMap(harness.server.url, 'Offline werken')
    await ayse.room.join('Ayşe Yılmaz', 'Vrijwilliger')
    const marga = await person()
    await marga.page.goto(url)
    await marga.room.join('Marga de Vries', 'Mantelzorger')
    await ayse.room.addNote(/Waarden/, 'Voor de storing')
    await marga.room.note('Voor de storing').waitFor()
    // The service worker must be active before the app can open without a server.
    await ayse.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))

    await killHard(harness.server)
    await ayse.page.locator('[data-status="reconnecting"], [data-status="connecting"]').waitFor()
    await ayse.room.addNote(/Acties/, 'Tijdens de storing, van Ayşe')
    await marga.room.addNote(/Relaties/, 'Tijdens de storing, van Marga')
    await ayse.page.locator('[data-unsynced="true"]').waitFor()

    // Reload without a server: the app shell comes from the service worker, the map from IndexedDB.
    await ayse.page.reload()
    await ayse.room.note('Tijdens de storing, van Ayşe').waitFor()
    await ayse.room.note('Voor de storing').waitFor()

    await harness.restartServer()
    for (const { room } of [ayse, marga]) {
      await room.note('Tijdens de storing, van Ayşe').waitFor({ timeout: 15_000 })
      await room.note('Tijdens de storing, van Marga').waitFor({ timeout: 15_000 })
    }
    await ayse.page.locator('[data-status="connected"][data-unsynced="false"]').waitFor()

    // A third person, fresh, gets everything from the server alone.
    const kwame = await person()
    await kwame.page.goto(url)
    await kwame.room.join('Kwame Mensah', 'Ervaringsdeskundige')
    await kwame.room.note('Tijdens de storing, van Ayşe').waitFor()
    await kwame.room.note('Tijdens de storing, van Marga').waitFor()
    await kwame.room.note('Voor de storing').waitFor()
  })
})
